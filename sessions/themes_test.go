package sessions

import (
	"strings"
	"testing"

	"forum/model"
)

func TestGroupingRules(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	b, _ := f.eng.Board(f.ctx, v.Event.ID)
	g, other := b.Groups[0].ID, b.Groups[1].ID
	n1, n2, n3 := f.capture(g, "one"), f.capture(g, "two"), f.capture(g, "three")
	elsewhere := f.capture(other, "another table's note")
	gone := f.capture(g, "deleted")
	if _, err := f.eng.DeleteNote(f.ctx, "s", gone.ID); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		notes []model.ID
		theme string
		want  string // "" means accepted
	}{
		{"no name", []model.ID{n1.ID}, "  ", "theme name is empty"},
		{"no notes", nil, "Empty", "choose the notes first"},
		{"another table's note", []model.ID{n1.ID, elsewhere.ID}, "Mixed", "not a live note of this table"},
		{"a deleted note", []model.ID{gone.ID}, "Gone", "not a live note of this table"},
		{"too long", []model.ID{n1.ID}, strings.Repeat("x", 121), "limit is 120"},
		{"fine", []model.ID{n1.ID, n2.ID}, "First", ""},
		{"moving a note to a new theme", []model.ID{n2.ID, n3.ID}, "Second", ""},
	}
	for _, c := range cases {
		_, _, _, err := f.eng.GroupNotes(f.ctx, "s", g, c.notes, c.theme)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.want)
		}
	}
	themes := f.table(g).Themes
	if len(themes) != 2 || len(themes[0].Notes) != 1 || len(themes[1].Notes) != 2 || themes[1].Theme.Name != "Second" {
		t.Fatalf("themes after grouping: %+v", themes)
	}
	if _, notice, _, err := f.eng.GroupNotes(f.ctx, "s", g, []model.ID{n1.ID}, "Red \x1b[31mtheme"); err != nil || notice == "" {
		t.Errorf("an escape in a theme name: %v, notice %q", err, notice)
	}
	first := themes[0].Theme.ID
	if _, err := f.eng.Ungroup(f.ctx, "s", themes[1].Theme.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.eng.RenameTheme(f.ctx, "s", themes[1].Theme.ID, "again"); err == nil {
		t.Error("renamed an ungrouped theme")
	}
	for _, th := range f.table(g).Themes {
		if th.Theme.ID == first {
			t.Error("an emptied theme is still listed")
		}
	}
}

package sessions

import (
	"testing"

	"forum/model"
)

func TestProposalsFindPlantedNearDuplicatesAcrossAreasOnly(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	b, _ := f.eng.Board(f.ctx, v.Event.ID)
	theme := func(g model.ID, name string, notes ...string) model.ID {
		var ids []model.ID
		for _, n := range notes {
			ids = append(ids, f.capture(g, n).ID)
		}
		id, _, _, err := f.eng.GroupNotes(f.ctx, "s", g, ids, name)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	ncl := theme(b.Groups[0].ID, "Estates funding for hubs", "No room for new staff in our buildings", "Capital is needed for shared hubs")
	nel := theme(b.Groups[1].ID, "Hub estates money", "Shared hubs need capital funding", "The buildings are too small for new staff")
	sel := theme(b.Groups[3].ID, "Funding shared hubs", "Capital funding for hubs shared by practices")
	voice := theme(b.Groups[2].ID, "Patient voice", "Involve patients in designing how services change")
	snap, _ := f.eng.Snapshot(f.ctx, v.Event.ID)
	props := ProposeLinks(snap)
	found := map[[2]model.ID]float64{}
	for _, p := range props {
		found[[2]model.ID{p.A.Theme.ID, p.B.Theme.ID}] = p.Score
		if p.A.Theme.ID == voice || p.B.Theme.ID == voice {
			t.Errorf("the unrelated theme was proposed: %s ↔ %s (%.2f)", p.A.Theme.Name, p.B.Theme.Name, p.Score)
		}
	}
	pair := func(a, b model.ID) [2]model.ID {
		if b < a {
			a, b = b, a
		}
		return [2]model.ID{a, b}
	}
	if _, ok := found[pair(ncl, nel)]; !ok {
		t.Fatalf("the near-duplicates were not proposed: %+v", found)
	}
	if err := f.eng.LinkThemes(f.ctx, "o", ncl, nel, model.LinkAccepted, found[pair(ncl, nel)]); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.LinkThemes(f.ctx, "o", nel, sel, model.LinkAccepted, 0); err != nil {
		t.Fatal(err)
	}
	snap, _ = f.eng.Snapshot(f.ctx, v.Event.ID)
	cross := CrossCutting(snap)
	if len(cross) != 1 || len(cross[0].Themes) != 3 || cross[0].Evidence.Areas != 3 || cross[0].Evidence.Tables != 3 {
		t.Fatalf("cross-cutting %+v", cross)
	}
	if got := cross[0].Evidence.String("STP"); got != "raised by 3 of 5 STPs, 3 of 5 tables" {
		t.Errorf("evidence %q", got)
	}
	for _, p := range ProposeLinks(snap) {
		if (p.A.Theme.ID == ncl || p.A.Theme.ID == sel) && (p.B.Theme.ID == ncl || p.B.Theme.ID == sel) {
			t.Error("two themes already in one cross-cutting theme were proposed again")
		}
	}
	if err := f.eng.LinkThemes(f.ctx, "o", ncl, ncl, model.LinkAccepted, 0); err == nil {
		t.Error("a theme was linked to itself")
	}
}

func TestWordsStemAndDropStopWords(t *testing.T) {
	got := words("The practices are sharing their estates, and shared estate funding", nil)
	want := []string{"practic", "share", "estat", "share", "estat", "fund"}
	if len(got) != len(want) {
		t.Fatalf("words = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("words = %q, want %q", got, want)
		}
	}
}

func TestDotVotesWorkOnThemes(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.goTo(g, "priorities")
	a, b, c := f.capture(g, "Shared records"), f.capture(g, "One clinical system"), f.capture(g, "Estates")
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{a.ID: 1}); err != nil {
		t.Fatal(err)
	}
	th, _, _, err := f.eng.GroupNotes(f.ctx, "s", g, []model.ID{a.ID, b.ID}, "Systems and records")
	if err != nil {
		t.Fatal(err)
	}
	v = f.table(g)
	if items := v.VoteItems(); len(items) != 2 || items[0] != th || items[1] != c.ID {
		t.Fatalf("vote items %v, want the theme and the note in no theme", items)
	}
	if p := v.Priorities[0]; p.Note.ID != th || p.Dots != 1 || len(p.Sources) != 2 {
		t.Fatalf("the dot cast on a note before grouping does not count for its theme: %+v", p)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P2", map[model.ID]int{th: 1}); err != nil {
		t.Fatalf("a dot on the theme: %v", err)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P3", map[model.ID]int{a.ID: 1}); err == nil {
		t.Error("a dot on a note inside a theme on the vote was accepted; it should go to the theme")
	}
	if p := f.table(g).Priorities[0]; p.Dots != 2 {
		t.Fatalf("the theme has %d dots, want 2", p.Dots)
	}
}

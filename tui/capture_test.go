package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"forum/model"
)

func TestPastedLinesCanBecomeSeparateNotes(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.typ("draft ")
	h.msg(tea.PasteMsg{Content: "Shared records\r\nEstates\n\nLeadership"})
	h.contains("Pasted 3 lines as one note: ctrl+y makes them 3 separate notes.")
	h.keys("ctrl+y")
	h.contains("✓ 3 notes saved, one per line.")
	var got []string
	for _, n := range h.table().Notes {
		got = append(got, n.Text)
	}
	if strings.Join(got, "|") != "Shared records|Estates|Leadership" {
		t.Fatalf("notes %q", got)
	}
	if v := h.app.tbl.input.Value(); v != "draft " {
		t.Fatalf("the typing line holds %q, want the draft without the paste", v)
	}
}

func TestFilterReadBackMoveAndWhoSaidIt(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	for _, s := range []string{"Shared care records", "Estates are the barrier", "Records differ by borough"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("tab", "ctrl+f")
	h.typ("record")
	h.keys("enter")
	h.contains("matching \"record\": 2 of 3", "Shared care records", "Records differ by borough")
	if strings.Contains(h.screen(), "Estates") {
		t.Fatal("the filter let through a note without the word")
	}
	h.keys("esc")
	h.contains("Notes at this stage: 3")
	h.keys("ctrl+r")
	h.golden("readback-80x24")
	h.fits(80, 24)
	h.contains("Read-back", "1. Shared care records", "3. Records differ by borough")
	h.keys("esc", "down", "down", "down", "up", "ctrl+w")
	h.typ("GP")
	h.keys("enter")
	h.contains("Estates are the barrier — GP")
	h.keys("down", "down", "down", "up")
	h.menu("move the note to the next stage")
	h.contains("Moved to Set the vision (ctrl+z undoes).", "Notes at this stage: 2")
	v := h.table()
	for _, n := range v.Notes {
		if n.Text == "Estates are the barrier" && (n.StageKey != "vision" || n.Author != "GP") {
			t.Fatalf("the note is %+v", n)
		}
	}
}

func TestScribeGroupsNotesIntoThemes(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.keys("ctrl+n", "y", "ctrl+n", "y")
	for _, s := range []string{"Shared records across practices", "Estates are the barrier", "One clinical system", "No room for new staff"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("tab", "up", "up", "up") // "Shared records…"
	h.keys("space")                 // marks it; the selection stays
	h.keys("down", "down", "space") // "One clinical system"
	h.keys("ctrl+g")
	h.typ("Systems and records")
	h.keys("enter")
	h.contains("✓ Theme saved (ctrl+z undoes).", "▾ Systems and records · 2 notes")
	h.golden("themes-80x24")
	h.fits(80, 24)
	v := h.table()
	if len(v.Themes) != 1 || len(v.Themes[0].Notes) != 2 {
		t.Fatalf("themes %+v", v.Themes)
	}
	h.keys("up", "up", "up", "up")
	h.menu("rename the note's theme")
	h.keys("ctrl+u")
	h.typ("Shared systems")
	h.keys("enter")
	h.contains("▾ Shared systems · 2 notes")
	h.menu("ungroup the note's theme")
	h.contains("Ungrouped «Shared systems»")
	if v := h.table(); len(v.Themes) != 0 {
		t.Fatalf("after ungrouping: %d themes", len(v.Themes))
	}
	h.keys("ctrl+z", "ctrl+z") // the ungrouping, then the rename
	h.contains("Undone: the rename.", "▾ Systems and records · 2 notes")
}

func TestOrganiserAcceptsAndRejectsThemeLinks(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("d", "d", "t") // the demo: three cross-cutting themes accepted, one left to decide
	h.contains("Linked · 3 cross-cutting", "Proposals · 1", "Shared ways of working · 7 tables · alike", "shared words:", "✓ NCL Table 1")
	h.golden("themes-review-80x24")
	h.fits(80, 24)
	// Open the proposal, leave its first theme out, rename and accept the
	// rest in one step.
	h.keys("enter", "space")
	h.contains("✗ NCL Table 1", "6 of 7 kept")
	h.keys("e", "ctrl+u")
	h.typ("Working together")
	h.keys("enter")
	h.contains("✓ One cross-cutting theme: Working together.", "Linked · 4 cross-cutting", "Working together — raised by 5 of 5 STPs, 6 of 7 tables")
	// The theme left out is proposed again with the others; rejecting it
	// keeps the cross-cutting theme.
	h.contains("Proposals · 1", "Working together · 7 tables")
	h.keys("x")
	h.contains("Rejected: these themes are not proposed together again.", "Linked · 4 cross-cutting", "Proposals · 0")
	h.keys("esc")
	h.contains("Cross-cutting themes", "Working together")
}

// BenchmarkTableView1000 renders the table screen with 1,000 notes at the
// stage, grouped into themes and not.
func BenchmarkTableView1000(b *testing.B) {
	h := newHarness(b, 80, 24)
	v := h.londonTable()
	var ids []model.ID
	for i := 0; i < 1000; i++ {
		s, err := h.eng.Capture(context.Background(), "bench", v.Group.ID, fmt.Sprintf("Note %d about shared estates, records and the workforce", i), []string{"people"}, "")
		if err != nil {
			b.Fatal(err)
		}
		if i%3 == 0 {
			ids = append(ids, s.Record.ID)
		}
	}
	if _, _, _, err := h.eng.GroupNotes(context.Background(), "bench", v.Group.ID, ids, "Every third note"); err != nil {
		b.Fatal(err)
	}
	h.msg(changedMsg{})
	if len(h.app.tbl.notes()) != 1000 {
		b.Fatalf("%d notes on screen", len(h.app.tbl.notes()))
	}
	b.ResetTimer()
	for b.Loop() {
		h.app.dropFrameCache() // a whole frame, as after a change
		_ = h.app.View()
	}
}

// FuzzCapture types arbitrary text into the table screen, a newline being
// enter, and checks that every note the scribe saw confirmed is stored,
// exactly as the sanitizer leaves the text they typed, in order.
func FuzzCapture(f *testing.F) {
	for _, s := range []string{"one\ntwo\n", "\x1b[31mred\x1b[0m\n", "bidi \u202e evil\n\n\nafter blanks\n", "tab\there\r\n", "\xff\xfe bad utf8\n", strings.Repeat("x", 2100) + "\nshort\n", "no enter at the end"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		h := newHarness(t, 80, 24)
		h.londonTable()
		var want []string
		for _, r := range input {
			if r == '\n' {
				typed := h.app.tbl.input.Value()
				h.keys("enter")
				if c, err := model.Clean(typed, model.NoteRule); err == nil {
					want = append(want, c.Text)
				} else {
					h.app.tbl.input.SetValue("") // a refused note stays in the input: clear it as a scribe would
				}
				continue
			}
			h.msg(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		var got []string
		for _, n := range h.table().Notes {
			got = append(got, n.Text)
		}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("stored %q, want %q", got, want)
		}
		for _, n := range h.app.tbl.view.Notes { // what the screen shows as ✓
			if !containsText(got, n.Text) {
				t.Fatalf("the screen confirms %q, which is not stored", n.Text)
			}
		}
	})
}

func containsText(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestTemplateTagsOnKeysFiveToNine(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.typ("Pharmacists joined the practices")
	h.keys("enter", "tab", "5", "9", "1")
	h.contains("#people #resilience #workforce")
	h.contains("tags: 1 people · 2 processes · 3 systems · 4 resources · 5 workforce")
	if tags := h.table().Notes[0].Tags; strings.Join(tags, ",") != "people,resilience,workforce" {
		t.Fatalf("tags %q", tags)
	}
}

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestPastedLinesCanBecomeSeparateNotes(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.typ("draft ")
	h.msg(tea.PasteMsg{Content: "Shared records\r\nEstates\n\nLeadership"})
	h.contains("Pasted 3 lines as one note: ctrl+l makes them 3 separate notes.")
	h.keys("ctrl+l")
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
	h.keys("tab", "/")
	h.typ("record")
	h.keys("enter")
	h.contains("matching \"record\": 2 of 3", "Shared care records", "Records differ by borough")
	if strings.Contains(h.screen(), "Estates") {
		t.Fatal("the filter let through a note without the word")
	}
	h.keys("esc")
	h.contains("Notes at this stage: 3")
	h.keys("r")
	h.golden("readback-80x24")
	h.fits(80, 24)
	h.contains("Read-back", "1. Shared care records", "3. Records differ by borough")
	h.keys("esc", "down", "down", "down", "up", "w")
	h.typ("GP")
	h.keys("enter")
	h.contains("Estates are the barrier — GP")
	h.keys("down", "down", "down", "up", ">")
	h.contains("Moved to Set the vision.", "Notes at this stage: 2")
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
	h.keys("ctrl+n", "ctrl+n")
	for _, s := range []string{"Shared records across practices", "Estates are the barrier", "One clinical system", "No room for new staff"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("tab", "up", "up", "up") // "Shared records…"
	h.keys("space")                 // marks it, moves to "Estates…"
	h.keys("down", "space")         // "One clinical system"
	h.keys("g")
	h.typ("Systems and records")
	h.keys("enter")
	h.contains("✓ Theme saved.", "▾ Systems and records · 2 notes")
	h.golden("themes-80x24")
	h.fits(80, 24)
	v := h.table()
	if len(v.Themes) != 1 || len(v.Themes[0].Notes) != 2 {
		t.Fatalf("themes %+v", v.Themes)
	}
	h.keys("up", "up", "up", "up", "R", "ctrl+u")
	h.typ("Shared systems")
	h.keys("enter")
	h.contains("▾ Shared systems · 2 notes")
	h.keys("U")
	h.contains("Ungrouped «Shared systems»")
	if v := h.table(); len(v.Themes) != 0 {
		t.Fatalf("after ungrouping: %d themes", len(v.Themes))
	}
}

package tui

import (
	"context"
	"testing"
)

func TestNewEventFormChecksAsYouTypeAndUsesTheChosenTemplate(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n")
	h.contains("New event", "london-gp-2018", "retro-1-2-4-all", "Tables per area")
	h.golden("setup-80x24")
	h.fits(80, 24)

	h.keys("down") // the retrospective
	h.typ("Spring retro")
	h.keys("tab")
	h.typ("2026-13-01")
	h.contains(`Date: "2026-13-01" is not a date`)
	h.keys("ctrl+s")
	if h.app.screen != screenForm {
		t.Fatal("a bad date was accepted")
	}
	for i := 0; i < 5; i++ {
		h.keys("backspace")
	}
	h.typ("03-12")
	h.keys("tab", "backspace")
	h.typ("x")
	h.contains("Tables per area: write a whole number")
	h.keys("backspace")
	h.typ("3")
	h.keys("enter")
	if h.app.screen != screenBoard {
		t.Fatalf("not on the board after creating:\n%s", h.screen())
	}
	h.contains("Spring retro", "2026-03-12", "3 tables", "TEAM The team", "1/7 Check in")
	evs, err := h.eng.Events(context.Background())
	if err != nil || len(evs) != 1 || evs[0].Tables != 3 || evs[0].Title != "Spring retro" {
		t.Fatalf("events %+v %v", evs, err)
	}
}

func TestNewEventFormEscCreatesNothing(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n")
	h.typ("Not wanted")
	h.keys("esc")
	h.contains("Drop what you typed in this form?")
	h.keys("esc") // a second esc keeps the form: esc esc never drops typing
	h.contains("Still here")
	if h.app.screen != screenForm {
		t.Fatal("esc esc closed a form with typing in it")
	}
	h.keys("esc", "y")
	h.contains("Dropped; nothing saved.", "There are no events yet")
}

func TestProgrammeMarkerIsStoredForEveryone(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "enter", "enter", "enter", "p")
	h.contains("Programme", "1. What is important about general practice? Patients' views", "Trevor Begg, Patient Representative")
	h.keys("n", "n")
	h.contains("NOW 2. Why we need to change?", "Now: item 2.")
	h.golden("programme-80x24")
	h.fits(80, 24)
	ev, err := h.eng.Snapshot(context.Background(), h.app.eventID())
	if err != nil || ev.Event.ProgrammeAt != 1 {
		t.Fatalf("stored marker = %d (%v), want 1", ev.Event.ProgrammeAt, err)
	}
	for i := 0; i < 10; i++ {
		h.keys("n")
	}
	h.contains("already at the end of the programme", "NOW 8. Plenary: Final session")
	h.keys("esc")
	h.contains("enter opens a table")
}

func TestHomeRenameCopyArchiveDelete(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.keys("n", "enter", "enter", "enter", "esc")
	h.keys("r")
	for i := 0; i < 200; i++ {
		h.keys("backspace")
	}
	h.contains("Title: the title is empty")
	h.typ("London GP forum 2018")
	h.keys("enter")
	h.contains("✓ Renamed.", "London GP forum 2018")

	h.keys("c")
	h.contains("Copy as a new event", "2019-01-25")
	h.keys("ctrl+s")
	h.contains("enter opens a table", "2019-01-25")
	h.keys("esc")
	h.contains("2019-01-25", "2018-01-25")

	h.keys("down", "a") // archive the 2018 event
	h.contains("Archived", "archived  London GP forum 2018")
	h.keys("up", "x")
	h.contains("Press y to go ahead")
	h.keys("n")
	h.contains("Kept; nothing deleted.")
	h.keys("x", "y")
	h.contains("Event deleted")
	evs, _ := h.eng.Events(context.Background())
	if len(evs) != 1 || !evs[0].Archived {
		t.Fatalf("events after deleting the copy: %+v", evs)
	}
}

package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// newForum makes a London 2018 event with two tables per area through the
// new-event form and opens its set-up screen.
func (h *harness) newForum() {
	h.t.Helper()
	h.keys("n", "tab", "tab", "backspace")
	h.typ("2")
	h.keys("enter", "e")
	if h.app.screen != screenSetup {
		h.t.Fatalf("not on the set-up screen:\n%s", h.screen())
	}
}

// row moves the selection to the first row whose text contains s.
func (h *harness) row(s string) {
	h.t.Helper()
	for i, r := range h.app.setupRows() {
		if strings.Contains(h.app.setupLine(r), s) {
			h.app.setupSel = i
			return
		}
	}
	h.t.Fatalf("no set-up row says %q:\n%s", s, h.screen())
}

func TestSetupScreensGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, hg := size[0], size[1]
		h := newHarness(t, w, hg)
		h.newForum()
		h.golden(fmt.Sprintf("setup-event-%dx%d", w, hg))
		h.fits(w, hg)
		h.keys("enter")
		h.golden(fmt.Sprintf("setup-details-%dx%d", w, hg))
		h.fits(w, hg)
		h.keys("esc")
		h.row("+ add a programme item")
		h.keys("enter")
		h.typ("Lunch and networking")
		h.keys("tab")
		h.typ("12.30")
		h.golden(fmt.Sprintf("setup-talk-%dx%d", w, hg))
		h.fits(w, hg)
	}
}

// TestOrganiserSetsUpTheirOwnForum is the "done when": their own
// title, programme, four areas with two tables each; a table starts on it
// and the programme shows.
func TestOrganiserSetsUpTheirOwnForum(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.newForum()

	h.keys("enter") // details
	h.keys("ctrl+u")
	h.typ("South London ICS forum 2026")
	h.keys("tab", "ctrl+u")
	h.typ("2026-13-12")
	h.contains(`Date: "2026-13-12" is not a date`)
	h.keys("ctrl+u")
	h.typ("2026-03-12")
	h.keys("tab", "tab", "tab")
	for range 5 {
		h.keys("backspace")
	}
	h.typ("ICS")
	h.keys("ctrl+s")
	h.contains("✓ Details saved.", "areas are ICSs", "ICSs · 5 areas, 10 tables")

	// The programme: one item of their own, with two speakers.
	h.row("+ add a programme item")
	h.keys("enter")
	h.typ("Welcome and aims")
	h.keys("tab")
	h.typ("09:30")
	h.keys("tab", "tab")
	h.typ("Dr A Chair (co-Chair, Clinical Senate); B Patient (Patient Representative)")
	h.keys("enter")
	h.contains("✓ Programme saved.", "09:30  Welcome and aims · Dr A Chair +1", "9 items")
	h.row("Welcome and aims")
	for range 9 {
		h.keys("K")
	}
	if r := h.app.setupRows()[h.app.setupSel]; r.kind != rowTalk || r.talk != 0 || !strings.HasPrefix(h.app.setup.Event.Programme[0].Title, "Welcome") {
		t.Fatalf("moving the item to the top left the selection on %+v:\n%s", r, h.screen())
	}

	// Four areas: remove one (nothing captured, so a plain y/n).
	h.row("NWL")
	h.keys("d")
	h.contains("Remove NWL North West London with its 2 tables?")
	h.keys("y")
	h.contains("NWL removed", "ICSs · 4 areas, 8 tables")
	h.row("NWL North West London (ICS, with its tables)")

	h.keys("esc")
	if h.app.screen != screenBoard {
		t.Fatalf("esc did not return to the board:\n%s", h.screen())
	}
	h.contains("South London ICS forum 2026", "8 tables")
	if n := len(h.app.board.Areas); n != 4 {
		t.Fatalf("the board shows %d areas", n)
	}
	h.keys("p")
	h.contains("Welcome and aims", "B Patient, Patient Representative")
	h.keys("esc", "enter")
	if h.app.screen != screenTable {
		t.Fatalf("could not start a table:\n%s", h.screen())
	}
	h.typ("We started")
	h.keys("enter")
	h.contains("✓ We started")
}

func TestRemovingAnAreaWithNotesAsksAndKeepsThem(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.newForum()
	h.keys("esc", "enter") // the first table (NCL)
	for _, s := range []string{"Shared care records", "Estates"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("tab", "esc", "e")
	h.contains("NCL      North Central London  2 tables · 2 notes")
	h.row("NCL")
	h.keys("d")
	h.contains("Remove NCL? Its 2 tables hold 2 notes (kept: u restores them). Press y")
	h.keys("n")
	h.contains("Kept; nothing removed.", "NCL      North Central London")
	h.keys("d", "y")
	h.contains("NCL removed", "STPs · 4 areas, 8 tables")
	snap, err := h.eng.Snapshot(context.Background(), h.app.eventID())
	if err != nil || len(snap.Contributions) != 0 || len(snap.RemovedAreas) != 1 {
		t.Fatalf("after removing: %d notes shown, %d areas removed, %v", len(snap.Contributions), len(snap.RemovedAreas), err)
	}
	h.row("(STP, with its tables)")
	h.keys("u")
	h.contains("✓ Restored, with its tables and notes.", "NCL      North Central London  2 tables · 2 notes")

	// A table with notes: the same, one level down.
	h.row("Table 1 ")
	h.keys("d")
	h.contains("Remove Table 1? It holds 2 notes (kept: u restores them).")
	h.keys("y")
	h.row("Table 1 (NCL)")
	h.keys("u")
	h.contains("✓ Restored, with its notes and votes.")
	if snap, _ = h.eng.Snapshot(context.Background(), h.app.eventID()); len(snap.Contributions) != 2 {
		t.Fatalf("after restoring, %d notes", len(snap.Contributions))
	}
}

func TestSetupFormsRefuseBadInputAsTyped(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.newForum()
	h.row("+ add an STP")
	h.keys("enter")
	h.typ("N/C")
	h.contains("Code: the code may hold only letters, digits and hyphens")
	h.keys("backspace", "backspace", "backspace")
	h.typ("NCL")
	h.keys("tab")
	h.typ("Duplicate")
	h.keys("tab", "tab", "ctrl+s")
	h.contains("NCL is already the code of North Central London")
	h.keys("esc", "y")

	h.row("Voting")
	h.keys("enter", "ctrl+u")
	h.typ("raffle")
	h.contains("Method: write dots, approval or ranking")
	h.keys("ctrl+u")
	h.typ("dots")
	h.keys("tab", "backspace")
	h.typ("-3")
	h.contains("Dots per participant: must be from 0 (automatic) to 100, not -3")
	h.keys("ctrl+s")
	if h.app.screen != screenForm {
		t.Fatal("negative dots were saved")
	}
	h.keys("backspace", "backspace")
	h.typ("5")
	h.keys("ctrl+s")
	h.contains("✓ Voting rules saved: dots each: 5 · at most 2 on one item.")
	h.row("Voting")
	h.keys("enter", "ctrl+u")
	h.typ("borda")
	h.keys("ctrl+s")
	h.contains("Voting    ranking (Borda)") // "borda", the older word, is still read

	h.row("Table 2 ")
	h.keys("enter", "tab")
	h.typ("Fay\x1b[31m")
	h.keys("tab", "tab", "tab", "backspace")
	h.typ("0")
	h.contains("Participants: from 1 to 100 participants")
	h.keys("backspace")
	h.typ("6")
	h.keys("ctrl+s")
	h.contains("Table 2   facilitator Fay[31m · scribe — · reporter — · 6 people")
}

func TestSummaryExportDialogWritesEveryFormat(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("d") // the demo event, on its board
	h.keys("s")
	h.contains("Summary", "Illustrative demo")
	h.keys("w")
	h.contains("Export", "Save as", "forum-2018-01-25-illustrative-demo-next-steps-for-general.md", "HTML (.html)")
	h.golden("export-80x24")
	h.fits(80, 24)
	for i, ext := range []string{"md", "html", "pdf", "docx", "csv", "json"} {
		if i > 0 {
			h.keys("w")
			for j := 0; j < i; j++ {
				h.keys("down")
			}
		}
		h.keys("ctrl+u")
		path := h.dir + "/report." + ext
		if ext == "csv" {
			path = h.dir + "/report-csv"
		}
		h.typ(path)
		h.keys("enter")
		h.contains("✓ Written to")
		if !fileExists(path) {
			t.Fatalf("%s: nothing at %s", ext, path)
		}
	}
	h.keys("w", "ctrl+u")
	h.typ(h.dir + "/no/such/folder/r.md")
	h.keys("enter")
	h.contains("there is no folder")
}

package tui

import (
	"context"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"forum/sessions"
)

func resize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// TestScreensGolden renders each screen at 80×24 and 120×40 and compares it
// with its golden file.
func TestScreensGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, hg := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, hg), func(t *testing.T) {
			name := func(s string) string { return fmt.Sprintf("%s-%dx%d", s, w, hg) }
			h := newHarness(t, w, hg)
			h.golden(name("home-empty"))
			h.fits(w, hg)

			h.londonTable()
			h.keys("ctrl+n", "y")
			for _, s := range []string{"Care joined up around the patient", "A workforce that wants to stay [in London]"} {
				h.typ(s)
				h.keys("enter")
			}
			h.keys("tab", "up")
			h.menu("use the note as the vision statement")
			h.keys("1")
			h.golden(name("table-vision"))
			h.fits(w, hg)

			h.keys("esc")
			h.golden(name("board"))
			h.keys("esc")
			h.golden(name("home"))

			h.keys("enter", "enter", "ctrl+n", "y", "ctrl+n", "y")
			for _, s := range []string{"Shared records", "Estates funding", "Leadership development"} {
				h.typ(s)
				h.keys("enter")
			}
			h.keys("ctrl+o", "enter", "down", "space", "enter")
			h.golden(name("vote-privacy"))
			h.keys("space")
			h.golden(name("vote-picker"))
			h.keys("enter")
			h.golden(name("vote"))
			h.fits(w, hg)
			h.keys("esc", "c", "y")
			h.golden(name("vote-results"))
			h.keys("esc", "ctrl+n", "y", "ctrl+o")
			h.typ("Bid for hub funding")
			h.golden(name("next-step"))
			h.fits(w, hg)
			h.keys("ctrl+s", "ctrl+n", "y", "ctrl+o")
			h.golden(name("key-messages"))
			h.fits(w, hg)
			h.keys("esc", "ctrl+s")
			h.golden(name("summary"))
			h.fits(w, hg)
		})
	}
}

func TestTinyTerminalDoesNotPanic(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	for _, s := range [][2]int{{20, 5}, {1, 1}, {0, 0}, {300, 100}} {
		h.msg(resize(s[0], s[1]))
		_ = h.app.View()
	}
	h.keys("ctrl+o")
	h.msg(resize(10, 3))
	_ = h.app.View()
}

func TestDemoEventIsMarkedOnEveryScreen(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("d")
	h.contains("ILLUSTRATIVE DEMO")
	h.keys("enter")
	h.contains("DEMO ·")
	h.keys("tab", "esc", "esc")
	h.contains("ILLUSTRATIVE DEMO")
}

func TestAnotherSeatsNoteAppearsOnChange(t *testing.T) {
	h := newHarness(t, 80, 24)
	v := h.londonTable()
	if _, err := h.eng.Capture(context.Background(), "other seat", v.Group.ID, "Typed on another laptop", nil, ""); err != nil {
		t.Fatal(err)
	}
	h.msg(changedMsg{})
	h.contains("✓ Typed on another laptop")
}

// BenchmarkTableView300 renders the table screen with 300 notes.
func BenchmarkTableView300(b *testing.B) {
	h := newHarness(b, 80, 24)
	v := h.londonTable()
	for i := 0; i < 300; i++ {
		if _, err := h.eng.Capture(context.Background(), "bench", v.Group.ID, fmt.Sprintf("Note %d about shared estates, records and the workforce", i), []string{"people"}, ""); err != nil {
			b.Fatal(err)
		}
	}
	h.msg(changedMsg{})
	if len(h.app.tbl.notes()) != 300 {
		b.Fatalf("%d notes on screen", len(h.app.tbl.notes()))
	}
	b.ResetTimer()
	for b.Loop() {
		h.app.dropFrameCache() // a whole frame, as after a change
		_ = h.app.View()
	}
}

var _ = sessions.DefaultTemplate

// largeHarness opens the demo --large event (20 tables, 4,000 notes,
// 20,000 votes) on its board.
func largeHarness(b *testing.B, w, h int) *harness {
	hs := newHarness(b, w, h)
	if _, err := hs.eng.Demo(context.Background(), "bench", sessions.DemoOptions{Large: true}); err != nil {
		b.Fatal(err)
	}
	hs.msg(changedMsg{})
	hs.keys("enter")
	if len(hs.app.board.Groups) != 20 {
		b.Fatalf("the board has %d tables", len(hs.app.board.Groups))
	}
	return hs
}

// BenchmarkOverviewViewLarge is View() of the overview of 20 tables.
func BenchmarkOverviewViewLarge(b *testing.B) {
	h := largeHarness(b, 160, 48)
	b.ResetTimer()
	for b.Loop() {
		h.app.dropFrameCache() // a whole frame, as after a change
		_ = h.app.View()
	}
}

// BenchmarkDashboardViewLarge is View() of the plenary dashboard of 20
// tables, once rendered (it re-renders only when the data or width
// changes).
func BenchmarkDashboardViewLarge(b *testing.B) {
	h := largeHarness(b, 160, 48)
	h.keys("d")
	if !h.app.dash.loaded {
		b.Fatal("the dashboard did not load")
	}
	b.ResetTimer()
	for b.Loop() {
		h.app.dropFrameCache() // a whole frame, as after a change
		_ = h.app.View()
	}
}

// BenchmarkDashboardRenderLarge is the full re-render after a change.
func BenchmarkDashboardRenderLarge(b *testing.B) {
	h := largeHarness(b, 160, 48)
	h.keys("d")
	b.ResetTimer()
	for b.Loop() {
		h.app.dash.lines = nil
		h.app.dropFrameCache()
		_ = h.app.View()
	}
}

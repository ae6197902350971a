package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"forum/sessions"
)

// TestConsoleScreensGolden renders the facilitator's and organiser's
// screens at 80×24 and 160×48: the table header at warning and at time-up,
// the overview, the maturity self-assessment, the dashboard and present
// mode.
func TestConsoleScreensGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, hg := size[0], size[1]
		name := func(s string) string { return fmt.Sprintf("%s-%dx%d", s, w, hg) }
		h := newHarness(t, w, hg)
		h.keys("d") // the demo event: every table complete
		h.golden(name("overview"))
		h.fits(w, hg)
		h.keys("enter", "ctrl+p", "y") // Table 1, back to the next-steps stage: its clock starts now
		h.msg(tickMsg(testNow.Add(13*time.Minute + 30*time.Second)))
		h.golden(name("header-warning"))
		h.fits(w, hg)
		h.msg(tickMsg(testNow.Add(16 * time.Minute)))
		h.golden(name("header-timeup"))
		h.keys("tab")
		h.menu("maturity self-assessment")
		h.keys("2", "down", "3", "down", "1", "down", "2", "down", "4", "down", "3")
		h.golden(name("maturity"))
		h.fits(w, hg)
		h.keys("esc", "esc", "d")
		h.golden(name("dashboard"))
		h.fits(w, hg)
		h.keys("p", "right")
		h.golden(name("present"))
		h.fits(w, hg)
	}
}

func TestTimeUpRingsTheBellOnceAndBCanSilenceIt(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.keys("ctrl+t") // start the stage
	h.app.now = testNow.Add(4 * time.Minute)
	if h.app.bell() != nil {
		t.Fatal("the bell rang before time was up")
	}
	h.app.now = testNow.Add(5 * time.Minute)
	cmd := h.app.bell()
	if cmd == nil {
		t.Fatal("no bell at time-up")
	}
	if raw, ok := cmd().(tea.RawMsg); !ok || raw.Msg != "\a" {
		t.Fatalf("the bell sent %#v", cmd())
	}
	if h.app.bell() != nil {
		t.Fatal("the bell rang twice for one stage")
	}
	h.keys("tab")
	h.menu("time-up bell on / off")
	h.contains("The time-up bell is off")
	h.keys("ctrl+n", "y") // next stage, its own time-up
	h.app.now = testNow.Add(time.Hour)
	if h.app.bell() != nil {
		t.Fatal("the bell rang although it was turned off")
	}
}

func TestTimerKeysPauseExtendAndLock(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.contains("not started · 5:00", "Not started: the clock runs once someone at the table presses ctrl+t.")
	h.keys("tab", "ctrl+t")
	h.contains("Open the table started", "5:00 left")
	h.keys("ctrl+t")
	h.contains("Timer paused", "· paused")
	h.keys("ctrl+t")
	h.menu("5 more minutes")
	h.contains("+5 minutes", "(+5)")
	h.keys("ctrl+l")
	h.contains("Lock Open the table?")
	h.keys("y")
	h.contains("Locked: nothing more is captured in Open the table", "This stage is locked")
	h.keys("tab")
	h.typ("too late")
	h.keys("enter")
	h.contains("the stage is locked")
	h.keys("tab", "ctrl+l", "tab", "enter")
	h.contains("✓ too late")
}

// TestACommitByAnotherProcessAppearsInTheOverview opens the same database
// file a second time (as a second forum process would) and captures there;
// the open overview learns of it through the change watch within a second.
func TestACommitByAnotherProcessAppearsInTheOverview(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "enter", "enter", "enter")
	h.contains("0 notes")
	other, closeOther, err := sessions.Open(context.Background(), filepath.Join(h.dir, "forum.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer closeOther()
	start := time.Now()
	if _, err := other.Capture(context.Background(), "other process", h.app.board.Groups[2].ID, "Typed at another laptop", nil, ""); err != nil {
		t.Fatal(err)
	}
	// Earlier signals (this app's own commits) may be waiting: take signals
	// until the screen shows the other process's note.
	deadline := time.After(2 * time.Second)
	for !strings.Contains(h.app.View().Content, "1 note") {
		select {
		case <-h.app.changes:
		case <-deadline:
			t.Fatal("the change watch did not report the other process's commit within 2 s")
		}
		h.msg(changedMsg{})
	}
	t.Logf("shown after %v", time.Since(start).Round(time.Millisecond))
	h.contains("1 note", "Table 3")
}

func TestEventKeyMessagesFromTheDashboardCarryTheirEvidence(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("d", "d", "m")
	// The demo's chair chose three messages; the form starts from them.
	h.contains("The event's key messages", "Message 3  Interoperable records", "4 tables, 4 areas: Involve patients in designing how services change")
	h.keys("ctrl+o", "ctrl+s")
	h.contains("✓ The event's key messages saved.", "1. Involve patients in designing how services change", "raised by 4 of 5 STPs, 4 of 7 tables")
	snap, _ := h.eng.Snapshot(context.Background(), h.app.eventID())
	var n int
	for _, k := range snap.KeyMessages {
		if k.GroupID == "" {
			n++
			if k.Position == 0 && len(k.Sources) < 4 {
				t.Errorf("the message cites %d notes, want the 4 tables' notes", len(k.Sources))
			}
		}
	}
	if n != 3 {
		t.Fatalf("%d event messages stored, want the demo's 3", n)
	}
}

// TestEveryScreenSurvivesTinyAndHugeTerminals opens each screen on the demo
// event and draws it at sizes from one cell to a wall.
func TestEveryScreenSurvivesTinyAndHugeTerminals(t *testing.T) {
	visit := map[string]struct {
		path []string
		want screen
		menu string // then this ctrl+x menu item
	}{
		"overview":  {nil, screenBoard, ""},
		"dashboard": {[]string{"d"}, screenDashboard, ""},
		"themes":    {[]string{"d", "t"}, screenThemes, ""},
		"present":   {[]string{"d", "p"}, screenPresent, ""},
		"setup":     {[]string{"e"}, screenSetup, ""},
		"programme": {[]string{"p"}, screenProgramme, ""},
		"summary":   {[]string{"s"}, screenSummary, ""},
		"table":     {[]string{"enter"}, screenTable, ""},
		"maturity":  {[]string{"enter", "tab"}, screenMaturity, "maturity self-assessment"},
		"vote":      {[]string{"enter", "ctrl+p", "y", "ctrl+p", "y", "ctrl+o"}, screenVote, ""},
		"fist":      {[]string{"enter", "ctrl+p", "y", "ctrl+p", "y", "ctrl+p", "y", "ctrl+p", "y", "tab"}, screenScale, "consensus (vision) / support (next steps)"},
	}
	for name, v := range visit {
		h2 := newHarness(t, 80, 24)
		h2.keys("d")
		h2.keys(v.path...)
		if v.menu != "" {
			h2.menu(v.menu)
		}
		if h2.app.screen != v.want {
			t.Fatalf("%s: the keys %v reached screen %d, not %d:\n%s", name, v.path, h2.app.screen, v.want, h2.screen())
		}
		for _, s := range [][2]int{{20, 5}, {1, 1}, {0, 0}, {300, 100}, {80, 24}} {
			h2.msg(resize(s[0], s[1]))
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s at %dx%d: panic %v", name, s[0], s[1], r)
					}
				}()
				_ = h2.app.View()
			}()
		}
	}
}

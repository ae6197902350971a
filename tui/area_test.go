package tui

import (
	"fmt"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

// TestAreaScreenGolden: from the tables screen, A opens the selected
// table's area: its synthesis at 80×24 and 160×48.
func TestAreaScreenGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, hg := size[0], size[1]
		h := newHarness(t, w, hg)
		h.keys("d", "A")
		h.contains("Area round", "North Central London", "2 of 2 tables")
		h.golden(fmt.Sprintf("area-%dx%d", w, hg))
		h.fits(w, hg)
	}
}

// TestAreaScreenEditsAndRefusesAStaleSave: the ask edited on the screen is
// saved; when another seat saved the vision since the screen read it, the
// screen's save is refused with a sentence, and the other seat's vision
// is what it then shows.
func TestAreaScreenEditsAndRefusesAStaleSave(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.keys("d", "A")
	rows := h.app.area.rows()
	h.keys("up") // the ask is the last row: wrap from the top is not offered, so walk down
	for range len(rows) {
		h.keys("down")
	}
	h.keys("e", "ctrl+u")
	h.typ("Capital for three hubs")
	h.keys("enter")
	h.contains("✓ Saved to NCL's synthesis.", "Ask: Capital for three hubs")

	for range len(rows) {
		h.keys("up")
	}
	h.keys("e") // the vision, as the screen read it
	s := h.app.area.s
	if _, err := h.eng.SaveAreaPart(h.app.ctx, "other seat", s.Area.ID, sessions.AreaEdit{Kind: model.AreaVision, Text: "The other seat's vision", Base: s.VisionVersion}); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+u")
	h.typ("My vision")
	h.keys("enter")
	h.contains("someone else saved this part first", "The other seat's vision")
	if strings.Contains(h.screen(), "My vision") {
		t.Error("the refused vision is shown as if saved")
	}
}

// TestAreaScreenCountsTheFistToFive: c takes the room's show of hands on
// the area's vision and the screen shows the area's consensus.
func TestAreaScreenCountsTheFistToFive(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.keys("d", "A", "c")
	for _, n := range []string{"5", "6", "4", "0", "0", "0"} { // 5, 4, 3 fingers, then none below 3
		h.keys("ctrl+u")
		h.typ(n)
		h.keys("tab")
	}
	h.keys("ctrl+s")
	h.contains("✓ Fist-to-five counted for NCL.", "the area consensus (15)")
}

package tui

import (
	"strings"
	"testing"
	"time"
)

// TestAClockRunsDownOnTheKeptFrame: a table's clock ticks every second
// through its stage, a pause and ten minutes over time, at two widths; after
// every tick the frame kept from the one before is the frame drawn from
// nothing (the harness checks it), and the header and bar show the time:
// the words every second, the colour at two minutes and at time-up, the
// bar as it grows, the clock's width as "over by 9:59" becomes "over by 10:00".
func TestAClockRunsDownOnTheKeptFrame(t *testing.T) {
	for _, w := range []int{80, 120} {
		h := newHarness(t, w, 24)
		h.londonTable()
		h.keys("ctrl+t") // the stage's clock starts at testNow
		seen := map[string]bool{}
		bars := map[int]bool{}
		for s := 1; s <= 16*60; s++ {
			if s == 90 || s == 150 {
				h.app.now = testNow.Add(time.Duration(s) * time.Second)
				h.keys("ctrl+t") // pause at 1:30, go on at 2:30
			}
			h.msg(tickMsg(testNow.Add(time.Duration(s)*time.Second + 2*time.Millisecond)))
			head := h.screen()
			for _, want := range []string{"4:00 left", "1:00 left", "paused", "time up", "over by 0:30", "over by 9:59", "over by 10:00"} {
				if strings.Contains(strings.SplitN(head, "\n", 2)[0], want) {
					seen[want] = true
				}
			}
			bars[strings.Count(strings.SplitN(head, "\n", 3)[1], "━")] = true
		}
		for _, want := range []string{"4:00 left", "1:00 left", "paused", "time up", "over by 0:30", "over by 9:59", "over by 10:00"} {
			if !seen[want] {
				t.Errorf("width %d: the header never showed %q", w, want)
			}
		}
		if len(bars) < w/2 {
			t.Errorf("width %d: the clock bar took %d lengths through the stage, want at least %d", w, len(bars), w/2)
		}
	}
}

package tui

import (
	"testing"
	"time"
)

// The clock ticks just after its next second turns: the table's own
// seconds while its clock runs, the wall clock's otherwise.
func TestNextTickFollowsTheClocksSeconds(t *testing.T) {
	base := time.Date(2026, 3, 12, 10, 0, 0, 600_000_000, time.UTC) // started at .6
	for _, c := range []struct {
		now  time.Time
		base time.Time
		want time.Duration
	}{
		{base.Add(100 * time.Millisecond), base, 902 * time.Millisecond},
		{base.Add(5*time.Minute + 999*time.Millisecond), base, 3 * time.Millisecond},
		{base.Add(2 * time.Millisecond), base, time.Second},
		{base.Add(-300 * time.Millisecond), base, 302 * time.Millisecond}, // before the start (another machine's clock)
		{time.Date(2026, 3, 12, 10, 0, 7, 250_000_000, time.UTC), time.Time{}, 752 * time.Millisecond},
	} {
		if got := nextTick(c.now, c.base); got != c.want {
			t.Errorf("nextTick(%v, %v) = %v, want %v", c.now, c.base, got, c.want)
		}
	}
}

// With the clock running, the label computed at each tick is the next
// second's: a whole run of ticks shows every second once, none twice.
func TestTicksShowEverySecondOnce(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.keys("ctrl+t")
	a := h.app
	start := a.clockBase()
	if start.IsZero() {
		t.Fatal("the clock does not run after ctrl+t")
	}
	now := start.Add(137 * time.Millisecond)
	seen := map[string]bool{}
	for range 20 {
		now = now.Add(nextTick(now, start))
		a.now = now
		label := a.clockText(a.tbl.view)
		if seen[label] {
			t.Fatalf("%s shown at two ticks", label)
		}
		seen[label] = true
	}
}

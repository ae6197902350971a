package model

import (
	"testing"
	"time"
)

func TestClockLabelSaysTheWarningInWords(t *testing.T) {
	t0 := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	s := Stage{Minutes: 15}
	g := Group{StageStartedAt: t0}
	at := func(min, sec int) time.Time {
		return t0.Add(time.Duration(min)*time.Minute + time.Duration(sec)*time.Second)
	}
	for _, c := range []struct {
		now  time.Time
		g    Group
		want string
	}{
		{at(2, 56), g, "12:04 left"},
		{at(12, 59), g, "2:01 left"},
		{at(13, 0), g, "⚠ 2:00 left"},
		{at(13, 15), g, "⚠ 1:45 left"},
		{at(15, 0), g, "⚠ time up"},
		{at(15, 14), g, "⚠ over by 0:14"},
		{at(31, 0), g, "⚠ over by 16:00"},
		{at(40, 0), Group{StageStartedAt: t0, PausedAt: at(4, 0)}, "11:00 left"},
		{t0, Group{}, "15:00 left"},
	} {
		if got := c.g.ClockLabel(s, c.now); got != c.want {
			t.Errorf("at %v: %q, want %q", c.now.Sub(t0), got, c.want)
		}
	}
}

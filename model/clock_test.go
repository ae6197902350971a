package model

import (
	"testing"
	"time"
)

func TestStageClock(t *testing.T) {
	s := Stage{Minutes: 15}
	t0 := time.Date(2018, 1, 25, 10, 0, 0, 0, time.UTC)
	at := func(m float64) time.Time { return t0.Add(time.Duration(m * float64(time.Minute))) }
	g := Group{StageStartedAt: t0}
	cases := []struct {
		name  string
		g     Group
		now   time.Time
		left  time.Duration
		state ClockState
	}{
		{"not started", Group{}, at(5), 15 * time.Minute, ClockRunning},
		{"running", g, at(5), 10 * time.Minute, ClockRunning},
		{"two minutes left warns", g, at(13), 2 * time.Minute, ClockWarning},
		{"time up", g, at(15), 0, ClockOver},
		{"over", g, at(16.5), -90 * time.Second, ClockOver},
		{"extended", Group{StageStartedAt: t0, ExtraMinutes: 5}, at(16), 4 * time.Minute, ClockRunning},
		{"paused holds the time", Group{StageStartedAt: t0, PausedAt: at(4)}, at(40), 11 * time.Minute, ClockPaused},
		{"resumed after a pause", Group{StageStartedAt: t0, PausedFor: 3 * time.Minute}, at(10), 8 * time.Minute, ClockRunning},
	}
	for _, c := range cases {
		if got := c.g.Left(s, c.now); got != c.left {
			t.Errorf("%s: left %v, want %v", c.name, got, c.left)
		}
		if got := c.g.Clock(s, c.now); got != c.state {
			t.Errorf("%s: state %v, want %v", c.name, got, c.state)
		}
	}
	if e := g.Elapsed(s, at(7.5)); e != 0.5 {
		t.Errorf("elapsed at half time = %v", e)
	}
	if e := g.Elapsed(s, at(30)); e != 1 {
		t.Errorf("elapsed after the end = %v", e)
	}
}

func TestMaturityProfile(t *testing.T) {
	m := Maturity{Levels: []string{"A", "B", "C", "D"}, Dimensions: []MaturityDimension{{Name: "one"}, {Name: "two"}, {Name: "three"}}}
	r := func(rater string, d, l int) Rating { return Rating{Rater: rater, Dimension: d, Level: l} }
	got := Profile(m, []Rating{r("R1", 0, 1), r("R2", 0, 2), r("R3", 0, 2), r("R1", 1, 1), r("R2", 1, 4), r("R1", 2, 9)})
	if got[0].Median != 2 || got[0].Split || got[0].Raters != 3 || got[0].Counts[1] != 2 {
		t.Errorf("dimension one: %+v", got[0])
	}
	if got[1].Median != 2.5 || !got[1].Split {
		t.Errorf("dimension two (1 and 4): %+v, want median 2.5 and split", got[1])
	}
	if got[2].Raters != 0 || got[2].Median != 0 {
		t.Errorf("a level outside the model counted: %+v", got[2])
	}
}

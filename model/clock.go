package model

import "time"

// WarnBefore is how long before the end of a stage its timer turns to a
// warning.
const WarnBefore = 2 * time.Minute

// ClockState is how a stage timer stands.
type ClockState int

// The states of a stage timer.
const (
	ClockRunning ClockState = iota
	ClockWarning            // WarnBefore or less left
	ClockOver               // the time-box is used up
	ClockPaused
)

// Left is the time remaining in the table's current stage s at now: the
// stage's minutes plus any extension, less the time the stage has run
// while not paused. It is negative once the time is over.
func (g Group) Left(s Stage, now time.Time) time.Duration {
	extra := time.Duration(g.ExtraMinutes) * time.Minute
	if g.StageStartedAt.IsZero() {
		return s.Duration() + extra
	}
	end := now
	if !g.PausedAt.IsZero() {
		end = g.PausedAt
	}
	// The time paused is as if the stage had started that much later.
	return TimeLeft(s, g.StageStartedAt.Add(g.PausedFor), end) + extra
}

// Clock is the state of the table's timer at now.
func (g Group) Clock(s Stage, now time.Time) ClockState {
	left := g.Left(s, now)
	switch {
	case !g.PausedAt.IsZero():
		return ClockPaused
	case left <= 0:
		return ClockOver
	case left <= WarnBefore:
		return ClockWarning
	}
	return ClockRunning
}

// Elapsed is the share of the time-box used, from 0 to 1.
func (g Group) Elapsed(s Stage, now time.Time) float64 {
	total := s.Duration() + time.Duration(g.ExtraMinutes)*time.Minute
	if total <= 0 {
		return 1
	}
	f := 1 - float64(g.Left(s, now))/float64(total)
	return min(max(f, 0), 1)
}

// Locked reports whether the stage is locked at this table: nothing more
// is captured there.
func (g Group) Locked(stageKey string) bool {
	for _, k := range g.LockedStages {
		if k == stageKey {
			return true
		}
	}
	return false
}

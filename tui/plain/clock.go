package plain

import (
	"fmt"
	"time"

	"forum/model"
	"forum/sessions"
)

// clockWatch decides when the stage clock is worth saying: when its time
// left changes by a whole minute, at the two-minute warning, at time-up,
// and each minute over; when it is paused, resumed or extended. Between
// those it says nothing, however often it is asked.
type clockWatch struct {
	said string // the last thing said, as a key
}

// newClockWatch starts watching v's clock, as if its current state had
// just been said (the table's header says it).
func newClockWatch(v sessions.TableView, now time.Time) clockWatch {
	return clockWatch{said: clockKey(v, now)}
}

// next is what to say about the clock at now, if anything.
func (c *clockWatch) next(v sessions.TableView, now time.Time) (string, bool) {
	key := clockKey(v, now)
	if key == c.said {
		return "", false
	}
	c.said = key
	return "Clock: " + clockSentence(v, now) + ".", true
}

// clockKey is the clock rounded to what is announced: whole minutes left
// (rounded up: "12 min left" from 12:00 down to 11:01), the warning,
// time-up, whole minutes over, paused.
func clockKey(v sessions.TableView, now time.Time) string {
	g := v.Group
	if g.StageStartedAt.IsZero() || v.Stage.Key == "" {
		return "not started"
	}
	left := g.Left(v.Stage, now).Truncate(time.Second)
	state := g.Clock(v.Stage, now)
	switch {
	case state == model.ClockPaused:
		return fmt.Sprintf("paused %d", g.ExtraMinutes)
	case left <= 0:
		return fmt.Sprintf("over %d", int(-left/time.Minute))
	}
	mins := int((left + time.Minute - time.Second) / time.Minute)
	return fmt.Sprintf("left %d %v %d", mins, state == model.ClockWarning, g.ExtraMinutes)
}

// clockSentence is the clock in words for a person listening: "12 min
// left", "⚠ 2 min left", "⚠ time up", "⚠ over by 3 min", "paused at 8:00
// left", with an extension when there is one.
func clockSentence(v sessions.TableView, now time.Time) string {
	g := v.Group
	if g.StageStartedAt.IsZero() || v.Stage.Key == "" {
		return "not started"
	}
	left := g.Left(v.Stage, now).Truncate(time.Second)
	state := g.Clock(v.Stage, now)
	extra := ""
	if g.ExtraMinutes > 0 {
		extra = fmt.Sprintf(" (extended by %d min)", g.ExtraMinutes)
	}
	switch {
	case state == model.ClockPaused:
		return "paused at " + g.ClockLabel(v.Stage, now) + extra
	case left < 0 && -left >= time.Minute:
		return fmt.Sprintf("%s over by %d min%s", model.WarnSign, int(-left/time.Minute), extra)
	case left <= 0:
		return model.WarnSign + " time up" + extra
	}
	mins := int((left + time.Minute - time.Second) / time.Minute)
	sign := ""
	if state == model.ClockWarning {
		sign = model.WarnSign + " "
	}
	return fmt.Sprintf("%s%d min left%s", sign, mins, extra)
}

package model

import (
	"fmt"
	"time"
)

// WarnSign marks a stage clock that is short of time or over: the words
// and the sign carry the warning, so it never rests on colour alone.
const WarnSign = "⚠"

// ClockLabel is the stage clock in words, as every screen shows it:
// "12:04 left", "⚠ 1:45 left" in the last WarnBefore, "⚠ time up" at the
// end, "⚠ over by 0:14" after it. A paused clock reads as its time left.
func (g Group) ClockLabel(s Stage, now time.Time) string {
	left := g.Left(s, now).Truncate(time.Second)
	state := g.Clock(s, now)
	switch {
	case left < 0:
		return WarnSign + " over by " + minSec(-left)
	case left == 0:
		return WarnSign + " time up"
	case state == ClockWarning:
		return WarnSign + " " + minSec(left) + " left"
	}
	return minSec(left) + " left"
}

// minSec is a duration as m:ss.
func minSec(d time.Duration) string {
	return fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

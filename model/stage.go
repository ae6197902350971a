package model

import (
	"fmt"
	"strings"
	"time"
)

// StageIndex returns the position of key in stages, or -1.
func StageIndex(stages []Stage, key string) int {
	for i, s := range stages {
		if s.Key == key {
			return i
		}
	}
	return -1
}

// StageStep returns the stage delta steps away from key (+1 next, -1 back).
// It fails at either end of the script and for an unknown key.
func StageStep(stages []Stage, key string, delta int) (Stage, error) {
	i := StageIndex(stages, key)
	if i < 0 {
		return Stage{}, fmt.Errorf("unknown stage %q", key)
	}
	j := i + delta
	switch {
	case j < 0:
		return Stage{}, fmt.Errorf("%q is the first stage: there is none before it", stages[i].Title)
	case j >= len(stages):
		return Stage{}, fmt.Errorf("%q is the last stage: there is none after it", stages[i].Title)
	}
	return stages[j], nil
}

// TimeLeft is the time remaining in a stage started at start, at now.
// It is negative once the time-box is over.
func TimeLeft(s Stage, start, now time.Time) time.Duration {
	if start.IsZero() {
		return s.Duration()
	}
	return s.Duration() - now.Sub(start)
}

// FormatLeft renders a time left as "12:04 left" or "3:10 over".
func FormatLeft(d time.Duration) string {
	word := "left"
	if d < 0 {
		word, d = "over", -d
	}
	d = d.Truncate(time.Second)
	return fmt.Sprintf("%d:%02d %s", int(d.Minutes()), int(d.Seconds())%60, word)
}

// Fill replaces {area} in a prompt with the area's name.
func Fill(prompt string, area Area) string {
	name := area.Name
	if name == "" {
		name = "your area"
	}
	return strings.ReplaceAll(prompt, "{area}", name)
}

// CheckDate accepts "" (not set) or a calendar date written YYYY-MM-DD.
func CheckDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Errorf("%q is not a date: write YYYY-MM-DD, e.g. 2026-03-12", s)
	}
	return nil
}

// MaxTablesPerArea bounds how many tables one area can have.
const MaxTablesPerArea = 50

// CheckTables accepts a number of tables per area from 1 to MaxTablesPerArea.
func CheckTables(n int) error {
	if n < 1 || n > MaxTablesPerArea {
		return fmt.Errorf("tables per area must be from 1 to %d, not %d", MaxTablesPerArea, n)
	}
	return nil
}

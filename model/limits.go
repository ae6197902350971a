package model

import "fmt"

// The ranges set-up allows for the numbers an event holds. Every door into
// the database (set-up, import, templates) checks against these, so that no
// stored number can make a screen allocate without bound or index out of
// range.
const (
	// MaxParticipants is the most participants a table can have.
	MaxParticipants = 100
	// MaxStageMinutes is the longest a stage's time-box can be: a whole day.
	MaxStageMinutes = 600
	// MaxDots is the most dots a voter can have, or put on one item.
	MaxDots = 100
	// MaxStages is the most stages a facilitation script can have.
	MaxStages = 50
)

// CheckParticipants accepts a table's participant count, 0 (not known) to
// MaxParticipants.
func CheckParticipants(n int) error {
	if n < 0 || n > MaxParticipants {
		return fmt.Errorf("participants must be from 1 to %d, not %d", MaxParticipants, n)
	}
	return nil
}

// CheckMinutes accepts a stage's time-box in minutes, 0 (no clock) to
// MaxStageMinutes.
func CheckMinutes(n int) error {
	if n < 0 || n > MaxStageMinutes {
		return fmt.Errorf("minutes must be from 0 to %d, not %d", MaxStageMinutes, n)
	}
	return nil
}

// CheckVoteValue accepts a stored vote's value for its method: a paper
// tally may hold every participant's dots on one item.
func CheckVoteValue(method string, v int) error {
	lo, hi := 0, MaxDots*MaxParticipants
	switch method {
	case MethodFist:
		return CheckFist(v)
	case MethodSupport:
		return CheckSupport(v)
	case MethodApproval:
		hi = 1
	case MethodBorda:
		lo, hi = 1, 10000
	case MethodDots:
	default:
		return fmt.Errorf("%q is not a voting method", method)
	}
	if v < lo || v > hi {
		return fmt.Errorf("a %s vote must be from %d to %d, not %d", method, lo, hi, v)
	}
	return nil
}

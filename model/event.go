package model

import "time"

// Event is one forum: a half-day of talks and breakout tables, made from a
// template. Its stages are the facilitation script every table follows.
type Event struct {
	ID        ID
	Title     string
	Date      string // YYYY-MM-DD
	Venue     string
	Chair     string
	Aims      []string
	Programme []Talk
	// ProgrammeAt is the programme item the chair marked as current, or -1.
	ProgrammeAt int
	// AreaLabel names what the areas are ("STP", later "ICS").
	AreaLabel string
	// Template is the name of the template the event was made from.
	Template string
	// Illustrative marks made-up demo data, which must never pass for a real
	// forum's outcomes.
	Illustrative bool
	// Dots are the dot-voting rules for the event's tables.
	Dots DotRules
	// VoteMethod is how tables choose priorities: MethodDots (the
	// default), MethodApproval or MethodBorda.
	VoteMethod string
	// Paper is the page size the report prints on: PaperA4 (the default,
	// and what an empty value means) or PaperLetter.
	Paper  string
	Stages []Stage
	// Maturity is the self-assessment model the tables rate themselves on.
	Maturity Maturity
	// Tags are the event's own tags for notes, besides the enablers.
	Tags []string
	// ArchivedAt is set when the event was archived (kept, listed last).
	ArchivedAt time.Time
	// DeletedAt is set when the event was deleted: hidden from lists, but
	// kept in the database so that it can be recovered.
	DeletedAt time.Time
	Stamp
}

// Talk is one item of the programme.
type Talk struct {
	Title    string
	Speakers []Speaker
	// Starts is a time of day ("09:15"), or empty when not known.
	Starts string
	// Kind is "talk", "breakout" or "plenary".
	Kind string
}

// Speaker is a person on the programme and the role they spoke in.
type Speaker struct {
	Name string
	Role string
}

// Area is a footprint the tables are grouped by, such as an STP.
type Area struct {
	ID       ID
	EventID  ID
	Position int
	Code     string // short, e.g. "NCL"
	Name     string // e.g. "North Central London"
	Places   []string
	// RemovedAt is set when the area was removed from the event's set-up:
	// hidden, with its tables, but kept so that it can be restored.
	RemovedAt time.Time
	Stamp
}

// Label returns "NCL North Central London".
func (a Area) Label() string {
	if a.Code == "" {
		return a.Name
	}
	return a.Code + " " + a.Name
}

// Group is one breakout table.
type Group struct {
	ID           ID
	EventID      ID
	AreaID       ID
	Name         string // "Table 1"
	Facilitator  string
	Scribe       string
	Reporter     string
	Participants int
	// StageKey is the stage the table is at, StageStartedAt when it got there.
	StageKey       string
	StageStartedAt time.Time
	// Vision is the table's agreed vision statement, empty until drafted.
	Vision string
	// RemovedAt is set when the table was removed from the event's set-up:
	// hidden, with its notes and votes, but kept so that it can be restored.
	RemovedAt time.Time
	// PausedAt is set while the stage timer is paused; PausedFor is how
	// long it was paused before, in this stage; ExtraMinutes extend it.
	PausedAt     time.Time
	PausedFor    time.Duration
	ExtraMinutes int
	// LockedStages are the keys of stages where nothing more is captured.
	LockedStages []string
	Stamp
}

// Activity is what a stage has the table do.
type Activity string

// The activities a stage can run.
const (
	ActivityRoles       Activity = "roles"        // confirm roles, ground rules, aims
	ActivityCapture     Activity = "capture"      // capture notes
	ActivityVision      Activity = "vision"       // capture, then draft a vision statement
	ActivityDotVote     Activity = "dot-vote"     // capture, then dot-vote on the notes
	ActivityNextSteps   Activity = "next-steps"   // agree actions with owners
	ActivityKeyMessages Activity = "key-messages" // pick top messages and one ask
)

// Activities lists every known activity, in script order.
var Activities = []Activity{ActivityRoles, ActivityCapture, ActivityVision, ActivityDotVote, ActivityNextSteps, ActivityKeyMessages}

// Known reports whether a is one of Activities.
func (a Activity) Known() bool {
	for _, k := range Activities {
		if a == k {
			return true
		}
	}
	return false
}

// Stage is one step of the facilitation script.
type Stage struct {
	Key      string
	Title    string
	Prompts  []string
	Minutes  int
	Activity Activity
	// Notes are the facilitator's notes for the stage.
	Notes string
}

// Duration is the stage's time-box.
func (s Stage) Duration() time.Duration { return time.Duration(s.Minutes) * time.Minute }

package sessions

import (
	"forum/model"
	"forum/storage"
)

// EventSummary is one line of the event list.
type EventSummary = storage.EventSummary

// Snapshot is everything stored for one event.
type Snapshot = storage.Snapshot

// Named errors re-exported for the screens, so they need not import storage.
var (
	ErrNotFound = storage.ErrNotFound
)

// Saved is the result of an operation that stores user text: the record as
// stored and, when the text had to be cleaned, a sentence saying how.
type Saved[T any] struct {
	Record T
	Notice string
	// Undo, where the operation can be undone, puts back what it replaced.
	Undo Undo
}

// Roles are the people at a table.
type Roles struct {
	Facilitator  string
	Scribe       string
	Reporter     string
	Participants int
}

// NextStepInput is what the next-steps form collects.
type NextStepInput struct {
	Action     string
	Owner      string
	ByWhen     string
	Enabler    string // one of model.Enablers, or ""
	Assist     string // what would assist
	PriorityID model.ID
}

// MessageInput is one key message (or the ask) a table picks.
type MessageInput struct {
	Kind    model.MessageKind
	Text    string
	Sources []model.ID
}

// TableView is everything a table's screens show, loaded in one read.
type TableView struct {
	Event      model.Event
	Area       model.Area
	Group      model.Group
	Stage      model.Stage // the stage the table is at
	StageIndex int
	// Notes are the table's live notes at every stage, in capture order.
	Notes []model.Contribution
	// VoteStage is the key of the stage that runs the dot vote ("" if none).
	VoteStage string
	// Priorities are the vote stage's notes, ranked by dots.
	Priorities []Priority
	// Rules are the dot-voting rules for one participant.
	Rules model.DotRules
	// Ballots are the ballots cast so far at this table, by voter code.
	Ballots     []model.Ballot
	NextSteps   []model.NextStep
	KeyMessages []model.KeyMessage
	// Maturity is the event's maturity model; Ratings the table's raters'
	// levels; Profile the median and split flag of each dimension.
	Maturity model.Maturity
	Ratings  []model.Rating
	Profile  []model.DimensionResult
	// Themes are the table's themes with their notes (every stage).
	Themes []ThemeView
	// Method is how the priorities are voted (dots, approval, borda);
	// DotVote is that vote's round and whether it is open (ballots hidden)
	// or closed (revealed).
	Method  string
	DotVote VoteState
	// Fist is the fist-to-five on the table's vision; FistResult its count.
	Fist       VoteState
	FistResult model.FistResult
	// Support is the support vote on the next steps; StepSupport each
	// step's result, by step id.
	Support     VoteState
	StepSupport map[model.ID]model.SupportResult
	// Version grows whenever anything the view shows changes (0 for a
	// view not taken from the engine's live model): a screen whose view
	// has the same Version need not redraw.
	Version uint64
}

// Priority is an item of the vote, a note or a theme, and its place in the
// tally. For a theme, Note stands for it (its ID and name) and Sources are
// its notes.
type Priority struct {
	Note model.Contribution
	model.Ranked
	Sources []model.ID
}

// Board is an event with its areas and tables, for choosing a table and
// for the organiser's overview of the room.
type Board struct {
	Event  model.Event
	Areas  []model.Area
	Groups []model.Group
	// Stats are each table's counts, by table id.
	Stats map[model.ID]TableStats
	// Version grows whenever the board changes (0: not from the live
	// model); see TableView.Version.
	Version uint64
}

// TableStats is what a table has done so far.
type TableStats struct {
	Notes, Ballots, NextSteps, KeyMessages int
}

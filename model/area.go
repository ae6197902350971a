package model

// AreaPart is one stored piece of an area's synthesis (the area round):
// its vision, the name of one of its joined priorities, one of its next
// steps, or one of its key messages or its ask. Each part is its own
// record with its own Version, so two seats editing different parts of
// one area never touch each other's rows, and a write made from a stale
// copy of the same part is refused rather than lost.
type AreaPart struct {
	ID      ID
	EventID ID
	AreaID  ID
	// Kind is one of the AreaPart kinds; Key tells parts of one kind
	// apart (a joined priority's key, a step's id, a message's position).
	Kind string
	Key  string
	// Text is the vision, the priority's name, the step's action or the
	// message's text; the other fields serve next steps.
	Text   string
	Owner  string
	ByWhen string
	Assist string
	// Deleted hides a drafted step or message the area dropped.
	Deleted bool
	// Version counts the part's writes, from 1.
	Version int
	Stamp
}

// The kinds of AreaPart.
const (
	AreaVision   = "vision"
	AreaPriority = "priority"
	AreaStep     = "step"
	AreaMessage  = "message"
	AreaAsk      = "ask"
)

// AreaRound is whether and how an event holds the area round, from its
// template: Held is AreaRoundNever, AreaRoundMultiple (where an area has
// more than one table) or AreaRoundAlways; Minutes and Prompts guide it.
type AreaRound struct {
	Held    string
	Minutes int
	Prompts []string
}

// When an event holds the area round.
const (
	AreaRoundNever    = "never"
	AreaRoundMultiple = "multiple-tables"
	AreaRoundAlways   = "always"
)

// Applies reports whether an area of that many tables (that met) holds
// the round.
func (r AreaRound) Applies(tables int) bool {
	switch r.Held {
	case AreaRoundAlways:
		return tables > 0
	case AreaRoundMultiple:
		return tables > 1
	}
	return false
}

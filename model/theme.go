package model

import "time"

// Theme is a named group of a table's notes at one stage.
type Theme struct {
	ID       ID
	GroupID  ID
	StageKey string
	Name     string
	// DeletedAt is set when the theme was ungrouped (kept in the history).
	DeletedAt time.Time
	Stamp
}

// Link statuses: an organiser accepts or rejects a proposed link between
// two themes of different tables.
const (
	LinkAccepted = "accepted"
	LinkRejected = "rejected"
)

// ThemeLink joins two themes that different tables raised, or records that
// the organiser said they are not the same. A and B are in id order.
type ThemeLink struct {
	ID      ID
	EventID ID
	A, B    ID
	Status  string
	Score   float64
	Stamp
}

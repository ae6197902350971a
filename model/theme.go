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
	// Name is the cross-cutting theme's name the organiser gave when
	// accepting a cluster ("" for a link made two by two).
	Name string `json:",omitempty"`
	Stamp
}

// VoteChoices are the items of a dot vote at a stage: each live theme
// there that holds live notes (standing for them: its ID, its name as the
// text, and ThemeID set to its own ID), then the live notes in no theme.
func VoteChoices(notes []Contribution, themes []Theme, stage string) []Contribution {
	live := map[ID]bool{}
	held := map[ID]bool{}
	for _, c := range notes {
		if !c.Deleted() && c.StageKey == stage && c.ThemeID != "" {
			held[c.ThemeID] = true
		}
	}
	var out []Contribution
	for _, t := range themes {
		if t.DeletedAt.IsZero() && t.StageKey == stage && held[t.ID] {
			live[t.ID] = true
			out = append(out, Contribution{ID: t.ID, GroupID: t.GroupID, StageKey: stage, Text: t.Name, ThemeID: t.ID, Stamp: t.Stamp})
		}
	}
	for _, c := range notes {
		if !c.Deleted() && c.StageKey == stage && !live[c.ThemeID] {
			out = append(out, c)
		}
	}
	return out
}

// IsTheme reports whether a vote choice stands for a theme.
func (c Contribution) IsTheme() bool { return c.ThemeID != "" && c.ThemeID == c.ID }

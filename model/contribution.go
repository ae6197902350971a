package model

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// Enablers are the four tags every forum uses: what must be used, aligned and
// developed to deliver the vision.
var Enablers = []string{"people", "processes", "systems", "resources"}

// Contribution is one captured note.
type Contribution struct {
	ID       ID
	GroupID  ID
	StageKey string
	Text     string
	Tags     []string
	// Author is who said it: a role or initials, optional.
	Author string
	// DeletedAt is set when the note was deleted; deleted notes are kept.
	DeletedAt time.Time
	// ThemeID is the theme the note is grouped under, or "".
	ThemeID ID
	Stamp
}

// Same reports whether c and o are the same note in every field, times
// compared as values (an equal instant in another location counts as
// different, which only ever makes a caller do more). A test sets each
// field in turn, so a field added to Contribution and not here fails it.
func (c *Contribution) Same(o *Contribution) bool {
	return c.ID == o.ID && c.GroupID == o.GroupID && c.StageKey == o.StageKey && c.Text == o.Text &&
		slices.Equal(c.Tags, o.Tags) && c.Author == o.Author && c.DeletedAt == o.DeletedAt &&
		c.ThemeID == o.ThemeID && c.Stamp == o.Stamp
}

// Deleted reports whether the note was deleted.
func (c Contribution) Deleted() bool { return !c.DeletedAt.IsZero() }

// NormalizeTags lower-cases, trims, de-duplicates and sorts tags, dropping
// empty ones, so the same tags are always stored the same way.
func NormalizeTags(tags []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Live returns the notes that are not deleted, in their given order.
func Live(cs []Contribution) []Contribution {
	out := make([]Contribution, 0, len(cs))
	for _, c := range cs {
		if !c.Deleted() {
			out = append(out, c)
		}
	}
	return out
}

// AtStage returns the live notes captured at a stage, in their given order.
func AtStage(cs []Contribution, key string) []Contribution {
	n := 0
	for _, c := range cs {
		if !c.Deleted() && c.StageKey == key {
			n++
		}
	}
	out := make([]Contribution, 0, n)
	for _, c := range cs {
		if !c.Deleted() && c.StageKey == key {
			out = append(out, c)
		}
	}
	return out
}

// NextStep is an action a table agrees, for one of its priorities.
type NextStep struct {
	ID      ID
	GroupID ID
	Action  string
	Owner   string
	ByWhen  string
	// Enabler is one of Enablers, or empty.
	Enabler string
	// Assist is "what would assist": the table's ask of others.
	Assist string
	// PriorityID is the note (priority) the step serves, if any.
	PriorityID ID
	DeletedAt  time.Time
	Stamp
}

// MessageKind tells a key message from an ask.
type MessageKind string

// The kinds of key message.
const (
	KindMessage MessageKind = "message"
	KindAsk     MessageKind = "ask"
)

// MaxMessages is how many key messages a table picks, besides one ask.
const MaxMessages = 3

// KeyMessage is one of a table's (or the event's) key messages.
type KeyMessage struct {
	ID      ID
	EventID ID
	// GroupID is the table; empty for the whole event's messages.
	GroupID  ID
	Position int
	Kind     MessageKind
	Text     string
	// Sources are the notes the message rests on.
	Sources []ID
	Stamp
}

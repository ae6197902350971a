package model

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// ID identifies any record globally. IDs are UUIDv7 strings: unique across
// laptops (so tables captured apart merge without collisions) and ordered by
// creation time.
type ID string

// NewID returns a fresh UUIDv7. It panics only if the system's random source
// fails, which leaves nothing safe to do.
func NewID() ID {
	u, err := uuid.NewV7()
	if err != nil {
		panic(fmt.Sprintf("model: cannot make an id: %v", err))
	}
	return ID(u.String())
}

// Short returns the first eight characters of the id, enough for a person to
// tell records apart on screen or in a reference.
func (id ID) Short() string {
	if len(id) <= 8 {
		return string(id)
	}
	return string(id[:8])
}

// ValidID reports whether s looks like an id forum made (a UUID).
func ValidID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil
}

// Stamp is a record's creation and last-change time, always in UTC, and
// its version: Version counts changes (one more than the version it
// replaced, whichever laptop made it) and Vector says which laptops made
// them, so that a merge can tell an update from a conflict.
type Stamp struct {
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int64
	Vector    Vector
}

// NewStamp returns a stamp with both times set to now, in UTC.
func NewStamp(now time.Time) Stamp {
	now = now.UTC()
	return Stamp{CreatedAt: now, UpdatedAt: now}
}

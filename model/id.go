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

// NewBallotID returns a random id (UUIDv4) for a ballot's rows. Unlike
// NewID it carries no time, so a ballot's id cannot date it, and rows keyed
// by it are not stored in the order they were cast.
func NewBallotID() ID {
	u, err := uuid.NewRandom()
	if err != nil {
		panic(fmt.Sprintf("model: cannot make an id: %v", err))
	}
	return ID(u.String())
}

// RoundID is the id of a vote's round made by its first ballot: derived
// from the table, the stage, the vote and the round's number, so that two
// laptops that each open the same round make the same record, and a merge
// sees one round, not two.
func RoundID(groupID ID, stage, vote string, round int) ID {
	return ID(uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprintf("forum round %s %s %s %d", groupID, stage, vote, round))).String())
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

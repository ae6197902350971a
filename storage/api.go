// Package storage keeps forum's data in one SQLite file: it opens the file
// the one safe way (WAL, synchronous FULL, foreign keys, busy timeout,
// immediate transactions, a single writer connection and a read-only pool),
// applies embedded numbered migrations, appends every change to an audit
// log, and tells subscribers when anyone (this process or another) commits.
// It knows no facilitation rules: those live in package sessions.
package storage

import (
	"context"
	"errors"
	"time"

	"forum/model"
)

// Named errors: every driver error that a user can act on maps to one of
// these (wrapped with %w, with a sentence saying what to do).
var (
	// ErrNotDatabase: the file exists but is not an SQLite database.
	ErrNotDatabase = errors.New("not a forum database")
	// ErrNewerSchema: the database was written by a newer version of forum.
	ErrNewerSchema = errors.New("database is from a newer version of forum")
	// ErrReadOnly: the file or its folder cannot be written.
	ErrReadOnly = errors.New("database cannot be written")
	// ErrLocked: another program holds the database locked for too long.
	ErrLocked = errors.New("database is locked")
	// ErrNotFound: no record with that id.
	ErrNotFound = errors.New("not found")
)

// SchemaVersion is the newest schema this build knows (PRAGMA user_version).
const SchemaVersion = 19

// Options tune Open.
type Options struct {
	// WatchInterval is how often the change watch polls PRAGMA data_version
	// for commits by other processes; 0 means 250ms.
	WatchInterval time.Duration
	// BusyTimeout is how long a write waits for another program's lock
	// before failing with ErrLocked; 0 means 5s.
	BusyTimeout time.Duration
}

// EventSummary is one line of the event list.
type EventSummary struct {
	ID           model.ID
	Title        string
	Date         string
	Illustrative bool
	Archived     bool
	Tables       int
	// LastChange is the latest change time of the event or anything in it.
	LastChange time.Time
}

// Snapshot is everything stored for one event, read in one transaction.
// Slices are in a stable order: areas and stages by position, tables by
// area position then name, votes by table, stage, voter and id, everything
// else by creation time then id.
// Deleted notes and next steps are included (check DeletedAt). Removed
// areas and tables, and what was captured at them, are left out of every
// list but RemovedAreas and RemovedGroups.
type Snapshot struct {
	Event         model.Event
	Areas         []model.Area
	Groups        []model.Group
	RemovedAreas  []model.Area
	RemovedGroups []model.Group
	Contributions []model.Contribution
	Votes         []model.Vote
	NextSteps     []model.NextStep
	KeyMessages   []model.KeyMessage
	// Ratings are the tables' maturity self-assessments, by table, rater
	// and dimension.
	Ratings []model.Rating
	// Themes are the tables' themes (ungrouped ones included: check
	// DeletedAt); Links the organiser's accepted and rejected links.
	Themes []model.Theme
	Links  []model.ThemeLink
	// Rounds are the tables' vote rounds, by table, stage, method, round.
	Rounds []model.VoteRound
	// Revisions (notes' earlier versions, by note, version, time) and
	// History (other records' losing versions) are read by SnapshotAll only.
	Revisions []model.Contribution
	History   []model.Kept
	// AreaParts are the stored parts of the areas' syntheses.
	AreaParts []model.AreaPart
	// AreaRound is whether and how the event holds the area round (zero:
	// not stored; see sessions.EventAreaRound).
	AreaRound model.AreaRound
}

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	Seq      int64
	At       time.Time
	Actor    string
	Action   string
	Entity   string
	EntityID model.ID
	Detail   string // JSON
	// Prev is the hash of the entry before (for the first chained entry,
	// the seal of those before the chain); Hash is this entry's.
	Prev, Hash string
}

// Store is an open forum database. It is safe for concurrent use.
type Store struct{ impl }

// Open opens (creating if needed) the database at path and migrates it to
// SchemaVersion in one transaction. It refuses, without writing anything to
// the file: a file that is not an SQLite database or not forum's
// (ErrNotDatabase), a schema newer than SchemaVersion (ErrNewerSchema), and a
// file or folder that cannot be written (ErrReadOnly).
// A failed open removes the files it created (a full disk leaves no empty
// database or -shm file behind).
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	undo := newFiles(path)
	s, err := open(ctx, path, opts)
	if err != nil {
		undo()
	}
	return s, err
}

// Update runs fn in one immediate transaction on the writer connection and
// commits it; actor is recorded in the audit log for each change fn makes.
// When Update returns nil the change is durable (synchronous FULL).
// Subscribers are told after the commit.
func (s *Store) Update(ctx context.Context, actor string, fn func(tx *Tx) error) error {
	return s.update(ctx, actor, fn)
}

// Tx is a write transaction. Every mutating method appends one audit row
// (actor, action, entity, id, the new record as JSON) in the same transaction.
type Tx struct{ txImpl }

// Subscribe returns a channel that receives a value (coalesced, never
// blocking the sender) after any commit to the database, by this process or
// another, and a function that ends the subscription.
func (s *Store) Subscribe() (<-chan struct{}, func()) { return s.subscribe() }

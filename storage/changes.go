package storage

import (
	"sync"

	"forum/model"
)

// Changes says what a commit touched, so that a live read model can re-read
// only that: the tables whose rows changed, the events whose own rows
// (event, areas, tables added, links, event key messages) changed, and All
// when the commit's extent is unknown (another process wrote, or a change
// this package does not place).
type Changes struct {
	// Tables are the tables whose rows changed, with which kinds of rows.
	Tables map[model.ID]Rows
	// TableEvents are the events of the tables whose own row changed.
	TableEvents map[model.ID]model.ID
	Events      map[model.ID]bool
	// Notes are, for each table whose notes changed, the notes the commit
	// wrote (every write of a note goes through its audit record), so a
	// reader can re-read those alone (see TableRows).
	Notes    map[model.ID][]model.ID
	All      bool
	External bool // the commit was made by another connection (data_version)
}

// Rows are kinds of a table's rows (see TableRows), as bits.
type Rows uint16

// The kinds of a table's rows.
const (
	RowsGroup Rows = 1 << iota // the table's own row
	RowsNotes
	RowsVotes
	RowsSteps
	RowsRounds
	RowsThemes
	RowsRatings
	RowsMessages
	RowsAll Rows = 1<<iota - 1
)

// Empty reports whether the changes touch nothing.
func (c Changes) Empty() bool { return !c.All && len(c.Tables) == 0 && len(c.Events) == 0 }

// hooks are the functions told about every commit (see OnCommit).
type hooks struct {
	mu  sync.Mutex
	fns map[int]func(Changes)
	n   int
}

// OnCommit registers fn to be called after every commit: synchronously, in
// the committing goroutine, after an Update of this Store (with what it
// touched), and from the change watch when another process or connection
// committed (All and External set). It returns a function that removes fn.
func (s *Store) OnCommit(fn func(Changes)) func() {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	if s.hooks.fns == nil {
		s.hooks.fns = map[int]func(Changes){}
	}
	id := s.hooks.n
	s.hooks.n++
	s.hooks.fns[id] = fn
	return func() {
		s.hooks.mu.Lock()
		defer s.hooks.mu.Unlock()
		delete(s.hooks.fns, id)
	}
}

// committed tells the hooks, then the subscribers.
func (s *Store) committed(c Changes) {
	s.hooks.mu.Lock()
	fns := make([]func(Changes), 0, len(s.hooks.fns))
	for _, fn := range s.hooks.fns {
		fns = append(fns, fn)
	}
	s.hooks.mu.Unlock()
	for _, fn := range fns {
		fn(c)
	}
	s.notify()
}

func (t *txImpl) touchTable(id model.ID, rows Rows) {
	if t.changes.Tables == nil {
		t.changes.Tables = map[model.ID]Rows{}
	}
	t.changes.Tables[id] |= rows
}

func (t *txImpl) touchEvent(id model.ID) {
	if t.changes.Events == nil {
		t.changes.Events = map[model.ID]bool{}
	}
	t.changes.Events[id] = true
}

// track records what an audited change touched, from its record.
func (t *txImpl) track(action, entity string, id model.ID, record any) {
	switch v := record.(type) {
	case model.Contribution:
		t.touchTable(v.GroupID, RowsNotes)
		if t.changes.Notes == nil {
			t.changes.Notes = map[model.ID][]model.ID{}
		}
		t.changes.Notes[v.GroupID] = append(t.changes.Notes[v.GroupID], v.ID)
	case model.NextStep:
		t.touchTable(v.GroupID, RowsSteps)
	case model.Theme:
		t.touchTable(v.GroupID, RowsThemes)
	case model.VoteRound: // closing a round moves its ballots into it
		t.touchTable(v.GroupID, RowsRounds|RowsVotes)
	case model.Group:
		if action == "create" || !v.RemovedAt.IsZero() {
			t.touchEvent(v.EventID) // the board's list of tables changes
		}
		t.touchTable(v.ID, RowsGroup)
		if t.changes.TableEvents == nil {
			t.changes.TableEvents = map[model.ID]model.ID{}
		}
		t.changes.TableEvents[v.ID] = v.EventID
	case model.Event:
		t.touchEvent(v.ID)
	case model.Area:
		t.touchEvent(v.EventID)
	case model.ThemeLink:
		t.touchEvent(v.EventID)
	default:
		switch {
		case action == "passcode" || action == "seat-key": // no screen shows them
		case entity == "ballot":
			t.touchTable(id, RowsVotes)
		case entity == "maturity":
			t.touchTable(id, RowsRatings)
		case entity == "table":
			t.touchTable(id, RowsGroup)
		case entity == "event" && action != "purge":
			t.touchEvent(id)
		case entity == "key-messages": // placed by replaceKeyMessages
		case entity == "vote-round": // placed by putRound
		default:
			t.changes.All = true
		}
	}
}

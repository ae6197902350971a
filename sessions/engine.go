package sessions

import (
	"context"
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// Engine runs forum's operations against one store.
type Engine struct {
	store *storage.Store
	now   func() time.Time
	live  *live
	// passes are the passcodes already checked (see verified).
	passes verified
	// digests keeps the last report data per event (see ReportData).
	digests *digests
}

// Open opens the database at path (see storage.Open for what it refuses)
// and returns an engine over it, and a function that closes it.
func Open(ctx context.Context, path string, opts ...Option) (*Engine, func() error, error) {
	store, err := storage.Open(ctx, path, storage.Options{})
	if err != nil {
		return nil, nil, err
	}
	return New(store, opts...), store.Close, nil
}

// Option configures an Engine.
type Option func(*Engine)

// WithClock makes the engine read time from now (for tests and demos).
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// New returns an engine over store.
func New(store *storage.Store, opts ...Option) *Engine {
	e := &Engine{store: store, now: time.Now, live: newLive(store), digests: &digests{}}
	store.OnCommit(e.digests.committed)
	for _, o := range opts {
		o(e)
	}
	return e
}

// Now is the engine's clock, in UTC.
func (e *Engine) Now() time.Time { return e.now().UTC() }

// Subscribe tells the caller about every commit to the database, by this
// process or another; see storage.Store.Subscribe.
func (e *Engine) Subscribe() (<-chan struct{}, func()) { return e.store.Subscribe() }

// Path is the database file's path.
func (e *Engine) Path() string { return e.store.Path() }

// Events lists the events in the database.
func (e *Engine) Events(ctx context.Context) ([]EventSummary, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return nil, err
	}
	return e.store.Events(ctx)
}

// LatestEventID is the event changed most recently.
func (e *Engine) LatestEventID(ctx context.Context) (model.ID, error) {
	id, err := e.store.LatestEventID(ctx)
	if err != nil {
		return "", fmt.Errorf("no event yet: start one in the app, or run 'forum demo': %w", err)
	}
	return id, nil
}

// Snapshot reads everything stored for an event: for an event a screen of
// this process has open, read once per change and shared (do not modify
// it).
func (e *Engine) Snapshot(ctx context.Context, eventID model.ID) (Snapshot, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return Snapshot{}, err
	}
	return e.live.snapshot(ctx, eventID)
}

// Board is an event's areas and tables with their counts, from the live
// model (read once per process, then kept up to date).
func (e *Engine) Board(ctx context.Context, eventID model.ID) (Board, error) {
	if s := SeatOf(ctx); s != nil && s.Role.AtTable() && s.Event != eventID {
		return Board{}, fmt.Errorf("%w: a %s seat sees only its own event", ErrForbidden, s.Role)
	}
	return e.live.boardOf(ctx, eventID)
}

// BoardOf is a snapshot's board, with each table's counts.
func BoardOf(snap Snapshot) Board {
	b := Board{Event: snap.Event, Areas: snap.Areas, Groups: snap.Groups, Stats: map[model.ID]TableStats{}}
	for _, c := range snap.Contributions {
		if !c.Deleted() {
			st := b.Stats[c.GroupID]
			st.Notes++
			b.Stats[c.GroupID] = st
		}
	}
	voters := map[[2]string]bool{}
	for _, v := range snap.Votes {
		k := [2]string{string(v.GroupID), v.Voter}
		if !voters[k] {
			voters[k] = true
			st := b.Stats[v.GroupID]
			st.Ballots++
			b.Stats[v.GroupID] = st
		}
	}
	for _, n := range snap.NextSteps {
		if n.DeletedAt.IsZero() {
			st := b.Stats[n.GroupID]
			st.NextSteps++
			b.Stats[n.GroupID] = st
		}
	}
	for _, k := range snap.KeyMessages {
		if k.GroupID != "" {
			st := b.Stats[k.GroupID]
			st.KeyMessages++
			b.Stats[k.GroupID] = st
		}
	}
	return b
}

// clean sanitizes text with rule, wrapping a refusal so it reads well.
func clean(text string, rule model.TextRule) (model.Cleaned, error) {
	c, err := model.Clean(text, rule)
	if err != nil {
		return c, fmt.Errorf("not saved: %w", err)
	}
	return c, nil
}

// notices joins the non-empty notices of several cleaned fields.
func notices(cs ...model.Cleaned) string {
	out := ""
	for _, c := range cs {
		if n := c.Notice(); n != "" {
			if out != "" {
				out += " "
			}
			out += n
		}
	}
	return out
}

// tableEvent reads a table and its event inside a transaction.
func tableEvent(tx *storage.Tx, groupID model.ID) (model.Group, model.Event, error) {
	g, err := liveGroup(tx, groupID)
	if err != nil {
		return g, model.Event{}, err
	}
	ev, err := tx.Event(g.EventID)
	return g, ev, err
}

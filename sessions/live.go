package sessions

import (
	"context"
	"sync"
	"time"

	"forum/model"
	"forum/storage"
)

// live is an engine's read model: the events its screens have opened, held
// once per process and shared by every seat. The engine's own commits
// update it from what they touched (storage.Changes: one table's rows are
// re-read, in the committing goroutine, before the operation returns); a
// commit by another process re-reads each open event once. Views are
// immutable values with a version, so a screen redraws only when what it
// shows changed, and watchers are told only about what they look at.
type live struct {
	store *storage.Store
	mu    sync.Mutex
	// events are the open events; byTable finds a table's event.
	events  map[model.ID]*liveEvent
	byTable map[model.ID]model.ID
	watches map[*Watch]struct{}
	clock   uint64 // the last version handed out
}

// liveEvent is one event in the live model. Fields after load are guarded
// by live.mu; load serializes the reads that fill them.
type liveEvent struct {
	id   model.ID
	load sync.Mutex
	// snapMu serializes reads of the whole event for the report.
	snapMu sync.Mutex

	loaded  bool
	pending pendingChanges
	// base is the event's own part of a snapshot: event, areas, tables,
	// removed ones, links, and the event's key messages.
	base    Snapshot
	tables  map[model.ID]*liveTable
	version uint64 // of anything in the event
	boardV  uint64 // of the board
	board   *Board
	snap    *Snapshot // the whole event, read at snapV
	snapV   uint64
}

// liveTable is one table's rows, view and counts.
type liveTable struct {
	part  Snapshot
	view  TableView
	stats TableStats
}

// pendingChanges are changes noted but not yet read. notes are the notes
// to re-read of a table whose notes changed, unless allNotes says its
// notes are to be read whole.
type pendingChanges struct {
	full     bool
	tables   map[model.ID]storage.Rows
	notes    map[model.ID][]model.ID
	allNotes map[model.ID]bool
}

// note adds a commit's changes to one table.
func (p *pendingChanges) note(t model.ID, rows storage.Rows, c storage.Changes) {
	if p.tables == nil {
		p.tables = map[model.ID]storage.Rows{}
	}
	p.tables[t] |= rows
	if rows&storage.RowsNotes == 0 {
		return
	}
	if ids := c.Notes[t]; len(ids) > 0 && !p.allNotes[t] {
		if p.notes == nil {
			p.notes = map[model.ID][]model.ID{}
		}
		p.notes[t] = append(p.notes[t], ids...)
		return
	}
	if p.allNotes == nil {
		p.allNotes = map[model.ID]bool{}
	}
	p.allNotes[t] = true
}

// notesOf are the notes to re-read of table t; nil for all of them.
func (p *pendingChanges) notesOf(t model.ID) []model.ID {
	if p.allNotes[t] || len(p.notes[t]) == 0 {
		return nil
	}
	return p.notes[t]
}

func newLive(store *storage.Store) *live {
	l := &live{store: store, events: map[model.ID]*liveEvent{}, byTable: map[model.ID]model.ID{}, watches: map[*Watch]struct{}{}}
	store.OnCommit(l.committed)
	return l
}

// readTimeout bounds one re-read of the model.
const readTimeout = 30 * time.Second

// committed notes what a commit touched on every open event and re-reads
// it (see refresh), then tells watchers of events that are not open.
func (l *live) committed(c storage.Changes) {
	l.mu.Lock()
	var todo []*liveEvent
	for _, ev := range l.events {
		hit := false
		if c.All || c.Events[ev.id] {
			ev.pending.full, hit = true, true
		}
		for t, rows := range c.Tables {
			if _, ok := ev.tables[t]; !ok && c.TableEvents[t] == ev.id {
				ev.pending.full, hit = true, true // a table comes back
			}
			if _, ok := ev.tables[t]; ok || !ev.loaded {
				ev.pending.note(t, rows, c)
				hit = true
			}
		}
		if hit {
			todo = append(todo, ev)
		}
	}
	l.mu.Unlock()
	for _, ev := range todo {
		l.refresh(ev)
	}
	l.mu.Lock()
	for w := range l.watches {
		if f := w.focus; f.Event == "" || l.events[f.Event] == nil || !l.events[f.Event].loaded {
			w.signal()
		}
	}
	l.mu.Unlock()
}

// event returns the open event, reading it first if needed.
func (l *live) event(ctx context.Context, id model.ID) (*liveEvent, error) {
	l.mu.Lock()
	ev := l.events[id]
	if ev == nil {
		ev = &liveEvent{id: id, tables: map[model.ID]*liveTable{}}
		l.events[id] = ev
	}
	loaded := ev.loaded
	l.mu.Unlock()
	if loaded {
		return ev, nil
	}
	ev.load.Lock()
	defer ev.load.Unlock()
	l.mu.Lock()
	loaded = ev.loaded
	l.mu.Unlock()
	if loaded {
		return ev, nil
	}
	snap, err := l.store.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	ev.pending.full = false // this read is newer than any change noted so far
	l.mu.Unlock()
	l.install(ev, snap)
	return ev, nil
}

// tableEvent is the open event holding a table, reading it first if needed.
func (l *live) tableEvent(ctx context.Context, groupID model.ID) (*liveEvent, error) {
	l.mu.Lock()
	evID, ok := l.byTable[groupID]
	l.mu.Unlock()
	if !ok {
		g, err := l.store.Group(ctx, groupID)
		if err != nil {
			return nil, err
		}
		evID = g.EventID
	}
	return l.event(ctx, evID)
}

// refresh reads what is pending for an event: the touched tables, or the
// whole event. Changes noted while another refresh reads are taken by the
// next one, so refreshes coalesce and a commit's changes are in the model
// when its committer's refresh returns.
func (l *live) refresh(ev *liveEvent) {
	ev.load.Lock()
	defer ev.load.Unlock()
	l.mu.Lock()
	p, loaded := ev.pending, ev.loaded
	ev.pending = pendingChanges{}
	l.mu.Unlock()
	if !loaded || (!p.full && len(p.tables) == 0) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	if !p.full {
		parts := map[model.ID]Snapshot{}
		for t, rows := range p.tables {
			notes := p.notesOf(t)
			part, err := l.store.TableRows(ctx, t, rows, notes)
			if err != nil || !l.sameTable(ev, t, part) {
				p.full = true
				break
			}
			parts[t] = merged(ev.tables[t].part, part, rows, notes != nil)
		}
		if !p.full {
			l.apply(ev, parts)
			return
		}
	}
	snap, err := l.store.Snapshot(ctx, ev.id)
	if err != nil {
		l.mu.Lock()
		ev.loaded = false // the next read tries again
		l.mu.Unlock()
		return
	}
	l.install(ev, snap)
}

// sameTable reports whether a table's fresh rows leave the board's list of
// tables as it was (same name, area and place): otherwise the whole event
// is re-read.
func (l *live) sameTable(ev *liveEvent, id model.ID, part Snapshot) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := ev.tables[id]
	if t == nil || len(part.Groups) != 1 {
		return false
	}
	old, g := t.part.Groups[0], part.Groups[0]
	return g.EventID == ev.id && g.Name == old.Name && g.AreaID == old.AreaID && g.RemovedAt.Equal(old.RemovedAt)
}

// merged is a table's rows with the kinds in rows taken from fresh (read
// with those kinds) and the rest kept from old. The table's own row is
// always fresh. someNotes says fresh holds only the notes that changed.
func merged(old, fresh Snapshot, rows storage.Rows, someNotes bool) Snapshot {
	out := old
	out.Groups = fresh.Groups
	take := func(bit storage.Rows, f func()) {
		if rows&bit != 0 {
			f()
		}
	}
	take(storage.RowsNotes, func() {
		out.Contributions = fresh.Contributions
		if someNotes {
			out.Contributions = storage.MergeNotes(old.Contributions, fresh.Contributions)
		}
	})
	take(storage.RowsVotes, func() { out.Votes = fresh.Votes })
	take(storage.RowsSteps, func() { out.NextSteps = fresh.NextSteps })
	take(storage.RowsRounds, func() { out.Rounds = fresh.Rounds })
	take(storage.RowsThemes, func() { out.Themes = fresh.Themes })
	take(storage.RowsRatings, func() { out.Ratings = fresh.Ratings })
	take(storage.RowsMessages, func() { out.KeyMessages = fresh.KeyMessages })
	return out
}

// next hands out a new version (under l.mu).
func (l *live) next() uint64 {
	l.clock++
	return l.clock
}

package sessions

import (
	"context"
	"fmt"
	"reflect"

	"forum/model"
)

// install puts a fresh read of the whole event into the model, keeping the
// views (and versions) of the tables whose rows did not change.
func (l *live) install(ev *liveEvent, snap Snapshot) {
	base, parts := splitSnapshot(snap)
	// ev's parts are written only by holders of ev.load, as the caller is,
	// so reading them here without l.mu is safe.
	eventSame := ev.loaded && sameEventRows(base, ev.base)
	changed := map[model.ID]*liveTable{}
	for id, part := range parts {
		if old := ev.tables[id]; eventSame && old != nil && reflect.DeepEqual(old.part, part) {
			continue
		}
		changed[id] = newLiveTable(base, part, id, nil)
	}
	var gone []model.ID
	for id := range ev.tables {
		if _, ok := parts[id]; !ok {
			gone = append(gone, id)
		}
	}
	boardSame := eventSame && len(gone) == 0 && reflect.DeepEqual(base.Groups, ev.base.Groups)
	for id, t := range changed {
		if old := ev.tables[id]; old == nil || old.stats != t.stats {
			boardSame = false
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	ev.loaded = true
	if boardSame && len(changed) == 0 {
		return
	}
	v := l.next()
	for id, t := range changed {
		t.view.Version = v
		ev.tables[id] = t
		l.byTable[id] = ev.id
	}
	for _, id := range gone {
		delete(ev.tables, id)
		delete(l.byTable, id)
	}
	ev.base, ev.version = base, v
	if !boardSame {
		ev.boardV, ev.board = v, nil
	}
	l.notify(ev, changed, !boardSame)
}

// apply puts the fresh rows of some tables into the model.
func (l *live) apply(ev *liveEvent, parts map[model.ID]Snapshot) {
	changed := map[model.ID]*liveTable{}
	boardChanged := false
	groups := ev.base.Groups
	for id, part := range parts {
		old := ev.tables[id]
		if reflect.DeepEqual(old.part, part) {
			continue
		}
		t := newLiveTable(ev.base, part, id, old)
		changed[id] = t
		if t.stats != old.stats {
			boardChanged = true
		}
		if g := part.Groups[0]; !reflect.DeepEqual(g, old.part.Groups[0]) {
			groups = replaceGroup(groups, g)
			boardChanged = true
		}
	}
	if len(changed) == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	v := l.next()
	for id, t := range changed {
		t.view.Version = v
		ev.tables[id] = t
	}
	ev.base.Groups, ev.version = groups, v
	if boardChanged {
		ev.boardV, ev.board = v, nil
	}
	l.notify(ev, changed, boardChanged)
}

// newLiveTable makes a table's view and counts from its rows. old, when
// given, is the table before: counts of rows it shares with part (the same
// slice, as merged keeps the kinds a commit did not touch) are kept.
func newLiveTable(base, part Snapshot, id model.ID, old *liveTable) *liveTable {
	s := part
	s.Event, s.Areas = base.Event, base.Areas
	var prev *TableView
	var prevPart Snapshot
	if old != nil {
		prev, prevPart = &old.view, old.part
	}
	v, _ := tableFrom(s, id, prev, prevPart)
	return &liveTable{part: part, view: v, stats: partStats(part, id, old)}
}

// partStats is BoardOf(part).Stats[id], counting again only the kinds of
// rows that are not old's own.
func partStats(part Snapshot, id model.ID, old *liveTable) TableStats {
	if old == nil {
		return BoardOf(part).Stats[id]
	}
	o := old.part
	if !sameRows(o.Votes, part.Votes) || !sameRows(o.NextSteps, part.NextSteps) || !sameRows(o.KeyMessages, part.KeyMessages) {
		return BoardOf(part).Stats[id]
	}
	st := old.stats
	st.Notes = 0
	for _, c := range part.Contributions {
		if c.GroupID == id && !c.Deleted() {
			st.Notes++
		}
	}
	return st
}

// replaceGroup is a copy of groups with g in place of its old row.
func replaceGroup(groups []model.Group, g model.Group) []model.Group {
	out := make([]model.Group, len(groups))
	copy(out, groups)
	for i := range out {
		if out[i].ID == g.ID {
			out[i] = g
		}
	}
	return out
}

// sameEventRows compares the event's own rows, tables aside (a table's row
// is compared with its part).
func sameEventRows(a, b Snapshot) bool {
	a.Groups, b.Groups = nil, nil
	return reflect.DeepEqual(a, b)
}

// splitSnapshot splits a snapshot into the event's own rows and each live
// table's rows (see storage.Store.TableRows).
func splitSnapshot(snap Snapshot) (Snapshot, map[model.ID]Snapshot) {
	base := Snapshot{Event: snap.Event, Areas: snap.Areas, Groups: snap.Groups, RemovedAreas: snap.RemovedAreas, RemovedGroups: snap.RemovedGroups, Links: snap.Links}
	per := map[model.ID]*Snapshot{}
	for _, g := range snap.Groups {
		per[g.ID] = &Snapshot{Groups: []model.Group{g}}
	}
	splitTables(snap, per)
	for _, k := range snap.KeyMessages {
		if k.GroupID == "" {
			base.KeyMessages = append(base.KeyMessages, k)
		} else if p := per[k.GroupID]; p != nil {
			p.KeyMessages = append(p.KeyMessages, k)
		}
	}
	out := make(map[model.ID]Snapshot, len(per))
	for id, p := range per {
		out[id] = *p
	}
	return base, out
}

// table is a table's current view.
func (l *live) table(ctx context.Context, groupID model.ID) (TableView, error) {
	ev, err := l.tableEvent(ctx, groupID)
	if err != nil {
		return TableView{}, err
	}
	if v, ok := l.tableView(ev, groupID); ok {
		return v, nil
	}
	// Not in the model: another process may have added or restored it
	// since the change watch last looked. If the file has it, read the
	// event again now rather than say it does not exist.
	if g, err := l.store.Group(ctx, groupID); err == nil && g.EventID == ev.id && g.RemovedAt.IsZero() {
		l.mu.Lock()
		ev.pending.full = true
		l.mu.Unlock()
		l.refresh(ev)
		if v, ok := l.tableView(ev, groupID); ok {
			return v, nil
		}
	}
	return TableView{}, fmt.Errorf("table %s: %w", groupID.Short(), ErrNotFound)
}

// tableView is a table's current view, if the model holds the table.
func (l *live) tableView(ev *liveEvent, groupID model.ID) (TableView, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := ev.tables[groupID]
	if t == nil {
		return TableView{}, false
	}
	return t.view, true
}

// boardOf is an event's current board.
func (l *live) boardOf(ctx context.Context, eventID model.ID) (Board, error) {
	ev, err := l.event(ctx, eventID)
	if err != nil {
		return Board{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if ev.board == nil {
		b := Board{Event: ev.base.Event, Areas: ev.base.Areas, Groups: ev.base.Groups, Stats: make(map[model.ID]TableStats, len(ev.tables)), Version: ev.boardV}
		for id, t := range ev.tables {
			if t.stats != (TableStats{}) {
				b.Stats[id] = t.stats
			}
		}
		ev.board = &b
	}
	return *ev.board, nil
}

// snapshot is the whole event, read once per version of an open event
// (and shared: callers must not change it); an event no screen opened is
// read directly.
func (l *live) snapshot(ctx context.Context, eventID model.ID) (Snapshot, error) {
	l.mu.Lock()
	ev := l.events[eventID]
	open := ev != nil && ev.loaded
	l.mu.Unlock()
	if !open {
		return l.store.Snapshot(ctx, eventID)
	}
	ev.snapMu.Lock()
	defer ev.snapMu.Unlock()
	l.mu.Lock()
	v, cached := ev.version, ev.snap
	if cached != nil && ev.snapV == v {
		l.mu.Unlock()
		return *cached, nil
	}
	l.mu.Unlock()
	snap, err := l.store.Snapshot(ctx, eventID)
	if err != nil {
		return snap, err
	}
	l.mu.Lock()
	if ev.snapV <= v {
		ev.snap, ev.snapV = &snap, v
	}
	l.mu.Unlock()
	return snap, nil
}

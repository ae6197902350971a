package sessions

import "forum/model"

// Focus is what a screen shows, so that it is told only about changes to
// that: one table of an event (Table set), an event's board (Board set),
// everything of an event (Event only), or anything at all (Event "", for
// the list of events).
type Focus struct {
	Event model.ID
	Table model.ID
	Board bool
}

// Watch is one screen's subscription to the engine's live model. C
// receives a value after a commit (by this process or another) changed
// what the focus shows; values coalesce, so a slow reader gets one signal
// for many commits and never holds a committer up.
type Watch struct {
	C     <-chan struct{}
	c     chan struct{}
	l     *live
	focus Focus // guarded by l.mu
}

// Watch starts a subscription (focused on anything until Focus is called);
// Close ends it.
func (e *Engine) Watch() *Watch {
	c := make(chan struct{}, 1)
	w := &Watch{C: c, c: c, l: e.live}
	e.live.mu.Lock()
	e.live.watches[w] = struct{}{}
	e.live.mu.Unlock()
	return w
}

// Focus changes what the watch is told about.
func (w *Watch) Focus(f Focus) {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	w.focus = f
}

// Close ends the subscription and closes C. It may be called more than once.
func (w *Watch) Close() {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	if _, ok := w.l.watches[w]; ok {
		delete(w.l.watches, w)
		close(w.c)
	}
}

// signal wakes the watch without blocking (under l.mu).
func (w *Watch) signal() {
	select {
	case w.c <- struct{}{}:
	default:
	}
}

// notify tells the watches whose focus changed (under l.mu): the tables
// whose views changed, and whether the board did.
func (l *live) notify(ev *liveEvent, tables map[model.ID]*liveTable, board bool) {
	for w := range l.watches {
		f := w.focus
		switch {
		case f.Event == "":
			w.signal()
		case f.Event != ev.id:
		case f.Table != "":
			if _, ok := tables[f.Table]; ok {
				w.signal()
			}
		case f.Board:
			if board {
				w.signal()
			}
		default:
			w.signal()
		}
	}
}

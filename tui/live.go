package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"forum/sessions"
)

// reloadedMsg carries the result of a reload started by a change signal,
// so that the app knows none is in flight any more.
type reloadedMsg struct{ msg tea.Msg }

// liveState is the app's side of the engine's live model: the watch, what
// it is focused on, and whether a reload is in flight.
type liveState struct {
	watch *sessions.Watch
	focus sessions.Focus
	// reloading is true while a reload started by a change is in flight;
	// again asks for one more when it lands (a newer change came in).
	reloading, again bool
	// done is closed by App.Close, ending the commands that wait on the
	// server (see waitStop).
	done      chan struct{}
	closeOnce sync.Once
}

// close ends the watch and the commands waiting on the server.
func (l *liveState) close() {
	l.closeOnce.Do(func() {
		close(l.done)
		if l.watch != nil {
			l.watch.Close()
		}
	})
}

// refocus points the watch at what the current screen shows, so the app is
// told only about changes to that (a note at another table does not wake a
// table screen).
func (a *App) refocus() {
	if a.live.watch == nil {
		return
	}
	f := sessions.Focus{Event: a.eventID()}
	switch a.screen {
	case screenHome:
		f = sessions.Focus{}
	case screenBoard, screenProgramme:
		f.Board = true
	case screenTable, screenVote, screenForm, screenMaturity, screenScale:
		if id := a.tbl.view.Group.ID; id != "" {
			f.Event, f.Table = a.tbl.view.Event.ID, id
		}
	}
	if f != a.live.focus {
		a.live.focus = f
		a.live.watch.Focus(f)
	}
}

// changed handles a change signal: it re-arms the watch and reloads the
// screen, unless a reload is in flight, in which case one more follows it.
func (a *App) changed() tea.Cmd {
	if a.live.reloading {
		a.live.again = true
		return a.waitChange()
	}
	return tea.Batch(a.waitChange(), a.settle())
}

// settle starts a reload whose result comes back as a reloadedMsg.
func (a *App) settle() tea.Cmd {
	cmd := a.reload()
	if cmd == nil {
		return nil
	}
	a.live.reloading = true
	return func() tea.Msg { return reloadedMsg{cmd()} }
}

// reloaded takes a reload's result, then starts the one asked for meanwhile.
func (a *App) reloaded(m reloadedMsg) (tea.Model, tea.Cmd) {
	a.live.reloading = false
	_, cmd := a.Update(m.msg)
	if a.live.again {
		a.live.again = false
		cmd = tea.Batch(cmd, a.settle())
	}
	return a, cmd
}

// sameTable reports whether a table view is the one on screen already
// (same table, same live version): nothing to redraw.
func (a *App) sameTable(v sessions.TableView) bool {
	return v.Version != 0 && v.Version == a.tbl.view.Version && v.Group.ID == a.tbl.view.Group.ID
}

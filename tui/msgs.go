package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// Messages that commands return to Update.
type (
	eventsMsg struct{ list []sessions.EventSummary }
	boardMsg  struct{ board sessions.Board }
	tableMsg  struct{ view sessions.TableView }
	setupMsg  struct{ view sessions.SetupView }
	// doneMsg reports an operation: its status line, and whether the
	// current screen should reload.
	doneMsg struct {
		status string
		err    error
		reload bool
	}
	savedMsg struct {
		note   model.Contribution
		notice string
		err    error
		edit   bool
		undo   sessions.Undo
	}
	openEventMsg struct{ id model.ID }
	tickMsg      time.Time
	changedMsg   struct{}
)

// do runs an engine operation in a command and reports it as a doneMsg.
func do(status string, f func() error) tea.Cmd {
	return func() tea.Msg {
		if err := f(); err != nil {
			return doneMsg{err: err, reload: true}
		}
		return doneMsg{status: status, reload: true}
	}
}

// load runs a read in a command; its result becomes a message, its error a
// red status line.
func load[T any](read func() (T, error), wrap func(T) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		v, err := read()
		if err != nil {
			return doneMsg{err: err}
		}
		return wrap(v)
	}
}

func (a *App) loadEvents() tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() ([]sessions.EventSummary, error) { return eng.Events(ctx) }, func(l []sessions.EventSummary) tea.Msg { return eventsMsg{l} })
}

func (a *App) loadBoard(id model.ID) tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() (sessions.Board, error) { return eng.Board(ctx, id) }, func(b sessions.Board) tea.Msg { return boardMsg{b} })
}

func (a *App) loadSetup(id model.ID) tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() (sessions.SetupView, error) { return eng.Setup(ctx, id) }, func(v sessions.SetupView) tea.Msg { return setupMsg{v} })
}

func (a *App) loadTable(id model.ID) tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() (sessions.TableView, error) { return eng.Table(ctx, id) }, func(v sessions.TableView) tea.Msg { return tableMsg{v} })
}

// waitChange blocks until the database changes (anyone's commit).
func (a *App) waitChange() tea.Cmd {
	ch := a.changes
	if ch == nil || a.static {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return changedMsg{}
	}
}

func (a *App) tick() tea.Cmd {
	if a.static {
		return nil
	}
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// ctxOrBackground keeps a nil context out of the engine.
func ctxOrBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

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

// tick schedules the next clock tick: just after the table's clock turns
// to its next second when a running clock is on screen (so it shows the
// time it should, and the seats at one table redraw together), else just
// after the next whole second of the wall clock.
func (a *App) tick() tea.Cmd {
	if a.static {
		return nil
	}
	return tea.Tick(nextTick(time.Now(), a.clockBase()), func(t time.Time) tea.Msg { return tickMsg(t) })
}

// clockBase is when the running clock on screen started counting (its
// seconds turn at this instant plus whole seconds), or zero.
func (a *App) clockBase() time.Time {
	g := a.tbl.view.Group
	if a.screen != screenTable || g.StageStartedAt.IsZero() || !g.PausedAt.IsZero() {
		return time.Time{}
	}
	return g.StageStartedAt.Add(g.PausedFor)
}

// nextTick is how long from now until just after the next instant that is
// base plus a whole number of seconds (base zero: the wall clock's seconds).
func nextTick(now, base time.Time) time.Duration {
	const after = 2 * time.Millisecond // the clock has turned by then
	if base.IsZero() {
		base = time.Unix(0, 0)
	}
	into := now.Sub(base) % time.Second
	if into < 0 {
		into += time.Second
	}
	return time.Second - into + after
}

// ctxOrBackground keeps a nil context out of the engine.
func ctxOrBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

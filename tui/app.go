// Package tui is forum's terminal interface, built with Bubble Tea: a home
// screen of events, a board of tables, the table screen where a scribe
// captures notes while a facilitator moves the table through its stages,
// and the activity screens (roles, vision, dot vote, next steps, key
// messages) and the summary preview. Screens call package sessions inside
// commands; nothing here touches the database directly.
package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// Options configure the app.
type Options struct {
	// Actor is recorded in the audit log as who made each change.
	Actor string
	// Seat, when set, is a remote seat: the app opens on the seat's screen
	// and the engine allows only what the seat's role allows.
	Seat *sessions.Seat
	// IdleTimeout ends the session after that long without a key press;
	// MaxSession after that long in all (0: never).
	IdleTimeout, MaxSession time.Duration
	// Stopping is closed when the server shuts down.
	Stopping <-chan struct{}
}

type screen int

const (
	screenHome screen = iota
	screenBoard
	screenTable
	screenVote
	screenForm
	screenSummary
	screenProgramme
	screenSetup
	screenMaturity
	screenDashboard
	screenPresent
	screenThemes
	screenScale
	screenArea
)

// App is the root model: it routes messages to the current screen.
type App struct {
	common
	dark   bool
	help   help.Model
	screen screen
	status string
	isErr  bool

	events   []sessions.EventSummary
	evSel    int
	board    sessions.Board
	boardSel int
	tbl      tableModel
	vote     voteModel
	form     formModel
	summary  summaryModel

	templates []sessions.Template
	// pending is a question waiting for y or n (see ask).
	pending  *confirmation
	setup    sessions.SetupView
	maturity maturityModel
	dash     dashboardModel
	present  presentModel
	review   reviewModel
	scale    scaleModel
	area     areaModel
	// setupSel is the selected row of the set-up screen.
	setupSel int
	// helpTop is the first line of the full help shown (? scrolls).
	helpTop int

	// static turns off the clock tick and the change watch (for tests).
	static bool

	changes     <-chan struct{}
	unsubscribe func()
	live        liveState

	// bellOff silences the time-up bell.
	bellOff bool
	// participantOn is the vote a participant seat is shown.
	participantOn string

	// frames keeps what did not change from one frame to the next.
	frames frameCache

	opts       Options
	started    time.Time
	lastKey    time.Time
	quitReason string
}

// New returns the app over an engine.
func New(eng *sessions.Engine, opts Options) *App {
	a := &App{common: common{eng: eng, actor: opts.Actor, width: 80, height: 24, seat: opts.Seat}, dark: true, help: help.New(), opts: opts}
	a.ctx = a.seatContext(context.Background())
	if a.actor == "" {
		a.actor = "local"
	}
	a.st = NewStyles(true)
	a.help.Styles = a.st.Help
	a.now = eng.Now()
	a.started, a.lastKey = time.Now(), time.Now()
	a.tbl = newTableModel()
	a.tbl.input.SetWidth(a.width - 4)
	a.help.SetWidth(a.width)
	a.templates, _ = sessions.Templates() // embedded: no I/O
	a.live.watch, a.live.done = eng.Watch(), make(chan struct{})
	a.changes, a.unsubscribe = a.live.watch.C, a.live.close
	return a
}

// Close ends the app's subscription to the change watch (Start does this
// itself; a server that runs apps calls it when the session ends).
func (a *App) Close() { a.unsubscribe() }

// Init loads the events and starts the clock and the change watch.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.seatStart(), a.tick(), a.waitChange(), a.waitStop(), tea.RequestBackgroundColor)
}

// Update handles a message.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer a.refocus()
	a.beforeMsg()
	defer a.afterMsg(msg)
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		a.tbl.input.SetWidth(max(msg.Width-4, 10))
		return a, a.summary.resize(a)
	case tea.BackgroundColorMsg:
		a.dark = msg.IsDark()
		a.st = NewStyles(a.dark)
		a.help.Styles = a.st.Help
		return a, nil
	case tickMsg:
		a.now = time.Time(msg)
		if cmd := a.idleCheck(time.Now()); cmd != nil {
			return a, cmd
		}
		return a, tea.Batch(a.tick(), a.bell())
	case quitMsg:
		a.quitReason = msg.reason
		return a, tea.Quit
	case stoppingMsg:
		a.setStatus("The server is stopping. Everything marked ✓ is saved.", nil)
		a.isErr = true
		return a, tea.Tick(time.Second, func(time.Time) tea.Msg { return quitMsg{"the server stopped"} })
	case changedMsg:
		a.frames.kept = true // it only starts a reload; the reload's view redraws
		return a, a.changed()
	case reloadedMsg:
		return a.reloaded(msg)
	case castMsg, closedMsg, cardVotersMsg, cardVoterMsg, revoteMsg:
		return a, a.voteMsg(msg)
	case doneMsg:
		a.setStatus(msg.status, msg.err)
		if msg.reload && a.static { // otherwise the commit's change signal reloads
			return a, a.reload()
		}
		return a, nil
	case eventsMsg:
		a.events = msg.list
		a.evSel = clamp(a.evSel, len(a.events))
		return a, nil
	case openEventMsg:
		a.setStatus("Event added.", nil)
		a.screen = screenBoard
		a.boardSel = 0
		return a, tea.Batch(a.loadEvents(), a.loadBoard(msg.id))
	case boardMsg:
		a.board = msg.board
		a.boardSel = clamp(a.boardSel, len(a.board.Groups))
		if a.seat != nil && a.seat.Table != "" {
			a.boardSel = max(indexOf(a.board.Groups, a.seat.Table), 0)
		}
		return a, nil
	case tableMsg:
		if a.sameTable(msg.view) {
			a.frames.kept = true // on screen already
			return a, nil
		}
		a.tbl.setView(msg.view)
		a.participantVote(msg.view)
		if a.screen == screenVote {
			a.vote.refresh(msg.view)
		}
		return a, nil
	case savedMsg:
		return a, a.tbl.saved(a, msg)
	case undoneMsg:
		a.tbl.keep(msg.undo)
		a.setStatus(msg.status, msg.err)
		return a, a.reload()
	case navMsg:
		a.screen = msg.to
		a.setStatus(msg.status, nil)
		if msg.load != nil {
			return a, msg.load
		}
		return a, a.reload()
	case formDroppedMsg:
		a.screen = msg.back
		a.setStatus("Dropped; nothing saved.", nil)
		return a, nil
	case dropEditMsg:
		a.tbl.dropEdit(a)
		return a, nil
	case historyMsg:
		a.tbl.history = tableHistory{open: true, note: msg.note, versions: msg.versions}
		return a, nil
	case formResultMsg:
		if msg.err != nil {
			a.form.err = msg.err.Error()
			return a, nil
		}
		a.screen = a.form.done
		a.setStatus(msg.status, nil)
		a.tbl.keep(msg.undo)
		if msg.clearMarks {
			a.tbl.marked = map[model.ID]bool{}
		}
		return a, a.reload()
	case areaMsg:
		return a, a.area.set(a, msg)
	case reviewMsg:
		a.review.r, a.review.loaded = msg.r, true
		a.review.sel = clamp(a.review.sel, a.review.items())
		return a, nil
	case plenaryMsg:
		a.dash.set(a, msg.p)
		if a.screen == screenPresent {
			at := a.present.at
			a.present = newPresent(msg.p)
			a.present.at = min(at, len(a.present.slides)-1)
		}
		return a, nil
	case setupMsg:
		a.setup = msg.view
		a.board.Event = msg.view.Event
		a.setupSel = clamp(a.setupSel, len(a.setupRows()))
		return a, nil
	case summaryMsg:
		a.summary.set(a, msg)
		return a, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, keyInterrupt) {
			return a, tea.Quit
		}
		a.lastKey = time.Now()
		if cmd, used := a.seatKey(msg); used {
			return a, cmd
		}
		if cmd, answered := a.answer(msg); answered {
			return a, cmd
		}
		if a.help.ShowAll && a.helpKey(msg) {
			return a, nil
		}
		if a.screen != screenForm && a.screen != screenTable && key.Matches(msg, keyHelp) {
			a.help.ShowAll, a.helpTop = true, 0
			return a, nil
		}
		return a, a.key(msg)
	case tea.PasteMsg:
		if a.screen == screenTable || a.screen == screenForm {
			return a, a.key(msg)
		}
	}
	return a, nil
}

// keyInterrupt quits from anywhere.
var keyInterrupt = kb([]string{"ctrl+c"}, "ctrl+c", "quit")

func (a *App) setStatus(s string, err error) {
	a.status, a.isErr = s, err != nil
	if err != nil {
		a.status = err.Error()
	}
}

// seatContext marks ctx with the app's seat, if any.
func (a *App) seatContext(ctx context.Context) context.Context {
	if a.seat == nil {
		return ctx
	}
	return sessions.WithSeat(ctx, a.seat)
}

// eventID is the event on screen.
func (a *App) eventID() model.ID { return a.board.Event.ID }

func clamp(i, n int) int {
	if i >= n {
		i = n - 1
	}
	if i < 0 {
		i = 0
	}
	return i
}

var _ tea.Model = (*App)(nil)

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

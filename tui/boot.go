package tui

import (
	"context"
	"errors"
	"sync"

	tea "charm.land/bubbletea/v2"

	"forum/sessions"
)

// Opener opens the database for Start: the engine, the app's options and
// the function that closes the database.
type Opener func(ctx context.Context) (*sessions.Engine, Options, func() error, error)

// Start runs the app in the terminal until the user quits, opening the
// database while the terminal starts up: Bubble Tea draws its first
// frame one frame interval after it starts, so the database is opened,
// and the events read, in that wait instead of before it. Until open
// returns the screen stays blank; what arrives meanwhile (the window's
// size, the terminal's colours, keys) is handed to the app once it is
// there. An error from open ends the program and is returned.
func Start(ctx context.Context, open Opener) error {
	ctx = ctxOrBackground(ctx)
	b := &boot{ctx: ctx, open: open, opened: make(chan struct{})}
	final, err := tea.NewProgram(b, tea.WithContext(ctx)).Run()
	if a, ok := final.(*App); ok {
		a.Close()
	}
	b.mu.Lock()
	running := b.running
	b.ended = true // an opening not yet begun never begins
	b.mu.Unlock()
	if running {
		<-b.opened // a quit during the opening waits for it, to close it
	}
	if b.closeDB != nil {
		if cerr := b.closeDB(); err == nil && b.err == nil {
			err = cerr
		}
	}
	if b.err != nil {
		return b.err
	}
	if err != nil && ctx.Err() != nil {
		return nil
	}
	return err
}

// boot is the program's model until the database is open; then the app
// takes its place.
type boot struct {
	ctx    context.Context
	open   Opener
	opened chan struct{}
	// running says the opening began; ended that the program is over.
	mu      sync.Mutex
	running bool
	ended   bool
	// closeDB and err are written by the opening command, before opened
	// is closed, and read once the program has ended.
	closeDB func() error
	err     error
	// held are the messages that came before the app.
	held []tea.Msg
}

// bootedMsg says the database is open (or could not be).
type bootedMsg struct {
	eng  *sessions.Engine
	opts Options
	err  error
}

// Init opens the database.
func (b *boot) Init() tea.Cmd {
	return func() tea.Msg {
		b.mu.Lock()
		if b.ended {
			b.mu.Unlock()
			return nil
		}
		b.running = true
		b.mu.Unlock()
		defer close(b.opened)
		eng, opts, closeDB, err := b.open(b.ctx)
		b.closeDB = closeDB
		return bootedMsg{eng: eng, opts: opts, err: err}
	}
}

// Update hands over to the app once the database is open.
func (b *boot) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case bootedMsg:
		if msg.err != nil {
			b.err = msg.err
			return b, tea.Quit
		}
		if msg.eng == nil {
			b.err = errors.New("no database was opened")
			return b, tea.Quit
		}
		a := New(msg.eng, msg.opts)
		a.ctx = a.seatContext(b.ctx)
		cmds := []tea.Cmd{a.Init()}
		var m tea.Model = a
		for _, h := range b.held {
			var cmd tea.Cmd
			m, cmd = m.Update(h)
			cmds = append(cmds, cmd)
		}
		b.held = nil
		return m, tea.Batch(cmds...)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return b, tea.Quit
		}
	}
	b.held = append(b.held, msg)
	return b, nil
}

// View is a blank screen in the app's terminal modes, so that the app's
// first frame replaces it without a switch of screen.
func (b *boot) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "forum"
	return v
}

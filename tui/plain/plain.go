// Package plain is forum's plain front end, for screen readers and braille
// displays: linear text, top to bottom, one line per thing said, over the
// same sessions operations as the full-screen app. Nothing is redrawn and
// nothing needs colour; it writes only when the person typed something or
// something they follow changed: their table's notes, stage and vote, and
// its clock each minute, at the two-minute warning and at time-up.
//
// A note is typed as a line and saved with Enter; commands start with a
// slash (/help lists them).
package plain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"forum/model"
	"forum/sessions"
)

// Options configure a plain session.
type Options struct {
	// Actor is recorded in the audit log as who made each change.
	Actor string
	// Seat, when set, is a remote seat: a table role goes straight to its
	// table, and the engine allows only what the role allows.
	Seat *sessions.Seat
	// In is read line by line; Out receives every line written.
	In  io.Reader
	Out io.Writer
	// Terminal is set when In and Out are a raw terminal (an SSH session
	// with a pseudo-terminal): typed characters are echoed, Backspace
	// erases, and lines end in CR LF.
	Terminal bool
	// Tick is how often the clock is checked (0: every second); Ticks, if
	// set, replaces the ticker (for tests).
	Tick  time.Duration
	Ticks <-chan time.Time
	// Stopping is closed when the server shuts down.
	Stopping <-chan struct{}
	// IdleTimeout ends the session after that long without a line typed
	// (0: never).
	IdleTimeout time.Duration
}

// session is one person's plain front end.
type session struct {
	eng   *sessions.Engine
	opts  Options
	ctx   context.Context
	out   *writer
	event model.ID
	// board is the tables list last shown; table the table followed.
	board   sessions.Board
	table   *sessions.TableView
	clock   clockWatch
	mine    map[model.ID]bool // notes this person saved (not announced back)
	quit    bool
	numbers []model.ID // what the last numbered list numbered
	listing int
}

// Run runs a plain session until the input ends, /quit, ctx ends or the
// server stops.
func Run(ctx context.Context, eng *sessions.Engine, opts Options) error {
	if opts.Seat != nil {
		ctx = sessions.WithSeat(ctx, opts.Seat)
	}
	s := &session{eng: eng, opts: opts, ctx: ctx, out: newWriter(opts.Out, opts.Terminal), mine: map[model.ID]bool{}}
	lines, stop := make(chan string), make(chan struct{})
	defer close(stop) // the reader does not wait to hand over a line no one reads
	readErr := make(chan error, 1)
	go func() { readErr <- readLines(opts.In, s.out, opts.Terminal, lines, stop) }()
	changes, unsubscribe := eng.Subscribe()
	defer unsubscribe()
	ticks := opts.Ticks
	if ticks == nil {
		every := opts.Tick
		if every <= 0 {
			every = time.Second
		}
		t := time.NewTicker(every)
		defer t.Stop()
		ticks = t.C
	}
	var idle <-chan time.Time
	var idleTimer *time.Timer
	if opts.IdleTimeout > 0 {
		idleTimer = time.NewTimer(opts.IdleTimeout)
		defer idleTimer.Stop()
		idle = idleTimer.C
	}
	s.start()
	for !s.quit {
		select {
		case line := <-lines:
			if idleTimer != nil {
				idleTimer.Reset(opts.IdleTimeout)
			}
			s.command(strings.TrimSpace(line))
		case <-idle:
			s.say("Nothing typed for %s: the session ends. Everything saved is kept.", opts.IdleTimeout)
			return nil
		case err := <-readErr:
			if err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			return nil
		case <-changes:
			s.changed()
		case <-ticks:
			s.tick()
		case <-opts.Stopping:
			s.say("The server is stopping: everything you saw saved is kept. Goodbye.")
			return nil
		case <-ctx.Done():
			return nil
		}
	}
	s.say("Goodbye.")
	return nil
}

// start opens on the seat's table, the only event's tables, or the list
// of events.
func (s *session) start() {
	s.say("forum, plain mode. Type /help for the commands.")
	if seat := s.opts.Seat; seat != nil {
		s.event = seat.Event
		if seat.Table != "" {
			s.openTable(seat.Table)
			return
		}
		s.showTables()
		return
	}
	s.showEvents()
}

// say writes one line (or a few): the only way anything reaches the
// person.
func (s *session) say(format string, a ...any) {
	s.out.line(fmt.Sprintf(format, a...))
}

// failed says an error in one line.
func (s *session) failed(what string, err error) {
	msg := err.Error()
	if errors.Is(err, sessions.ErrForbidden) {
		msg = "your seat may not do that"
	}
	s.say("%s: %s.", what, strings.TrimSuffix(msg, "."))
}

// now is the engine's clock.
func (s *session) now() time.Time { return s.eng.Now() }

// changed re-reads what the person follows and says what is new, except
// changes of the kind the person just made themselves (they heard those).
func (s *session) changed(own ...kind) {
	if s.table == nil {
		return // lists are read again when asked for (Enter)
	}
	v, err := s.eng.Table(s.ctx, s.table.Group.ID)
	if err != nil {
		s.failed("The table could not be read again", err)
		return
	}
	for _, c := range differences(*s.table, v, s.mine, s.now()) {
		if !slices.Contains(own, c.kind) {
			s.say("%s", c.text)
		}
	}
	s.follow(v)
}

// follow makes v the table followed, and starts its clock watch afresh
// when the stage changed.
func (s *session) follow(v sessions.TableView) {
	if s.table == nil || s.table.Group.ID != v.Group.ID || s.table.Group.StageKey != v.Group.StageKey ||
		!s.table.Group.StageStartedAt.Equal(v.Group.StageStartedAt) {
		s.clock = newClockWatch(v, s.now())
	}
	s.table = &v
}

// tick says the clock when it has something new to say.
func (s *session) tick() {
	if s.table == nil {
		return
	}
	if line, ok := s.clock.next(*s.table, s.now()); ok {
		s.say("%s", line)
	}
}

// Package serve is forum's SSH front door: it serves the same Bubble Tea
// app to every seat in the room over SSH (charm.land/wish/v2), each sized to
// its own terminal, after the seat has proved its role with the event's
// passcode or a listed public key. What a seat may see and change is
// checked by package sessions; this package authenticates, limits failed
// logins, logs to a file, and shuts down without losing a saved word.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"forum/model"
	"forum/sessions"
	"forum/tui"
)

// Config configures a server.
type Config struct {
	// HostKey is the host key's file; it is made on first start.
	HostKey string
	// Event is the event the seats join.
	Event model.ID
	// Log receives one line per login, refusal, session start and end.
	Log io.Writer
	// IdleTimeout ends a seat's session after that long without a key
	// press (0: 30 minutes); MaxSession after that long in all (0: 12 h).
	IdleTimeout, MaxSession time.Duration
	// Limits bound connections and seats (zero fields: the defaults).
	Limits Limits
	// Procs is how many processor cores the process runs on (for the
	// log's first line; 0 leaves it out).
	Procs int
}

// Server serves forum over SSH.
type Server struct {
	eng    *sessions.Engine
	event  model.ID
	cfg    Config
	srv    *ssh.Server
	log    *log.Logger
	guard  *guard
	admit  *admission
	limits Limits
	// seats counts the connected seats, against limits.Seats; when the
	// last leaves, the memory the room used goes back to the system.
	seats    atomic.Int64
	voters   *voters
	stopping chan struct{}
	stopOnce sync.Once
	// active counts the sessions running; entering, under mu, refuses a
	// session once Shutdown has begun (closed), so no Add races its Wait.
	active sync.WaitGroup
	mu     sync.Mutex
	closed bool
}

// New makes a server for an event.
func New(eng *sessions.Engine, cfg Config) (*Server, error) {
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = 30 * time.Minute
	}
	if cfg.MaxSession == 0 {
		cfg.MaxSession = 12 * time.Hour
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	s := &Server{eng: eng, event: cfg.Event, cfg: cfg, guard: newGuard(), voters: newVoters(), stopping: make(chan struct{}),
		log: log.NewWithOptions(cfg.Log, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339}), limits: cfg.Limits.withDefaults()}
	s.admit = newAdmission(s.limits, func(addr, why string) { s.log.Warn("connection refused", "addr", addr, "why", why) })
	if err := ensureHostKey(cfg.HostKey); err != nil {
		return nil, fmt.Errorf("starting the SSH server (host key %s): %w", cfg.HostKey, err)
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKey),
		wish.WithPasswordAuth(s.passwordHandler),
		wish.WithPublicKeyAuth(s.publicKeyHandler),
		wish.WithMiddleware(bubbletea.Middleware(s.app), activeterm.Middleware(), s.plainSessions, s.push, s.track),
		func(srv *ssh.Server) error {
			srv.HandshakeTimeout, srv.ConnCallback = s.limits.Login, track
			// Any authentication request, "none" included, starts the login:
			// from then on a person may take the login timeout to type.
			srv.ServerConfigCallback = func(ctx ssh.Context) *gossh.ServerConfig {
				return &gossh.ServerConfig{AuthLogCallback: func(gossh.ConnMetadata, string, error) { offered(ctx) }}
			}
			return nil
		},
	)
	if err != nil {
		return nil, fmt.Errorf("starting the SSH server (host key %s): %w", cfg.HostKey, err)
	}
	s.srv = srv
	log.SetDefault(s.log) // wish's own messages go to the same file
	return s, nil
}

// Serve accepts seats on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	kv := []any{"addr", l.Addr().String(), "event", s.event.Short(), "seats", s.limits.Seats}
	if s.cfg.Procs > 0 {
		kv = append(kv, "procs", s.cfg.Procs)
	}
	s.log.Info("server started", kv...)
	err := s.srv.Serve(listener{l, s.admit})
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown tells every seat the server is stopping, lets their apps close
// (commits in flight finish first: a note is saved or not, never half),
// then closes the connections that remain when ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { close(s.stopping) })
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	finished := make(chan struct{})
	go func() { s.active.Wait(); close(finished) }()
	var err error
	select {
	case <-finished:
	case <-ctx.Done():
		err = fmt.Errorf("seats still connected when the time ran out: %w", ctx.Err())
	}
	s.srv.Close() // every session has ended (or ran out of time): close the connections
	s.log.Info("server stopped")
	return err
}

// track logs each session's start and end, with the seat's role and
// address, never its passcode or voter code.
func (s *Server) track(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		seat, _ := sess.Context().Value(seatKey{}).(*sessions.Seat)
		addr := host(sess.RemoteAddr())
		if seat == nil {
			wish.Fatalln(sess, "forum: not signed in")
			return
		}
		if !s.enter() {
			wish.Fatalln(sess, "forum: the server is stopping; try again when it is back")
			return
		}
		defer s.active.Done()
		if n := s.seats.Add(1); n > int64(s.limits.Seats) {
			s.seats.Add(-1)
			s.log.Warn("seat refused: the server is full", "seat", seat.String(), "addr", addr, "seats", s.limits.Seats)
			wish.Fatalln(sess, fmt.Sprintf("forum: all %d seats are taken; ask the organiser to free one, then try again", s.limits.Seats))
			return
		}
		defer func() {
			if s.seats.Add(-1) == 0 {
				s.emptied()
			}
		}()
		start := time.Now()
		s.log.Info("seat joined", "seat", seat.String(), "addr", addr)
		next(sess)
		if a, ok := sess.Context().Value(appKey{}).(*tui.App); ok && a.QuitReason() != "" {
			wish.Println(sess, "forum: session ended: "+a.QuitReason()+".")
		}
		s.log.Info("seat left", "seat", seat.String(), "addr", addr, "after", time.Since(start).Round(time.Second).String())
	}
}

// releaseAgain is how long after the room empties its memory is given
// back a second time.
const releaseAgain = time.Second

// emptied gives back to the system the memory the room's seats used, once
// the last has left: at once, and again a moment later, when the
// sessions' own goroutines (the SSH channels, the terminal's renderer)
// have ended and what they held is free too, unless a seat has joined
// since. The first alone left about 38 MB idle in the heap after 40 seats.
func (s *Server) emptied() {
	debug.FreeOSMemory()
	time.AfterFunc(releaseAgain, func() {
		if s.seats.Load() == 0 {
			debug.FreeOSMemory()
		}
	})
}

// enter counts a session in, unless the server is stopping.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.active.Add(1)
	return true
}

// app makes the Bubble Tea app for a session.
func (s *Server) app(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
	seat, _ := sess.Context().Value(seatKey{}).(*sessions.Seat)
	if seat == nil {
		return nil, nil
	}
	if seat.Role == sessions.RoleParticipant && seat.Voter != "" { // a card: its own code, on one seat at a time
		release, err := s.voters.hold(seat.Table, seat.Voter)
		if err != nil {
			wish.Fatalln(sess, "forum: "+err.Error())
			return nil, nil
		}
		go func() { <-sess.Context().Done(); release() }()
	} else if seat.Role == sessions.RoleParticipant {
		code, release, err := s.voters.claim(s.eng, seat.Table)
		if err != nil {
			wish.Fatalln(sess, "forum: "+err.Error())
			return nil, nil
		}
		seat.Voter = code
		go func() { <-sess.Context().Done(); release() }()
	}
	actor := "ssh:" + seat.String() + "@" + host(sess.RemoteAddr())
	if seat.Role == sessions.RoleParticipant {
		actor = "ssh:" + seat.String() // no address: nothing may tie a ballot to a laptop
	}
	a := tui.New(s.eng, tui.Options{Actor: actor, Seat: seat,
		IdleTimeout: s.cfg.IdleTimeout, MaxSession: s.cfg.MaxSession, Stopping: s.stopping})
	sess.Context().SetValue(appKey{}, a)
	go func() {
		<-sess.Context().Done()
		a.Close()
	}()
	// The server stops its seats itself, gently (see Shutdown): a Ctrl+C
	// on the server must not kill their apps mid-commit.
	return a, []tea.ProgramOption{tea.WithoutSignalHandler()}
}

// appKey holds a session's app in its context.
type appKey struct{}

// voters hands each connected participant a voter code that has no ballot
// yet and that no other connected participant holds.
type voters struct {
	mu    sync.Mutex
	inUse map[model.ID]map[string]bool
}

func newVoters() *voters { return &voters{inUse: map[model.ID]map[string]bool{}} }

// hold marks a card's voter code as in use, refusing a second seat with the
// same card while the first is connected.
func (v *voters) hold(table model.ID, code string) (func(), error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.inUse[table] == nil {
		v.inUse[table] = map[string]bool{}
	}
	if v.inUse[table][code] {
		return nil, errors.New("this card is in use on another seat; close that one first")
	}
	v.inUse[table][code] = true
	return func() { v.mu.Lock(); delete(v.inUse[table], code); v.mu.Unlock() }, nil
}

func (v *voters) claim(eng *sessions.Engine, table model.ID) (string, func(), error) {
	view, err := eng.Table(context.Background(), table)
	if err != nil {
		return "", nil, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.inUse[table] == nil {
		v.inUse[table] = map[string]bool{}
	}
	// A free code at random, not the next in order: the order in which
	// participants joined (which the log keeps) must not tell their codes.
	var free []string
	for _, code := range sessions.VoterCodes(view.Group.Participants) {
		if !v.inUse[table][code] && len(view.Ballot(code).Dots) == 0 {
			free = append(free, code)
		}
	}
	if len(free) > 0 {
		code := free[rand.IntN(len(free))]
		v.inUse[table][code] = true
		return code, func() { v.mu.Lock(); delete(v.inUse[table], code); v.mu.Unlock() }, nil
	}
	return "", nil, fmt.Errorf("all %d ballots at %s are cast or in use; ask the facilitator", view.Group.Participants, view.Group.Name)
}

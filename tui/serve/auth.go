package serve

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"charm.land/ssh"

	"forum/model"
	"forum/sessions"
)

// seatKey holds the authenticated seat in an SSH connection's context.
type seatKey struct{}

// SeatName parses an SSH user name: a role, with a table number for the
// table roles ("organiser", "observer", "scribe-3", "facilitator-t3",
// "participant-12").
func SeatName(user string) (sessions.Role, int, error) {
	user, _ = plainLogin(user) // "scribe-3+plain": see PlainSuffix
	name, num, _ := strings.Cut(strings.ToLower(user), "-")
	role, err := sessions.ParseRole(name)
	if err != nil {
		return "", 0, err
	}
	if !role.AtTable() {
		if num != "" {
			return "", 0, fmt.Errorf("a %s joins without a table: ssh %s@…", role, role)
		}
		return role, 0, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(num, "t"))
	if err != nil || n < 1 {
		return "", 0, fmt.Errorf("a %s joins with their table's number: ssh %s-3@…", role, role)
	}
	return role, n, nil
}

// tableNumbered finds the event's table called "Table n".
func tableNumbered(b sessions.Board, n int) (model.ID, bool) {
	for _, g := range b.Groups {
		if g.Name == fmt.Sprintf("Table %d", n) {
			return g.ID, true
		}
	}
	return "", false
}

// guard limits failed logins per remote address: after MaxFailures within
// FailureWindow, the address is refused without checking, until the window
// has passed; every failure also costs a growing delay.
type guard struct {
	mu    sync.Mutex
	fails map[string][]time.Time
	now   func() time.Time
	sleep func(time.Duration)
}

// Failed-login limits.
const (
	MaxFailures   = 5
	FailureWindow = 10 * time.Minute
)

func newGuard() *guard {
	return &guard{fails: map[string][]time.Time{}, now: time.Now, sleep: time.Sleep}
}

func host(addr net.Addr) string {
	h, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return h
}

// blocked reports whether an address has failed too often lately.
func (g *guard) blocked(addr string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	cut := g.now().Add(-FailureWindow)
	recent := g.fails[addr][:0]
	for _, t := range g.fails[addr] {
		if t.After(cut) {
			recent = append(recent, t)
		}
	}
	g.fails[addr] = recent
	return len(recent) >= MaxFailures
}

// failed records a failure and slows the answer: 250 ms for the first,
// doubling, at most 4 s.
func (g *guard) failed(addr string) {
	g.mu.Lock()
	g.fails[addr] = append(g.fails[addr], g.now())
	n := len(g.fails[addr])
	g.mu.Unlock()
	g.sleep(min(250*time.Millisecond<<(n-1), 4*time.Second))
}

// passwordHandler checks "role[-table]" and the event's passcode for the
// role, inside the authentication handler.
func (s *Server) passwordHandler(ctx ssh.Context, password string) bool {
	addr := host(ctx.RemoteAddr())
	if s.guard.blocked(addr) {
		s.log.Warn("login refused: too many failures", "addr", addr)
		return false
	}
	if strings.EqualFold(ctx.User(), CardUser) {
		return s.cardLogin(ctx, addr, password)
	}
	seat, err := s.seatFor(ctx.User())
	switch {
	case err == nil && !s.eng.CheckPasscode(context.Background(), s.event, seat.Role, password):
		err = fmt.Errorf("wrong passcode")
	case err == nil && seat.Role == sessions.RoleParticipant && s.eng.TableUsesCards(context.Background(), s.event, seat.Table):
		err = sessions.ErrCardNeeded
	}
	if err != nil {
		s.log.Warn("login refused", "user", model.Safe(ctx.User(), false), "addr", addr, "why", err.Error())
		s.guard.failed(addr)
		return false
	}
	ctx.SetValue(seatKey{}, seat)
	return true
}

// publicKeyHandler lets in a key listed for the event.
func (s *Server) publicKeyHandler(ctx ssh.Context, key ssh.PublicKey) bool {
	addr := host(ctx.RemoteAddr())
	if s.guard.blocked(addr) {
		return false
	}
	seat := s.eng.SeatForKey(context.Background(), s.event, key)
	if seat == nil {
		return false // not a failure: the client goes on to the passcode
	}
	ctx.SetValue(seatKey{}, seat)
	return true
}

// seatFor makes the seat an SSH user name asks for.
func (s *Server) seatFor(user string) (*sessions.Seat, error) {
	role, n, err := SeatName(user)
	if err != nil {
		return nil, err
	}
	seat := sessions.NewSeat(role, s.event, "")
	if !role.AtTable() {
		return seat, nil
	}
	b, err := s.eng.Board(context.Background(), s.event)
	if err != nil {
		return nil, err
	}
	id, ok := tableNumbered(b, n)
	if !ok {
		return nil, fmt.Errorf("the event has no Table %d", n)
	}
	seat.Table = id
	return seat, nil
}

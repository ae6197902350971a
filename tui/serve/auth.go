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
	mu       sync.Mutex
	fails    map[string][]time.Time
	inflight map[string]int // reservations of checks still running
	cond     *sync.Cond
	now      func() time.Time
	sleep    func(time.Duration)
}

// Failed-login limits.
const (
	MaxFailures   = 5
	FailureWindow = 10 * time.Minute
)

func newGuard() *guard {
	g := &guard{fails: map[string][]time.Time{}, inflight: map[string]int{}, now: time.Now, sleep: time.Sleep}
	g.cond = sync.NewCond(&g.mu)
	return g
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
	return len(g.recentLocked(addr)) >= MaxFailures
}

func (g *guard) recentLocked(addr string) []time.Time {
	cut := g.now().Add(-FailureWindow)
	recent := g.fails[addr][:0]
	for _, t := range g.fails[addr] {
		if t.After(cut) {
			recent = append(recent, t)
		}
	}
	g.fails[addr] = recent
	return recent
}

// reserve takes one of the address's failures before its passcode is
// checked, so that parallel guesses cannot check more passcodes than the
// limit allows; settle gives it back when the login succeeds. While the
// address's failures are all taken by checks still running, it waits for
// one of them (a room of seats on one address logs in, a few at a time);
// it reports false, reserving nothing, once they are all real failures.
func (g *guard) reserve(addr string) (time.Time, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for len(g.recentLocked(addr)) >= MaxFailures {
		if g.inflight[addr] == 0 {
			return time.Time{}, false
		}
		g.cond.Wait()
	}
	t := g.now()
	g.fails[addr] = append(g.fails[addr], t)
	g.inflight[addr]++
	return t, true
}

// settle ends a reserved check: a login that succeeded gives its
// reservation back; a failure keeps it.
func (g *guard) settle(addr string, t time.Time, ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	defer g.cond.Broadcast()
	if g.inflight[addr]--; g.inflight[addr] <= 0 {
		delete(g.inflight, addr)
	}
	if !ok {
		return
	}
	fs := g.fails[addr]
	for i := len(fs) - 1; i >= 0; i-- {
		if fs[i].Equal(t) {
			g.fails[addr] = append(fs[:i], fs[i+1:]...)
			return
		}
	}
}

// refused answers a refusal no sooner than floor after start, whatever
// was refused, then slows repeated failures: 250 ms more for the first,
// doubling, at most 4 s.
func (g *guard) refused(addr string, start time.Time, floor time.Duration) {
	g.mu.Lock()
	n := max(len(g.fails[addr]), 1)
	g.mu.Unlock()
	g.sleep(time.Until(start.Add(floor)) + min(250*time.Millisecond<<(min(n, 8)-1), 4*time.Second))
}

// maxLoggedUser is how much of an SSH user name the log keeps.
const maxLoggedUser = 40

// clip is text from outside made safe, and short enough, for the log.
func clip(u string, n int) string {
	if r := []rune(u); len(r) > n {
		u = string(r[:n]) + "…"
	}
	return model.Safe(u, false)
}

// passwordHandler checks "role[-table]" and the event's passcode for the
// role, inside the authentication handler. One of the address's failures
// is reserved before any passcode is hashed, and every refusal takes the
// same time, so tables cannot be counted by timing.
func (s *Server) passwordHandler(ctx ssh.Context, password string) bool {
	start := time.Now()
	offered(ctx)
	addr := host(ctx.RemoteAddr())
	ticket, ok := s.guard.reserve(addr)
	if !ok {
		s.log.Warn("login refused: too many failures", "addr", addr)
		s.guard.refused(addr, start, s.limits.Refusal)
		return false
	}
	var seat *sessions.Seat
	var err error
	if strings.EqualFold(ctx.User(), CardUser) { // a participant card: its code is the password
		seat, err = s.eng.CardSeat(context.Background(), s.event, password)
	} else {
		seat, err = s.seatFor(ctx.User())
		switch {
		case err != nil:
			// Hash anyway: a wrong table costs what a wrong passcode costs.
			s.eng.CheckPasscode(context.Background(), s.event, sessions.RoleObserver, password)
		case !s.eng.CheckPasscode(context.Background(), s.event, seat.Role, password):
			err = fmt.Errorf("wrong passcode")
		case seat.Role == sessions.RoleParticipant && s.eng.TableUsesCards(context.Background(), s.event, seat.Table):
			err = sessions.ErrCardNeeded
		}
	}
	s.guard.settle(addr, ticket, err == nil)
	if err != nil {
		s.log.Warn("login refused", "user", clip(ctx.User(), maxLoggedUser), "addr", addr, "why", clip(err.Error(), 2*maxLoggedUser))
		s.guard.refused(addr, start, s.limits.Refusal)
		return false
	}
	loggedIn(ctx)
	ctx.SetValue(seatKey{}, seat)
	return true
}

// publicKeyHandler lets in a key listed for the event.
func (s *Server) publicKeyHandler(ctx ssh.Context, key ssh.PublicKey) bool {
	offered(ctx)
	addr := host(ctx.RemoteAddr())
	if s.guard.blocked(addr) {
		return false
	}
	seat := s.eng.SeatForKey(context.Background(), s.event, key)
	if seat == nil {
		return false // not a failure: the client goes on to the passcode
	}
	if b, err := s.eng.Board(context.Background(), s.event); err == nil && seat.Table != "" {
		for _, g := range b.Groups {
			if g.ID == seat.Table {
				fmt.Sscanf(g.Name, "Table %d", &seat.Number)
			}
		}
	}
	loggedIn(ctx)
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
	seat.Table, seat.Number = id, n
	return seat, nil
}

package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"forum/model"
	"forum/sessions"
)

// seats keeps one seat per card, so that a card's write limit
// (sessions.SeatWritesPerSecond) holds across requests and across the
// phones it is open on.
type seats struct {
	mu sync.Mutex
	by map[string]*sessions.Seat
}

func newSeats() *seats { return &seats{by: map[string]*sessions.Seat{}} }

// keep returns the card's kept seat, or keeps fresh (a card just checked
// by sessions.CardSeat) when it has none or its seat changed.
func (s *seats) keep(code string, fresh *sessions.Seat) *sessions.Seat {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.by[code]; ok && old.Table == fresh.Table && old.Voter == fresh.Voter {
		return old
	}
	s.by[code] = fresh
	return fresh
}

// Failed codes per address: after MaxFailures within FailureWindow the
// address is refused without checking, until the window has passed (as
// the SSH server does for passwords). A room's 150 people mistyping now
// and then stay far below it; a phone guessing 40-bit codes does not.
const (
	MaxFailures   = 10
	FailureWindow = 10 * time.Minute
)

// addresses holds, in memory only, each address's request limiter and its
// recent failed codes.
type addresses struct {
	mu    sync.Mutex
	limit map[string]*rate.Limiter
	fails map[string][]time.Time
	r     rate.Limit
	burst int
	now   func() time.Time
}

func newAddresses(r float64, burst int) *addresses {
	return &addresses{limit: map[string]*rate.Limiter{}, fails: map[string][]time.Time{}, r: rate.Limit(r), burst: max(burst, 1), now: time.Now}
}

// allow takes one request from an address's allowance.
func (a *addresses) allow(addr string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	l, ok := a.limit[addr]
	if !ok {
		if len(a.limit) > 10000 { // forget idle addresses rather than grow without end
			for k, v := range a.limit {
				if v.Tokens() >= float64(a.burst) {
					delete(a.limit, k)
				}
			}
		}
		l = rate.NewLimiter(a.r, a.burst)
		a.limit[addr] = l
	}
	return l.Allow()
}

// blocked reports whether an address has failed too often lately.
func (a *addresses) blocked(addr string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.recent(addr)) >= MaxFailures
}

// failed counts a wrong or voided code from an address.
func (a *addresses) failed(addr string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.fails[addr] = append(a.recent(addr), a.now())
}

// recent are an address's failures within the window (a.mu held).
func (a *addresses) recent(addr string) []time.Time {
	var keep []time.Time
	for _, t := range a.fails[addr] {
		if a.now().Sub(t) < FailureWindow {
			keep = append(keep, t)
		}
	}
	if len(keep) == 0 {
		delete(a.fails, addr)
	} else {
		a.fails[addr] = keep
	}
	return keep
}

// token is the cross-site token of a card's ballot form: an HMAC of the
// card's code under this run's random key, so a page of another site,
// which knows neither, cannot make one.
func (s *Server) token(code string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("ballot|" + code))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// sameSite reports whether a POST comes from this site's own page: the
// browser's Sec-Fetch-Site and Origin headers, where it sends them, must
// not name another site. Origin "null" says nothing: browsers send it for
// the pages' own forms, because the pages send no referrer.
func sameSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" || o == "null" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// views keeps each table's view for the pages (150 phones each checking
// every 4 seconds, all of a table's phones reloading when its facilitator
// moves): a view is read again only after the database has changed, and
// then, for the pages' checks, at most once a second per table (and after
// 10 s in any case). On a large event one read of a table is ~0.4 s.
type views struct {
	mu   sync.Mutex
	by   map[model.ID]cachedView
	gen  uint64 // counts the commits seen
	ch   <-chan struct{}
	stop func()
}

type cachedView struct {
	v   sessions.TableView
	gen uint64
	at  time.Time
}

// newViews watches the engine's commits until stop is called.
func newViews(eng *sessions.Engine) *views {
	c := &views{by: map[model.ID]cachedView{}}
	c.ch, c.stop = eng.Subscribe()
	return c
}

// seen takes the commits signalled so far and returns their count
// (c.mu held). A commit in this process signals before it returns, so a
// view read before it is never taken for one read after.
func (c *views) seen() uint64 {
	for {
		select {
		case _, ok := <-c.ch:
			if !ok {
				c.ch = nil // closed: no more signals
				continue
			}
			c.gen++
		default:
			return c.gen
		}
	}
}

// changed marks every kept view old at once.
func (c *views) changed() {
	c.mu.Lock()
	c.gen++
	c.mu.Unlock()
}

// get is the table's view as the seat may read it: one kept since the
// last commit, or, when loose (the pages' checks), one up to a second old.
func (c *views) get(ctx context.Context, eng *sessions.Engine, seat *sessions.Seat, loose bool) (sessions.TableView, error) {
	c.mu.Lock()
	gen := c.seen() // before reading: a commit during the read makes the entry old at once
	hit, ok := c.by[seat.Table]
	c.mu.Unlock()
	if age := time.Since(hit.at); ok && ((loose && age < time.Second) || (hit.gen == gen && age < 10*time.Second)) {
		return hit.v, nil
	}
	v, err := eng.Table(sessions.WithSeat(ctx, seat), seat.Table)
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	c.by[seat.Table] = cachedView{v, gen, time.Now()}
	c.mu.Unlock()
	return v, nil
}

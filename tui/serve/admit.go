package serve

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
)

// admission counts the connections that have not logged in yet, per
// address and in all, and refuses a new one past either cap. When a cap is
// reached, the oldest connection that has not even started to log in
// gives up its place first: idle sockets cannot lock the room out, while
// a person typing a passcode keeps theirs.
type admission struct {
	mu      sync.Mutex
	limits  Limits
	byAddr  map[string][]*pending
	total   int
	refused func(addr, why string)
}

func newAdmission(l Limits, refused func(addr, why string)) *admission {
	return &admission{limits: l, byAddr: map[string][]*pending{}, refused: refused}
}

// pending is a connection that has not logged in yet.
type pending struct {
	net.Conn
	a       *admission
	addr    string
	started atomic.Bool // a credential was offered
	once    sync.Once
	timer   *time.Timer
}

type pendingKey struct{}

// listener admits connections in the order they arrive, before the SSH
// server sees them, so that the newest connection is always the last to
// give up its place.
type listener struct {
	net.Listener
	a *admission
}

// Accept returns the next admitted connection; refused ones are told why
// and closed on the side.
func (l listener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if p := l.a.admit(c); p != nil {
			return p, nil
		}
	}
}

// admit wraps the connection, or refuses it (nil): it is told why and
// closed, without holding up the next.
func (a *admission) admit(c net.Conn) *pending {
	addr := host(c.RemoteAddr())
	p := &pending{Conn: c, a: a, addr: addr}
	a.mu.Lock()
	if len(a.byAddr[addr]) >= a.limits.PendingPerAddress && !a.evictLocked(a.byAddr[addr]) ||
		a.total >= a.limits.PendingTotal && !a.evictAnyLocked() {
		a.mu.Unlock()
		a.refused(addr, "too many connections waiting to log in")
		go func() {
			c.SetWriteDeadline(time.Now().Add(time.Second))
			c.Write([]byte("forum: too many connections are waiting to log in; try again in a minute\r\n"))
			c.Close()
		}()
		return nil
	}
	p.timer = time.AfterFunc(a.limits.Handshake, func() {
		if !p.started.Load() {
			p.Conn.Close()
		}
	})
	a.byAddr[addr] = append(a.byAddr[addr], p)
	a.total++
	a.mu.Unlock()
	return p
}

// track is the server's ConnCallback: it ties an admitted connection to
// its SSH context, for the authentication handlers.
func track(ctx ssh.Context, c net.Conn) net.Conn {
	if p, ok := c.(*pending); ok {
		ctx.SetValue(pendingKey{}, p)
	}
	return c
}

// evictLocked closes the oldest of ps that has not started to log in; it
// reports whether one made room.
func (a *admission) evictLocked(ps []*pending) bool {
	for _, p := range ps {
		if !p.started.Load() {
			a.dropLocked(p)
			p.Conn.Close()
			return true
		}
	}
	return false
}

// evictAnyLocked makes room from the address holding the most places, so
// that a flood from one address costs the others nothing.
func (a *admission) evictAnyLocked() bool {
	var most []*pending
	for _, ps := range a.byAddr {
		if len(ps) > len(most) {
			most = ps
		}
	}
	return most != nil && a.evictLocked(most)
}

// dropLocked takes p off the counts, once.
func (a *admission) dropLocked(p *pending) {
	p.once.Do(func() {
		ps := a.byAddr[p.addr]
		for i, q := range ps {
			if q == p {
				ps = append(ps[:i], ps[i+1:]...)
				break
			}
		}
		if len(ps) == 0 {
			delete(a.byAddr, p.addr)
		} else {
			a.byAddr[p.addr] = ps
		}
		a.total--
		if p.timer != nil {
			p.timer.Stop()
		}
	})
}

// release takes p off the counts: it logged in, or closed.
func (p *pending) release() {
	p.a.mu.Lock()
	p.a.dropLocked(p)
	p.a.mu.Unlock()
}

// Close releases the connection's place.
func (p *pending) Close() error {
	p.release()
	return p.Conn.Close()
}

// offered marks the connection of ctx as logging in (a credential came).
func offered(ctx ssh.Context) {
	if p, ok := ctx.Value(pendingKey{}).(*pending); ok {
		p.started.Store(true)
	}
}

// loggedIn frees the place the connection of ctx held while logging in.
func loggedIn(ctx ssh.Context) {
	if p, ok := ctx.Value(pendingKey{}).(*pending); ok {
		p.release()
	}
}

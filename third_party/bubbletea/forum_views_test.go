package tea

// forum's test of its View pacing (forum_views.go).

import (
	"bytes"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type forumCounter struct {
	n     int
	views *atomic.Int64
	last  *atomic.Int64 // the n the last View showed
}

type forumBump struct{}

func (c forumCounter) Init() Cmd { return nil }

func (c forumCounter) Update(msg Msg) (Model, Cmd) {
	if _, ok := msg.(forumBump); ok {
		c.n++
	}
	return c, nil
}

func (c forumCounter) View() View {
	c.views.Add(1)
	c.last.Store(int64(c.n))
	return NewView(strconv.Itoa(c.n))
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// A burst of messages costs a View or two, not one each; the last View
// shows the last message; a message after a quiet interval is viewed at
// once, even just after a message that changed nothing.
func TestForumABurstIsViewedOnceItsIntervalEnds(t *testing.T) {
	m := forumCounter{views: new(atomic.Int64), last: new(atomic.Int64)}
	p := NewProgram(m, WithInput(nil), WithOutput(&lockedBuffer{}), WithWindowSize(20, 5), WithoutSignalHandler())
	done := make(chan struct{})
	go func() { _, _ = p.Run(); close(done) }()
	defer func() { p.Quit(); <-done }()
	time.Sleep(100 * time.Millisecond)

	before := m.views.Load()
	start := time.Now()
	// A message that changes nothing on screen, then one that does: the
	// first must not hold the second back.
	p.Send(struct{}{})
	p.Send(forumBump{})
	for m.last.Load() != 1 {
		if time.Since(start) > time.Second {
			t.Fatal("the first message after a pause was not viewed")
		}
		time.Sleep(100 * time.Microsecond)
	}
	if d := time.Since(start); d > 10*time.Millisecond {
		t.Errorf("the first message after a pause was viewed after %v, not at once", d)
	}
	for range 499 {
		p.Send(forumBump{})
	}
	for end := time.Now().Add(time.Second); m.last.Load() != 500; time.Sleep(time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the last View shows %d of 500 messages", m.last.Load())
		}
	}
	time.Sleep(50 * time.Millisecond)
	if got := m.views.Load() - before; got > 50 {
		t.Errorf("500 messages in a burst cost %d Views", got)
	}
}

package serve

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"forum/sessions"
)

// TestSeatsLeaveNothingRunning: ten seats join, one types notes the others
// see, then every seat leaves; the server's goroutines go back to the
// number it had before anyone joined.
func TestSeatsLeaveNothingRunning(t *testing.T) {
	r := newRig(t, 2) // ten tables
	time.Sleep(100 * time.Millisecond)
	resting := runtime.NumGoroutine()
	var seats []*seat
	for i := range 10 {
		role := sessions.RoleScribe
		if i%2 == 1 {
			role = sessions.RoleFacilitator
		}
		seats = append(seats, r.join(fmt.Sprintf("%s-%d", role, i/2+1), role))
	}
	for _, s := range seats {
		s.waitFor("TYPING", 10*time.Second)
	}
	for n := range 5 {
		seats[0].typ(fmt.Sprintf("note %d before leaving\r", n))
	}
	seats[1].waitFor("✓ note 4 before leaving", 5*time.Second)
	for _, s := range seats {
		s.sess.Close()
		s.client.Close()
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > resting && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > resting {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines after every seat left, %d before any joined:\n%s", n, resting, buf[:runtime.Stack(buf, true)])
	}
}

// countingWriter takes a seat's screen output and only counts it.
type countingWriter struct{ n atomic.Int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	return len(p), nil
}

// BenchmarkSeatMemory measures, on the large demo (20 tables, 4,000
// notes), the heap the shared live model takes once loaded and the heap
// each of 40 seats adds on its table screen (server and client of each
// SSH connection both count here: an upper bound).
//
//	go test -run '^$' -bench SeatMemory -benchtime 1x ./tui/serve
func BenchmarkSeatMemory(b *testing.B) {
	for range b.N {
		r := newRig(b, 1)
		ctx := context.Background()
		id, err := r.eng.Demo(ctx, "bench", sessions.DemoOptions{Large: true})
		if err != nil {
			b.Fatal(err)
		}
		r.srv.event = id
		pass, err := r.eng.SetPasscode(ctx, "bench", id, sessions.RoleScribe)
		if err != nil {
			b.Fatal(err)
		}
		heap := func() float64 {
			runtime.GC()
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return float64(m.HeapInuse) / (1 << 20)
		}
		before := heap()
		board, err := r.eng.Board(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		for _, g := range board.Groups {
			if _, err := r.eng.Table(ctx, g.ID); err != nil {
				b.Fatal(err)
			}
		}
		loaded := heap()
		const k = 40
		var outs []*countingWriter
		for i := range k {
			cfg := &gossh.ClientConfig{User: fmt.Sprintf("scribe-%d", i%20+1), Auth: []gossh.AuthMethod{gossh.Password(pass)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
			c, err := gossh.Dial("tcp", r.addr, cfg)
			if err != nil {
				b.Fatal(err)
			}
			s, err := c.NewSession()
			if err != nil {
				b.Fatal(err)
			}
			if err := s.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
				b.Fatal(err)
			}
			out := &countingWriter{}
			s.Stdout, s.Stdin = out, eofReader{}
			if err := s.Shell(); err != nil {
				b.Fatal(err)
			}
			outs = append(outs, out)
			b.Cleanup(func() { s.Close(); c.Close() })
		}
		for _, o := range outs {
			for deadline := time.Now().Add(30 * time.Second); o.n.Load() < 2000 && time.Now().Before(deadline); {
				time.Sleep(20 * time.Millisecond)
			}
		}
		time.Sleep(2 * time.Second)
		seated := heap()
		b.ReportMetric(loaded-before, "model-MB")
		b.ReportMetric((seated-loaded)*1024/k, "heap-KB/seat")
		b.ReportMetric(0, "ns/op")
	}
}

// eofReader is a seat that types nothing (and never ends its input).
type eofReader struct{}

func (eofReader) Read(p []byte) (int, error) {
	time.Sleep(time.Hour)
	return 0, io.EOF
}

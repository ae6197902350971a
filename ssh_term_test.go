package main

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// vtTerm is one SSH client with a 100×30 pseudo-terminal, whose output goes
// through a terminal emulator (what the person at that seat would see),
// and which answers the app's terminal queries as a real terminal does.
type vtTerm struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.Writer
	inMu   sync.Mutex

	mu   sync.Mutex
	emu  *vt.Emulator
	want string
	seen chan time.Time
}

// dialTerm connects to addr as user with the passcode and opens a shell.
func dialTerm(addr, user, pass string) (*vtTerm, error) {
	cfg := &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.Password(pass)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
	c, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	t := &vtTerm{client: c, emu: vt.NewEmulator(100, 30), seen: make(chan time.Time, 1)}
	if t.sess, err = c.NewSession(); err != nil {
		c.Close()
		return nil, err
	}
	if err := t.sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		c.Close()
		return nil, err
	}
	if t.in, err = t.sess.StdinPipe(); err != nil {
		c.Close()
		return nil, err
	}
	t.sess.Stdout = t
	go func() { // the emulator's replies (colours, cursor position) go back
		buf := make([]byte, 256)
		for {
			n, err := t.emu.Read(buf)
			if err != nil {
				return
			}
			t.send(string(buf[:n]))
		}
	}()
	if err := t.sess.Shell(); err != nil {
		c.Close()
		return nil, err
	}
	return t, nil
}

// Write takes the server's output into the emulator and notes the moment
// the awaited text appears on the screen.
func (t *vtTerm) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.emu.Write(p)
	if t.want != "" && strings.Contains(t.emu.String(), t.want) {
		t.want = ""
		t.seen <- time.Now()
	}
	return len(p), nil
}

// expect arms the wait for text on the screen; the time it shows arrives
// on the channel.
func (t *vtTerm) expect(text string) <-chan time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	select {
	case <-t.seen:
	default:
	}
	if strings.Contains(t.emu.String(), text) {
		t.seen <- time.Now()
		return t.seen
	}
	t.want = text
	return t.seen
}

// screen is what the terminal shows now.
func (t *vtTerm) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// waitFor waits until the screen shows text.
func (t *vtTerm) waitFor(tb testing.TB, text string, within time.Duration) {
	tb.Helper()
	select {
	case <-t.expect(text):
	case <-time.After(within):
		tb.Fatalf("the terminal never showed %q; it shows:\n%s", text, t.screen())
	}
}

func (t *vtTerm) send(s string) {
	t.inMu.Lock()
	defer t.inMu.Unlock()
	t.in.Write([]byte(s))
}

func (t *vtTerm) close() {
	t.sess.Close()
	t.client.Close()
	t.emu.Close()
}

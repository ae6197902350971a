package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"forum/model"
	"forum/sessions"
)

// rig is a real forum server on 127.0.0.1 with a fresh database.
type rig struct {
	t     testing.TB
	eng   *sessions.Engine
	srv   *Server
	addr  string
	event model.ID
	pass  map[sessions.Role]string
	log   *bytes.Buffer
	logMu *sync.Mutex
	db    string // the database file
}

// lockedBuffer is a log sink safe for the server's goroutines.
type lockedBuffer struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (l lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func newRig(t testing.TB, tablesPerArea int) *rig {
	t.Helper()
	return newRigWith(t, tablesPerArea, Limits{})
}

// newRigWith is newRig with the server's limits.
func newRigWith(t testing.TB, tablesPerArea int, limits Limits) *rig {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	eng, closeDB, err := sessions.Open(ctx, filepath.Join(dir, "forum.db"))
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := sessions.BuiltinTemplate(sessions.DefaultTemplate)
	id, err := eng.CreateEvent(ctx, "test", tm, sessions.NewEvent{TablesPerArea: tablesPerArea})
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, eng: eng, event: id, pass: map[sessions.Role]string{}, log: &bytes.Buffer{}, logMu: &sync.Mutex{}, db: filepath.Join(dir, "forum.db")}
	for _, role := range sessions.AllRoles {
		if r.pass[role], err = eng.SetPasscode(ctx, "test", id, role); err != nil {
			t.Fatal(err)
		}
	}
	r.srv, err = New(eng, Config{HostKey: filepath.Join(dir, "host_ed25519"), Event: id, Log: lockedBuffer{r.logMu, r.log}, Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	r.srv.guard.sleep = func(time.Duration) {} // failures are counted, not waited for
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = l.Addr().String()
	go r.srv.Serve(l)
	t.Cleanup(func() {
		stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		r.srv.Shutdown(stop)
		closeDB()
	})
	return r
}

func (r *rig) logText() string {
	r.logMu.Lock()
	defer r.logMu.Unlock()
	return r.log.String()
}

// seat is one SSH client with a terminal.
type seat struct {
	t      testing.TB
	client *gossh.Client
	sess   *gossh.Session
	in     interface{ Write([]byte) (int, error) }
	mu     sync.Mutex
	out    bytes.Buffer
	emu    *vt.Emulator // the seat's 80×24 screen as a terminal shows it
}

// dial connects as user with auth; it returns the error of a refused login.
func (r *rig) dial(user string, auth ...gossh.AuthMethod) (*seat, error) {
	cfg := &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	c, err := gossh.Dial("tcp", r.addr, cfg)
	if err != nil {
		return nil, err
	}
	s := &seat{t: r.t, client: c, emu: vt.NewEmulator(80, 24)}
	go func() { _, _ = io.Copy(io.Discard, s.emu) }() // its replies are not sent back
	if s.sess, err = c.NewSession(); err != nil {
		return nil, err
	}
	if err := s.sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	w, err := s.sess.StdinPipe()
	if err != nil {
		return nil, err
	}
	s.in = w
	s.sess.Stdout, s.sess.Stderr = s, s
	if err := s.sess.Shell(); err != nil {
		return nil, err
	}
	go func() {
		// The seat has left: end the drain above by closing the pipe the
		// emulator answers into (Emulator.Close races with its Read).
		_ = s.sess.Wait()
		_ = s.emu.InputPipe().(io.Closer).Close()
	}()
	r.t.Cleanup(func() { s.sess.Close(); c.Close() })
	return s, nil
}

// join connects with the role's passcode, failing the test if refused.
func (r *rig) join(user string, role sessions.Role) *seat {
	r.t.Helper()
	s, err := r.dial(user, gossh.Password(r.pass[role]))
	if err != nil {
		r.t.Fatalf("%s could not join: %v", user, err)
	}
	return s
}

func (s *seat) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _ = s.emu.Write(p)
	return s.out.Write(p)
}

// squashed is everything the seat's terminal was sent, without escape
// sequences or white space (the renderer moves the cursor over spaces).
func (s *seat) squashed() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(strings.Fields(ansi.Strip(s.out.String())), "")
}

// screen is what the seat's terminal shows now, without white space.
func (s *seat) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(strings.Fields(s.emu.String()), "")
}

// emuText is the seat's screen as lines.
func (s *seat) emuText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.emu.String()
}

// waitFor waits until the seat's terminal has shown text: on its screen
// now, or anywhere in what it was sent (text shown for a moment). The
// screen is needed as well: the renderer sends only the cells that
// changed, so a line that differs from the one it replaces in a digit is
// sent as that digit.
func (s *seat) waitFor(text string, within time.Duration) {
	s.t.Helper()
	want := strings.Join(strings.Fields(text), "")
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if strings.Contains(s.squashed(), want) || strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("the seat never showed %q; its screen:\n%s\nwhat it was sent:\n%.2000s", text, s.emuText(), s.squashed())
}

func (s *seat) typ(text string) {
	s.t.Helper()
	if _, err := s.in.Write([]byte(text)); err != nil {
		s.t.Fatal(err)
	}
}

func newKey(t testing.TB) gossh.Signer {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	sg, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return sg
}

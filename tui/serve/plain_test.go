package serve

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"forum/sessions"
)

// TestPlainLoginGetsTheLineByLineFrontEnd: "scribe-1+plain" joins Table 1
// as its scribe, in plain text with no escape sequences, and hears a note
// saved on another seat as one line.
func TestPlainLoginGetsTheLineByLineFrontEnd(t *testing.T) {
	r := newRig(t, 1)
	s := r.join("scribe-1+plain", sessions.RoleScribe)
	s.waitFor("plain mode", 5*time.Second)
	s.waitFor("Table 1, NCL North Central London", 5*time.Second)
	s.typ("Care closer to home\r")
	s.waitFor("Saved: Care closer to home", 5*time.Second)
	b, _ := r.eng.Board(context.Background(), r.event)
	if _, err := r.eng.Capture(context.Background(), "other", b.Groups[0].ID, "Shared estates", nil, ""); err != nil {
		t.Fatal(err)
	}
	s.waitFor("New note: Shared estates", 5*time.Second)
	s.mu.Lock()
	raw := s.out.String()
	s.mu.Unlock()
	if strings.Contains(raw, "\x1b") {
		t.Errorf("escape sequences reached the plain seat: %q", raw)
	}
	if !strings.Contains(raw, "Saved: Care closer to home\r\n") {
		t.Errorf("lines do not end in CR LF on a terminal: %q", raw)
	}
	if strings.Contains(r.logText(), "refused") {
		t.Errorf("the login was refused: %s", r.logText())
	}
}

// TestPlainLoginWorksWithoutATerminal: ssh -T (no pseudo-terminal), as a
// braille display's terminal may use, reads and writes plain lines.
func TestPlainLoginWorksWithoutATerminal(t *testing.T) {
	r := newRig(t, 1)
	cfg := &gossh.ClientConfig{User: "facilitator-1+plain", Auth: []gossh.AuthMethod{gossh.Password(r.pass[sessions.RoleFacilitator])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	c, err := gossh.Dial("tcp", r.addr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sess.Stdout = &out
	sess.Stdin = strings.NewReader("A note without a terminal\n/next\n/quit\n")
	done := make(chan error, 1)
	go func() { done <- sess.Shell() }()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := sess.Wait(); err != nil && err != io.EOF {
		t.Logf("wait: %v", err)
	}
	got := out.String()
	for _, want := range []string{"Saved: A note without a terminal\n", "Stage moved. Stage 2 of 6: Set the vision.", "Goodbye.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the output lacks %q:\n%s", want, got)
		}
	}
	if strings.ContainsAny(got, "\x1b\r") {
		t.Errorf("escape sequences or CRs without a terminal: %q", got)
	}
}

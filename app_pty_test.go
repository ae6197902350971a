package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestTheAppRefusesABadDatabaseInATerminal: the app opens the database
// while the terminal starts (tui.Start); a file it must not open still
// ends it with exit code 1 and the refusal, the terminal given back.
func TestTheAppRefusesABadDatabaseInATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real binary in a terminal")
	}
	path := filepath.Join(t.TempDir(), "notes.txt")
	content := []byte(strings.Repeat("Minutes of the meeting. Not a database.\n", 200))
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--db", path)
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "TERM=xterm-256color"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	var screen bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			screen.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the app did not end on a file that is not a database")
	}
	tty.Close()
	<-read
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit %v; want 1", err)
	}
	if out := screen.String(); !strings.Contains(out, path) || !strings.Contains(out, "not") {
		t.Fatalf("no refusal naming the file in %q", out)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
		t.Fatal("the file was changed")
	}
}

package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"forum/model"
	"forum/sessions"
)

// ptySentences hold every letter of the alphabet between them.
var ptySentences = []string{
	"no one talks to the acute trust",
	"people feel excluded; data sharing matters",
	"the quick brown fox jumps over a lazy dog",
	"Quality will vex jumpy GPs by June",
}

// TestTypingIntoTheNotesListThroughARealTerminal is the tmux
// scenario through the real binary in a pseudo-terminal at 80x24: open a
// table, tab into the notes list and type ordinary sentences. Every note
// that was there, the stage, the vision and the clock stay exactly as they
// were; the sentences are saved as new notes, word for word.
func TestTypingIntoTheNotesListThroughARealTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real binary in a terminal")
	}
	db := filepath.Join(t.TempDir(), "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	moveBack(t, db, 2) // to the priorities, where the demo has notes
	before := firstTable(t, db)
	if len(before.StageNotes()) == 0 {
		t.Fatal("no notes at the stage to put at risk")
	}

	cmd := exec.Command(bin, "--db", db)
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "TERM=xterm-256color"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	var mu sync.Mutex
	var screen strings.Builder
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	send := func(s string) {
		t.Helper()
		if _, err := io.WriteString(tty, s); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
	}
	waitFor := func(want string) {
		t.Helper()
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			mu.Lock()
			ok := strings.Contains(screen.String(), want)
			mu.Unlock()
			if ok {
				return
			}
		}
		t.Fatalf("the terminal never showed %q", want)
	}
	waitFor("Illustrative demo")
	send("\r") // the event
	send("\r") // its first table
	waitFor("TYPING")
	for _, s := range ptySentences {
		send("\t")            // into the notes list
		for _, r := range s { // a fast typist's pace, not a paste
			if _, err := io.WriteString(tty, string(r)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(15 * time.Millisecond)
		}
		send("\r")
	}
	send("\x03") // ctrl+c
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("forum did not quit on ctrl+c")
	}

	after := firstTable(t, db)
	g0, g1 := before.Group, after.Group
	if g0.StageKey != g1.StageKey || !g0.StageStartedAt.Equal(g1.StageStartedAt) || !g0.PausedAt.Equal(g1.PausedAt) ||
		g0.ExtraMinutes != g1.ExtraMinutes || g0.Vision != g1.Vision || strings.Join(g0.LockedStages, ",") != strings.Join(g1.LockedStages, ",") {
		t.Fatalf("typing changed the table:\nbefore %+v\nafter  %+v", g0, g1)
	}
	was := map[model.ID]model.Contribution{}
	for _, n := range before.Notes {
		was[n.ID] = n
	}
	var added []string
	for _, n := range after.Notes {
		old, ok := was[n.ID]
		if !ok {
			added = append(added, n.Text)
			continue
		}
		if old.Text != n.Text || old.StageKey != n.StageKey || strings.Join(old.Tags, ",") != strings.Join(n.Tags, ",") || old.Deleted() != n.Deleted() {
			t.Errorf("typing changed a note:\nbefore %+v\nafter  %+v", old, n)
		}
		delete(was, n.ID)
	}
	if len(was) != 0 {
		t.Errorf("typing deleted %d notes", len(was))
	}
	if strings.Join(added, "|") != strings.Join(ptySentences, "|") {
		t.Errorf("the new notes are %q, want the sentences %q", added, ptySentences)
	}
}

// moveBack moves the demo's first table back n stages, before the test.
func moveBack(t *testing.T, db string, n int) {
	t.Helper()
	ctx := context.Background()
	eng, closeDB, err := sessions.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	v := firstTableOf(t, ctx, eng)
	if _, _, err := eng.MoveStage(ctx, "test", v.Group.ID, -n); err != nil {
		t.Fatal(err)
	}
}

// firstTable reads the first table of the first event in db.
func firstTable(t *testing.T, db string) sessions.TableView {
	t.Helper()
	ctx := context.Background()
	eng, closeDB, err := sessions.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	return firstTableOf(t, ctx, eng)
}

func firstTableOf(t *testing.T, ctx context.Context, eng *sessions.Engine) sessions.TableView {
	t.Helper()
	evs, err := eng.Events(ctx)
	if err != nil || len(evs) == 0 {
		t.Fatalf("events %v, %v", evs, err)
	}
	b, err := eng.Board(ctx, evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	v, err := eng.Table(ctx, b.Groups[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

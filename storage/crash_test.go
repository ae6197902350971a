package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"forum/model"
)

// TestCrashChild is the child of TestKilledWriterLosesNoAcknowledgedNote:
// it captures notes as fast as it can and prints each id after its commit
// returned, which is when the app would show it as saved.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("FORUM_CRASH_DB")
	if path == "" {
		t.Skip("run by TestKilledWriterLosesNoAcknowledgedNote")
	}
	s, err := Open(ctx, path, Options{})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	g := model.ID(os.Getenv("FORUM_CRASH_TABLE"))
	for i := 0; ; i++ {
		c := model.Contribution{ID: model.NewID(), GroupID: g, StageKey: "vision", Text: fmt.Sprintf("note %d", i), Stamp: model.NewStamp(time.Now())}
		if err := s.Update(ctx, "child", func(tx *Tx) error { return tx.InsertContribution(c) }); err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
		fmt.Println(c.ID)
	}
}

func TestKilledWriterLosesNoAcknowledgedNote(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ev, g, _ := seed(t, s)
	s.Close()

	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FORUM_CRASH_DB="+path, "FORUM_CRASH_TABLE="+string(g.ID))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var acked []model.ID
		lines := bufio.NewScanner(out)
		target := 100 + rand.IntN(300)
		for lines.Scan() {
			line := lines.Text()
			if !model.ValidID(line) {
				t.Fatalf("child said %q", line)
			}
			acked = append(acked, model.ID(line))
			if len(acked) == target {
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
		}
		cmd.Wait()
		if len(acked) < target {
			t.Fatalf("child stopped after %d notes", len(acked))
		}

		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatalf("reopening after the kill: %v", err)
		}
		snap, err := s.Snapshot(ctx, ev.ID)
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		stored := map[model.ID]bool{}
		for _, c := range snap.Contributions {
			stored[c.ID] = true
		}
		for _, id := range acked {
			if !stored[id] {
				t.Fatalf("round %d: note %s was acknowledged but is gone after the kill", round, id)
			}
		}
	}
}

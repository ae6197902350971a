package storage

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"forum/model"
)

// TestKeptStatementsHoldNoOldRead: a process whose reads and writes run as
// kept prepared statements still sees, at once, each note another process
// commits, and a checkpoint from a third connection copies the whole log
// back into the file: no kept statement is left holding an old read of
// the file (which would show stale notes and let the log grow).
func TestKeptStatementsHoldNoOldRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	a := openT(t, path)
	_, g, _ := seed(t, a)
	b := openT(t, path)
	for i := range 20 {
		for _, s := range []*Store{a, b} {
			text := fmt.Sprintf("note %d from %p", i, s)
			c := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: text, Stamp: model.NewStamp(time.Now())}
			if err := s.Update(ctx, "tester", func(tx *Tx) error { return tx.InsertContribution(c) }); err != nil {
				t.Fatal(err)
			}
			for _, r := range []*Store{a, b} {
				rows, err := r.TableRows(ctx, g.ID, RowsNotes, nil)
				if err != nil {
					t.Fatal(err)
				}
				if n := len(rows.Contributions); n != 2+2*i+btoi(s == b) {
					t.Fatalf("after %q the %s reads %d notes", text, map[bool]string{true: "writer", false: "other process"}[r == s], n)
				}
			}
		}
	}
	if n := len(a.ws.m) + len(a.rs.m); n == 0 {
		t.Fatal("no statement was kept: the test checks nothing")
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A change watch's poll can hold a read for an instant and make one
	// checkpoint busy; a kept statement holding an old read stays, so
	// only a checkpoint busy every time for a second fails.
	var busy, log, done int
	for try := 0; try < 20; try++ {
		if err := db.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done); err != nil {
			t.Fatal(err)
		}
		if busy == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if busy != 0 {
		t.Fatalf("the checkpoint was blocked by a read still open (log %d frames, %d copied)", log, done)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

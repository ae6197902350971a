package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"forum/model"
)

var ctx = context.Background()

func openT(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(ctx, path, Options{WatchInterval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seed stores an event with one area, one table and one note.
func seed(t testing.TB, s *Store) (model.Event, model.Group, model.Contribution) {
	t.Helper()
	now := time.Date(2018, 1, 25, 9, 30, 0, 123456789, time.UTC)
	ev := model.Event{ID: model.NewID(), Title: "Forum", Date: "2018-01-25", Chair: "Chair", Aims: []string{"one", "two"},
		Programme: []model.Talk{{Title: "Talk", Speakers: []model.Speaker{{Name: "A", Role: "B"}}, Kind: "talk"}},
		AreaLabel: "STP", Template: "t", Illustrative: true, Dots: model.DotRules{Budget: 3, Cap: 2},
		Stages: []model.Stage{{Key: "vision", Title: "Vision", Prompts: []string{"p"}, Minutes: 15, Activity: model.ActivityVision}},
		Stamp:  model.NewStamp(now)}
	area := model.Area{ID: model.NewID(), EventID: ev.ID, Code: "NCL", Name: "North Central London", Places: []string{"Barnet"}, Stamp: model.NewStamp(now)}
	g := model.Group{ID: model.NewID(), EventID: ev.ID, AreaID: area.ID, Name: "Table 1", Participants: 8, StageKey: "vision", Stamp: model.NewStamp(now)}
	c := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: "Shared records\nfor all", Tags: []string{"systems"}, Author: "GP", Stamp: model.NewStamp(now)}
	err := s.Update(ctx, "tester", func(tx *Tx) error {
		for _, f := range []func() error{
			func() error { return tx.InsertEvent(ev) }, func() error { return tx.InsertArea(area) },
			func() error { return tx.InsertGroup(g) }, func() error { return tx.InsertContribution(c) },
		} {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ev, g, c
}

func TestMigrateReopenAndRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	s := openT(t, path)
	ev, g, c := seed(t, s)
	step := model.NextStep{ID: model.NewID(), GroupID: g.ID, Action: "Act", Owner: "Me", ByWhen: "June", Enabler: "people", Assist: "Help", PriorityID: c.ID, Stamp: model.NewStamp(time.Now())}
	msg := model.KeyMessage{ID: model.NewID(), EventID: ev.ID, GroupID: g.ID, Kind: model.KindAsk, Text: "Ask", Sources: []model.ID{c.ID}, Stamp: model.NewStamp(time.Now())}
	vote := model.Vote{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Method: model.MethodDots, Voter: "P1", ItemID: c.ID, Value: 2, Stamp: model.NewStamp(time.Now())}
	if err := s.Update(ctx, "tester", func(tx *Tx) error {
		if err := tx.InsertNextStep(step); err != nil {
			return err
		}
		if err := tx.ReplaceKeyMessages(ev.ID, g.ID, []model.KeyMessage{msg}); err != nil {
			return err
		}
		return tx.ReplaceBallot(g.ID, "vision", model.MethodDots, "P1", []model.Vote{vote})
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openT(t, path)
	snap, err := s.Snapshot(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := snap.Event
	if got.Title != ev.Title || got.Aims[1] != "two" || got.Programme[0].Speakers[0].Role != "B" || !got.Illustrative ||
		got.Dots != ev.Dots || got.Stages[0].Activity != model.ActivityVision || !got.CreatedAt.Equal(ev.CreatedAt) {
		t.Errorf("event round trip: %+v", got)
	}
	if len(snap.Areas) != 1 || snap.Areas[0].Places[0] != "Barnet" || len(snap.Groups) != 1 || snap.Groups[0].Participants != 8 || !snap.Groups[0].StageStartedAt.IsZero() {
		t.Errorf("areas/tables: %+v %+v", snap.Areas, snap.Groups)
	}
	if len(snap.Contributions) != 1 || snap.Contributions[0].Text != c.Text || snap.Contributions[0].Tags[0] != "systems" || snap.Contributions[0].Deleted() {
		t.Errorf("notes: %+v", snap.Contributions)
	}
	if len(snap.NextSteps) != 1 || snap.NextSteps[0] != step && snap.NextSteps[0].Owner != "Me" {
		t.Errorf("steps: %+v", snap.NextSteps)
	}
	if len(snap.KeyMessages) != 1 || snap.KeyMessages[0].Sources[0] != c.ID || snap.KeyMessages[0].Kind != model.KindAsk {
		t.Errorf("messages: %+v", snap.KeyMessages)
	}
	if len(snap.Votes) != 1 || snap.Votes[0].Value != 2 || snap.Votes[0].Voter != "P1" {
		t.Errorf("votes: %+v", snap.Votes)
	}
	evs, err := s.Events(ctx)
	if err != nil || len(evs) != 1 || evs[0].Tables != 1 || evs[0].LastChange.IsZero() {
		t.Errorf("events: %+v %v", evs, err)
	}
	if id, err := s.LatestEventID(ctx); err != nil || id != ev.ID {
		t.Errorf("latest: %v %v", id, err)
	}
	if _, err := s.Event(ctx, model.NewID()); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown event: %v", err)
	}
}

func TestRefusesWithoutTouchingTheFile(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]func(path string){
		"text file": func(p string) {
			os.WriteFile(p, bytes.Repeat([]byte("not a database at all\n"), 200), 0o644)
		},
		"another program's sqlite": func(p string) {
			db, _ := sql.Open("sqlite", "file:"+p)
			db.Exec("CREATE TABLE moz_places(id INTEGER)")
			db.Close()
		},
		"newer schema": func(p string) {
			s, err := Open(ctx, p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			db, _ := sql.Open("sqlite", "file:"+p)
			db.Exec("PRAGMA user_version = 99")
			db.Close()
		},
	}
	want := map[string]error{"text file": ErrNotDatabase, "another program's sqlite": ErrNotDatabase, "newer schema": ErrNewerSchema}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
			make(path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Open(ctx, path, Options{})
			if !errors.Is(err, want[name]) || !strings.Contains(err.Error(), path) {
				t.Fatalf("Open = %v, want %v naming the file", err, want[name])
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatal("the file changed")
			}
			for _, suf := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + suf); err == nil && name == "text file" {
					t.Errorf("%s created beside a text file", suf)
				}
			}
		})
	}
}

func TestRefusesReadOnlyLocation(t *testing.T) {
	dir := "/sys"
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("/sys is writable here")
	}
	_, err := Open(ctx, filepath.Join(dir, "forum.db"), Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "writable --db") {
		t.Fatalf("Open in a read-only folder = %v", err)
	}
	_, err = Open(ctx, filepath.Join(t.TempDir(), "missing", "forum.db"), Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Open in a missing folder = %v", err)
	}
}

func TestEmptyFileIsAFreshDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o644)
	s := openT(t, path)
	if evs, err := s.Events(ctx); err != nil || len(evs) != 0 {
		t.Fatalf("%v %v", evs, err)
	}
}

func TestLockedDatabaseSaysSoAndKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	s, err := Open(ctx, path, Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ev, g, _ := seed(t, s)
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	note := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: "waits", Stamp: model.NewStamp(time.Now())}
	err = s.Update(ctx, "scribe", func(tx *Tx) error { return tx.InsertContribution(note) })
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "try again") {
		t.Fatalf("write under another program's lock = %v, want ErrLocked saying what to do", err)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if err := s.Update(ctx, "scribe", func(tx *Tx) error { return tx.InsertContribution(note) }); err != nil {
		t.Fatalf("after the lock was released: %v", err)
	}
	snap, _ := s.Snapshot(ctx, ev.ID)
	if len(snap.Contributions) != 2 {
		t.Fatalf("%d notes; want the seed and the retried one", len(snap.Contributions))
	}
}

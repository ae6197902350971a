package storage

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"forum/model"
)

func TestAuditIsAppendOnlyAndNamesTheActor(t *testing.T) {
	s := openT(t, filepath.Join(t.TempDir(), "forum.db"))
	_, _, c := seed(t, s)
	entries, err := s.Audit(ctx, "")
	if err != nil || len(entries) != 4 {
		t.Fatalf("want 4 audit rows (event, area, table, note), got %d: %v", len(entries), err)
	}
	for _, e := range entries {
		if e.Actor != "tester" || e.Action != "create" || e.At.IsZero() {
			t.Errorf("audit row %+v", e)
		}
	}
	if e := entries[3]; e.Entity != "note" || e.EntityID != c.ID || !strings.Contains(e.Detail, "Shared records") {
		t.Errorf("note row %+v", e)
	}
	for _, q := range []string{"UPDATE audit SET actor = 'x'", "DELETE FROM audit"} {
		if _, err := s.w.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

func TestUpdateKeepsRevisionsAndRollsBack(t *testing.T) {
	s := openT(t, filepath.Join(t.TempDir(), "forum.db"))
	ev, g, c := seed(t, s)
	c2 := c
	c2.Text, c2.DeletedAt = "second", time.Now()
	if err := s.Update(ctx, "scribe", func(tx *Tx) error { return tx.UpdateContribution(c2) }); err != nil {
		t.Fatal(err)
	}
	revs, err := s.Revisions(ctx, c.ID)
	if err != nil || len(revs) != 1 || revs[0].Text != c.Text || revs[0].Deleted() {
		t.Fatalf("revisions %+v %v", revs, err)
	}
	audit, _ := s.Audit(ctx, c.ID)
	if len(audit) != 2 || audit[1].Action != "delete" || audit[1].Actor != "scribe" {
		t.Fatalf("audit %+v", audit)
	}
	// A failing transaction leaves nothing behind.
	bad := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: "lost", Stamp: model.NewStamp(time.Now())}
	err = s.Update(ctx, "scribe", func(tx *Tx) error {
		if err := tx.InsertContribution(bad); err != nil {
			return err
		}
		return tx.InsertContribution(bad) // duplicate id
	})
	if err == nil {
		t.Fatal("duplicate insert accepted")
	}
	snap, _ := s.Snapshot(ctx, ev.ID)
	if len(snap.Contributions) != 1 {
		t.Fatal("a failed transaction left a note")
	}
}

func TestReplaceBallotOnlyTouchesThatVoter(t *testing.T) {
	s := openT(t, filepath.Join(t.TempDir(), "forum.db"))
	ev, g, c := seed(t, s)
	vote := func(voter string, n int) model.Vote {
		return model.Vote{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Method: model.MethodDots, Voter: voter, ItemID: c.ID, Value: n, Stamp: model.NewStamp(time.Now())}
	}
	for _, v := range []model.Vote{vote("P1", 1), vote("P2", 2), vote("P1", 3)} {
		if err := s.Update(ctx, "p", func(tx *Tx) error {
			return tx.ReplaceBallot(g.ID, "vision", model.MethodDots, v.Voter, []model.Vote{v})
		}); err != nil {
			t.Fatal(err)
		}
	}
	snap, _ := s.Snapshot(ctx, ev.ID)
	got := map[string]int{}
	for _, v := range snap.Votes {
		got[v.Voter] += v.Value
	}
	if len(snap.Votes) != 2 || got["P1"] != 3 || got["P2"] != 2 {
		t.Fatalf("votes %+v", got)
	}
}

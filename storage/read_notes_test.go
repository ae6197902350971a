package storage

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"forum/model"
)

// A table's notes re-read by the IDs a commit names and merged into the
// notes read before (what the live model does after each of its own
// commits) are exactly the table's notes read whole: the same notes, the
// same order, through inserts at equal and unequal times (stored times of
// different lengths: "…:00Z" sorts after "…:00.5Z"), edits and deletions,
// one or several per commit.
func TestNotesMergedByIDAreTheTableReadWhole(t *testing.T) {
	s := openT(t, filepath.Join(t.TempDir(), "forum.db"))
	_, g, _ := seed(t, s)
	var mu sync.Mutex
	var last Changes
	s.OnCommit(func(c Changes) { mu.Lock(); last = c; mu.Unlock() })
	read := func(ids []model.ID) []model.Contribution {
		t.Helper()
		snap, err := s.TableRows(ctx, g.ID, RowsNotes, ids)
		if err != nil {
			t.Fatal(err)
		}
		return snap.Contributions
	}
	have := read(nil)
	base := time.Date(2018, 1, 25, 10, 0, 0, 0, time.UTC)
	offsets := []time.Duration{0, 0, 500 * time.Millisecond, time.Second, 1500 * time.Millisecond, time.Nanosecond, 100 * time.Microsecond}
	r := rand.New(rand.NewPCG(3, 4))
	for step := range 300 {
		err := s.Update(ctx, "scribe", func(tx *Tx) error {
			for range 1 + r.IntN(3) {
				if len(have) > 0 && r.IntN(3) == 0 {
					c := have[r.IntN(len(have))]
					c.Text = fmt.Sprintf("edited at step %d", step)
					if r.IntN(2) == 0 {
						c.DeletedAt = base.Add(time.Hour)
					}
					c.UpdatedAt = base.Add(time.Duration(step) * time.Second)
					if err := tx.UpdateContribution(c); err != nil {
						return err
					}
					continue
				}
				at := base.Add(offsets[r.IntN(len(offsets))])
				c := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: fmt.Sprintf("note of step %d", step), Stamp: model.NewStamp(at)}
				if err := tx.InsertContribution(c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		ids := last.Notes[g.ID]
		mu.Unlock()
		if len(ids) == 0 {
			t.Fatalf("step %d: the commit names no note", step)
		}
		merged := MergeNotes(have, read(ids))
		whole := read(nil)
		if !reflect.DeepEqual(merged, whole) {
			t.Fatalf("step %d: merged notes differ from the table read whole:\nmerged %d notes, whole %d", step, len(merged), len(whole))
		}
		have = whole
	}
	if len(have) < 300 {
		t.Errorf("only %d notes after 300 commits", len(have))
	}
}

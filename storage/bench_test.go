package storage

import (
	"path/filepath"
	"testing"
	"time"

	"forum/model"
)

// BenchmarkInsertContribution is one committed note with its audit row.
func BenchmarkInsertContribution(b *testing.B) {
	s := openT(b, filepath.Join(b.TempDir(), "forum.db"))
	_, g, _ := seed(b, s)
	for b.Loop() {
		c := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: "a note", Stamp: model.NewStamp(time.Now())}
		if err := s.Update(ctx, "bench", func(tx *Tx) error { return tx.InsertContribution(c) }); err != nil {
			b.Fatal(err)
		}
	}
}

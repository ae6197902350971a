package storage

import (
	"context"
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

// BenchmarkWatchPollIdle is one poll of the change watch when nothing has
// changed: what the watch costs, four times a second, while the room is
// quiet.
func BenchmarkWatchPollIdle(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir()+"/forum.db", Options{WatchInterval: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.DataVersion(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

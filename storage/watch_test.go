package storage

import (
	"path/filepath"
	"testing"
	"time"

	"forum/model"
)

func waitSignal(t *testing.T, ch <-chan struct{}, within time.Duration, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(within):
		t.Fatalf("no change signal for %s within %v", what, within)
	}
}

func TestChangeWatchSeesOtherConnectionsAndItself(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	a := openT(t, path)
	_, g, _ := seed(t, a)
	ch, cancel := a.Subscribe()
	defer cancel()
	// Drain the signal from seeding and let the watch settle.
	time.Sleep(100 * time.Millisecond)
	select {
	case <-ch:
	default:
	}
	select {
	case <-ch:
		t.Fatal("a signal arrived although nothing changed")
	case <-time.After(200 * time.Millisecond):
	}

	b := openT(t, path) // another set of connections, as another process would have
	note := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: "vision", Text: "from b", Stamp: model.NewStamp(time.Now())}
	if err := b.Update(ctx, "b", func(tx *Tx) error { return tx.InsertContribution(note) }); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, ch, 2*time.Second, "a commit by another connection")

	note.ID = model.NewID()
	if err := a.Update(ctx, "a", func(tx *Tx) error { return tx.InsertContribution(note) }); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, ch, 100*time.Millisecond, "a commit in this process")
	cancel()
	a.Close()
	if _, ok := <-ch; ok {
		t.Fatal("channel still open after cancel")
	}
}

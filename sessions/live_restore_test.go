package sessions

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"forum/storage"
)

// TestATableRestoredByAnotherProcessOpensAtOnce: a seat asked to open a
// table that another process has just restored opens it, even before the
// change watch has seen that commit (here the watch is made slow).
func TestATableRestoredByAnotherProcessOpensAtOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "forum.db")
	open := func() *Engine {
		s, err := storage.Open(ctx, path, storage.Options{WatchInterval: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return New(s)
	}
	a, b := open(), open()
	id, err := a.Demo(ctx, "demo", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	board, err := a.Board(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	g := board.Groups[0].ID
	if err := a.RemoveTable(ctx, "org", g); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Table(ctx, g); err == nil {
		t.Fatal("a removed table opened")
	}
	if err := b.RestoreTable(ctx, "org", g); err != nil {
		t.Fatal(err)
	}
	v, err := a.Table(ctx, g)
	if err != nil {
		t.Fatalf("the table restored by the other process: %v", err)
	}
	if v.Group.ID != g {
		t.Fatalf("opened %s, want %s", v.Group.ID, g)
	}
}

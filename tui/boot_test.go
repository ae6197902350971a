package tui

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"forum/sessions"
)

// TestBootHandsOverToTheAppWithWhatCameBefore: the window's size and the
// terminal's colours that arrive while the database opens reach the app.
func TestBootHandsOverToTheAppWithWhatCameBefore(t *testing.T) {
	eng, closeDB, err := sessions.Open(context.Background(), filepath.Join(t.TempDir(), "forum.db"), sessions.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	b := &boot{ctx: context.Background(), opened: make(chan struct{})}
	if m, cmd := b.Update(tea.WindowSizeMsg{Width: 120, Height: 40}); m != b || cmd != nil {
		t.Fatal("the boot screen did something with the size")
	}
	m, cmd := b.Update(bootedMsg{eng: eng, opts: Options{Actor: "test"}})
	a, ok := m.(*App)
	if !ok {
		t.Fatalf("after the opening the model is %T, not the app", m)
	}
	defer a.Close()
	if a.width != 120 || a.height != 40 || cmd == nil {
		t.Fatalf("the app is %dx%d (cmd %v); want the size that came before, and its Init", a.width, a.height, cmd)
	}
	if v := b.View(); !v.AltScreen {
		t.Fatal("the boot screen must be in the app's alternate screen")
	}
}

// TestBootEndsWithTheOpeningsError: a database that cannot be opened ends
// the program, and Start returns why.
func TestBootEndsWithTheOpeningsError(t *testing.T) {
	b := &boot{ctx: context.Background(), opened: make(chan struct{})}
	refused := errors.New("not a forum database")
	m, cmd := b.Update(bootedMsg{err: refused})
	if m != b || cmd == nil {
		t.Fatal("no quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok || !errors.Is(b.err, refused) {
		t.Fatalf("cmd %v, err %v", cmd, b.err)
	}
}

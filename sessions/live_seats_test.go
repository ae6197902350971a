package sessions

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"forum/model"
)

// TestFortySeatsCaptureAtOnce: two seats at each of twenty tables type at
// once, each screen reloading on its watch the way the terminal app does;
// every note is stored once, and every seat ends up showing every note of
// its table. (-short: ten seats.)
func TestFortySeatsCaptureAtOnce(t *testing.T) {
	seats, notes := 40, 10
	if testing.Short() {
		seats, notes = 10, 5
	}
	ctx := context.Background()
	e, _ := twoProcesses(t)
	tm, _ := BuiltinTemplate(DefaultTemplate)
	id, err := e.CreateEvent(ctx, "test", tm, NewEvent{TablesPerArea: seats / 10})
	if err != nil {
		t.Fatal(err)
	}
	board, err := e.Board(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	type screen struct {
		mu   sync.Mutex
		view TableView
	}
	screens := make([]*screen, seats)
	var typing, showing sync.WaitGroup
	stop := make(chan struct{})
	for i := range seats {
		g := board.Groups[i/2].ID
		s := &screen{}
		screens[i] = s
		w := e.Watch()
		w.Focus(Focus{Event: id, Table: g})
		showing.Add(1)
		go func() { // the seat's screen: one reload per signal
			defer showing.Done()
			defer w.Close()
			for {
				select {
				case <-w.C:
				case <-stop:
					return
				}
				v, err := e.Table(ctx, g)
				if err != nil {
					t.Error(err)
					return
				}
				s.mu.Lock()
				s.view = v
				s.mu.Unlock()
			}
		}()
		typing.Add(1)
		go func() {
			defer typing.Done()
			for n := range notes {
				if _, err := e.Capture(ctx, fmt.Sprintf("seat %d", i), g, fmt.Sprintf("seat %d note %d", i, n), nil, ""); err != nil {
					t.Error(err)
					return
				}
				time.Sleep(time.Millisecond)
			}
		}()
	}
	typing.Wait()
	want := notes * 2
	deadline := time.Now().Add(5 * time.Second)
	shown := func() (bool, string) {
		for i, s := range screens {
			s.mu.Lock()
			n := len(s.view.Notes)
			s.mu.Unlock()
			if n != want {
				return false, fmt.Sprintf("seat %d shows %d notes, want %d", i, n, want)
			}
		}
		return true, ""
	}
	for ok, _ := shown(); !ok && time.Now().Before(deadline); ok, _ = shown() {
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	showing.Wait()
	if ok, why := shown(); !ok {
		t.Fatal(why)
	}
	snap, err := e.store.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]model.ID{}
	for _, c := range snap.Contributions {
		if _, dup := seen[c.Text]; dup {
			t.Errorf("stored twice: %q", c.Text)
		}
		seen[c.Text] = c.GroupID
	}
	if len(seen) != seats*notes {
		t.Fatalf("%d notes stored, want %d", len(seen), seats*notes)
	}
}

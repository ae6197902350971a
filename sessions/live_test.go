package sessions

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"forum/model"
	"forum/storage"
)

// twoProcesses opens one database file twice, as two forum processes
// would: each store has its own connections and change watch.
func twoProcesses(t testing.TB) (a, b *Engine) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "forum.db")
	open := func() *Engine {
		s, err := storage.Open(ctx, path, storage.Options{WatchInterval: 20 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return New(s)
	}
	return open(), open()
}

// liveDiff compares what the live model shows of every table and of the
// board with a fresh read of the database; "" when they agree.
func liveDiff(ctx context.Context, e *Engine, id model.ID) string {
	snap, err := e.store.Snapshot(ctx, id)
	if err != nil {
		return err.Error()
	}
	b, err := e.Board(ctx, id)
	if err != nil {
		return err.Error()
	}
	b.Version = 0
	if want := BoardOf(snap); !reflect.DeepEqual(b, want) {
		return fmt.Sprintf("board: live %+v, fresh %+v", b.Stats, want.Stats)
	}
	for _, g := range snap.Groups {
		v, err := e.Table(ctx, g.ID)
		if err != nil {
			return err.Error()
		}
		v.Version = 0
		want, _ := TableFromSnapshot(snap, g.ID)
		if !reflect.DeepEqual(v, want) {
			return fmt.Sprintf("%s: live %d notes at %s, fresh %d at %s", g.Name, len(v.Notes), v.Group.StageKey, len(want.Notes), want.Group.StageKey)
		}
	}
	return ""
}

// TestTheLiveModelAlwaysMatchesTheDatabase runs random operations from
// several seats of one process and from a second process on the same file;
// after each, what the first process's screens would show equals a fresh
// read of the database: at once for its own writes, and as soon as the
// change watch has seen the other process's (the latency is
// TestANoteFromAnotherProcessReachesEveryOpenScreen's concern).
func TestTheLiveModelAlwaysMatchesTheDatabase(t *testing.T) {
	ctx := context.Background()
	a, b := twoProcesses(t)
	id, err := a.Demo(ctx, "demo", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := liveDiff(ctx, a, id); d != "" {
		t.Fatal(d)
	}
	rng := rand.New(rand.NewPCG(12, uint64(time.Now().UnixNano())))
	steps := 120
	if testing.Short() {
		steps = 40
	}
	for step := 0; step < steps; step++ {
		e, who := a, "seat"
		if rng.IntN(3) == 0 {
			e, who = b, "other process"
		}
		board, _ := a.store.Snapshot(ctx, id)
		g := board.Groups[rng.IntN(len(board.Groups))]
		v, err := e.Table(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		op := ""
		switch rng.IntN(15) {
		case 0, 1, 2:
			op = "capture"
			_, err = e.Capture(ctx, who, g.ID, fmt.Sprintf("note %d from the %s", step, who), nil, "")
		case 3:
			op = "edit"
			if len(v.Notes) > 0 {
				_, err = e.EditNote(ctx, who, v.Notes[rng.IntN(len(v.Notes))].ID, fmt.Sprintf("edited at step %d", step))
			}
		case 4:
			op = "delete"
			if len(v.Notes) > 0 {
				_, err = e.DeleteNote(ctx, who, v.Notes[rng.IntN(len(v.Notes))].ID)
			}
		case 5:
			op = "move stage"
			_, _, err = e.MoveStage(ctx, who, g.ID, 1-2*rng.IntN(2))
		case 6:
			op = "next step"
			_, err = e.AddNextStep(ctx, who, g.ID, NextStepInput{Action: fmt.Sprintf("step %d", step), Owner: "ICS"})
		case 7:
			op = "rename event"
			_, err = e.RenameEvent(ctx, who, id, fmt.Sprintf("Forum, take %d", step))
		case 8:
			op = "remove or restore table"
			if rng.IntN(2) == 0 && len(board.Groups) > 2 {
				err = e.RemoveTable(ctx, who, g.ID)
			} else if len(board.RemovedGroups) > 0 {
				err = e.RestoreTable(ctx, who, board.RemovedGroups[0].ID)
			}
		case 9:
			op = "dots"
			if items := v.VoteItems(); len(items) > 0 {
				if !v.DotVote.Open { // a ballot into an open round changes the votes alone
					_, _ = e.ReopenVote(ctx, who, g.ID, v.VoteStage, v.Method)
				}
				err = e.CastDots(ctx, who, g.ID, fmt.Sprintf("P%d", 1+rng.IntN(4)), map[model.ID]int{items[rng.IntN(len(items))]: 1})
			}
		case 10:
			op = "group notes"
			if n := v.StageNotes(); len(n) >= 2 {
				_, _, _, err = e.GroupNotes(ctx, who, g.ID, []model.ID{n[0].ID, n[len(n)-1].ID}, fmt.Sprintf("theme %d", step))
			}
		case 11:
			op = "ungroup"
			if len(v.Themes) > 0 {
				_, err = e.Ungroup(ctx, who, v.Themes[0].Theme.ID)
			}
		case 12:
			op = "close or reopen the vote"
			if v.DotVote.Open {
				_, err = e.CloseVote(ctx, who, g.ID, v.VoteStage, v.Method)
			} else {
				_, err = e.ReopenVote(ctx, who, g.ID, v.VoteStage, v.Method)
			}
		case 13:
			op = "key messages"
			_, err = e.SetKeyMessages(ctx, who, g.ID, []MessageInput{{Kind: model.KindMessage, Text: fmt.Sprintf("message %d", step)}})
		case 14:
			op = "maturity"
			err = e.RateMaturity(ctx, who, g.ID, "R1", []int{rng.IntN(3), rng.IntN(3), rng.IntN(3), rng.IntN(3)})
		}
		if err != nil {
			t.Logf("step %d: %s by the %s refused: %v", step, op, who, err) // a refusal is fine; the model must still match
		}
		d := liveDiff(ctx, a, id)
		for deadline := time.Now().Add(5 * time.Second); d != "" && e == b && time.Now().Before(deadline); d = liveDiff(ctx, a, id) {
			time.Sleep(10 * time.Millisecond)
		}
		if d != "" {
			t.Fatalf("step %d, %s by the %s: the live model differs from the database: %s", step, op, who, d)
		}
	}
}

// TestANoteFromAnotherProcessReachesEveryOpenScreen: screens watching the
// table, the board and the whole event are told within a second and then
// show the note; a screen on another table is not woken.
func TestANoteFromAnotherProcessReachesEveryOpenScreen(t *testing.T) {
	ctx := context.Background()
	a, b := twoProcesses(t)
	id, err := a.Demo(ctx, "demo", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	board, err := a.Board(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	at, elsewhere := board.Groups[0].ID, board.Groups[1].ID
	watch := func(f Focus) *Watch {
		w := a.Watch()
		w.Focus(f)
		t.Cleanup(w.Close)
		return w
	}
	table1, table2 := watch(Focus{Event: id, Table: at}), watch(Focus{Event: id, Table: at})
	onBoard, onEvent, other := watch(Focus{Event: id, Board: true}), watch(Focus{Event: id}), watch(Focus{Event: id, Table: elsewhere})
	start := time.Now()
	if _, err := b.Capture(ctx, "other laptop", at, "Typed on the other laptop", nil, ""); err != nil {
		t.Fatal(err)
	}
	within := time.Second
	if testing.Short() { // -race -short on a shared machine: the bound is the user's, the margin the detector's
		within = 5 * time.Second
	}
	for name, w := range map[string]*Watch{"table seat 1": table1, "table seat 2": table2, "board": onBoard, "dashboard": onEvent} {
		select {
		case <-w.C:
		case <-time.After(within):
			t.Fatalf("the %s screen was not told within %v", name, within)
		}
	}
	t.Logf("told after %v", time.Since(start).Round(time.Millisecond))
	v, err := a.Table(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	if last := v.Notes[len(v.Notes)-1]; last.Text != "Typed on the other laptop" {
		t.Fatalf("the table shows %q last", last.Text)
	}
	if nb, _ := a.Board(ctx, id); nb.Stats[at].Notes != board.Stats[at].Notes+1 || nb.Version == board.Version {
		t.Errorf("board counts %d notes at the table (version %d), want %d (a new version)", nb.Stats[at].Notes, nb.Version, board.Stats[at].Notes+1)
	}
	select {
	case <-other.C:
		t.Error("a screen on another table was woken by a note it does not show")
	default:
	}
}

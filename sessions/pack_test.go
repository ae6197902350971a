package sessions

import (
	"context"
	"errors"
	"strings"
	"testing"

	"forum/model"
	"forum/storage"
)

func TestPackChangesOnlyItsTablesAndMergesBack(t *testing.T) {
	org := newFixture(t)
	v := org.london()
	ev := v.Group.EventID
	b, _ := org.eng.Board(org.ctx, ev)
	mine, other := b.Groups[0].ID, b.Groups[1].ID
	path := t.TempDir() + "/table1.db"
	if err := org.eng.Pack(org.ctx, ev, []model.ID{mine}, path); err != nil {
		t.Fatal(err)
	}
	if err := org.eng.Pack(org.ctx, ev, []model.ID{mine}, path); !errors.Is(err, ErrPackExists) {
		t.Fatalf("a second pack over the file: %v", err)
	}
	ctx := context.Background()
	store, err := storage.Open(ctx, path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	eng := New(store)
	seat, err := eng.PackSeat(ctx)
	if err != nil || seat == nil || seat.Table != mine {
		t.Fatalf("the pack does not open on its table: %v %v", seat, err)
	}
	if _, err := eng.Capture(ctx, "pack", mine, "captured offline", nil, ""); err != nil {
		t.Fatalf("capture at the pack's table: %v", err)
	}
	if _, err := eng.Capture(ctx, "pack", other, "not mine", nil, ""); !errors.Is(err, storage.ErrOutOfScope) {
		t.Fatalf("capture at another table: %v", err)
	}
	if _, err := eng.Capture(WithSeat(ctx, seat), "pack", other, "not mine", nil, ""); !errors.Is(err, ErrForbidden) {
		t.Fatalf("capture at another table as the pack's seat: %v", err)
	}
	if _, err := eng.SetDetails(ctx, "pack", ev, Details{Title: "Renamed on a table laptop", Date: "2018-01-25"}); err == nil {
		t.Fatal("a pack changed the event's set-up")
	}
	store.Close()

	src, err := ReadMergeSource(org.ctx, path, ev)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := org.eng.Merge(org.ctx, "test", ev, []MergeSource{src})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(rep.Lines, "\n"), "NCL Table 1: 1 added") {
		t.Fatalf("report: %s", strings.Join(rep.Lines, "\n"))
	}
	if got := org.table(mine).Notes; len(got) != 1 || got[0].Text != "captured offline" {
		t.Fatalf("the pack's note did not arrive: %v", got)
	}
}

package sessions

import (
	"errors"
	"testing"

	"forum/model"
)

func TestSeatsMayDoOnlyWhatTheirRoleAllows(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	b, err := f.eng.Board(f.ctx, v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine, other := b.Groups[0].ID, b.Groups[1].ID
	note := f.capture(other, "another table's note")
	ev := v.Event.ID
	scribe := WithSeat(f.ctx, NewSeat(RoleScribe, ev, mine))
	forbidden := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: err = %v, want ErrForbidden", what, err)
		}
	}
	if _, err := f.eng.Capture(scribe, "s", mine, "my table", nil, ""); err != nil {
		t.Fatalf("a scribe cannot write at their own table: %v", err)
	}
	_, err = f.eng.Capture(scribe, "s", other, "sneaked in", nil, "")
	forbidden("capture at another table", err)
	_, err = f.eng.EditNote(scribe, "s", note.ID, "rewritten")
	forbidden("edit another table's note", err)
	_, err = f.eng.DeleteNote(scribe, "s", note.ID)
	forbidden("delete another table's note", err)
	_, _, err = f.eng.MoveStage(scribe, "s", other, 1)
	forbidden("move another table's stage", err)
	_, err = f.eng.Table(scribe, other)
	forbidden("read another table", err)
	_, err = f.eng.Snapshot(scribe, ev)
	forbidden("read the whole event", err)
	_, err = f.eng.RenameEvent(scribe, "s", ev, "Mine now")
	forbidden("rename the event", err)
	forbidden("remove a table", f.eng.RemoveTable(scribe, "s", other))

	observer := WithSeat(f.ctx, NewSeat(RoleObserver, ev, ""))
	if _, err := f.eng.Snapshot(observer, ev); err != nil {
		t.Errorf("an observer cannot read the event: %v", err)
	}
	_, err = f.eng.Capture(observer, "o", mine, "observed", nil, "")
	forbidden("an observer's capture", err)

	f.goTo(mine, "priorities")
	item := f.capture(mine, "a priority")
	p := NewSeat(RoleParticipant, ev, mine)
	p.Voter = "P2"
	participant := WithSeat(f.ctx, p)
	forbidden("a participant's capture", func() error { _, err := f.eng.Capture(participant, "p", mine, "x", nil, ""); return err }())
	forbidden("a ballot under another code", f.eng.CastDots(participant, "p", mine, "P1", map[model.ID]int{item.ID: 1}))
	forbidden("a paper tally", f.eng.CastDots(participant, "p", mine, model.PaperVoter, map[model.ID]int{item.ID: 1}))
	if err := f.eng.CastDots(participant, "p", mine, "P2", map[model.ID]int{item.ID: 1}); err != nil {
		t.Errorf("a participant cannot cast their own ballot: %v", err)
	}

	organiser := WithSeat(f.ctx, NewSeat(RoleOrganiser, ev, ""))
	if _, err := f.eng.Capture(organiser, "o", other, "the organiser helps out", nil, ""); err != nil {
		t.Errorf("an organiser cannot write at a table: %v", err)
	}
	if got := f.table(other).Notes; len(got) != 2 {
		t.Fatalf("the other table has %d notes, want its own and the organiser's", len(got))
	}
}

func TestASeatIsSlowedDownWhenItWritesTooFast(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	scribe := WithSeat(f.ctx, NewSeat(RoleScribe, v.Event.ID, v.Group.ID))
	var err error
	n := 0
	for ; n < SeatWriteBurst+20 && err == nil; n++ {
		_, err = f.eng.Capture(scribe, "s", v.Group.ID, "burst", nil, "")
	}
	if !errors.Is(err, ErrTooFast) || n < SeatWriteBurst {
		t.Fatalf("after %d notes: %v, want ErrTooFast after the burst of %d", n, err, SeatWriteBurst)
	}
	if got := len(f.table(v.Group.ID).Notes); got != n-1 {
		t.Fatalf("%d notes stored, want the %d accepted", got, n-1)
	}
}

package sessions

import (
	"errors"
	"slices"
	"testing"

	"forum/model"
)

func TestEveryUndoPutsBackWhatItsChangeReplaced(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	n := f.capture(g, "first wording")
	var undos []Undo
	push := func(u Undo, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		undos = append(undos, u)
	}
	s, err := f.eng.EditNote(f.ctx, "scribe", n.ID, "second wording")
	push(s.Undo, err)
	push(f.eng.TagNote(f.ctx, "scribe", n.ID, []string{"people"}))
	push(f.eng.MoveNote(f.ctx, "scribe", n.ID, v.Event.Stages[2].Key))
	push(f.eng.DeleteNote(f.ctx, "scribe", n.ID))
	_, u, err := f.eng.MoveStage(f.ctx, "fac", g, 1)
	push(u, err)
	moved := f.table(g)
	if moved.StageIndex != 1 {
		t.Fatalf("at stage %d", moved.StageIndex)
	}
	// Undo, newest first: each step shows the state before its change.
	var redo Undo
	for i := len(undos) - 1; i >= 0; i-- {
		r, err := f.eng.Undo(f.ctx, "scribe", undos[i])
		if err != nil {
			t.Fatalf("undo %s: %v", undos[i].Label, err)
		}
		if i == len(undos)-1 {
			redo = r
		}
	}
	back := f.table(g)
	if back.StageIndex != 0 || !back.Group.StageStartedAt.Equal(v.Group.StageStartedAt) {
		t.Fatalf("stage not put back: %d, started %v", back.StageIndex, back.Group.StageStartedAt)
	}
	got, ok := back.Note(n.ID)
	if !ok || got.Text != "first wording" || len(got.Tags) != 0 || got.StageKey != n.StageKey {
		t.Fatalf("note not put back: %+v (found %v)", got, ok)
	}
	// The undo of an undo is a redo.
	if _, err := f.eng.Undo(f.ctx, "fac", redo); err != nil || f.table(g).StageIndex != 1 {
		t.Fatalf("redo: %v, stage %d", err, f.table(g).StageIndex)
	}
	hist, err := f.eng.NoteHistory(f.ctx, got)
	if err != nil || len(hist) < 3 || hist[0].Text != "first wording" || hist[1].Text != "second wording" || hist[0].By != "test" && hist[0].By == "" {
		t.Fatalf("history %+v, %v", hist, err)
	}
	if !slices.ContainsFunc(hist, func(v Version) bool { return v.Deleted && v.By == "scribe" }) {
		t.Fatalf("the delete is not in the history, by the scribe: %+v", hist)
	}
}

func TestUndoNeverChangesAClosedVoteRound(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	vote := v.VoteStage
	for f.table(g).Stage.Key != vote {
		if _, _, err := f.eng.MoveStage(f.ctx, "fac", g, 1); err != nil {
			t.Fatal(err)
		}
	}
	n := f.capture(g, "shared records")
	s, err := f.eng.EditNote(f.ctx, "scribe", n.ID, "shared care records")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{n.ID: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.CloseVote(f.ctx, "fac", g, vote, model.MethodDots); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.Undo(f.ctx, "scribe", s.Undo); !errors.Is(err, ErrUndoVoted) {
		t.Fatalf("undo after the vote closed: %v", err)
	}
	if got, _ := f.table(g).Note(n.ID); got.Text != "shared care records" {
		t.Fatalf("the voted note changed: %q", got.Text)
	}
}

func TestThemeChangesUndo(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	a, b := f.capture(g, "shared records"), f.capture(g, "one clinical system")
	id, _, grouped, err := f.eng.GroupNotes(f.ctx, "s", g, []model.ID{a.ID, b.ID}, "Systems")
	if err != nil {
		t.Fatal(err)
	}
	_, renamed, err := f.eng.RenameTheme(f.ctx, "s", id, "Shared systems")
	if err != nil {
		t.Fatal(err)
	}
	ungrouped, err := f.eng.Ungroup(f.ctx, "s", id)
	if err != nil || len(f.table(g).Themes) != 0 {
		t.Fatalf("ungroup: %v, %d themes", err, len(f.table(g).Themes))
	}
	if _, err := f.eng.Undo(f.ctx, "s", ungrouped); err != nil {
		t.Fatal(err)
	}
	if th := f.table(g).Themes; len(th) != 1 || th[0].Theme.Name != "Shared systems" || len(th[0].Notes) != 2 {
		t.Fatalf("after undoing the ungrouping: %+v", th)
	}
	if _, err := f.eng.Undo(f.ctx, "s", renamed); err != nil || f.table(g).Themes[0].Theme.Name != "Systems" {
		t.Fatalf("after undoing the rename: %v, %+v", err, f.table(g).Themes)
	}
	if _, err := f.eng.Undo(f.ctx, "s", grouped); err != nil || len(f.table(g).Themes) != 0 {
		t.Fatalf("after undoing the grouping: %v, %d themes", err, len(f.table(g).Themes))
	}
}

package sessions

import (
	"context"
	"strings"
	"testing"
	"time"

	"forum/model"
	"forum/storage"
)

// fixture is an engine over a fresh database file and a clock that moves
// only when told.
type fixture struct {
	t   testing.TB
	ctx context.Context
	eng *Engine
	now time.Time
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	store, err := storage.Open(ctx, t.TempDir()+"/forum.db", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	f := &fixture{t: t, ctx: ctx, now: time.Date(2018, 1, 25, 10, 0, 0, 0, time.UTC)}
	f.eng = New(store, WithClock(func() time.Time { return f.now }))
	return f
}

// london creates a London 2018 event and returns the first table's view.
func (f *fixture) london() TableView {
	f.t.Helper()
	tm, err := BuiltinTemplate(DefaultTemplate)
	if err != nil {
		f.t.Fatal(err)
	}
	id, err := f.eng.CreateEvent(f.ctx, "test", tm, NewEvent{})
	if err != nil {
		f.t.Fatal(err)
	}
	b, err := f.eng.Board(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return f.table(b.Groups[0].ID)
}

func (f *fixture) table(id model.ID) TableView {
	f.t.Helper()
	v, err := f.eng.Table(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return v
}

func (f *fixture) goTo(g model.ID, key string) TableView {
	f.t.Helper()
	for i := 0; i < 10; i++ {
		v := f.table(g)
		if v.Stage.Key == key {
			return v
		}
		if _, _, err := f.eng.MoveStage(f.ctx, "test", g, 1); err != nil {
			f.t.Fatalf("moving to %s: %v", key, err)
		}
	}
	f.t.Fatalf("never reached %s", key)
	return TableView{}
}

func (f *fixture) capture(g model.ID, text string) model.Contribution {
	f.t.Helper()
	s, err := f.eng.Capture(f.ctx, "scribe", g, text, nil, "")
	if err != nil {
		f.t.Fatal(err)
	}
	return s.Record
}

func TestCreateEventFromTemplate(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	b, _ := f.eng.Board(f.ctx, v.Event.ID)
	if len(b.Areas) != 5 || len(b.Groups) != 5 || v.Stage.Key != "open" || v.Area.Code != "NCL" {
		t.Fatalf("areas %d tables %d stage %q area %q", len(b.Areas), len(b.Groups), v.Stage.Key, v.Area.Code)
	}
	if _, err := f.eng.CreateEvent(f.ctx, "t", Template{}, NewEvent{Date: "25/01/2018"}); err == nil {
		t.Fatal("a bad date was accepted")
	}
}

func TestCaptureSanitizesAndTells(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	s, err := f.eng.Capture(f.ctx, "scribe", g, "\x1b[2Jshared\u202e records\r", []string{"Systems"}, "GP")
	if err != nil {
		t.Fatal(err)
	}
	if s.Record.Text != "shared records" || s.Notice == "" {
		t.Fatalf("stored %q, notice %q", s.Record.Text, s.Notice)
	}
	v := f.table(g)
	if len(v.Notes) != 1 || v.Notes[0].Text != "shared records" || v.Notes[0].Tags[0] != "systems" || v.Notes[0].StageKey != "open" {
		t.Fatalf("stored notes: %+v", v.Notes)
	}
	for _, bad := range []string{"", "   ", strings.Repeat("x", 2001)} {
		if _, err := f.eng.Capture(f.ctx, "scribe", g, bad, nil, ""); err == nil {
			t.Errorf("Capture(%.20q…) accepted", bad)
		}
	}
	if len(f.table(g).Notes) != 1 {
		t.Fatal("a refused note was stored")
	}
}

func TestEditDeleteRestoreKeepHistory(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	n := f.capture(g, "first wording")
	if _, err := f.eng.EditNote(f.ctx, "scribe", n.ID, "second wording"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.DeleteNote(f.ctx, "scribe", n.ID); err != nil {
		t.Fatal(err)
	}
	if len(f.table(g).Notes) != 0 {
		t.Fatal("deleted note still shown")
	}
	if err := f.eng.RestoreNote(f.ctx, "scribe", n.ID); err != nil {
		t.Fatal(err)
	}
	v := f.table(g)
	if len(v.Notes) != 1 || v.Notes[0].Text != "second wording" {
		t.Fatalf("after restore: %+v", v.Notes)
	}
	revs, err := f.eng.store.Revisions(f.ctx, n.ID)
	if err != nil || len(revs) == 0 || revs[0].Text != "first wording" {
		t.Fatalf("revisions %+v, %v", revs, err)
	}
	audit, err := f.eng.store.Audit(f.ctx, n.ID)
	if err != nil || len(audit) < 4 || audit[0].Actor != "scribe" {
		t.Fatalf("audit %+v, %v", audit, err)
	}
}

func TestStageFlowAndTimer(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	if _, _, err := f.eng.MoveStage(f.ctx, "fac", g, -1); err == nil {
		t.Fatal("moved before the first stage")
	}
	f.now = f.now.Add(time.Minute)
	s, _, err := f.eng.MoveStage(f.ctx, "fac", g, 1)
	if err != nil || s.Key != "vision" {
		t.Fatalf("next = %v, %v", s.Key, err)
	}
	v := f.table(g)
	if !v.Group.StageStartedAt.Equal(f.now) {
		t.Errorf("stage clock started at %v, want %v", v.Group.StageStartedAt, f.now)
	}
	if left := model.TimeLeft(v.Stage, v.Group.StageStartedAt, f.now.Add(5*time.Minute)); left != 10*time.Minute {
		t.Errorf("time left %v", left)
	}
	f.goTo(g, "key-messages")
	if _, _, err := f.eng.MoveStage(f.ctx, "fac", g, 1); err == nil {
		t.Fatal("moved past the last stage")
	}
}

func TestRolesAndVision(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	if _, err := f.eng.SetRoles(f.ctx, "fac", g, Roles{Participants: 0}); err == nil {
		t.Fatal("0 participants accepted")
	}
	if _, err := f.eng.SetRoles(f.ctx, "fac", g, Roles{Facilitator: "Ann", Scribe: "Bo", Reporter: "Cy", Participants: 7}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.SetVision(f.ctx, "fac", g, "Care that is *joined up*"); err != nil {
		t.Fatal(err)
	}
	v := f.table(g)
	if v.Group.Facilitator != "Ann" || v.Group.Participants != 7 || v.Group.Vision != "Care that is *joined up*" {
		t.Fatalf("group %+v", v.Group)
	}
}

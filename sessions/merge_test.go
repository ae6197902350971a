package sessions

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"forum/model"
)

// laptop opens a new database file and imports data into it.
func laptop(t *testing.T, data []byte, now time.Time) *fixture {
	t.Helper()
	f := newFixture(t)
	f.now = now
	if len(data) > 0 {
		if _, err := f.eng.ImportJSON(f.ctx, "test", data, false); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func export(t *testing.T, f *fixture, id model.ID) []byte {
	t.Helper()
	b, err := f.eng.ExportJSON(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mergeAll(t *testing.T, f *fixture, id model.ID, files ...[]byte) MergeReport {
	t.Helper()
	var srcs []MergeSource
	for i, b := range files {
		x, err := ParseExchange(b)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, MergeSource{Name: string(rune('A' + i)), Snap: snapshotOf(x)})
	}
	rep, err := f.eng.Merge(f.ctx, "test", id, srcs)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestExchangeRoundTripKeepsHistory(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	n := f.capture(v.Group.ID, "first wording")
	if _, err := f.eng.EditNote(f.ctx, "test", n.ID, "second wording"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.DeleteNote(f.ctx, "test", n.ID); err != nil {
		t.Fatal(err)
	}
	out := export(t, f, v.Group.EventID)
	if bytes.Contains(out, []byte(`"EventID"`)) || !bytes.Contains(out, []byte(`"table_id"`)) || !bytes.Contains(out, []byte(`"note_revisions"`)) {
		t.Fatalf("export keys are not snake_case or revisions are missing")
	}
	g := laptop(t, out, f.now)
	again := export(t, g, v.Group.EventID)
	if !bytes.Equal(out, again) {
		t.Fatalf("import then export changed the bytes")
	}
	revs, err := g.eng.store.Revisions(g.ctx, n.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions after import = %d (%v), want 2", len(revs), err)
	}
}

func TestVersion1FileStillImports(t *testing.T) {
	data, err := os.ReadFile("testdata/v1-demo.json")
	if err != nil {
		t.Fatal(err)
	}
	f := laptop(t, nil, time.Now())
	id, err := f.eng.ImportJSON(f.ctx, "test", data, false)
	if err != nil {
		t.Fatal(err)
	}
	out := export(t, f, id)
	v1, _ := ParseExchange(data)
	v2, err := ParseExchange(out)
	if err != nil || len(v2.Contributions) != len(v1.Contributions) || len(v2.Votes) != len(v1.Votes) || v2.Event.Title != v1.Event.Title {
		t.Fatalf("v1 import lost records: %v", err)
	}
}

func TestMergeTwoLaptopsAnyOrder(t *testing.T) {
	org := newFixture(t)
	v := org.london()
	ev := v.Group.EventID
	shared := org.capture(v.Group.ID, "shared note")
	pack := export(t, org, ev)

	a := laptop(t, pack, org.now.Add(time.Minute))
	b := laptop(t, pack, org.now.Add(2*time.Minute))
	a.capture(v.Group.ID, "from laptop A")
	b.capture(v.Group.ID, "from laptop B")
	if _, err := a.eng.EditNote(a.ctx, "test", shared.ID, "A's wording"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.eng.EditNote(b.ctx, "test", shared.ID, "B's wording"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.eng.MoveStage(b.ctx, "test", v.Group.ID, 1); err != nil {
		t.Fatal(err)
	}
	gone := a.capture(v.Group.ID, "deleted on A")
	if _, err := a.eng.DeleteNote(a.ctx, "test", gone.ID); err != nil {
		t.Fatal(err)
	}
	ea, eb := export(t, a, ev), export(t, b, ev)

	one := laptop(t, pack, org.now)
	rep := mergeAll(t, one, ev, ea, eb)
	two := laptop(t, pack, org.now)
	mergeAll(t, two, ev, eb, ea)
	x1, x2 := export(t, one, ev), export(t, two, ev)
	if !bytes.Equal(x1, x2) {
		t.Fatalf("A then B and B then A give different exports")
	}
	t.Log(strings.Join(rep.Lines, "\n"))
	if !strings.Contains(strings.Join(rep.Lines, "\n"), "conflict: ") {
		t.Fatalf("the note edited on both laptops is not reported:\n%s", strings.Join(rep.Lines, "\n"))
	}
	x, _ := ParseExchange(x1)
	texts := map[string]bool{}
	for _, c := range x.Contributions {
		texts[c.Text] = true
	}
	for _, r := range x.Revisions {
		texts[r.Text] = true
	}
	for _, want := range []string{"from laptop A", "from laptop B", "A's wording", "B's wording", "shared note"} {
		if !texts[want] {
			t.Errorf("%q lost in the merge", want)
		}
	}
	audit, err := one.eng.store.Audit(one.ctx, ev)
	if err != nil || len(audit) == 0 || audit[len(audit)-1].Action != "merge" {
		t.Fatalf("the merge left no entry of its own in the audit log: %v", err)
	}
	if bytes.Contains(x1, []byte(`"audit`)) {
		t.Fatal("the export holds the audit log")
	}
	again := mergeAll(t, one, ev, ea, eb)
	if again.Changed || !bytes.Equal(export(t, one, ev), x1) {
		t.Fatalf("merging the same files again changed the event")
	}
}

func TestMergeRefusesAnotherEvent(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := newFixture(t)
	w := g.london()
	path := t.TempDir() + "/other.json"
	os.WriteFile(path, export(t, g, w.Group.EventID), 0o600)
	if _, err := ReadMergeSource(context.Background(), path, v.Group.EventID); err == nil || !strings.Contains(err.Error(), "another event") {
		t.Fatalf("another event's file: %v", err)
	}
}

func TestMergeBallotsNeverCountedTwice(t *testing.T) {
	org := newFixture(t)
	v := org.london()
	ev, g := v.Group.EventID, v.Group.ID
	org.goTo(g, "priorities")
	item := org.capture(g, "more GPs").ID
	pack := export(t, org, ev)
	a := laptop(t, pack, org.now.Add(time.Minute))
	b := laptop(t, pack, org.now.Add(2*time.Minute))
	for _, f := range []*fixture{a, b} {
		if err := f.eng.CastDots(f.ctx, "test", g, "P1", map[model.ID]int{item: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.eng.CastDots(b.ctx, "test", g, "P2", map[model.ID]int{item: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.eng.CloseVote(a.ctx, "test", g, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	ea, eb := export(t, a, ev), export(t, b, ev)
	target := laptop(t, pack, org.now)
	rep := strings.Join(mergeAll(t, target, ev, ea, eb).Lines, "\n")
	if !strings.Contains(rep, "not counted: ") || !strings.Contains(rep, "voter P2") {
		t.Fatalf("B's ballot for the round A closed is not reported:\n%s", rep)
	}
	x, _ := ParseExchange(export(t, target, ev))
	dots := 0
	for _, vt := range x.Votes {
		dots += vt.Value
	}
	if dots != 1 {
		t.Fatalf("after the merge %d dots count, want 1 (A's P1 in the closed round)", dots)
	}
	other := laptop(t, pack, org.now)
	mergeAll(t, other, ev, eb, ea)
	if !bytes.Equal(export(t, other, ev), export(t, target, ev)) {
		t.Fatal("the order of the files changed the votes")
	}
}

func TestNotesSavedDuringAMergeStay(t *testing.T) {
	org := newFixture(t)
	v := org.london()
	ev, g := v.Group.EventID, v.Group.ID
	pack := export(t, org, ev)
	lap := laptop(t, pack, org.now)
	for i := range 20 {
		lap.capture(g, fmt.Sprintf("laptop note %d", i))
	}
	x, _ := ParseExchange(export(t, lap, ev))
	done := make(chan error)
	go func() {
		for i := range 30 {
			if _, err := org.eng.Capture(org.ctx, "seat", g, fmt.Sprintf("seat note %d", i), nil, ""); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 5 {
		if _, err := org.eng.Merge(org.ctx, "test", ev, []MergeSource{{Name: "lap", Snap: snapshotOf(x)}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := len(org.table(g).Notes); n != 50 {
		t.Fatalf("%d notes after merging while a seat typed, want 50", n)
	}
}

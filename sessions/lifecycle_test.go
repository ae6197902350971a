package sessions

import (
	"strings"
	"testing"
)

func TestDuplicateRenameArchiveDelete(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.capture(g, "captured content stays behind")
	if _, err := f.eng.SetRoles(f.ctx, "t", g, Roles{Facilitator: "Ann", Participants: 9}); err != nil {
		t.Fatal(err)
	}
	f.goTo(g, "vision")

	copyID, err := f.eng.DuplicateEvent(f.ctx, "organiser", v.Event.ID, NewEvent{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, copyID)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Event.Date != "2019-01-25" || snap.Event.Title != v.Event.Title || len(snap.Areas) != 5 || len(snap.Groups) != 5 {
		t.Fatalf("copy: %s %q, %d areas, %d tables", snap.Event.Date, snap.Event.Title, len(snap.Areas), len(snap.Groups))
	}
	if len(snap.Contributions) != 0 || snap.Groups[0].Facilitator != "" || snap.Groups[0].Participants != 9 || snap.Groups[0].StageKey != "open" {
		t.Fatalf("the copy carries captured content: %+v", snap.Groups[0])
	}
	if structure(t, f, copyID)[0:20] != structure(t, f, v.Event.ID)[0:20] {
		t.Error("the copy's structure differs")
	}

	if _, err := f.eng.RenameEvent(f.ctx, "organiser", copyID, "  "); err == nil {
		t.Fatal("an empty title was accepted")
	}
	if _, err := f.eng.RenameEvent(f.ctx, "organiser", copyID, "London GP forum 2019"); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.ArchiveEvent(f.ctx, "organiser", v.Event.ID, true); err != nil {
		t.Fatal(err)
	}
	evs, _ := f.eng.Events(f.ctx)
	if len(evs) != 2 || evs[0].Title != "London GP forum 2019" || !evs[1].Archived {
		t.Fatalf("events after archiving: %+v", evs)
	}

	if err := f.eng.DeleteEvent(f.ctx, "organiser", copyID); err != nil {
		t.Fatal(err)
	}
	evs, _ = f.eng.Events(f.ctx)
	if len(evs) != 1 || evs[0].ID != v.Event.ID {
		t.Fatalf("a deleted event is still listed: %+v", evs)
	}
	if latest, _ := f.eng.LatestEventID(f.ctx); latest == copyID {
		t.Fatal("a deleted event is the latest")
	}
	if _, err := f.eng.Snapshot(f.ctx, copyID); err != nil {
		t.Fatalf("a deleted event must stay recoverable: %v", err)
	}
	audit, err := f.eng.store.Audit(f.ctx, copyID)
	if err != nil || audit[len(audit)-1].Action != "delete" || audit[len(audit)-1].Actor != "organiser" {
		t.Fatalf("deletion not in the audit log: %+v", audit)
	}
	if err := f.eng.DeleteEvent(f.ctx, "organiser", copyID); err == nil || !strings.Contains(err.Error(), "already deleted") {
		t.Fatalf("deleting twice: %v", err)
	}
}

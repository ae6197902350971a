package sessions

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"

	"forum/storage"
)

// TestReportDataIsSnapshotAndDigest checks the one read a report makes:
// its part of the complete snapshot is what Snapshot reads, removed areas
// and tables, deleted notes and the event's own messages included, and
// its digest is the SHA-256 of the JSON export as before.
func TestReportDataIsSnapshotAndDigest(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.eng.Board(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		snap, digest, err := f.eng.ReportData(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want, err := f.eng.store.Snapshot(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(snap, want) {
			t.Fatalf("%s: the report's part of the complete snapshot differs from Snapshot", step)
		}
		data, err := f.eng.ExportJSON(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if w := "sha256:" + hex.EncodeToString(sum[:8]); digest != w {
			t.Fatalf("%s: digest %s, the export's %s", step, digest, w)
		}
	}
	check("demo")
	v := f.table(b.Groups[0].ID)
	if _, err := f.eng.DeleteNote(f.ctx, "o", v.Notes[0].ID); err != nil {
		t.Fatal(err)
	}
	check("a note deleted")
	if err := f.eng.RemoveTable(f.ctx, "o", b.Groups[1].ID); err != nil {
		t.Fatal(err)
	}
	check("a table removed")
	if err := f.eng.RemoveArea(f.ctx, "o", b.Areas[len(b.Areas)-1].ID); err != nil {
		t.Fatal(err)
	}
	check("an area removed")
}

// TestReportDataFollowsEveryCommit: kept report data is never used after
// a commit, by this process or another (at once, not at the next poll).
func TestReportDataFollowsEveryCommit(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	_, before, err := f.eng.ReportData(f.ctx, v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, again, _ := f.eng.ReportData(f.ctx, v.Event.ID); again != before {
		t.Fatalf("no commit, yet the digest went from %s to %s", before, again)
	}
	f.capture(v.Group.ID, "Shared records across the practices")
	snap, mine, err := f.eng.ReportData(f.ctx, v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if mine == before || len(snap.Contributions) != 1 {
		t.Fatalf("after a note: digest %s (before %s), %d notes", mine, before, len(snap.Contributions))
	}
	other, err := storage.Open(context.Background(), f.eng.Path(), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := New(other).Capture(f.ctx, "second", v.Group.ID, "A note from another process", nil, ""); err != nil {
		t.Fatal(err)
	}
	// At once, not after the change watch's next poll: a report made just
	// after another process's commit states that commit's data.
	snap, d, err := f.eng.ReportData(f.ctx, v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d == mine || len(snap.Contributions) != 2 {
		t.Fatalf("right after another process's note: digest %s (before %s), %d notes, want 2", d, mine, len(snap.Contributions))
	}
}

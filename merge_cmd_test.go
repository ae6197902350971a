package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"forum/sessions"
	"forum/storage"
)

// captureOn saves a note at the event's first table in the database file.
func captureOn(t *testing.T, db, text string) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	eng := sessions.New(s)
	id, err := eng.LatestEventID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := eng.Board(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Capture(ctx, "test", b.Groups[0].ID, text, nil, ""); err != nil {
		t.Fatal(err)
	}
}

func TestExportImportCaptureOnBothMerge(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "organiser.db"), filepath.Join(dir, "table.db")
	pack := filepath.Join(dir, "event.json")
	if _, e, c := forum(t, nil, "--db", a, "new", "--title", "Merge day"); c != 0 {
		t.Fatal(e)
	}
	if _, e, c := forum(t, nil, "--db", a, "export", "--format", "json", "-o", pack); c != 0 {
		t.Fatal(e)
	}
	if _, e, c := forum(t, nil, "--db", b, "import", pack); c != 0 {
		t.Fatal(e)
	}
	captureOn(t, a, "said at the organiser's laptop")
	captureOn(t, b, "said at the table's laptop")
	out, e, c := forum(t, nil, "--db", a, "merge", b)
	if c != 0 || !strings.Contains(out, "1 added") {
		t.Fatalf("merge: code %d, out %q, err %q", c, out, e)
	}
	first, e, c := forum(t, nil, "--db", a, "export", "--format", "json")
	if c != 0 || !strings.Contains(first, "said at the table's laptop") || !strings.Contains(first, "said at the organiser's laptop") {
		t.Fatalf("after the merge the export lacks a note: %s", e)
	}
	out, _, c = forum(t, nil, "--db", a, "merge", b)
	if c != 0 || !strings.Contains(out, "Nothing changed") {
		t.Fatalf("second merge: %q", out)
	}
	if again, _, _ := forum(t, nil, "--db", a, "export", "--format", "json"); again != first {
		t.Fatal("merging the same file again changed the export")
	}

	other := filepath.Join(dir, "other.db")
	forum(t, nil, "--db", other, "new", "--title", "Another forum")
	otherJSON := filepath.Join(dir, "other.json")
	forum(t, nil, "--db", other, "export", "--format", "json", "-o", otherJSON)
	for _, bad := range []string{otherJSON, other, filepath.Join(dir, "missing.json")} {
		_, e, c := forum(t, nil, "--db", a, "merge", bad)
		if c == 0 || !strings.Contains(e, "nothing was merged") {
			t.Errorf("merge %s: code %d, err %q", filepath.Base(bad), c, e)
		}
	}
	os.WriteFile(filepath.Join(dir, "cut.json"), []byte(first[:len(first)/2]), 0o600)
	if _, e, c := forum(t, nil, "--db", a, "merge", filepath.Join(dir, "cut.json")); c == 0 || !strings.Contains(e, "not a forum JSON export") {
		t.Errorf("a truncated file: %q", e)
	}
	if now, _, _ := forum(t, nil, "--db", a, "export", "--format", "json"); now != first {
		t.Error("a refused merge changed the event")
	}
}

func TestPackCaptureMergeBack(t *testing.T) {
	dir := t.TempDir()
	org, pack := filepath.Join(dir, "organiser.db"), filepath.Join(dir, "table1.db")
	forum(t, nil, "--db", org, "new", "--title", "Pack day")
	if out, e, c := forum(t, nil, "--db", org, "pack", "--table", "1", "-o", pack); c != 0 || !strings.Contains(out, "wrote") {
		t.Fatalf("pack: %q %q", out, e)
	}
	if _, e, c := forum(t, nil, "--db", org, "pack", "--table", "99", "-o", filepath.Join(dir, "x.db")); c == 0 || !strings.Contains(e, "no Table 99") {
		t.Fatalf("a pack for a table that is not there: %q", e)
	}
	captureOn(t, pack, "captured on the table's laptop")
	if _, e, c := forum(t, nil, "--db", pack, "new", "--title", "Another"); c == 0 || !strings.Contains(e, "table's pack") {
		t.Fatalf("a pack made a new event: %q", e)
	}
	out, e, c := forum(t, nil, "--db", org, "merge", pack)
	if c != 0 || !strings.Contains(out, "Table 1: 1 added") {
		t.Fatalf("merge: %q %q", out, e)
	}
	if x, _, _ := forum(t, nil, "--db", org, "export", "--format", "json"); !strings.Contains(x, "captured on the table's laptop") {
		t.Fatal("the pack's note is not in the organiser's event")
	}
}

func TestMergeReadsAnOlderDatabaseWithoutChangingIt(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	orig, err := os.ReadFile("testdata/schema10.db") // made by the forum before schema 12
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(old, orig, 0o600)
	db := filepath.Join(dir, "forum.db")
	if _, e, c := forum(t, nil, "--db", db, "import", "testdata/schema10.json"); c != 0 {
		t.Fatal(e)
	}
	captureOn(t, db, "said after the upgrade")
	out, e, c := forum(t, nil, "--db", db, "merge", old)
	if c != 0 || !strings.Contains(out, "Nothing changed") {
		t.Fatalf("merge of the older file: %q %q", out, e)
	}
	if now, _ := os.ReadFile(old); !bytes.Equal(now, orig) {
		t.Fatal("the merge changed the older database file")
	}
	if _, err := os.Stat(old + "-wal"); err == nil {
		t.Fatal("the merge left a -wal file beside the source")
	}
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xee}, 4000)...), 0o600)
	if _, e, c := forum(t, nil, "--db", db, "merge", bad); c == 0 || !strings.Contains(e, "nothing was merged") {
		t.Fatalf("a damaged database: %q", e)
	} else {
		t.Log(e)
	}
}

package storage

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// A database written by the first version of forum (schema 1) is upgraded
// in place, keeping its data.
func TestMigratesAnOlderDatabaseKeepingItsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := migrations.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{string(v1), "PRAGMA user_version = 1", fmt.Sprintf("PRAGMA application_id = %d", appID),
		`INSERT INTO events(id, title, date, created_at, updated_at) VALUES ('0190c3e4-0000-7000-8000-000000000001', 'Old forum', '2018-01-25', '2018-01-25T09:00:00Z', '2018-01-25T09:00:00Z')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	s := openT(t, path)
	var version int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion {
		t.Fatalf("schema after upgrade = %d (%v), want %d", version, err, SchemaVersion)
	}
	ev, err := s.Event(ctx, "0190c3e4-0000-7000-8000-000000000001")
	if err != nil || ev.Title != "Old forum" || ev.ProgrammeAt != -1 || ev.Paper != "A4" {
		t.Fatalf("event after upgrade: %+v, %v", ev, err)
	}
}

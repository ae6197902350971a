package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tampered opens a seeded database, runs the tampering SQL on it and
// returns what VerifyAudit says.
func tampered(t *testing.T, sql string) AuditCheck {
	t.Helper()
	s := openT(t, filepath.Join(t.TempDir(), "forum.db"))
	seed(t, s)
	if c, err := s.VerifyAudit(ctx); err != nil || !c.OK() || c.Entries != 4 || c.Head == "" || c.HeadSeq != 4 {
		t.Fatalf("an untouched log: %+v %v", c, err)
	}
	if sql != "" {
		if _, err := s.w.Exec(sql); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestVerifyCatchesARewrittenRemovedOrUnguardedLog(t *testing.T) {
	for _, c := range []struct{ name, sql, want string }{
		{"a rewritten row", `DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone else' WHERE seq = 2;
			CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
			"entry 2: does not match its hash"},
		{"a removed row", `DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 3;
			CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
			"entry 3: is missing"},
		{"the last row removed", `DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 4;
			CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
			"entry 4: is missing"},
		{"a dropped guard", `DROP TRIGGER audit_no_update`, "guard audit_no_update was removed"},
		{"a row written around the chain", `DROP TRIGGER audit_chained; INSERT INTO audit(at, actor, action, entity, entity_id) VALUES ('2026-01-01', 'x', 'create', 'note', 'n')`,
			"entry 5: has no link"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := tampered(t, c.sql)
			if got.OK() || !strings.Contains(got.Problem, c.want) {
				t.Fatalf("verify after %s: %+v (want %q)", c.name, got, c.want)
			}
		})
	}
}

// TestEntriesFromBeforeTheChainAreSealed: a database upgraded with audit
// entries of its own gets them sealed by the first link, so that a change
// to one of them is caught too.
func TestEntriesFromBeforeTheChainAreSealed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	s := openT(t, path)
	if _, err := s.w.Exec(`DROP TRIGGER audit_chained;
		INSERT INTO audit(at, actor, action, entity, entity_id) VALUES ('2025-01-01T10:00:00Z', 'old', 'create', 'event', 'e1'), ('2025-01-01T10:01:00Z', 'old', 'create', 'area', 'a1');
		CREATE TRIGGER audit_chained BEFORE INSERT ON audit WHEN NEW.hash = '' BEGIN SELECT RAISE(ABORT, 'an audit entry needs its link in the chain'); END;`); err != nil {
		t.Fatal(err)
	}
	seed(t, s)
	c, err := s.VerifyAudit(ctx)
	if err != nil || !c.OK() || c.Sealed != 2 || c.Entries != 6 {
		t.Fatalf("an upgraded log: %+v %v", c, err)
	}
	entries, _ := s.Audit(ctx, "")
	if !strings.HasPrefix(entries[2].Prev, "seal:") {
		t.Fatalf("the first link does not seal the entries before it: %+v", entries[2])
	}
	s.w.Exec(`DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'forged' WHERE seq = 1;
		CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`)
	if c, _ := s.VerifyAudit(ctx); c.OK() || !strings.Contains(c.Problem, "one of the first 2 entries") {
		t.Fatalf("a change to a sealed entry: %+v", c)
	}
}

// TestVerifyFindsAZeroedPage: a page of the file zeroed behind forum's back
// (a failing disk) is reported by VerifyAudit's integrity check, or the
// read fails with the damaged-file sentence.
func TestVerifyFindsAZeroedPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forum.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 30 {
		seed(t, s)
	}
	if _, err := s.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	var pages int
	s.w.QueryRow(`PRAGMA page_count`).Scan(&pages)
	s.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0) // the store is closed: nothing of SQLite's holds the file
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(make([]byte, 4096), int64(pages-2)*4096)
	f.Close()
	s = openT(t, path)
	c, err := s.VerifyAudit(ctx)
	if err == nil && (c.OK() || c.Integrity == "ok") {
		t.Fatalf("a zeroed page (%d of %d) went unnoticed: %+v", pages-1, pages, c)
	}
	if err != nil && !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("a zeroed page: %v", err)
	}
}

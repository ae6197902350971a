package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var digestRE = regexp.MustCompile(`sha256:[0-9a-f]{16}`)

// TestAuditVerifyExportAndTheReportsDigest runs the real binary: a demo
// verifies, its report states the digest verify prints (and an import of
// its JSON into another database gives the same), the log exports as CSV
// and JSON, and a row rewritten behind forum's back is named.
func TestAuditVerifyExportAndTheReportsDigest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	out, errs, code := forum(t, nil, "--db", db, "audit", "verify")
	if code != 0 || !strings.Contains(out, "the chain holds") || !strings.Contains(out, "integrity check found nothing") {
		t.Fatalf("verify of an untouched database: %d %q %q", code, out, errs)
	}
	digest := digestRE.FindString(out)
	md, _, _ := forum(t, nil, "--db", db, "export")
	if digest == "" || !strings.Contains(md, "Data as of:") || !strings.Contains(md, digest) {
		t.Fatalf("the report does not state the digest %q verify printed", digest)
	}
	json1 := filepath.Join(dir, "event.json")
	forum(t, nil, "--db", db, "export", "--format", "json", "-o", json1)
	other := filepath.Join(dir, "copy.db")
	forum(t, nil, "--db", other, "import", json1)
	if out, _, _ := forum(t, nil, "--db", other, "audit", "verify"); !strings.Contains(out, digest) {
		t.Fatalf("a copy of the event has another digest:\n%s", out)
	}

	csvOut, _, code := forum(t, nil, "--db", db, "audit", "export", "--format", "csv")
	if code != 0 || !strings.HasPrefix(csvOut, "seq,at,actor,action,entity,entity_id,detail,prev,hash\n") || strings.Count(csvOut, "\n") < 10 {
		t.Fatalf("audit export csv: %d %.200q", code, csvOut)
	}
	jsonPath := filepath.Join(dir, "audit.json")
	if _, errs, code := forum(t, nil, "--db", db, "audit", "export", "--format", "json", "-o", jsonPath); code != 0 {
		t.Fatalf("audit export json: %d %s", code, errs)
	}
	var entries []map[string]any
	b, _ := os.ReadFile(jsonPath)
	if err := json.Unmarshal(b, &entries); err != nil || len(entries) < 10 || entries[1]["prev"] != entries[0]["hash"] {
		t.Fatalf("audit export json: %v, %d entries", err, len(entries))
	}

	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{"text":"forged"}' WHERE seq = 7`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, _, code = forum(t, nil, "--db", db, "audit", "verify")
	if code != 1 || !strings.Contains(out, "TAMPERED") || !strings.Contains(out, "entry 7") {
		t.Fatalf("verify after a rewritten row: %d\n%s", code, out)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryFormatFromTheCLIAndJSONRoundTrip runs the real binary: demo,
// then each format to a file, then the JSON into a fresh database and out
// again.
func TestEveryFormatFromTheCLIAndJSONRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "forum.db")
	id, errs, code := forum(t, nil, "--db", db, "demo")
	if code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	id = strings.TrimSpace(id)
	for _, c := range []struct{ format, out, want string }{
		{"md", "r.md", "# Illustrative demo"},
		{"html", "r.html", "<!DOCTYPE html>"},
		{"docx", "r.docx", "PK"},
		{"pdf", "r.pdf", "%PDF-"},
		{"json", "r.json", `"format": "forum-event"`},
		{"csv", "r.zip", "PK"},
	} {
		path := filepath.Join(dir, c.out)
		_, errs, code := forum(t, nil, "--db", db, "export", "--format", c.format, "-o", path)
		if code != 0 || !strings.Contains(errs, "wrote "+path) {
			t.Fatalf("%s: %d %q", c.format, code, errs)
		}
		b, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(bytes.TrimPrefix(b, []byte("\ufeff")), []byte(c.want)) && !bytes.Contains(b, []byte(c.want)) {
			t.Errorf("%s: the file does not look right (%v): %.80q", c.format, err, b)
		}
	}
	_, errs, code = forum(t, nil, "--db", db, "export", "--format", "csv", "--area", "NCL", "-o", filepath.Join(dir, "ncl"))
	if code != 0 {
		t.Fatalf("csv folder: %d %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "ncl", "contributions.csv")); !bytes.Contains(b, []byte("NCL/T1/1")) || bytes.Contains(b, []byte("SEL/")) {
		t.Errorf("the NCL contributions.csv is not NCL's alone")
	}

	other := filepath.Join(dir, "other.db")
	out, errs, code := forum(t, nil, "--db", other, "import", filepath.Join(dir, "r.json"))
	if code != 0 || strings.TrimSpace(out) != id {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	_, errs, code = forum(t, nil, "--db", other, "import", filepath.Join(dir, "r.json"))
	if code != 1 || !strings.Contains(errs, "--replace") {
		t.Errorf("a second import: %d %q", code, errs)
	}
	_, _, code = forum(t, nil, "--db", other, "export", "--format", "json", "--event", id, "-o", filepath.Join(dir, "again.json"))
	a, _ := os.ReadFile(filepath.Join(dir, "r.json"))
	b, _ := os.ReadFile(filepath.Join(dir, "again.json"))
	if code != 0 || !bytes.Equal(a, b) {
		t.Error("JSON export → import → export is not byte-identical")
	}

	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format": "forum-event", "version": 1,`), 0o644)
	_, errs, code = forum(t, nil, "--db", filepath.Join(dir, "third.db"), "import", bad)
	if code != 1 || !strings.Contains(errs, "bad.json: not a forum JSON export") || !strings.Contains(errs, "nothing was imported") {
		t.Errorf("a broken file: %d %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "third.db")); err == nil {
		t.Error("a refused import created a database")
	}
	_, errs, code = forum(t, nil, "--db", db, "export", "--format", "html", "-o", filepath.Join(dir, "no-such-folder", "r.html"))
	if code != 1 || !strings.Contains(errs, "cannot write in") {
		t.Errorf("an unwritable path: %d %q", code, errs)
	}
}

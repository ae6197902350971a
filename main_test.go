package main

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

var bin string

// TestMain builds the real forum binary once; the tests run it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "forum-bin-")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "forum")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// forum runs the binary with args and an isolated environment.
func forum(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// demoServer skips in -short runs (it starts an SSH server), else writes
// the demo event into a new database and gives its folder and path.
func demoServer(t *testing.T) (dir, db string) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts an SSH server")
	}
	dir = t.TempDir()
	db = filepath.Join(dir, "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatal(errs)
	}
	return dir, db
}

var uuidRe = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\n$`)

func TestDemoThenExportNamesAllFiveSTPs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	out, errs, code := forum(t, nil, "--db", db, "demo")
	if code != 0 || !uuidRe.MatchString(out) {
		t.Fatalf("demo: code %d, out %q, err %q", code, out, errs)
	}
	md, errs, code := forum(t, []string{"FORUM_DB=" + db}, "export", "--format", "md")
	if code != 0 {
		t.Fatalf("export: code %d, %s", code, errs)
	}
	for _, want := range []string{"Illustrative demo", "North Central London", "North East London", "North West London", "South East London", "South West London", "## Key messages", "| Rank | Priority | Dots |"} {
		if !strings.Contains(md, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	again, _, _ := forum(t, nil, "--db", db, "export", "--event", strings.TrimSpace(out))
	if again != md {
		t.Error("exporting the same event twice gave different bytes")
	}
	file := filepath.Join(t.TempDir(), "summary.md")
	_, errs, code = forum(t, nil, "--db", db, "export", "--format", "md", "-o", file)
	written, err := os.ReadFile(file)
	if code != 0 || err != nil || string(written) != md || !strings.Contains(errs, file) {
		t.Fatalf("export -o: code %d, err %v, stderr %q", code, err, errs)
	}
}

func TestRefusesAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	content := []byte(strings.Repeat("Minutes of the meeting. Not a database.\n", 200))
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--db", path, "demo"}, {"--db", path, "export"}} {
		_, errs, code := forum(t, nil, args...)
		if code == 0 || !strings.Contains(errs, "not") || !strings.Contains(errs, path) {
			t.Errorf("%v: code %d, stderr %q; want a refusal naming the file", args, code, errs)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, content) {
		t.Fatal("the file was changed")
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s left beside the file", suffix)
		}
	}
}

func TestRefusesADatabaseFromANewerVersion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatal(errs)
	}
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(db)
	_, errs, code := forum(t, nil, "--db", db, "export")
	if code == 0 || !strings.Contains(errs, "newer version of forum") {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the newer database was changed")
	}
}

func TestHelpVersionAndBadUsage(t *testing.T) {
	out, _, code := forum(t, nil, "--help")
	for _, want := range []string{"export", "serve", "passcode", "seat-key", "templates", "FORUM_DB", "--db", "--plain", "FORUM_PLAIN=1", "+plain"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("--help: code %d, lacks %q:\n%s", code, want, out)
		}
	}
	out, _, code = forum(t, nil, "export", "--help")
	for _, want := range []string{"--format", "--event", "--area", "--table", "-o --output", "--db", "docx", "pdf"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("export --help: code %d, lacks %q", code, want)
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		out, _, code = forum(t, nil, args...)
		if code != 0 || out != "forum "+version+"\n" {
			t.Errorf("%v: %d %q", args, code, out)
		}
	}
	_, errs, code := forum(t, nil, "frobnicate")
	if code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) || !strings.Contains(errs, "--help") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	db := filepath.Join(t.TempDir(), "forum.db")
	_, errs, code = forum(t, nil, "--db", db, "export")
	if code != 1 || !strings.Contains(errs, "forum demo") {
		t.Errorf("export of an empty database should say how to start: %d %q", code, errs)
	}
	_, errs, code = forum(t, nil, "--db", db, "export", "--format", "rtf")
	if code != 1 || !strings.Contains(errs, "choose one of md, html, pdf, docx, csv, json") {
		t.Errorf("bad format: %d %q", code, errs)
	}
	_, errs, code = forum(t, nil, "--db", db, "export", "--event", "x; DROP TABLE")
	if code != 1 || !strings.Contains(errs, "is not an id") {
		t.Errorf("bad event id: %d %q", code, errs)
	}
}

func TestTemplatesShowThenNewFromTheFile(t *testing.T) {
	out, _, code := forum(t, nil, "templates")
	if code != 0 || !strings.Contains(out, "london-gp-2018") {
		t.Fatalf("templates: %d %q", code, out)
	}
	toml, _, code := forum(t, nil, "templates", "show", "london-gp-2018")
	if code != 0 || !strings.Contains(toml, `code = "NCL"`) {
		t.Fatalf("templates show: %d", code)
	}
	dir := t.TempDir()
	file, db := filepath.Join(dir, "t.toml"), filepath.Join(dir, "forum.db")
	if err := os.WriteFile(file, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	id, errs, code := forum(t, nil, "--db", db, "new", "--template", file, "--title", "Our 2026 forum", "--date", "2026-03-12", "--tables", "2")
	if code != 0 || !uuidRe.MatchString(id) {
		t.Fatalf("new: %d %q %q", code, id, errs)
	}
	list, _, _ := forum(t, nil, "--db", db, "list")
	if !strings.Contains(list, strings.TrimSpace(id)) || !strings.Contains(list, "2026-03-12") || !strings.Contains(list, "Our 2026 forum") || !strings.Contains(list, "  10  ") {
		t.Fatalf("list does not show the new event with 10 tables:\n%s", list)
	}
	broken := strings.Replace(toml, `activity = "vision"`, `activity = "visioning"`, 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code = forum(t, nil, "--db", db, "new", "--template", file)
	if code != 1 || !strings.Contains(errs, "t.toml") || !strings.Contains(errs, `unknown activity "visioning"`) {
		t.Fatalf("broken template: %d %q", code, errs)
	}
	if after, _, _ := forum(t, nil, "--db", db, "list"); after != list {
		t.Fatal("a broken template changed the event list")
	}
}

// TestDemoLargeTakesATableCount: --tables sizes the large demo (the same
// notes at every table), and a count it cannot make is refused, saving
// nothing.
func TestDemoLargeTakesATableCount(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo", "--tables", "7"); code == 0 || !strings.Contains(errs, "multiple of 5") {
		t.Fatalf("--tables 7 without --large: code %d, %q", code, errs)
	}
	if _, errs, _ := forum(t, nil, "--db", db, "list"); !strings.Contains(errs, "No events yet") {
		t.Fatalf("the refused demo saved something: %q", errs)
	}
	if _, errs, code := forum(t, nil, "--db", db, "demo", "--large", "--tables", "5"); code != 0 {
		t.Fatalf("demo --large --tables 5: code %d, %q", code, errs)
	}
	out, _, _ := forum(t, nil, "--db", db, "list")
	if !regexp.MustCompile(`\s5\s+\d{4}-\d\d-\d\d`).MatchString(out) {
		t.Fatalf("list after demo --large --tables 5 does not show 5 tables:\n%s", out)
	}
}

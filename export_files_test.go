package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportWritesOnlyRegularFiles runs the real binary against a FIFO, a
// folder and a symbolic link at -o.
func TestExportWritesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	_, errs, code := forum(t, nil, "--db", db, "export", "-o", fifo)
	if fi, _ := os.Lstat(fifo); code == 0 || fi.Mode()&os.ModeNamedPipe == 0 || !strings.Contains(errs, "pipe") {
		t.Fatalf("export onto a FIFO: exit %d, %q; it is now %v", code, errs, fi.Mode())
	}

	folder := filepath.Join(dir, "reports")
	os.Mkdir(folder, 0o755)
	_, errs, code = forum(t, nil, "--db", db, "export", "--format", "html", "-o", folder)
	if fi, _ := os.Lstat(folder); code == 0 || !fi.IsDir() || !strings.Contains(errs, "is a folder") {
		t.Fatalf("export onto a folder: exit %d, %q", code, errs)
	}
	if _, errs, code = forum(t, nil, "--db", db, "export", "--format", "csv", "-o", folder); code != 0 {
		t.Fatalf("CSV into a folder: %d %s", code, errs)
	}

	target := filepath.Join(dir, "published", "report.md")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "latest.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, errs, code = forum(t, nil, "--db", db, "export", "-o", link); code != 0 {
		t.Fatalf("export through a link: %d %s", code, errs)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	b, _ := os.ReadFile(target)
	if fi, _ := os.Stat(target); !strings.Contains(string(b), "Illustrative") || fi.Mode().Perm() != 0o640 {
		t.Fatalf("the link's target was not written, or lost its mode (%v): %.40q", fi.Mode(), b)
	}
}

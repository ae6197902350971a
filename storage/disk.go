package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrDiskFull: the disk holding the database has no room left.
var ErrDiskFull = errors.New("the disk is full")

// lowSpace is the free space under which a disk error counts as a full
// disk: SQLite reports a full disk at open as an I/O error on its shared
// memory file, not as SQLITE_FULL.
const lowSpace = 1 << 20

// fullDisk is the sentence for a full disk holding path.
func fullDisk(path string, err error) error {
	free := ""
	if n := freeBytes(filepath.Dir(path)); n >= 0 {
		free = fmt.Sprintf(" (%d KB free)", n/1024)
	}
	return fmt.Errorf("the disk holding %s is full%s: free some space there, or pass --db with a path on another disk; nothing was saved by this attempt, and everything saved before is kept: %w (%v)", path, free, ErrDiskFull, err)
}

// ioError is the sentence for a disk error at path: a full disk when it
// is nearly full, else a failing or vanished disk.
func ioError(path string, err error) error {
	if n := freeBytes(filepath.Dir(path)); n >= 0 && n < lowSpace {
		return fullDisk(path, err)
	}
	return fmt.Errorf("reading or writing %s failed at the disk: check that the disk (or USB stick, or network folder) is still there and working, then try again; everything saved before is kept: %w", path, err)
}

// newFiles notes which of a database's files do not exist yet; the
// returned function removes those that a failed open left behind (an
// empty database, its -wal and its -shm), so that a failure leaves the
// folder as it was. Files that existed are never touched.
func newFiles(path string) func() {
	abs, err := filepath.Abs(path)
	if err != nil {
		return func() {}
	}
	var created []string
	for _, p := range []string{abs, abs + "-wal", abs + "-shm", abs + "-journal"} {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			created = append(created, p)
		}
	}
	return func() {
		for _, p := range created {
			if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && (p != abs || fi.Size() <= 4096) {
				os.Remove(p)
			}
		}
	}
}

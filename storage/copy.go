package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// OpenCopy opens another forum database file for reading without touching
// it: the file is checked read-only (not forum's, or from a newer forum:
// refused), copied with VACUUM INTO to a temporary file, and the copy is
// opened and migrated to this forum's schema. close removes the copy.
func OpenCopy(ctx context.Context, path string) (s *Store, close func(), err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, fmt.Errorf("database path %q: %w", path, err)
	}
	if st, err := os.Stat(abs); err != nil || st.Size() == 0 {
		return nil, nil, fmt.Errorf("%s is not a forum database (missing or empty): %w", path, ErrNotDatabase)
	}
	// Without a -wal file beside it, no forum is writing the file: read it
	// as immutable, so that not even SQLite's side files appear beside it.
	opts := "mode=ro&_pragma=busy_timeout(2000)"
	if _, err := os.Stat(abs + "-wal"); err != nil {
		opts = "mode=ro&immutable=1"
	}
	if err := check(ctx, abs, opts); err != nil {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "forum-merge-*")
	if err != nil {
		return nil, nil, fmt.Errorf("making a folder for the copy of %s: %w", path, err)
	}
	drop := func() { os.RemoveAll(dir) }
	copyPath := filepath.Join(dir, "copy.db")
	src, err := sql.Open("sqlite", "file:"+escapePath(abs)+"?"+opts)
	if err != nil {
		drop()
		return nil, nil, fmt.Errorf("opening %s: %w", path, err)
	}
	_, err = src.ExecContext(ctx, `VACUUM INTO ?`, copyPath)
	src.Close()
	if err != nil {
		drop()
		return nil, nil, mapErr(abs, err)
	}
	s, err = Open(ctx, copyPath, Options{})
	if err != nil {
		drop()
		return nil, nil, err
	}
	return s, func() { s.Close(); drop() }, nil
}

// NewOrigin gives this database a new origin (a table's pack, copied from
// the organiser's file, must not share its name in version vectors).
func (tx *Tx) NewOrigin() error {
	_, err := tx.exec(`UPDATE replica SET origin = lower(hex(randomblob(8)))`)
	tx.origin_ = ""
	return err
}

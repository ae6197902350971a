package storage

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// code is the primary SQLite result code of err, or 0.
func code(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// mapErr turns a driver error into one of the named errors, with a sentence
// saying what to do. Errors that are not the driver's pass through.
func mapErr(path string, err error) error {
	if err == nil {
		return nil
	}
	switch code(err) {
	case sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%s is not a forum database (it is not an SQLite file): pass another --db path, or move the file away: %w", path, ErrNotDatabase)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%s cannot be written (read-only file or folder): choose a writable --db path: %w", path, ErrReadOnly)
	case sqlite3.SQLITE_CANTOPEN:
		return fmt.Errorf("%s cannot be opened or created (missing or read-only folder?): choose a writable --db path: %w", path, ErrReadOnly)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%s is busy: another program (another forum: the app, 'forum serve', an import) kept it locked for more than the 5 s forum waits; nothing was lost: wait for it to finish and try again, or close it: %w", path, ErrLocked)
	case sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("%s is damaged (SQLite reports corruption); restore a backup: %w: %v", path, ErrNotDatabase, err)
	case sqlite3.SQLITE_FULL:
		return fullDisk(path, err)
	case sqlite3.SQLITE_IOERR:
		return ioError(path, err)
	}
	return err
}

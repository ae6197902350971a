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
		return fmt.Errorf("%s is locked by another program for too long; try again, or close the other program: %w", path, ErrLocked)
	case sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("%s is damaged (SQLite reports corruption); restore a backup: %w: %v", path, ErrNotDatabase, err)
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("the disk holding %s is full; free some space: %w", path, err)
	}
	return err
}

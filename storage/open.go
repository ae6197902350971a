package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// appID marks a database as forum's (PRAGMA application_id): "FRUM".
const appID = 0x4652554d

type impl struct {
	file    string
	w, r    *sql.DB
	ws, rs  *stmtCache // their statements, kept prepared
	mu      sync.Mutex
	subs    map[int]chan struct{}
	nextSub int
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
	hooks   hooks
}

// escapePath escapes the characters that would end a file: URI path.
func escapePath(p string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}

func open(ctx context.Context, path string, opts Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database path %q: %w", path, err)
	}
	if err := probe(ctx, abs); err != nil {
		return nil, err
	}
	base := "file:" + escapePath(abs)
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = 5 * time.Second
	}
	common := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", busy.Milliseconds())
	w, err := sql.Open("sqlite", base+"?_txlock=immediate&"+common+"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=secure_delete(1)")
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", abs, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, mapErr(abs, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, mapErr(abs, err)
	}
	r, err := sql.Open("sqlite", base+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("opening %s: %w", abs, err)
	}
	r.SetMaxOpenConns(4)
	s := &Store{impl{file: abs, w: w, r: r, ws: newStmtCache(w), rs: newStmtCache(r),
		subs: map[int]chan struct{}{}, stop: make(chan struct{}), done: make(chan struct{})}}
	interval := opts.WatchInterval
	if interval <= 0 {
		interval = 250 * time.Millisecond
	}
	last := int64(-1)
	if err := w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&last); err != nil {
		last = -1
	}
	go s.watchLoop(interval, last)
	return s, nil
}

// probe looks at an existing file read-only, without pragmas that write,
// and refuses what forum must not open. A missing or empty file is fine.
func probe(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(path)
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("the folder %s does not exist: create it or choose another --db path: %w", dir, ErrReadOnly)
		}
		return writableDir(dir, path)
	case err != nil:
		return fmt.Errorf("cannot look at %s: %w", path, err)
	case st.IsDir():
		return fmt.Errorf("%s is a folder, not a database file: %w", path, ErrNotDatabase)
	case st.Size() == 0:
		return writableDir(filepath.Dir(path), path)
	}
	return check(ctx, path, "mode=ro")
}

// check reads a file's application id and schema version with the given
// URI options and refuses what forum must not open.
func check(ctx context.Context, path, opts string) error {
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+opts)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer db.Close()
	var app, version, tables int
	err = db.QueryRowContext(ctx, "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)").Scan(&app, &version, &tables)
	if err != nil {
		return mapErr(path, err)
	}
	if app != appID && (app != 0 || tables > 0) {
		return fmt.Errorf("%s is an SQLite database, but not forum's: pass another --db path: %w", path, ErrNotDatabase)
	}
	if version > SchemaVersion {
		return fmt.Errorf("%s was written by a newer version of forum (schema %d; this forum knows up to %d): install the newer forum to open it: %w", path, version, SchemaVersion, ErrNewerSchema)
	}
	return nil
}

// writableDir refuses a folder where the database (and its -wal and -shm
// files) cannot be created.
func writableDir(dir, path string) error {
	f, err := os.CreateTemp(dir, ".forum-probe-*")
	if err != nil {
		return fmt.Errorf("cannot create the database %s: the folder %s cannot be written; choose a writable --db path: %w", path, dir, ErrReadOnly)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// migrate applies the embedded migrations newer than the file's
// user_version, in one transaction. When the file is already current it
// only reads user_version, without taking the write lock, so opening the
// database never waits for (or blocks) another process that is writing.
func migrate(ctx context.Context, db *sql.DB) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return err
	}
	if current == len(names) {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > SchemaVersion {
		return fmt.Errorf("written by a newer version of forum (schema %d; this forum knows up to %d): %w", version, SchemaVersion, ErrNewerSchema)
	}
	if version == len(names) {
		return nil
	}
	for i, name := range names {
		if i < version {
			continue
		}
		b, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(b)); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(names))); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", appID)); err != nil {
		return err
	}
	return tx.Commit()
}

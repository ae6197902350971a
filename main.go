// Command forum runs deliberative workshops from the terminal: breakout
// tables are led through a facilitation script, everything is saved in one
// SQLite file, and the key-messages summary is exported for publication.
//
// Usage: forum [--db PATH] [command]; see 'forum --help'. The command line
// is cobra with Charm's fang: root_cmd.go lists the commands, one file per
// command group defines them, cli.go holds what they share.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"syscall"

	"charm.land/fang/v2"

	"forum/sessions"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command; it returns the exit code: 0, 1 when the
// command failed, 2 when it was called wrongly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr}
	root := newRoot(a)
	root.SetArgs(longDashes(root, args))
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, err) }))
	return exitCode(err)
}

// withEngine opens the database and runs fn with an engine over it.
func withEngine(ctx context.Context, db, via string, fn func(*sessions.Engine, string) error) error {
	eng, closeDB, err := openEngine(ctx, db)
	if err != nil {
		return err
	}
	defer closeDB()
	return fn(eng, actor(via))
}

// openEngine opens the database the flag (or $FORUM_DB, or the default)
// names.
func openEngine(ctx context.Context, db string) (*sessions.Engine, func() error, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, nil, err
	}
	return sessions.Open(ctx, path)
}

// dbPath picks the database: the flag, then $FORUM_DB, then the default
// (whose folder is created).
func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("FORUM_DB"); env != "" {
		return env, nil
	}
	p, err := sessions.DefaultDBPath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return "", fmt.Errorf("cannot create %s (pass --db PATH to use another place): %w", filepath.Dir(p), err)
	}
	return p, nil
}

func defaultPathLine() string {
	p, err := sessions.DefaultDBPath()
	if err != nil {
		return "(no default: pass --db)"
	}
	return p
}

// actor names who made a change, for the audit log: "local:alice".
func actor(via string) string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return via + ":" + u.Username
	}
	return via
}

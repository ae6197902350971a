// Command forum runs deliberative workshops from the terminal: breakout
// tables are led through a facilitation script, everything is saved in one
// SQLite file, and the key-messages summary is exported for publication.
//
// Usage: forum [--db PATH] [command]; see 'forum --help'.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"syscall"

	"forum/sessions"
	"forum/tui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `forum: run a deliberative forum's breakout tables and publish its key messages.

Usage:
  forum [--db PATH]                        open the app (the home screen)
  forum demo [--large] [--db PATH]         add an illustrative demo event; prints its id
  forum list [--db PATH]                   list events (id, date, title, tables, last change)
  forum new --template NAME|FILE [--title T] [--date YYYY-MM-DD] [--tables N]
                                           create an event from a template; prints its id
  forum templates                          list the built-in templates
  forum templates show NAME                print a built-in template as TOML, ready to edit
  forum export [--format md|html|docx|csv|json] [--event ID] [--area CODE]
               [--table ID] [-o PATH]      the summary report (md, html, docx), the
                                           data for spreadsheets (csv: a folder, or a
                                           .zip), or the complete event (json);
                                           default: Markdown of the latest event
  forum import [--replace] FILE.json       restore an event from a JSON export
  forum merge [--event ID] FILE...         bring other laptops' copies (JSON or .db) of the event in
  forum pack --table N [--table M] -o FILE.db
                                           a database for a table's own laptop (only its tables change)
  forum push [--as SEAT] HOST[:PORT]       send this laptop's records to the organiser's forum serve
  forum serve [--listen :2222] [--host-key PATH] [--event ID] [--log PATH] [--idle 30m]
                                           serve the app over SSH to every table
  forum passcode --role ROLE [--event ID]  make a new passcode for a role; prints it once
  forum seat-key --role ROLE [--table N] FILE.pub
                                           let a public key join as a role
  forum version                            print the version
  forum --help                             this help

The database is one file: --db PATH, else $FORUM_DB, else
%s
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command; it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("forum", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file")
	fs.Usage = func() { fmt.Fprintf(stderr, usage, defaultPathLine()) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cmd, rest := "", fs.Args()
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	var err error
	switch cmd {
	case "":
		err = withEngine(ctx, *db, "local", func(eng *sessions.Engine, actor string) error {
			seat, err := eng.PackSeat(ctx) // a table's pack opens on its tables
			if err != nil {
				return err
			}
			return tui.Run(ctx, eng, tui.Options{Actor: actor, Seat: seat})
		})
	case "demo":
		err = demo(ctx, *db, rest, stdout, stderr)
	case "export":
		err = export(ctx, *db, rest, stdout, stderr)
	case "import":
		err = importEvent(ctx, *db, rest, stdout, stderr)
	case "merge":
		err = runMerge(ctx, *db, rest, stdout, stderr)
	case "pack":
		err = runPack(ctx, *db, rest, stdout, stderr)
	case "push":
		err = runPush(ctx, *db, rest, stdout, stderr)
	case "serve":
		err = serveCmd(ctx, *db, rest, stdout, stderr)
	case "passcode":
		err = passcodeCmd(ctx, *db, rest, stdout, stderr)
	case "seat-key":
		err = seatKeyCmd(ctx, *db, rest, stdout, stderr)
	case "list":
		err = list(ctx, *db, rest, stdout, stderr)
	case "new":
		err = newEvent(ctx, *db, rest, stdout, stderr)
	case "templates":
		err = templates(rest, stdout)
	case "version":
		fmt.Fprintln(stdout, "forum", version)
	case "help":
		fs.Usage()
	default:
		fmt.Fprintf(stderr, "forum: unknown command %q\n\n", cmd)
		fs.Usage()
		return 2
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "forum:", err)
		return 1
	}
	return 0
}

// withEngine opens the database and runs fn with an engine over it.
func withEngine(ctx context.Context, db, via string, fn func(*sessions.Engine, string) error) error {
	path, err := dbPath(db)
	if err != nil {
		return err
	}
	eng, closeDB, err := sessions.Open(ctx, path)
	if err != nil {
		return err
	}
	defer closeDB()
	return fn(eng, actor(via))
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

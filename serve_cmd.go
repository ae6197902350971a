package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"forum/model"
	"forum/sessions"
	"forum/tui/serve"
)

// The SSH commands: serve, passcode, seat-key.

// serveOptions are the flags of 'forum serve'.
type serveOptions struct {
	listen, hostKey, event, logPath string
	idle                            time.Duration
	limits                          serve.Limits
	web                             webOptions
}

func serveCmd(a *app) *cobra.Command {
	var o serveOptions
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the app over SSH to every table in the room",
		Long:  `Serves the app over SSH to every table in the room and prints the ssh line each role types. Roles join with a passcode ('forum passcode') or a listed key ('forum seat-key'). Ctrl+C stops it; what seats saw as saved is kept.`,
		Example: `# make a passcode for each role that joins, and read it out:
forum passcode --role scribe
forum serve --listen :2222`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return serveEvent(cmd.Context(), a.db, o, a.stdout)
		},
	}
	f := c.Flags()
	f.StringVar(&o.listen, "listen", ":2222", "The address to listen on: :PORT for every network, or HOST:PORT")
	f.StringVar(&o.hostKey, "host-key", "", "The server's host key file, made on first start (default: next to the database)")
	f.StringVar(&o.event, "event", "", "The event the seats join (default: the most recently changed)")
	f.StringVar(&o.logPath, "log", "", "The log file (default: next to the database)")
	f.DurationVar(&o.idle, "idle", 30*time.Minute, "End a seat's session after this long without a key press")
	limits := flag.NewFlagSet("limits", flag.ContinueOnError)
	o.limits.Flags(limits) // the server's own definitions of its limits and their defaults
	f.AddGoFlagSet(limits)
	f.StringVar(&o.web.listen, "web", "", "Also serve the participants' ballot page for phones on this address, such as :8080 (off unless given)")
	f.StringVar(&o.web.cert, "web-cert", "", "The ballot page's TLS certificate file (PEM), for HTTPS")
	f.StringVar(&o.web.key, "web-key", "", "The ballot page's TLS key file (PEM), for HTTPS")
	return c
}

// serveEvent serves the app over SSH to every table in the room.
func serveEvent(ctx context.Context, db string, o serveOptions, stdout io.Writer) error {
	listen, hostKey, logPath := &o.listen, &o.hostKey, &o.logPath
	path, err := dbPath(db)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if *hostKey == "" {
		*hostKey = filepath.Join(dir, "forum_host_ed25519")
	}
	if *logPath == "" {
		*logPath = filepath.Join(dir, "forum-serve.log")
	}
	logFile, err := os.OpenFile(*logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("cannot open the log file (pass --log PATH): %w", err)
	}
	defer logFile.Close()
	eng, closeDB, err := sessions.Open(ctx, path)
	if err != nil {
		return err
	}
	defer closeDB()
	id, err := pickEvent(ctx, eng, o.event)
	if err != nil {
		return err
	}
	board, err := eng.Board(ctx, id)
	if err != nil {
		return err
	}
	procs := serveProcs() // one core unless GOMAXPROCS says otherwise
	srv, err := serve.New(eng, serve.Config{HostKey: *hostKey, Event: id, Log: logFile, IdleTimeout: o.idle, Limits: o.limits, Procs: procs})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (is forum already serving? try --listen :2223): %w", *listen, err)
	}
	fmt.Fprint(stdout, joinHelp(ctx, eng, board, l.Addr()))
	stopWeb, err := startWeb(eng, id, o.web, stdout)
	if err != nil {
		l.Close()
		return err
	}
	defer stopWeb()
	if p := os.Getenv(profileEnv); p != "" {
		profileOnSignal(ctx, p, func(f string, a ...any) { fmt.Fprintf(stdout, f+"\n", a...) })
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "\nStopping: seats are told, work in flight is saved…")
	stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	fmt.Fprintln(stdout, "Stopped. Everything seats saw as saved is in", path)
	return nil
}

func passcodeCmd(a *app) *cobra.Command {
	var role, event string
	c := &cobra.Command{
		Use:   "passcode --role ROLE",
		Short: "Make a new passcode for a role and print it once",
		Long:  `Makes a new passcode for a role and prints it once: only its hash is kept, and the role's earlier passcode stops working.`,
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return passcode(cmd.Context(), a.db, role, event, a.stdout, a.stderr)
		},
	}
	c.Flags().StringVar(&role, "role", "", "One of organiser, facilitator, scribe, participant, observer")
	c.Flags().StringVar(&event, "event", "", "The event's id (default: the most recently changed)")
	_ = c.RegisterFlagCompletionFunc("role", completeRoles)
	return c
}

// passcode makes a new passcode for a role and prints it once.
func passcode(ctx context.Context, db, role, event string, stdout, stderr io.Writer) error {
	r, err := sessions.ParseRole(role)
	if err != nil {
		return err
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, event)
		if err != nil {
			return err
		}
		pass, err := eng.SetPasscode(ctx, actor, id, r)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\n", pass)
		fmt.Fprintf(stderr, "The %s passcode for this event (shown once; only its hash is stored; any earlier one no longer works).\n", r)
		return nil
	})
}

// seatKeyOptions are the flags of 'forum seat-key'.
type seatKeyOptions struct {
	role, event string
	table       int
}

func seatKeyCmd(a *app) *cobra.Command {
	var o seatKeyOptions
	c := &cobra.Command{
		Use:   "seat-key --role ROLE [--table N] FILE.pub",
		Short: "Let whoever holds an SSH key join as a role, without a passcode",
		Args:  exactArgs(1, "name one public key file (such as ~/.ssh/id_ed25519.pub): forum seat-key --role ROLE [--table N] FILE"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"pub"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return seatKey(cmd.Context(), a.db, o, args[0], a.stdout)
		},
	}
	c.Flags().StringVar(&o.role, "role", "", "The role the key joins as")
	c.Flags().IntVar(&o.table, "table", 0, "For facilitator, scribe and participant keys: the table's number")
	c.Flags().StringVar(&o.event, "event", "", "The event's id (default: the most recently changed)")
	_ = c.RegisterFlagCompletionFunc("role", completeRoles)
	return c
}

// seatKey lists a public key for an event.
func seatKey(ctx context.Context, db string, o seatKeyOptions, file string, stdout io.Writer) error {
	r, err := sessions.ParseRole(o.role)
	if err != nil {
		return err
	}
	line, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("cannot read the key: %w", err)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, o.event)
		if err != nil {
			return err
		}
		var tableID model.ID
		if r.AtTable() {
			b, err := eng.Board(ctx, id)
			if err != nil {
				return err
			}
			for _, g := range b.Groups {
				if g.Name == fmt.Sprintf("Table %d", o.table) {
					tableID = g.ID
				}
			}
			if tableID == "" {
				return fmt.Errorf("the event has no Table %d (--table)", o.table)
			}
		}
		fp, err := eng.AddSeatKey(ctx, actor, id, r, tableID, string(line))
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, fp)
		return nil
	})
}

// completeRoles offers the role names.
func completeRoles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, r := range sessions.AllRoles {
		out = append(out, string(r))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

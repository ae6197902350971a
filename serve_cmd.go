package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"forum/model"
	"forum/sessions"
	"forum/tui/serve"
)

// serveCmd serves the app over SSH to every table in the room.
func serveCmd(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum serve", &db, stderr)
	listen := fs.String("listen", ":2222", "address to listen on")
	hostKey := fs.String("host-key", "", "the server's host key file, made on first start (default: next to the database)")
	event := fs.String("event", "", "the event the seats join (default: the most recently changed)")
	logPath := fs.String("log", "", "log file (default: next to the database)")
	idle := fs.Duration("idle", 30*time.Minute, "end a seat's session after this long without a key press")
	var limits serve.Limits
	limits.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
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
	id, err := pickEvent(ctx, eng, *event)
	if err != nil {
		return err
	}
	board, err := eng.Board(ctx, id)
	if err != nil {
		return err
	}
	srv, err := serve.New(eng, serve.Config{HostKey: *hostKey, Event: id, Log: logFile, IdleTimeout: *idle, Limits: limits})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (is forum already serving? try --listen :2223): %w", *listen, err)
	}
	fmt.Fprint(stdout, joinHelp(ctx, eng, board, l.Addr()))
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

// joinHelp is what the organiser reads out: the ssh line for each role,
// and which roles still need a passcode.
func joinHelp(ctx context.Context, eng *sessions.Engine, b sessions.Board, addr net.Addr) string {
	_, port, _ := net.SplitHostPort(addr.String())
	hostName := "THIS-LAPTOP"
	if ips := lanAddrs(); len(ips) > 0 {
		hostName = ips[0]
	}
	var w strings.Builder
	fmt.Fprintf(&w, "forum is serving «%s» over SSH on port %s.\n\nTables join from any terminal with:\n\n", model.Safe(b.Event.Title, false), port)
	example := 1
	for _, r := range sessions.AllRoles {
		user := string(r)
		if r.AtTable() {
			user = fmt.Sprintf("%s-%d", r, example)
		}
		fmt.Fprintf(&w, "  ssh -p %s %s@%s\n", port, user, hostName)
	}
	fmt.Fprintf(&w, "\n(facilitators, scribes and participants put their table's number after the dash: %d tables.)\n", len(b.Groups))
	var missing []string
	for _, r := range sessions.AllRoles {
		if !eng.HasPasscode(ctx, b.Event.ID, r) {
			missing = append(missing, string(r))
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(&w, "\nNo passcode yet for: %s. Make one with 'forum passcode --role ROLE' (in another terminal);\nuntil then those roles cannot join.\n", strings.Join(missing, ", "))
	}
	w.WriteString("\nPress Ctrl+C to stop serving.\n")
	return w.String()
}

// lanAddrs lists this machine's IPv4 addresses on the room's network.
func lanAddrs() []string {
	var out []string
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			out = append(out, n.IP.String())
		}
	}
	return out
}

// passcodeCmd makes a new passcode for a role and prints it once.
func passcodeCmd(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum passcode", &db, stderr)
	role := fs.String("role", "", "organiser, facilitator, scribe, participant or observer")
	event := fs.String("event", "", "event id (default: the most recently changed)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := sessions.ParseRole(*role)
	if err != nil {
		return err
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, *event)
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

// seatKeyCmd lists a public key for an event.
func seatKeyCmd(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum seat-key", &db, stderr)
	role := fs.String("role", "", "the role the key joins as")
	table := fs.Int("table", 0, "for facilitator, scribe and participant keys: the table's number")
	event := fs.String("event", "", "event id (default: the most recently changed)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("name one public key file (such as ~/.ssh/id_ed25519.pub): forum seat-key --role ROLE [--table N] FILE")
	}
	r, err := sessions.ParseRole(*role)
	if err != nil {
		return err
	}
	line, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("cannot read the key: %w", err)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, *event)
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
				if g.Name == fmt.Sprintf("Table %d", *table) {
					tableID = g.ID
				}
			}
			if tableID == "" {
				return fmt.Errorf("the event has no Table %d (--table)", *table)
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

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

	"github.com/charmbracelet/x/term"

	"forum/sessions"
	"forum/tui/serve"
)

// runPush sends this laptop's copy of the event to the organiser's forum
// serve over SSH, which merges it as the seat may (a table's facilitator
// or scribe: only that table's records).
func runPush(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum push", &db, stderr)
	user := fs.String("as", "", "the seat to push as, such as facilitator-3 (default for a table's pack: its first table's facilitator)")
	event := fs.String("event", "", "event id (default: the most recently changed event)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("name the organiser's laptop: forum push [--as facilitator-3] HOST[:PORT] (the passcode is asked for, or read from FORUM_PASSCODE)")
	}
	addr := fs.Arg(0)
	if _, _, err := net.SplitHostPort(addr); err != nil {
		addr = net.JoinHostPort(addr, "2222")
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, *event)
		if err != nil {
			return err
		}
		seatName := *user
		if seatName == "" {
			seat, err := eng.PackSeat(ctx)
			if err != nil {
				return err
			}
			if seat == nil {
				return errors.New("say which seat pushes: forum push --as facilitator-3 HOST (or --as organiser)")
			}
			v, err := eng.Table(ctx, seat.Table)
			if err != nil {
				return err
			}
			seatName = "facilitator-" + strings.TrimPrefix(v.Group.Name, "Table ")
		}
		pass := os.Getenv("FORUM_PASSCODE")
		if pass == "" {
			fmt.Fprintf(stderr, "passcode for %s: ", seatName)
			if term.IsTerminal(os.Stdin.Fd()) { // not echoed
				b, err := term.ReadPassword(os.Stdin.Fd())
				fmt.Fprintln(stderr)
				if err != nil {
					return fmt.Errorf("reading the passcode: %w", err)
				}
				pass = strings.TrimSpace(string(b))
			} else {
				var line string
				fmt.Fscanln(os.Stdin, &line)
				pass = strings.TrimSpace(line)
			}
		}
		data, err := eng.ExportJSON(ctx, id)
		if err != nil {
			return err
		}
		lines, err := serve.Push(ctx, serve.PushOptions{Addr: addr, User: seatName, Passcode: pass,
			KnownHosts: filepath.Join(filepath.Dir(eng.Path()), "forum_known_hosts")}, data)
		if err != nil {
			return fmt.Errorf("push: %w", err)
		}
		for _, l := range lines {
			fmt.Fprintln(stdout, l)
		}
		return nil
	})
}

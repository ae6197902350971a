package main

import (
	"context"
	"fmt"
	"io"
	"net/url"

	"github.com/spf13/cobra"

	"forum/sessions"
	"forum/sessions/report"
)

// cardsOptions are the flags of 'forum cards'.
type cardsOptions struct {
	event, format, out, join, void, web string
}

func cardsCmd(a *app) *cobra.Command {
	var o cardsOptions
	c := &cobra.Command{
		Use:   "cards [--format html|pdf] [-o FILE]",
		Short: "Print participant cards: one login code per participant, one ballot each",
		Long: `Makes the participant cards each table is missing (one per participant; running it again adds none) and writes them, shuffled, as a printable HTML page or an A4 PDF, a new page for each table. Each card's code is its holder's only credential and its ballot: over SSH (ssh card@HOST -p PORT, the code as the password) the holder can leave and join again and finds the same ballot, and two seats cannot use one card at once. A table with cards takes no participant passcode logins.

A lost card: --void CODE stops it and takes its ballots out of open votes (held rounds never change); run 'forum cards' again to print its replacement.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cards(cmd.Context(), a.db, o, a.stdout, a.stderr)
		},
	}
	f := c.Flags()
	f.StringVar(&o.event, "event", "", "The event's id (default: the most recently changed)")
	f.StringVar(&o.format, "format", "html", "html (print it from a browser) or pdf (A4, eight cards a page)")
	f.StringVarP(&o.out, "output", "o", "", "Write to this file (default: cards-<event>.html or .pdf)")
	f.StringVar(&o.join, "join", "", `How to reach the server, printed on every card (e.g. "ssh card@192.168.1.20 -p 2222")`)
	f.StringVar(&o.web, "web", "", `The phones' ballot page (forum serve --web), such as "http://192.168.1.20:8080": each card gets a QR code of its ballot`)
	f.StringVar(&o.void, "void", "", "Void the card with this code (lost or misprinted) instead of printing")
	return c
}

// cards makes and prints the participant cards, or voids one.
func cards(ctx context.Context, db string, o cardsOptions, stdout, stderr io.Writer) error {
	if o.format != "html" && o.format != "pdf" {
		return usagef("--format %q: cards are html or pdf", o.format)
	}
	if u, err := url.Parse(o.web); o.web != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return usagef("--web %q: give the ballot page's address as forum serve prints it, such as http://192.168.1.20:8080", o.web)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, o.event)
		if err != nil {
			return err
		}
		if o.void != "" {
			c, err := eng.VoidCard(ctx, actor, id, o.void)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Card %s is void: it no longer joins, and its ballots in open votes were taken out. Run 'forum cards' to print its replacement.\n", c.Code)
			return nil
		}
		tables, err := eng.IssueCards(ctx, actor, id)
		if err != nil {
			return err
		}
		snap, err := eng.Snapshot(ctx, id)
		if err != nil {
			return err
		}
		page, err := sessions.CardsHTML(snap.Event.Title, tables, o.join, o.web)
		if o.format == "pdf" {
			page, err = report.CardsPDF(snap.Event.Title, tables, o.join, snap.Event.CreatedAt)
		}
		if err != nil {
			return err
		}
		path := o.out
		if path == "" {
			path = "cards-" + id.Short() + "." + o.format
		}
		if err := sessions.WriteFileAtomic(path, page); err != nil {
			return err
		}
		n := 0
		for _, t := range tables {
			n += len(t.Cards)
		}
		fmt.Fprintf(stdout, "%s\n", path)
		fmt.Fprintf(stderr, "%d cards for %d tables, shuffled. Print, cut, shuffle again, and hand one to each participant.\n", n, len(tables))
		return nil
	})
}

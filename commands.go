package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"forum/model"
	"forum/sessions"
)

func demo(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum demo", &db, stderr)
	large := fs.Bool("large", false, "a large event (20 tables, about 4,000 notes, 20,000 votes) for trying exports and measuring speed")
	tables := fs.Int("tables", 0, "with --large: how many tables (a multiple of the five areas; 40 makes 8,000 notes)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *tables != 0 && (!*large || *tables < 5 || *tables%5 != 0 || *tables > 5*model.MaxTablesPerArea) {
		return fmt.Errorf("--tables goes with --large and is a multiple of 5 from 5 to %d (one to %d tables in each of the five areas)", 5*model.MaxTablesPerArea, model.MaxTablesPerArea)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := eng.Demo(ctx, actor, sessions.DemoOptions{Large: *large, TablesPerArea: *tables / 5})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, id)
		return nil
	})
}

func list(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum list", &db, stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, _ string) error {
		evs, err := eng.Events(ctx)
		if err != nil {
			return err
		}
		if len(evs) == 0 {
			fmt.Fprintln(stderr, "No events yet: run 'forum' and press n, or 'forum demo'.")
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tTABLES\tLAST CHANGE\tTITLE")
		for _, e := range evs {
			title := model.Safe(e.Title, false)
			if e.Illustrative && !strings.HasPrefix(title, "Illustrative") {
				title = "[demo] " + title
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", e.ID, e.Date, e.Tables, e.LastChange.Local().Format("2006-01-02 15:04"), title)
		}
		return tw.Flush()
	})
}

func newEvent(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum new", &db, stderr)
	tmpl := fs.String("template", sessions.DefaultTemplate, "built-in template name or a TOML file")
	title := fs.String("title", "", "the event's title (default: the template's)")
	date := fs.String("date", "", "the event's date, YYYY-MM-DD (default: the template's, else today)")
	tables := fs.Int("tables", 1, "tables per area")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := model.CheckTables(*tables); err != nil {
		return fmt.Errorf("--tables: %w", err)
	}
	t, err := sessions.LoadTemplate(*tmpl)
	if err != nil {
		return err
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := eng.CreateEvent(ctx, actor, t, sessions.NewEvent{Title: *title, Date: *date, TablesPerArea: *tables})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, id)
		return nil
	})
}

func templates(args []string, stdout io.Writer) error {
	if len(args) >= 1 && args[0] == "show" {
		if len(args) != 2 {
			return fmt.Errorf("usage: forum templates show NAME (see 'forum templates' for the names)")
		}
		b, err := sessions.BuiltinTemplateSource(args[1])
		if err != nil {
			return err
		}
		_, err = stdout.Write(b)
		return err
	}
	if len(args) > 0 {
		return fmt.Errorf("unknown 'templates %s': use 'forum templates' or 'forum templates show NAME'", args[0])
	}
	ts, err := sessions.Templates()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, t := range ts {
		fmt.Fprintf(tw, "%s\t%s\n", t.Name, t.Description)
	}
	return tw.Flush()
}

// flagSet starts a command's flags, with --db accepted after the command.
func flagSet(name string, db *string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(db, "db", *db, "database file")
	return fs
}

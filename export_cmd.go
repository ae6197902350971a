package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"forum/model"
	"forum/sessions"
	"forum/sessions/report"
)

// export writes the report, the CSV files or the JSON of an event.
func export(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum export", &db, stderr)
	format := fs.String("format", "md", "md (Markdown), html (one self-contained page), pdf (print-ready, A4), docx (Word), csv (spreadsheet files), json (the complete event)")
	event := fs.String("event", "", "event id (default: the most recently changed event)")
	area := fs.String("area", "", "only this area, by its code (e.g. NCL)")
	table := fs.String("table", "", "only this table, by its id")
	out := fs.String("o", "", "write to this file (csv: a folder, or a .zip file) instead of printing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected %q: forum export takes only flags (see forum export --help)", fs.Arg(0))
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		return err
	}
	if *table != "" && !model.ValidID(*table) {
		return fmt.Errorf("--table %q is not an id (ids look like 0190c3e4-…)", *table)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, *event)
		if err != nil {
			return err
		}
		scope := report.Scope{Area: *area, Table: model.ID(*table)}
		x, err := report.Make(ctx, eng, id, scope, f)
		if err != nil {
			return err
		}
		path := *out
		if path == "" && (f == report.FormatCSV || f == report.FormatDOCX || f == report.FormatPDF) {
			ev, err := eng.Snapshot(ctx, id) // binary and many-file formats go to a file
			if err != nil {
				return err
			}
			path = report.DefaultName(ev.Event, scope, f)
		}
		if path == "" {
			_, err = stdout.Write(x.Data)
			return err
		}
		abs, err := x.Write(path)
		if err != nil {
			return err
		}
		fmt.Fprintln(stderr, "wrote", abs)
		return nil
	})
}

// importEvent restores an event from a JSON export.
func importEvent(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum import", &db, stderr)
	replace := fs.Bool("replace", false, "overwrite the event if the database already holds it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("name one file: forum import [--replace] FILE.json")
	}
	file := fs.Arg(0)
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", file, err)
	}
	if _, err := sessions.ParseExchange(data); err != nil {
		return fmt.Errorf("%s: %w (nothing was imported)", filepath.Base(file), err)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := eng.ImportJSON(ctx, actor, data, *replace)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(file), err)
		}
		fmt.Fprintln(stdout, id)
		return nil
	})
}

// pickEvent is the event an --event flag names, or else the event changed
// most recently.
func pickEvent(ctx context.Context, eng *sessions.Engine, flag string) (model.ID, error) {
	if flag == "" {
		return eng.LatestEventID(ctx)
	}
	if !model.ValidID(flag) {
		return "", fmt.Errorf("--event %q is not an id (ids look like 0190c3e4-…; 'forum list' lists events)", flag)
	}
	return model.ID(flag), nil
}

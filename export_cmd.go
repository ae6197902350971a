package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"forum/model"
	"forum/sessions"
	"forum/sessions/report"
)

// The report commands: export and import.

// exportOptions are the flags of 'forum export'.
type exportOptions struct {
	format, event, area, table, out string
}

func exportCmd(a *app) *cobra.Command {
	var o exportOptions
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the summary report, the data for spreadsheets, or the complete event",
		Long:  `Writes the summary report (md, html, pdf, docx), the data for spreadsheets (csv: a folder, or a .zip), or the complete event (json). Without --event, the event changed most recently. Markdown, HTML and JSON are printed unless -o names a file; PDF, Word and CSV go to a file named after the event.`,
		Example: `forum export --format html -o report.html
forum export --format csv -o data.zip
forum export --area NCL --format docx`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return export(cmd.Context(), a.db, o, a.stdout, a.stderr)
		},
	}
	f := c.Flags()
	f.StringVar(&o.format, "format", "md", "One of md (Markdown), html (one self-contained page), pdf (print-ready, A4), docx (Word), csv (spreadsheet files), json (the complete event)")
	f.StringVar(&o.event, "event", "", "The event's id (default: the most recently changed event)")
	f.StringVar(&o.area, "area", "", "Only this area, by its code (e.g. NCL)")
	f.StringVar(&o.table, "table", "", "Only this table, by its id")
	f.StringVarP(&o.out, "output", "o", "", "Write to this file (csv: a folder, or a .zip file) instead of printing")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]cobra.Completion{"md", "html", "pdf", "docx", "csv", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// export writes the report, the CSV files or the JSON of an event.
func export(ctx context.Context, db string, o exportOptions, stdout, stderr io.Writer) error {
	f, err := report.ParseFormat(o.format)
	if err != nil {
		return err
	}
	if o.table != "" && !model.ValidID(o.table) {
		return fmt.Errorf("--table %q is not an id (ids look like 0190c3e4-…)", o.table)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, o.event)
		if err != nil {
			return err
		}
		scope := report.Scope{Area: o.area, Table: model.ID(o.table)}
		x, err := report.Make(ctx, eng, id, scope, f)
		if err != nil {
			return err
		}
		path := o.out
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

func importCmd(a *app) *cobra.Command {
	var replace bool
	c := &cobra.Command{
		Use:   "import FILE.json",
		Short: "Restore an event from a JSON export and print its id",
		Long:  `Restores an event from a JSON export into this database and prints its id. The whole file is checked first; nothing is written if any of it is wrong.`,
		Args:  exactArgs(1, "name one file: forum import [--replace] FILE.json"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"json"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return importEvent(cmd.Context(), a.db, args[0], replace, a.stdout)
		},
	}
	c.Flags().BoolVar(&replace, "replace", false, "Overwrite the event if the database already holds it")
	return c
}

// importEvent restores an event from a JSON export.
func importEvent(ctx context.Context, db, file string, replace bool, stdout io.Writer) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", file, err)
	}
	if _, err := sessions.ParseExchange(data); err != nil {
		return fmt.Errorf("%s: %w (nothing was imported)", filepath.Base(file), err)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := eng.ImportJSON(ctx, actor, data, replace)
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

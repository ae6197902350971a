package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"forum/model"
	"forum/sessions"
)

// The event commands: demo, list, new, templates.

func demoCmd(a *app) *cobra.Command {
	var large bool
	var tables int
	c := &cobra.Command{
		Use:   "demo",
		Short: "Add an illustrative demo event and print its id",
		Long:  "Adds the illustrative demo event (five STPs, every table completed; made-up data, labelled as such everywhere) and prints its id.",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return demo(cmd.Context(), a.db, large, tables, a.stdout)
		},
	}
	c.Flags().BoolVar(&large, "large", false, "A large event (20 tables, about 4,000 notes, 20,000 votes) for trying exports and measuring speed")
	c.Flags().IntVar(&tables, "tables", 0, "With --large: how many tables (a multiple of the five areas; 40 makes 8,000 notes)")
	return c
}

func demo(ctx context.Context, db string, large bool, tables int, stdout io.Writer) error {
	if tables != 0 && (!large || tables < 5 || tables%5 != 0 || tables > 5*model.MaxTablesPerArea) {
		return usagef("--tables goes with --large and is a multiple of 5 from 5 to %d (one to %d tables in each of the five areas)", 5*model.MaxTablesPerArea, model.MaxTablesPerArea)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := eng.Demo(ctx, actor, sessions.DemoOptions{Large: large, TablesPerArea: tables / 5})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, id)
		return nil
	})
}

func listCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the events: id, date, tables, last change, title",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return list(cmd.Context(), a.db, a.stdout, a.stderr)
		},
	}
}

func list(ctx context.Context, db string, stdout, stderr io.Writer) error {
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

// newOptions are the flags of 'forum new'.
type newOptions struct {
	template, title, date string
	tables                int
}

func newCmd(a *app) *cobra.Command {
	var o newOptions
	c := &cobra.Command{
		Use:   "new",
		Short: "Create an event from a template and print its id",
		Example: `forum new --title "Our 2026 forum" --date 2026-03-12 --tables 2
# from your own copy of a template:
forum templates show london-gp-2018 > my.toml
forum new --template my.toml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return newEvent(cmd.Context(), a.db, o, a.stdout)
		},
	}
	c.Flags().StringVar(&o.template, "template", sessions.DefaultTemplate, "A built-in template's name, or a TOML file")
	c.Flags().StringVar(&o.title, "title", "", "The event's title (default: the template's)")
	c.Flags().StringVar(&o.date, "date", "", "The event's date, YYYY-MM-DD (default: the template's, else today)")
	c.Flags().IntVar(&o.tables, "tables", 1, "Tables per area")
	_ = c.RegisterFlagCompletionFunc("template", completeTemplates)
	return c
}

func newEvent(ctx context.Context, db string, o newOptions, stdout io.Writer) error {
	if err := model.CheckTables(o.tables); err != nil {
		return fmt.Errorf("--tables: %w", err)
	}
	t, err := sessions.LoadTemplate(o.template)
	if err != nil {
		return err
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := eng.CreateEvent(ctx, actor, t, sessions.NewEvent{Title: o.title, Date: o.date, TablesPerArea: o.tables})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, id)
		return nil
	})
}

func templatesCmd(a *app) *cobra.Command {
	c := &cobra.Command{
		Use:   "templates",
		Short: "List the built-in templates",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageOf(cmd, fmt.Errorf("unknown 'templates %s': use 'forum templates' or 'forum templates show NAME'", args[0]))
			}
			return nil
		},
		RunE: func(*cobra.Command, []string) error { return templates(a.stdout) },
	}
	c.AddCommand(&cobra.Command{
		Use:               "show NAME",
		Short:             "Print a built-in template as TOML, ready to copy and edit",
		Args:              exactArgs(1, "usage: forum templates show NAME (see 'forum templates' for the names)"),
		ValidArgsFunction: completeTemplates,
		RunE: func(_ *cobra.Command, args []string) error {
			b, err := sessions.BuiltinTemplateSource(args[0])
			if err != nil {
				return err
			}
			_, err = a.stdout.Write(b)
			return err
		},
	})
	return c
}

func templates(stdout io.Writer) error {
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

// completeTemplates offers the built-in templates' names (and files).
func completeTemplates(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	ts, err := sessions.Templates()
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var names []cobra.Completion
	for _, t := range ts {
		names = append(names, cobra.CompletionWithDesc(t.Name, t.Description))
	}
	return names, cobra.ShellCompDirectiveDefault
}

// flagSet starts the flags of a command that parses its own (see app.raw),
// with --db accepted after the command.
func flagSet(name string, db *string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(db, "db", *db, "database file")
	return fs
}

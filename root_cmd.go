package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"forum/sessions"
	"forum/tui"
	"forum/tui/plain"
)

// Command groups, in the order the help lists them.
const (
	groupEvents = "events"
	groupServe  = "serve"
)

// newRoot builds the whole command line: the root opens the app, and every
// command group adds its commands here.
func newRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "forum",
		Short: "Run a deliberative forum's breakout tables and publish its key messages",
		Long: `forum leads breakout tables through a facilitation script (vision, journey, priorities by vote, next steps, key messages), saves everything in one SQLite file and exports the summary report. Without a command it opens the app on the home screen.

The database is one file: --db PATH, else $FORUM_DB, else ` + defaultPathLine() + `.

--plain (or FORUM_PLAIN=1) opens a plain, line-by-line front end instead, for screen readers and braille displays: no redraws, no colour, one line for each change. Over SSH, add +plain to the login: ssh -p 2222 scribe-3+plain@HOST.`,
		Example: `# add an illustrative event, open the app, export its report:
forum demo
forum
forum export --format html -o report.html
# let every table join over SSH:
forum passcode --role scribe
forum serve`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.plain || plainFromEnv() {
				return withEngine(cmd.Context(), a.db, "local", func(eng *sessions.Engine, actor string) error {
					seat, err := eng.PackSeat(cmd.Context()) // a table's pack opens on its tables
					if err != nil {
						return err
					}
					return plain.Run(cmd.Context(), eng, plain.Options{Actor: actor, In: os.Stdin, Out: a.stdout, Seat: seat})
				})
			}
			// The app opens the database while the terminal starts.
			return tui.Start(cmd.Context(), func(ctx context.Context) (*sessions.Engine, tui.Options, func() error, error) {
				eng, closeDB, err := openEngine(ctx, a.db)
				if err != nil {
					return nil, tui.Options{}, nil, err
				}
				seat, err := eng.PackSeat(ctx) // a table's pack opens on its tables
				if err != nil {
					closeDB()
					return nil, tui.Options{}, nil, err
				}
				return eng, tui.Options{Actor: actor("local"), Seat: seat}, closeDB, nil
			})
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetVersionTemplate("forum {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageOf(c, err) })
	root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "o" { // Go's flag package took --o for -o
			name = "output"
		}
		return pflag.NormalizedName(name)
	})
	root.Flags().BoolVar(&a.plain, "plain", false, "A plain, line-by-line front end for screen readers (also FORUM_PLAIN=1)")
	root.PersistentFlags().StringVar(&a.db, "db", "", "The database file (default: $FORUM_DB, else "+defaultPathLine()+")")
	root.AddGroup(
		&cobra.Group{ID: groupEvents, Title: "Events and reports"},
		&cobra.Group{ID: groupServe, Title: "Every table at once, over SSH"},
	)
	inGroup := func(id string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = id
			root.AddCommand(c)
		}
	}
	inGroup(groupEvents, demoCmd(a), listCmd(a), newCmd(a), templatesCmd(a), exportCmd(a), importCmd(a),
		a.raw("audit verify|export", "Check the database and its tamper-evident audit log, or write the log out", runAudit),
		a.raw("merge [--event ID] FILE...", "Bring other laptops' copies (JSON or .db) of the event into this database", runMerge),
		a.raw("pack --table N [--table M] -o FILE.db", "Write a database for a table's own laptop (only its tables change)", runPack))
	inGroup(groupServe, a.raw("push [--as SEAT] HOST[:PORT]", "Send this laptop's records to the organiser's forum serve over SSH", runPush))
	inGroup(groupServe, serveCmd(a), passcodeCmd(a), seatKeyCmd(a), cardsCmd(a))
	// Commands written as runX(ctx, db, args, stdout, stderr) join with one
	// line each, e.g. inGroup(groupEvents, a.raw("tally", "count every table's votes", runTally)).
	root.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  noArgs,
		Run:   func(*cobra.Command, []string) { fmt.Fprintln(a.stdout, "forum", version) },
	})
	return root
}

// plainFromEnv reads FORUM_PLAIN: 1, true, yes (any case) ask for plain mode.
func plainFromEnv() bool {
	v := os.Getenv("FORUM_PLAIN")
	b, err := strconv.ParseBool(v)
	return b && err == nil || strings.EqualFold(v, "yes")
}

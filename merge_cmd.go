package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"forum/sessions"
)

// runMerge brings other laptops' copies of an event (JSON exports or forum
// database files) into this database and prints what it did.
func runMerge(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum merge", &db, stderr)
	event := fs.String("event", "", "the event to merge into (default: the first JSON file's event, else the most recently changed event)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("name one or more files: forum merge FILE.json|FILE.db…")
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		flag := *event
		if flag == "" { // the event of the first JSON file, when this database holds it
			if data, err := os.ReadFile(fs.Arg(0)); err == nil {
				if x, err := sessions.ParseExchange(data); err == nil {
					if _, err := eng.Snapshot(ctx, x.Event.ID); err == nil {
						flag = string(x.Event.ID)
					}
				}
			}
		}
		id, err := pickEvent(ctx, eng, flag)
		if err != nil {
			return err
		}
		var srcs []sessions.MergeSource
		for _, f := range fs.Args() { // every file is read and checked before anything is written
			src, err := sessions.ReadMergeSource(ctx, f, id)
			if err != nil {
				return fmt.Errorf("%w; nothing was merged", err)
			}
			srcs = append(srcs, src)
		}
		rep, err := eng.Merge(ctx, actor, id, srcs)
		if err != nil {
			return err
		}
		for _, l := range rep.Lines {
			fmt.Fprintln(stdout, l)
		}
		return nil
	})
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"forum/model"
	"forum/sessions"
)

// runPack writes a table's pack: a database file for one or more tables'
// laptop, which opens straight on its tables and may change only them.
func runPack(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("forum pack", &db, stderr)
	var numbers []int
	fs.Func("table", "a table's number (repeat for several tables on one laptop)", func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fmt.Errorf("%q is not a table number", s)
		}
		numbers = append(numbers, n)
		return nil
	})
	event := fs.String("event", "", "event id (default: the most recently changed event)")
	out := fs.String("o", "", "the pack's file, such as table3.db")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(numbers) == 0 || *out == "" || fs.NArg() > 0 {
		return errors.New("name the tables and the file: forum pack --table N [--table M] -o FILE.db")
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		id, err := pickEvent(ctx, eng, *event)
		if err != nil {
			return err
		}
		b, err := eng.Board(ctx, id)
		if err != nil {
			return err
		}
		var tables []model.ID
		for _, n := range numbers {
			var found model.ID
			for _, g := range b.Groups {
				if g.Name == fmt.Sprintf("Table %d", n) {
					found = g.ID
				}
			}
			if found == "" {
				return fmt.Errorf("the event has no Table %d (--table)", n)
			}
			tables = append(tables, found)
		}
		if err := eng.Pack(ctx, id, tables, *out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s for %d table(s): open it on the table's laptop with forum --db %s, and bring it back for forum merge\n", *out, len(tables), *out)
		return nil
	})
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageError marks a mistake in how a command was called (an unknown
// command or flag, a missing argument): forum exits with code 2 and points
// at --help. Every other error exits with code 1.
type usageError struct {
	err error
	cmd string // the command's path, for the pointer to its --help
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef is a usageError with a formatted sentence.
func usagef(format string, a ...any) error { return usageError{err: fmt.Errorf(format, a...)} }

// usageOf marks err as a mistake in calling cmd.
func usageOf(cmd *cobra.Command, err error) error {
	return usageError{err: err, cmd: cmd.CommandPath()}
}

// isUsage tells whether err is a usage mistake: one of ours, or one of
// cobra's own (which are plain errors recognised by their first words).
func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	s := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// app holds what every command shares: the --db flag's value and the
// streams commands write to.
type app struct {
	db             string
	plain          bool
	stdout, stderr io.Writer
}

// runFunc is the shape of a command that parses its own flags with Go's
// flag package (usually through flagSet, so --db after the command works).
type runFunc func(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error

// raw wraps a runFunc as a cobra command, so that adding a command written
// that way is one line in newRoot:
//
//	root.AddCommand(a.raw("tally [--event ID]", "count the votes of every table", runTally))
//
// cobra leaves its arguments alone (DisableFlagParsing): the function
// parses them, and prints its own --help. A --db given before the command
// name reaches it as db. Prefer declaring cobra flags (see exportCmd) once
// a command settles: they show in the generated help and complete in the
// shell.
func (a *app) raw(use, short string, run runFunc) *cobra.Command {
	return &cobra.Command{
		Use:                use,
		Short:              short,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, rest, err := takeDB(a.db, args)
			if err != nil {
				return err
			}
			return run(cmd.Context(), db, rest, a.stdout, a.stderr)
		},
	}
}

// takeDB removes --db PATH (or --db=PATH, -db PATH) from args that cobra
// did not parse, up to a "--", and returns the last value given.
func takeDB(db string, args []string) (string, []string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "db" {
			rest = append(rest, arg)
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return "", nil, usagef("flag needs an argument: --db")
			}
			i++
			value = args[i]
		}
		db = value
	}
	return db, rest, nil
}

// noArgs refuses positional arguments with a usage error naming the first.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageOf(cmd, fmt.Errorf("unexpected %q: '%s' takes only flags", args[0], cmd.CommandPath()))
	}
	return nil
}

// exactArgs wants n arguments; hint is the usage line shown otherwise.
func exactArgs(n int, hint string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageOf(cmd, errors.New(hint))
		}
		return nil
	}
}

// longDashes rewrites single-dash long flags (-db, -format=md), which Go's
// flag package accepted and earlier versions of forum documented, into the
// double-dash form cobra reads. Only names that are long flags of some
// command are rewritten, and never a flag's value or anything after "--".
func longDashes(root *cobra.Command, args []string) []string {
	long := map[string]bool{} // name → takes a value
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		add := func(f *pflag.Flag) {
			if len(f.Name) > 1 {
				long[f.Name] = f.NoOptDefVal == ""
			}
		}
		c.LocalFlags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	long["help"], long["version"] = false, false // cobra adds these flags later
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			out = append(out, args[i:]...)
			break
		}
		if strings.HasPrefix(arg, "-") && !strings.HasPrefix(arg, "--") {
			name, _, hasValue := strings.Cut(arg[1:], "=")
			if takesValue, ok := long[name]; ok {
				arg = "-" + arg
				out = append(out, arg)
				if takesValue && !hasValue && i+1 < len(args) {
					i++
					out = append(out, args[i])
				}
				continue
			}
		}
		if strings.HasPrefix(arg, "--") && !strings.Contains(arg, "=") {
			if takesValue := long[arg[2:]]; takesValue && i+1 < len(args) {
				out = append(out, arg, args[i+1])
				i++
				continue
			}
		}
		out = append(out, arg)
	}
	return out
}

// exitCode maps what a command returned to the process's exit code.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp), errors.Is(err, pflag.ErrHelp):
		return 0
	case isUsage(err):
		return 2
	default:
		return 1
	}
}

// printError writes err as one clear sentence on stderr, with a pointer to
// --help when the command was called wrongly.
func printError(w io.Writer, err error) {
	fmt.Fprintln(w, "forum:", strings.TrimRight(err.Error(), "\n"))
	if !isUsage(err) {
		return
	}
	path := "forum"
	var u usageError
	if errors.As(err, &u) && u.cmd != "" {
		path = u.cmd
	}
	fmt.Fprintf(w, "Run '%s --help' for usage.\n", path)
}

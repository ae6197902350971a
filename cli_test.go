package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestMistypedCommandsAndFlagsAreUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"exprot"}, []string{`unknown command "exprot"`, "Did you mean this?", "export", "Run 'forum --help'"}},
		{[]string{"--db", db, "serv"}, []string{"Did you mean this?", "serve"}},
		{[]string{"export", "--formt", "md"}, []string{"unknown flag: --formt", "Run 'forum export --help'"}},
		{[]string{"import"}, []string{"name one file: forum import [--replace] FILE.json"}},
		{[]string{"list", "extra"}, []string{`unexpected "extra"`}},
		{[]string{"templates", "show"}, []string{"forum templates show NAME"}},
		{[]string{"templates", "shwo"}, []string{"unknown 'templates shwo'"}},
		{[]string{"export", "--db"}, []string{"flag needs an argument: --db"}},
		{[]string{"new", "--tables", "many"}, []string{"invalid argument", "--tables"}},
	} {
		out, errs, code := forum(t, nil, c.args...)
		if code != 2 || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want 2 and nothing printed", c.args, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, errs)
			}
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a mistyped command created the database")
	}
}

func TestFailuresExitOneWithOneSentence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	_, errs, code := forum(t, nil, "--db", db, "templates", "show", "no-such")
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], "forum: ") || !strings.Contains(errs, `no built-in template "no-such"`) {
		t.Errorf("exit %d, stderr %q; want 1 and one line", code, errs)
	}
}

// TestSingleDashLongFlagsStillWork: Go's flag package took -db and
// -format, and scripts written for earlier versions use them.
func TestSingleDashLongFlagsStillWork(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "forum.db")
	id, errs, code := forum(t, nil, "-db", db, "demo")
	if code != 0 || !uuidRe.MatchString(id) {
		t.Fatalf("-db before the command: %d %q", code, errs)
	}
	want, _, _ := forum(t, nil, "--db", db, "export", "--format", "md")
	for _, args := range [][]string{
		{"export", "-db", db, "-format", "md"},
		{"export", "-db=" + db, "-format=md"},
		{"export", "--db=" + db, "-event", strings.TrimSpace(id)},
		{"-db", db, "export", "-o", filepath.Join(dir, "a.md")},
		{"-db", db, "export", "--o", filepath.Join(dir, "b.md")},
	} {
		out, errs, code := forum(t, nil, args...)
		if code != 0 {
			t.Errorf("%v: exit %d, %q", args, code, errs)
			continue
		}
		if strings.Contains(strings.Join(args, " "), ".md") {
			b, err := os.ReadFile(args[len(args)-1])
			out = string(b)
			if err != nil {
				t.Errorf("%v: %v", args, err)
			}
		}
		if out != want {
			t.Errorf("%v: not the same report as with --db and --format", args)
		}
	}
	// a value that looks like a flag is left alone
	_, errs, code = forum(t, nil, "--db", db, "new", "--title", "-format", "--tables", "1")
	if code != 0 {
		t.Fatalf("a title of -format: %d %q", code, errs)
	}
	if list, _, _ := forum(t, nil, "--db", db, "list"); !strings.Contains(list, "-format") {
		t.Errorf("the title -format was not kept:\n%s", list)
	}
}

func TestCompletionAndManPage(t *testing.T) {
	for shell, want := range map[string]string{"bash": "# bash completion", "zsh": "#compdef forum", "fish": "# fish completion for forum"} {
		out, errs, code := forum(t, nil, "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: %d %q %.80q", shell, code, errs, out)
		}
	}
	// what the shell asks when the user presses tab
	out, _, _ := forum(t, nil, "__complete", "ex")
	if !strings.Contains(out, "export") {
		t.Errorf("commands do not complete: %q", out)
	}
	out, _, _ = forum(t, nil, "__complete", "export", "--format", "")
	for _, f := range []string{"md", "html", "docx", "csv", "json"} {
		if !strings.Contains(out, f+"\n") {
			t.Errorf("--format does not complete %s: %q", f, out)
		}
	}
	out, _, _ = forum(t, nil, "__complete", "templates", "show", "")
	if !strings.Contains(out, "london-gp-2018") {
		t.Errorf("template names do not complete: %q", out)
	}
	out, _, _ = forum(t, nil, "__complete", "passcode", "--role", "")
	if !strings.Contains(out, "scribe") {
		t.Errorf("roles do not complete: %q", out)
	}
	man, _, code := forum(t, nil, "man")
	if code != 0 || !strings.HasPrefix(man, ".TH FORUM 1") || !strings.Contains(man, "export") || !strings.Contains(man, "FORUM_DB") {
		t.Errorf("man: %d %.200q", code, man)
	}
}

// TestRawCommandGetsTheDatabaseAndItsOwnFlags: a command written as
// runX(ctx, db, args, stdout, stderr) joins with app.raw and sees --db
// wherever it was given, and its other arguments untouched.
func TestRawCommandGetsTheDatabaseAndItsOwnFlags(t *testing.T) {
	for _, c := range []struct {
		args   []string
		db     string
		passed string
	}{
		{[]string{"--db", "a.db", "tally", "--event", "E", "x"}, "a.db", "--event E x"},
		{[]string{"tally", "-db", "b.db", "-event=E"}, "b.db", "--event=E"},
		{[]string{"tally", "--db=c.db", "--", "--db", "d"}, "c.db", "-- --db d"},
		{[]string{"tally", "--help"}, "", "--help"},
	} {
		var gotDB, gotArgs string
		var stdout bytes.Buffer
		a := &app{stdout: &stdout, stderr: io.Discard}
		root := newRoot(a)
		root.AddCommand(a.raw("tally", "count", func(_ context.Context, db string, args []string, stdout, _ io.Writer) error {
			gotDB, gotArgs = db, strings.Join(args, " ")
			return nil
		}))
		root.SetArgs(longDashes(root, c.args))
		if err := root.ExecuteContext(context.Background()); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if gotDB != c.db || gotArgs != c.passed {
			t.Errorf("%v: db %q, args %q; want %q, %q", c.args, gotDB, gotArgs, c.db, c.passed)
		}
	}
}

// TestPlainModeFromTheFlagAndTheEnvironment: --plain and FORUM_PLAIN=1 open
// the line-by-line front end: text only, no escape sequences.
func TestPlainModeFromTheFlagAndTheEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"--db", db, "--plain"}},
		{[]string{"FORUM_PLAIN=1"}, []string{"--db", db}},
	} {
		cmd := exec.Command(bin, c.args...)
		cmd.Env = append([]string{"HOME=" + t.TempDir()}, c.env...)
		cmd.Stdin = strings.NewReader("1\n1\n/stage\n/quit\n")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v %v: %v", c.env, c.args, err)
		}
		for _, want := range []string{"plain mode", "7 tables.", "1. Table 1, NCL: stage 6 of 6", "Stage 6 of 6: Key messages. Clock: ⚠ time up.", "Goodbye."} {
			if !strings.Contains(string(out), want) {
				t.Errorf("%v %v: the output lacks %q:\n%s", c.env, c.args, want, out)
			}
		}
		if bytes.ContainsAny(out, "\x1b\r") {
			t.Errorf("%v %v: escape sequences in plain mode: %q", c.env, c.args, out)
		}
	}
}

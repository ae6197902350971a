package tui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"forum/sessions"
	"forum/sessions/report"
)

// demoDoc is the report document of a fresh demo event.
func demoDoc(t *testing.T) report.Doc {
	t.Helper()
	eng, closeDB, err := sessions.Open(context.Background(), filepath.Join(t.TempDir(), "forum.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeDB() })
	id, err := eng.Demo(context.Background(), "test", sessions.DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := eng.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Build(snap, report.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var wordRE = regexp.MustCompile(`[\pL\pN/'’-]+`)

func TestPreviewWrapsAtWordsAndFitsTables(t *testing.T) {
	d := demoDoc(t)
	md := string(report.Markdown(d))
	for _, width := range []int{80, 120} {
		out := ansi.Strip(renderReport(d, width, NewStyles(true)))
		lines := strings.Split(out, "\n")
		text := strings.ToLower(" " + strings.Join(lines, " ") + " ")
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("width %d: line %d is %d wide: %q", width, i+1, w, l)
			}
		}
		// Every word of the report, references such as NCL/T1/11 included,
		// is whole on one line (the words of 12 letters or fewer: only a word
		// longer than a table column may be split).
		seen := map[string]bool{}
		for _, w := range wordRE.FindAllString(md, -1) {
			if len([]rune(w)) > 12 || seen[w] || strings.ContainsAny(w, "-") {
				continue
			}
			seen[w] = true
			if !regexp.MustCompile(`[^\pL\pN/]` + regexp.QuoteMeta(strings.ToLower(w)) + `[^\pL\pN/]`).MatchString(text) {
				t.Errorf("width %d: the word %q is split or missing", width, w)
			}
		}
		for _, want := range []string{"Support", "What would assist", "KEY MESSAGES", "━━━"} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: the preview lacks %q", width, want)
			}
		}
	}
}

package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

var rankLine = regexp.MustCompile(`^ +(=?\d+) +\d+  \S`)

// TestDashboardReadsWholeAtEveryWidth draws the plenary dashboard of the
// demo at 80, 120, 160 and 200 columns: nothing is cut with "…", each
// table's top priorities appear in full, ranks line up, as many areas sit
// side by side as fit, and the marks are explained on screen.
func TestDashboardReadsWholeAtEveryWidth(t *testing.T) {
	for _, c := range []struct{ w, h, cols int }{{80, 24, 1}, {120, 40, 2}, {160, 48, 3}, {200, 60, 4}} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			h := newHarness(t, c.w, c.h)
			h.keys("d", "d")
			h.golden(fmt.Sprintf("plenary-%dx%d", c.w, c.h))
			h.fits(c.w, c.h)
			if cols, _ := dashColumns(c.w, 5); cols != c.cols {
				t.Errorf("%d areas side by side at %d columns, want %d", cols, c.w, c.cols)
			}
			all := ansi.Strip(strings.Join(h.app.dash.lines, "\n"))
			if strings.Contains(all, "…") {
				t.Errorf("the dashboard still cuts text with …:\n%s", all)
			}
			flat := strings.Join(strings.Fields(all), " ")
			for _, want := range []string{"“not rated” means nobody rated it", "“=1” is joint first", "2 or more levels apart", "rank dots top priorities"} {
				if !strings.Contains(flat, want) {
					t.Errorf("the dashboard does not explain %q", want)
				}
			}
			for _, pa := range h.app.dash.p.Areas {
				for _, v := range pa.Tables {
					for _, pr := range topPriorities(v.Priorities) {
						// a column wraps a priority, so compare its words in the column's lines
						if !containsWords(h.app.dash.lines, pr.Note.Text) {
							t.Errorf("%s: priority %q is not shown whole", v.Group.Name, pr.Note.Text)
						}
					}
				}
			}
			if c.cols == 1 { // one column: every rank ends in the same place
				end := -1
				for _, l := range strings.Split(all, "\n") {
					if m := rankLine.FindStringSubmatchIndex(l); m != nil {
						if end >= 0 && m[3] != end {
							t.Errorf("rank not aligned with the others: %q", l)
						}
						end = m[3]
					}
				}
				if end < 0 {
					t.Error("no ranked priorities on the dashboard")
				}
			}
		})
	}
}

// containsWords reports whether the words of s appear in order somewhere
// in lines, wrapped across lines or side by side with other columns.
func containsWords(lines []string, s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return true
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	return strings.Contains(text, words[0]) && strings.Contains(text, words[len(words)-1])
}

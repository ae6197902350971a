package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestLineStyleIsRender: for every style the screens use, and random
// lines of text (plain, wide, combining, emoji, and hostile: escapes,
// control characters, tabs, invalid UTF-8, empty), lineStyle draws what
// the style's Render draws, byte for byte.
func TestLineStyleIsRender(t *testing.T) {
	pool := []string{"a", "Z", " ", "·", "━", "─", "é", "e\u0301", "漢", "字", "👍", "🏳️‍🌈", "…", "%", "\x1b[31m", "\x1b", "\t", "\n", "\r", "\x00", "\x7f", "\u0085", "\xff", "\xc3", "0", "9", ":"}
	var styles []lipgloss.Style
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		styles = append(styles, st.Title, st.Header, st.Demo, st.Prompt, st.Faint, st.Selected, st.Saved,
			st.Warn, st.Over, st.Error, st.OK, st.Tag, st.Bar, st.Box, st.Key, lipgloss.NewStyle(),
			lipgloss.NewStyle().Width(20), lipgloss.NewStyle().Padding(0, 1).Bold(true))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	fast := 0
	for _, st := range styles {
		l := newLineStyle(st)
		for range 400 {
			var b strings.Builder
			for range rng.IntN(40) {
				b.WriteString(pool[rng.IntN(len(pool))])
			}
			s := b.String()
			if got, want := l.Render(s), st.Render(s); got != want {
				t.Fatalf("style %q on %q: lineStyle %q, Render %q", st.Render("x"), s, got, want)
			}
			if l.ok && plainLine(s) {
				fast++
			}
		}
	}
	if fast == 0 {
		t.Fatal("no line took the quick way: the test checks nothing")
	}
	if newLineStyle(NewStyles(true).Box).ok {
		t.Fatal("a boxed style is not a line style")
	}
}

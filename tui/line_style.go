package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// lineStyle draws one line of plain text in a lipgloss style exactly as
// the style's Render does, with the style's opening and closing sequences
// worked out once. Render walks the text grapheme by grapheme, about 5 µs
// for a 100-column header, which every seat's clock pays once a second;
// for a plain line its output is always the opening sequence, the text
// and the reset, so that is what lineStyle writes. Anything else (escape
// sequences, control characters, tabs, invalid UTF-8, an empty string, a
// style whose output is not so made, such as one with a border or a width)
// goes through Render.
type lineStyle struct {
	st        lipgloss.Style
	pre, post string
	ok        bool
}

// newLineStyle works out st's sequences from two probes, and uses them only
// when both probes came out as sequence, text, reset.
func newLineStyle(st lipgloss.Style) lineStyle {
	l := lineStyle{st: st}
	const probe = "x"
	r := st.Render(probe)
	i := strings.Index(r, probe)
	if i < 0 || strings.Contains(r, "\n") {
		return l
	}
	l.pre, l.post = r[:i], r[i+len(probe):]
	for _, p := range []string{probe, " wide 漢字 and é ─━ "} {
		if st.Render(p) != l.pre+p+l.post {
			return l
		}
	}
	l.ok = true
	return l
}

// Render is st.Render(s).
func (l lineStyle) Render(s string) string {
	if !l.ok || !plainLine(s) {
		return l.st.Render(s)
	}
	return l.pre + s + l.post
}

// plainLine reports whether s is a non-empty line of printable text: valid
// UTF-8 with no control character (C0, DEL, C1), so no escape sequence,
// tab or line break.
func plainLine(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || (r >= 0x80 && r < 0xa0) {
			return false
		}
		i += n
	}
	return true
}

package tui

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
)

// typingDraw draws the typing line the way the textarea's View does, for
// the two states a scribe's line is nearly always in: empty (the
// placeholder), and one line of plain text with the cursor at its end.
// A textarea View wraps the text, styles each piece and cuts its viewport
// to size, about 0.15 ms; a note is typed through two or three of them.
//
// The pieces are taken from the textarea itself: for each width, a probe
// (the same typing line, noteInput) is drawn with the text "a", and split
// into the prompt before it and the cursor after it; the split is used
// only if putting the pieces back together gives the probe's drawing
// exactly. Every other state is left to the textarea's View.
type typingDraw struct {
	width       int
	ok          bool
	placeholder string
	prompt      string
	cursor      string
}

// view is in's View, drawn from the kept pieces when in is in one of the
// two states, else by the textarea.
func (d *typingDraw) view(in *textarea.Model) string {
	if !in.Focused() || in.HasSelection() || in.LineCount() != 1 || in.Height() != 1 || in.ScrollYOffset() != 0 {
		return in.View()
	}
	w := in.Width()
	if d.width != w {
		d.learn(w)
	}
	if !d.ok {
		return in.View()
	}
	v := in.Value()
	if v == "" {
		return d.placeholder
	}
	if in.Column() != len(v) || len(v)+1 >= w || !plainASCII(v) {
		return in.View()
	}
	return d.prompt + v + d.cursor + strings.Repeat(" ", w-len(v)-1)
}

// learn draws the probes for a textarea width w.
func (d *typingDraw) learn(w int) {
	probe := noteInput()
	probe.SetWidth(w)
	probe.SetWidth(2*w - probe.Width()) // SetWidth counts the prompt in
	d.width, d.ok = w, false
	if probe.Width() != w {
		return
	}
	d.placeholder = probe.View()
	probe.InsertString("a")
	out := probe.View()
	i := strings.IndexByte(out, 'a')
	if i < 0 {
		return
	}
	d.prompt = out[:i]
	d.cursor = strings.TrimRight(out[i+1:], " ")
	d.ok = d.prompt+"a"+d.cursor+strings.Repeat(" ", w-2) == out
}

// plainASCII reports whether s is printable ASCII with no two spaces in
// a row and no space at either end: text the textarea's wrapping leaves
// as it is on one line.
func plainASCII(s string) bool {
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

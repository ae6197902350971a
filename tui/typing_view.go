package tui

import "charm.land/bubbles/v2/textarea"

// typingKey is everything the table screen's typing lines are drawn from:
// the textarea's text, cursor, selection, size, scroll and focus, the
// line's label (typing, editing or the notes list) and the screen's width
// and colours.
//
// Every message but a clock tick used to draw the textarea again, and a
// note brings each seat at its table several (the save, the table's new
// view), each a textarea View: the text wrapped, every piece styled, the
// viewport cut to size, most of a View's cost. The lines are now drawn
// again only when one of these changed.
type typingKey struct {
	value                             string
	line, col, scroll                 int
	inputWidth, inputHeight, width    int
	focused, dark, listFocus, editing bool
	selected                          bool
	selFrom, selTo                    textarea.Position
}

// typingKeyOf is the key of the typing lines as the table screen is now.
func (t *tableModel) typingKeyOf(a *App) typingKey {
	in := &t.input
	from, to, sel := in.Selection()
	return typingKey{
		value: in.Value(), line: in.Line(), col: in.Column(), scroll: in.ScrollYOffset(),
		inputWidth: in.Width(), inputHeight: in.Height(), width: a.width,
		focused: in.Focused(), dark: a.dark, listFocus: t.listFocus, editing: t.editing != "",
		selected: sel, selFrom: from, selTo: to,
	}
}

// footLines is typingLines, kept while their key is the same.
func (t *tableModel) footLines(a *App) []string {
	k := t.typingKeyOf(a)
	if f := &a.frames; f.typing == nil || f.typingKey != k {
		f.typing, f.typingKey = t.typingLines(a), k
	}
	return a.frames.typing
}

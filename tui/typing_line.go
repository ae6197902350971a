package tui

import (
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// typeInto puts a typed character into a typing line and reports whether
// it did; otherwise the caller gives the message to the textarea's Update.
//
// bubbles' textarea Update draws the whole textarea on every message (to
// keep its viewport in step) and its View draws it again, so a typed
// character cost two renders of the line. A character typed with no
// modifier but shift matches none of the textarea's keys: it replaces any
// selection and is inserted at the cursor, as Update's own default does.
// While the text fits the textarea's height nothing scrolls, so the
// viewport needs nothing more; at the height limit Update runs (with no
// message) to scroll it as it would have.
func typeInto(in *textarea.Model, msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || k.Text == "" || k.Mod&^tea.ModShift != 0 || !in.Focused() || in.ScrollYOffset() != 0 {
		return nil, false
	}
	in.DeleteSelection()
	in.InsertString(k.Text)
	if in.MaxHeight > 0 && in.Height() < in.MaxHeight {
		return nil, true
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(nil)
	return cmd, true
}

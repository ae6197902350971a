package tui

import tea "charm.land/bubbletea/v2"

// confirmation is a question on the status line that waits for y (yes) or
// any other key (no) before running what it guards. On the table screen a
// key that types text (other than y) also answers no and then types,
// so a scribe who did not mean the question loses no letter.
type confirmation struct {
	yes tea.Cmd
	// no is the status line when the answer is no.
	no string
}

// ask puts a question on the status line and holds yes until the answer.
func (a *App) ask(question, no string, yes tea.Cmd) {
	a.pending = &confirmation{yes: yes, no: no}
	a.setStatus(question+" Press y to go ahead, any other key to keep it.", nil)
	a.isErr = true
}

// answer takes the key that answers a pending question. It reports whether
// there was one.
func (a *App) answer(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if a.pending == nil || !ok {
		return nil, false
	}
	p := a.pending
	a.pending = nil
	if k.String() != "y" {
		a.setStatus(p.no, nil)
		return nil, !(a.screen == screenTable && k.Text != "")
	}
	a.setStatus("", nil)
	return p.yes, true
}

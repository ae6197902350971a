package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// save stores the input as a new note, or as the edited note's text. The
// text stays in the input until the commit has returned.
func (t *tableModel) save(a *App) tea.Cmd {
	text := t.input.Value()
	if strings.TrimSpace(text) == "" {
		a.setStatus("Type the note first; an empty note is not saved.", nil)
		a.isErr = true
		return nil
	}
	// A new note changes the status line and nothing above the typing
	// line until it is saved (see frameCache).
	a.frames.kept = t.editing == ""
	if t.inflight != "" {
		if t.editing == "" {
			t.queued = append(t.queued, len(text))
		} else {
			a.setStatus("Still saving the last note…", nil)
		}
		return nil
	}
	return t.send(a, text)
}

// send starts the save of text (a new note, or the edit).
func (t *tableModel) send(a *App, text string) tea.Cmd {
	t.inflight = text
	a.setStatus("Saving…", nil)
	eng, ctx, actor, g, edit := a.eng, a.ctx, a.actor, t.view.Group.ID, t.editing
	return func() tea.Msg {
		if edit != "" {
			s, err := eng.EditNote(ctx, actor, edit, text)
			return savedMsg{note: s.Record, notice: s.Notice, err: err, edit: true, undo: s.Undo}
		}
		s, err := eng.Capture(ctx, actor, g, text, nil, "")
		return savedMsg{note: s.Record, notice: s.Notice, err: err}
	}
}

// saved takes the result of a save: only now is the text cleared.
func (t *tableModel) saved(a *App, m savedMsg) tea.Cmd {
	text := t.inflight
	t.inflight = ""
	if m.err != nil {
		t.queued = nil // the refused text stays in the input, with what followed
		a.setStatus(m.err.Error(), m.err)
		return nil
	}
	rest := strings.TrimPrefix(t.input.Value(), text)
	if len(t.queued) > 0 && !m.edit {
		cut := t.queued[0] - len(text)
		t.queued = t.queued[1:]
		for i := range t.queued {
			t.queued[i] -= len(text)
		}
		t.input.SetValue(rest)
		t.input.MoveToEnd()
		if cut > 0 && cut <= len(rest) && strings.TrimSpace(rest[:cut]) != "" {
			return tea.Batch(a.loadTable(t.view.Group.ID), t.send(a, rest[:cut]))
		}
	}
	if m.edit {
		t.editing = ""
		rest = t.stash
		t.keep(m.undo)
	}
	t.input.SetValue(strings.TrimLeft(rest, " "))
	t.input.MoveToEnd()
	if !m.edit {
		t.drafts[t.view.Group.ID] = t.input.Value()
		t.sel = len(t.notes())
	}
	status := "✓ Saved."
	if m.edit {
		status = "✓ Edit saved (ctrl+z undoes; enter on a note shows its history)."
	}
	if m.notice != "" {
		status += " " + m.notice
	}
	a.setStatus(status, nil)
	return a.loadTable(t.view.Group.ID)
}

package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
)

// inputKey handles the keys that are not typing; done is false to let the
// key reach the input.
func (t *tableModel) inputKey(a *App, k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case k.String() == "enter":
		return t.save(a), true
	case k.String() == "esc" && t.editing != "":
		t.input.SetValue(t.stash)
		t.input.MoveToEnd()
		t.editing = ""
		a.setStatus("Edit cancelled; nothing changed.", nil)
		return nil, true
	case k.String() == "tab" || k.String() == "esc":
		t.listFocus = true
		t.input.Blur()
		t.sel = len(t.notes()) - 1
		return nil, true
	}
	if cmd := t.commonKey(a, k.String()); cmd != nil {
		return cmd, true
	}
	return nil, false
}

// commonKey handles the keys that work with either focus.
func (t *tableModel) commonKey(a *App, s string) tea.Cmd {
	switch s {
	case "ctrl+n":
		return a.moveStage(1)
	case "ctrl+b":
		return a.moveStage(-1)
	case "ctrl+o":
		return a.openActivity()
	case "ctrl+s":
		a.summary.back = screenTable
		a.screen = screenSummary
		return a.loadSummary(t.view.Event.ID)
	}
	return nil
}

func (t *tableModel) listKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	if cmd, used := t.consoleKey(a, k.String()); used {
		return cmd
	}
	if cmd, used := t.themeKey(a, k.String()); used {
		return cmd
	}
	n := len(t.notes())
	note, ok := t.selected()
	eng, ctx, actor := a.eng, a.ctx, a.actor
	switch s := k.String(); {
	case key.Matches(k, keyUp):
		t.sel = clamp(t.sel-1, n)
	case key.Matches(k, keyDown):
		t.sel = clamp(t.sel+1, n)
	case key.Matches(k, keyToInput):
		t.listFocus = false
		return t.input.Focus()
	case key.Matches(k, keyLeave):
		t.listFocus = false
		a.screen, a.status = screenBoard, ""
		return a.loadBoard(t.view.Event.ID)
	case s == "?":
		a.help.ShowAll = !a.help.ShowAll
	case s == "n":
		return a.moveStage(1)
	case s == "b":
		return a.moveStage(-1)

	case s == "o":
		return a.openActivity()
	case s == "s":
		return t.commonKey(a, "ctrl+s")
	case s == "u":
		if len(t.undo) == 0 {
			a.setStatus("Nothing to undo.", nil)
			return nil
		}
		id := t.undo[len(t.undo)-1]
		t.undo = t.undo[:len(t.undo)-1]
		return do("Note restored.", func() error { return eng.RestoreNote(ctx, actor, id) })
	case !ok:
		return t.commonKey(a, s)
	case s == "e":
		t.stash, t.editing = t.input.Value(), note.ID
		t.input.SetValue(note.Text)
		t.input.MoveToEnd()
		t.listFocus = false
		a.setStatus("Editing: enter saves the new wording, esc cancels.", nil)
		return t.input.Focus()
	case key.Matches(k, keyDelete):
		t.undo = append(t.undo, note.ID)
		return do("Note deleted (u undoes).", func() error { return eng.DeleteNote(ctx, actor, note.ID) })
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9' && t.tagFor(s) != "":
		tag := t.tagFor(s)
		tags := slices.Clone(note.Tags)
		if i := slices.Index(tags, tag); i >= 0 {
			tags = slices.Delete(tags, i, i+1)
		} else {
			tags = append(tags, tag)
		}
		return do("Tags saved.", func() error { return eng.TagNote(ctx, actor, note.ID, tags) })
	case s == "v" && t.view.Stage.Activity == model.ActivityVision:
		g := t.view.Group.ID
		return do("Vision statement saved.", func() error { _, err := eng.SetVision(ctx, actor, g, note.Text); return err })
	default:
		return t.commonKey(a, s)
	}
	return nil
}

// save stores the input as a new note, or as the edited note's text. The
// text stays in the input until the commit has returned.
func (t *tableModel) save(a *App) tea.Cmd {
	text := t.input.Value()
	if strings.TrimSpace(text) == "" {
		a.setStatus("Type the note first; an empty note is not saved.", nil)
		a.isErr = true
		return nil
	}
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
			return savedMsg{note: s.Record, notice: s.Notice, err: err, edit: true}
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
	}
	t.input.SetValue(strings.TrimLeft(rest, " "))
	t.input.MoveToEnd()
	if !m.edit {
		t.drafts[t.view.Group.ID] = t.input.Value()
		t.sel = len(t.notes())
	}
	status := "✓ Saved."
	if m.edit {
		status = "✓ Edit saved (the earlier wording is kept in the history)."
	}
	if m.notice != "" {
		status += " " + m.notice
	}
	a.setStatus(status, nil)
	return a.loadTable(t.view.Group.ID)
}

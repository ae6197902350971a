package tui

import (
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// tableCmd is one thing the table screen does: its binding (from
// tableKeys), what it does, and where it works.
type tableCmd struct {
	b   key.Binding
	run func(t *tableModel, a *App) tea.Cmd
	// list: only in the notes list (the same keys edit text while typing).
	list bool
	// note: it changes the selected note, so it needs one, at the table's
	// own stage (not while looking at another stage).
	note bool
}

// tableCmds are tableCommands, made once: every key the scribe types is
// matched against them.
var tableCmds = sync.OnceValue(tableCommands)

// commands are the table screen's commands, matched in this order; the
// ctrl+x menu offers them too.
func tableCommands() []tableCmd {
	k := tableKeys
	return []tableCmd{
		{b: k.NextStage, run: func(t *tableModel, a *App) tea.Cmd { return a.moveStage(1) }},
		{b: k.PrevStage, run: func(t *tableModel, a *App) tea.Cmd { return a.moveStage(-1) }},
		{b: k.Activity, run: func(t *tableModel, a *App) tea.Cmd { return a.openActivity() }},
		{b: k.Clock, run: (*tableModel).clockKey},
		{b: k.Undo, run: (*tableModel).undoLast},
		{b: k.Lock, run: (*tableModel).lockKey},
		{b: k.Menu, run: func(t *tableModel, a *App) tea.Cmd { t.menu = tableMenu{open: true}; return nil }},
		{b: k.Summary, run: func(t *tableModel, a *App) tea.Cmd {
			a.summary.back = screenTable
			return navigateLoad(screenSummary, a.loadSummary(t.view.Event.ID))
		}},
		{b: k.SplitPaste, run: (*tableModel).splitPaste},
		{b: k.Extend, run: (*tableModel).extend},
		{b: k.FacNotes, run: (*tableModel).facNotes},
		{b: k.Bell, run: func(t *tableModel, a *App) tea.Cmd {
			a.bellOff = !a.bellOff
			a.setStatus(map[bool]string{true: "The time-up bell is off.", false: "The time-up bell is on."}[a.bellOff], nil)
			return nil
		}},
		{b: k.Maturity, run: func(t *tableModel, a *App) tea.Cmd { return a.openMaturity() }},
		{b: k.Scale, run: func(t *tableModel, a *App) tea.Cmd { return a.openScale() }},
		{b: k.Up, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.sel = clamp(t.sel-1, len(t.notes())); return nil }},
		{b: k.Down, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.sel = clamp(t.sel+1, len(t.notes())); return nil }},
		{b: k.PageUp, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.sel = clamp(t.sel-10, len(t.notes())); return nil }},
		{b: k.PageDown, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.sel = clamp(t.sel+10, len(t.notes())); return nil }},
		{b: k.First, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.sel = 0; return nil }},
		{b: k.Last, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.sel = len(t.notes()) - 1; return nil }},
		{b: k.Help, list: true, run: func(t *tableModel, a *App) tea.Cmd { a.help.ShowAll, a.helpTop = true, 0; return nil }},
		{b: k.History, list: true, run: (*tableModel).openHistory},
		{b: k.Mark, list: true, note: true, run: (*tableModel).mark},
		{b: k.Tag, list: true, note: true, run: nil}, // handled with the digit: see tag
		{b: k.Edit, list: true, note: true, run: (*tableModel).startEdit},
		{b: k.Delete, list: true, note: true, run: (*tableModel).deleteNote},
		{b: k.Group, list: true, note: true, run: (*tableModel).group},
		{b: k.Filter, list: true, run: func(t *tableModel, a *App) tea.Cmd {
			t.filtering = true
			a.setStatus("Filter: type a word (enter keeps it, esc clears it).", nil)
			return nil
		}},
		{b: k.ReadBack, list: true, run: func(t *tableModel, a *App) tea.Cmd { t.readBack, t.readTop = true, 0; return nil }},
		{b: k.Who, list: true, note: true, run: func(t *tableModel, a *App) tea.Cmd {
			note, _ := t.selected()
			return a.openForm(a.authorForm(note), screenTable)
		}},
		{b: k.Vision, note: true, run: (*tableModel).useAsVision},
		{b: k.NoteOn, note: true, run: func(t *tableModel, a *App) tea.Cmd { return t.moveNote(a, 1) }},
		{b: k.NoteBack, note: true, run: func(t *tableModel, a *App) tea.Cmd { return t.moveNote(a, -1) }},
		{b: k.Rename, note: true, run: (*tableModel).renameTheme},
		{b: k.Ungroup, note: true, run: (*tableModel).ungroup},
		{b: k.TakeOut, note: true, run: (*tableModel).takeOut},
	}
}

// command finds the command a binding names (for the menu).
func command(b key.Binding) (tableCmd, bool) {
	for _, c := range tableCmds() {
		if c.b.Help() == b.Help() {
			return c, true
		}
	}
	return tableCmd{}, false
}

// runCmd runs a command, refusing one that changes a note when there is
// none to change or the stage on screen is not the table's.
func (t *tableModel) runCmd(a *App, c tableCmd) tea.Cmd {
	if c.note {
		if t.browsing() {
			a.setStatus("Read-only: this is another stage's notes. → or ← back to "+t.view.Stage.Title+" to change them.", nil)
			return nil
		}
		if _, ok := t.selected(); !ok {
			a.setStatus("No note selected: there are no notes at this stage yet.", nil)
			return nil
		}
	}
	return c.run(t, a)
}

// commandKey runs the command bound to k, if any, in the current state.
func (t *tableModel) commandKey(a *App, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if t.listFocus && key.Matches(k, tableKeys.Tag) {
		return t.tag(a, k.String()), true
	}
	if t.listFocus && key.Matches(k, tableKeys.Browse) {
		return t.browse(a, map[string]int{"left": -1, "right": 1}[k.String()]), true
	}
	for _, c := range tableCmds() {
		if c.run == nil || c.list && !t.listFocus || !key.Matches(k, c.b) {
			continue
		}
		return t.runCmd(a, c), true
	}
	return nil, false
}

// inputKey handles the keys that are not typing while the typing line has
// the focus; done is false to let the key reach the input.
func (t *tableModel) inputKey(a *App, k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, tableKeys.Save):
		return t.save(a), true
	case key.Matches(k, tableKeys.Back) && t.editing != "":
		a.ask("Drop this edit (the note keeps its wording)?", "The edit is still open: enter saves it.", func() tea.Msg { return dropEditMsg{} })
		return nil, true
	case key.Matches(k, tableKeys.Switch) && t.editing != "":
		a.setStatus("Finish the edit first: enter saves it, esc drops it.", nil)
		return nil, true
	case key.Matches(k, tableKeys.Switch), key.Matches(k, tableKeys.Back):
		t.listFocus = true
		t.input.Blur()
		t.sel = len(t.notes()) - 1
		a.setStatus("Notes list: ↑/↓ select. Any letter goes back to typing.", nil)
		return nil, true
	}
	return t.commandKey(a, k)
}

// listKey handles a key while the notes list has the focus. A key that
// types text (a letter, a sign) is never a command here: it goes back to
// the typing line, so a sentence typed after tab lands where it belongs.
func (t *tableModel) listKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	if cmd, used := t.commandKey(a, k); used {
		return cmd
	}
	switch {
	case key.Matches(k, tableKeys.Switch):
		t.listFocus = false
		a.setStatus("", nil)
		return t.input.Focus()
	case key.Matches(k, tableKeys.Back) && t.filter != "":
		t.filter = ""
		a.setStatus("Filter cleared: every note shows.", nil)
		return nil
	case key.Matches(k, tableKeys.Back):
		t.listFocus = false
		status := ""
		if strings.TrimSpace(t.input.Value()) != "" {
			status = "Left " + model.Safe(t.view.Group.Name, false) + "; its draft is kept for when you come back."
		}
		return navigate(screenBoard, status)
	case k.Text != "":
		return t.typeKey(a, k)
	}
	a.setStatus(k.String()+" does nothing in the notes list: ? shows every key.", nil)
	return nil
}

// typeKey puts a typed key on the typing line, giving it the focus.
func (t *tableModel) typeKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	t.listFocus = false
	a.setStatus("", nil)
	focus := t.input.Focus()
	cmd, typed := typeInto(&t.input, k)
	if !typed {
		t.input, cmd = t.input.Update(k)
	}
	t.drafts[t.view.Group.ID] = t.input.Value()
	return tea.Batch(focus, cmd)
}

// dropEditMsg drops the edit being typed (after the scribe said yes).
type dropEditMsg struct{}

func (t *tableModel) dropEdit(a *App) {
	t.input.SetValue(t.stash)
	t.input.MoveToEnd()
	t.editing = ""
	a.setStatus("Edit dropped; the note is as it was.", nil)
}

func (t *tableModel) startEdit(a *App) tea.Cmd {
	note, _ := t.selected()
	t.stash, t.editing = t.input.Value(), note.ID
	t.input.SetValue(note.Text)
	t.input.MoveToEnd()
	t.listFocus = false
	a.setStatus("EDITING the note: enter saves the new wording, esc drops it.", nil)
	return t.input.Focus()
}

func (t *tableModel) deleteNote(a *App) tea.Cmd {
	note, _ := t.selected()
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return undoable("Note deleted (ctrl+z undoes).", func() (sessions.Undo, error) { return eng.DeleteNote(ctx, actor, note.ID) })
}

func (t *tableModel) tag(a *App, digit string) tea.Cmd {
	tag := t.tagFor(digit)
	note, ok := t.selected()
	switch {
	case tag == "":
		a.setStatus("No tag on "+digit+": "+t.tagLegend()+".", nil)
		return nil
	case t.browsing():
		a.setStatus("Read-only: this is another stage's notes.", nil)
		return nil
	case !ok:
		a.setStatus("No note selected.", nil)
		return nil
	}
	tags := slices.Clone(note.Tags)
	if i := slices.Index(tags, tag); i >= 0 {
		tags = slices.Delete(tags, i, i+1)
	} else {
		tags = append(tags, tag)
	}
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return undoable("Tags saved.", func() (sessions.Undo, error) { return eng.TagNote(ctx, actor, note.ID, tags) })
}

func (t *tableModel) useAsVision(a *App) tea.Cmd {
	if t.view.Stage.Activity != model.ActivityVision {
		a.setStatus("The vision is written at the vision stage.", nil)
		return nil
	}
	note, _ := t.selected()
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	return do("Vision statement saved.", func() error { _, err := eng.SetVision(ctx, actor, g, note.Text); return err })
}

// undoLast undoes the seat's newest change at this table still undoable.
func (t *tableModel) undoLast(a *App) tea.Cmd {
	g := t.view.Group.ID
	stack := t.undos[g]
	if len(stack) == 0 {
		a.setStatus("Nothing to undo: you have made no change at this table since you opened it.", nil)
		return nil
	}
	u := stack[len(stack)-1]
	t.undos[g] = stack[:len(stack)-1]
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return func() tea.Msg {
		if _, err := eng.Undo(ctx, actor, u); err != nil {
			return doneMsg{err: err, reload: true}
		}
		return doneMsg{status: "Undone: " + u.Label + ".", reload: true}
	}
}

// undoneMsg reports a change that can be undone: the App keeps its Undo
// on the seat's stack for the table.
type undoneMsg struct {
	undo   sessions.Undo
	status string
	err    error
}

// undoable runs an operation that returns its Undo.
func undoable(status string, f func() (sessions.Undo, error)) tea.Cmd {
	return func() tea.Msg {
		u, err := f()
		return undoneMsg{undo: u, status: status, err: err}
	}
}

// keep puts an Undo on the seat's stack for its table.
func (t *tableModel) keep(u sessions.Undo) {
	if u.Empty() {
		return
	}
	t.undos[u.Table] = append(t.undos[u.Table], u)
	if n := len(t.undos[u.Table]); n > maxUndo {
		t.undos[u.Table] = t.undos[u.Table][n-maxUndo:]
	}
}

// maxUndo is how many changes a seat can undo at one table.
const maxUndo = 50

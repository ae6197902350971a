package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// matches reports whether a note's text, tags or author hold the filter.
func matches(c model.Contribution, filter string) bool {
	f := strings.ToLower(filter)
	if strings.Contains(strings.ToLower(c.Text), f) || strings.Contains(strings.ToLower(c.Author), f) {
		return true
	}
	for _, t := range c.Tags {
		if strings.Contains(t, f) {
			return true
		}
	}
	return false
}

// craftKey handles the scribe's extra tools before anything else: the
// split of a pasted block, the filter being typed, read-back mode, moving a
// note to another stage and who said it. It reports whether it used msg.
func (t *tableModel) craftKey(a *App, msg tea.Msg) (tea.Cmd, bool) {
	if p, ok := msg.(tea.PasteMsg); ok && !t.listFocus {
		t.pasted = ""
		if lines := nonEmptyLines(p.Content); lines > 1 {
			before := t.input.Value()
			var cmd tea.Cmd
			t.input, cmd = t.input.Update(msg)
			t.drafts[t.view.Group.ID] = t.input.Value()
			t.pasted, t.beforePaste, t.afterPaste = p.Content, before, t.input.Value()
			a.setStatus(fmt.Sprintf("Pasted %d lines as one note: ctrl+y makes them %d separate notes.", lines, lines), nil)
			return cmd, true
		}
		return nil, false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case t.readBack:
		return t.readBackKey(a, k), true
	case t.filtering:
		return t.filterKey(a, k), true
	case t.history.open:
		return t.historyKey(a, k), true
	case t.menu.open:
		return t.menuKey(a, k), true
	}
	return nil, false
}

func nonEmptyLines(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// splitPaste takes the pasted block out of the typing line and saves each
// of its lines as a note.
func (t *tableModel) splitPaste(a *App) tea.Cmd {
	if t.pasted == "" {
		a.setStatus("Nothing to split: paste several lines into the typing line first.", nil)
		return nil
	}
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(t.pasted)
	t.pasted = ""
	if t.input.Value() != t.afterPaste {
		a.setStatus("The typing line changed after the paste; nothing split.", nil)
		return nil
	}
	t.input.SetValue(t.beforePaste)
	t.input.MoveToEnd()
	t.drafts[t.view.Group.ID] = t.input.Value()
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	a.setStatus("Saving the lines…", nil)
	return func() tea.Msg {
		n, err := eng.CaptureLines(ctx, actor, g, text)
		if err != nil {
			return doneMsg{err: fmt.Errorf("%d lines saved as notes, then: %w", n, err), reload: true}
		}
		return doneMsg{status: fmt.Sprintf("✓ %s saved, one per line.", plural(n, "note", "notes")), reload: true}
	}
}

// filterKey edits the filter as it is typed.
func (t *tableModel) filterKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, filterKeys.Keep):
		t.filtering = false
		a.setStatus(fmt.Sprintf("Showing %s with %q; esc shows all.", plural(len(t.notes()), "note", "notes"), t.filter), nil)
	case key.Matches(k, filterKeys.Clear):
		t.filtering, t.filter = false, ""
		a.setStatus("Filter cleared.", nil)
	case key.Matches(k, filterKeys.Erase):
		if r := []rune(t.filter); len(r) > 0 {
			t.filter = string(r[:len(r)-1])
		}
	case k.Text != "":
		t.filter += model.Safe(k.Text, false)
	}
	t.sel = clamp(t.sel, len(t.notes()))
	if t.filtering {
		a.setStatus(fmt.Sprintf("Filter: %s▏ (%s)", t.filter, plural(len(t.notes()), "note", "notes")), nil)
	}
	return nil
}

// moveNote moves the selected note to the next (+1) or previous stage.
func (t *tableModel) moveNote(a *App, d int) tea.Cmd {
	note, ok := t.selected()
	if !ok {
		return nil
	}
	to := t.view.StageIndex + d
	if to < 0 || to >= len(t.view.Event.Stages) {
		a.setStatus("There is no stage that way.", nil)
		return nil
	}
	stage := t.view.Event.Stages[to]
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return undoable("Moved to "+stage.Title+" (ctrl+z undoes).", func() (sessions.Undo, error) { return eng.MoveNote(ctx, actor, note.ID, stage.Key) })
}

// authorForm records who said a note.
func (a *App) authorForm(note model.Contribution) formModel {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return formModel{
		title:  "Who said it",
		intro:  []string{"A role or initials (GP, PM, patient rep, AB); never required. Empty clears it.", "“" + model.Safe(note.Text, false) + "”"},
		fields: []field{newField("Said by", note.Author, "e.g. GP")},
		submit: func(f *formModel) tea.Cmd {
			who := f.value(0)
			return saveCmd("✓ Saved who said it.", func() (string, error) { return eng.SetAuthor(ctx, actor, note.ID, who) })
		},
	}
}

// readBackKey scrolls read-back mode; esc leaves it.
func (t *tableModel) readBackKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, readBackKeys.Leave):
		t.readBack = false
	case key.Matches(k, readBackKeys.Down):
		t.readTop++
	case key.Matches(k, readBackKeys.Up):
		t.readTop = max(t.readTop-1, 0)
	default:
		a.setStatus("Read-back: ↑/↓ scroll, esc goes back to the table.", nil)
	}
	return nil
}

// renderReadBack shows the stage's notes large and uncluttered, numbered,
// for the scribe to read back to the table.
func (t *tableModel) renderReadBack(a *App) string {
	v := t.view
	head := a.headerBar(fmt.Sprintf("Read-back · %s · %s · %s", model.Safe(v.Group.Name, false), v.Stage.Title, plural(len(t.notes()), "note", "notes")))
	w := min(max(a.width-8, 20), 100)
	var lines []string
	for i, c := range t.notes() {
		for j, l := range wrap(model.Safe(c.Text, true), w) {
			lead := "      "
			if j == 0 {
				lead = fmt.Sprintf("  %2d. ", i+1)
			}
			lines = append(lines, lead+a.st.Key.Render(l))
		}
		lines = append(lines, "")
	}
	if len(lines) == 0 {
		lines = []string{"", "  Nothing captured at this stage yet."}
	}
	room := a.bodyRoom(readBackKeys.keyMap())
	t.readTop = min(t.readTop, max(len(lines)-room, 0))
	return a.page(head, lines[t.readTop:min(t.readTop+room, len(lines))], readBackKeys.keyMap())
}

// readBackKeyMap are the keys of read-back mode.
type readBackKeyMap struct{ Up, Down, Leave key.Binding }

var readBackKeys = readBackKeyMap{
	Up:    kb([]string{"up", "pgup"}, "↑", "scroll up"),
	Down:  kb([]string{"down", "pgdown", "space"}, "↓/space", "scroll down"),
	Leave: kb([]string{"esc", "ctrl+r"}, "esc", "back to the table"),
}

func (k readBackKeyMap) keyMap() keyMap {
	b := []key.Binding{k.Up, k.Down, k.Leave}
	return keyMap{short: b, full: [][]key.Binding{b}}
}

// filterKeyMap are the keys while a filter is typed.
type filterKeyMap struct{ Keep, Clear, Erase key.Binding }

var filterKeys = filterKeyMap{
	Keep:  kb([]string{"enter"}, "enter", "keep the filter"),
	Clear: kb([]string{"esc"}, "esc", "clear it"),
	Erase: kb([]string{"backspace"}, "backspace", "erase a letter"),
}

package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
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
			a.setStatus(fmt.Sprintf("Pasted %d lines as one note: ctrl+l makes them %d separate notes.", lines, lines), nil)
			return cmd, true
		}
		return nil, false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	s := k.String()
	switch {
	case t.readBack:
		return t.readBackKey(a, s), true
	case t.filtering:
		return t.filterKey(a, k), true
	case s == "ctrl+l" && !t.listFocus && t.pasted != "":
		return t.splitPaste(a), true
	case !t.listFocus:
		return nil, false
	case s == "/":
		t.filtering = true
		a.setStatus("Filter: type a word (enter keeps it, esc clears it).", nil)
		return nil, true
	case s == "r":
		t.readBack, t.readTop = true, 0
		return nil, true
	case s == ">" || s == "<":
		return t.moveNote(a, map[string]int{">": 1, "<": -1}[s]), true
	case s == "w":
		if note, ok := t.selected(); ok {
			return a.openForm(a.authorForm(note), screenTable), true
		}
		return nil, true
	case s == "esc" && t.filter != "":
		t.filter = ""
		a.setStatus("Filter cleared: every note shows.", nil)
		return nil, true
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
	switch k.String() {
	case "enter":
		t.filtering = false
		a.setStatus(fmt.Sprintf("Showing %s with %q; esc shows all.", plural(len(t.notes()), "note", "notes"), t.filter), nil)
	case "esc":
		t.filtering, t.filter = false, ""
		a.setStatus("Filter cleared.", nil)
	case "backspace":
		if r := []rune(t.filter); len(r) > 0 {
			t.filter = string(r[:len(r)-1])
		}
	default:
		if k.Text != "" {
			t.filter += model.Safe(k.Text, false)
		}
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
	return do("Moved to "+stage.Title+".", func() error { return eng.MoveNote(ctx, actor, note.ID, stage.Key) })
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

// readBackKey scrolls read-back mode; esc or r leaves it.
func (t *tableModel) readBackKey(a *App, s string) tea.Cmd {
	switch s {
	case "esc", "r", "q":
		t.readBack = false
	case "down", "j", "space", "pgdown":
		t.readTop++
	case "up", "k", "pgup":
		t.readTop = max(t.readTop-1, 0)
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
	room := a.bodyRoom(readBackKeys)
	t.readTop = min(t.readTop, max(len(lines)-room, 0))
	return a.page(head, lines[t.readTop:min(t.readTop+room, len(lines))], readBackKeys)
}

var readBackKeys = keyMap{
	short: []key.Binding{keyScroll, kb([]string{"esc", "r"}, "esc", "back to the table")},
	full:  [][]key.Binding{{keyScroll, kb([]string{"esc", "r"}, "esc", "back to the table")}},
}

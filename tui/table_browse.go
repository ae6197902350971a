package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// browsing reports whether the list shows another stage than the table's.
func (t *tableModel) browsing() bool {
	return t.browseKey != "" && t.browseKey != t.view.Stage.Key
}

// shown is the view as the notes list shows it: the table's own stage, or
// the stage being looked at (read-only; the table stays where it is).
func (t *tableModel) shown() sessions.TableView {
	v := t.view
	if !t.browsing() {
		return v
	}
	if i := model.StageIndex(v.Event.Stages, t.browseKey); i >= 0 {
		v.Stage, v.StageIndex = v.Event.Stages[i], i
	}
	return v
}

// browse looks at the previous (-1) or next (+1) stage's notes, for this
// seat only: the table does not move.
func (t *tableModel) browse(a *App, d int) tea.Cmd {
	v := t.shown()
	to := v.StageIndex + d
	if to < 0 || to >= len(v.Event.Stages) {
		a.setStatus("There is no stage that way.", nil)
		return nil
	}
	t.browseKey = v.Event.Stages[to].Key
	t.version++
	t.sel = len(t.notes()) - 1
	if !t.browsing() {
		t.browseKey = ""
		a.setStatus("Back at the table's own stage.", nil)
		return nil
	}
	a.setStatus(fmt.Sprintf("Looking at %s (read-only); the table stays at %s.", v.Event.Stages[to].Title, t.view.Stage.Title), nil)
	return nil
}

// tableMenu is the ctrl+x menu: everything the table screen can do,
// chosen with the arrows and enter. A letter closes it and types.
type tableMenu struct {
	open bool
	sel  int
}

var (
	menuChoose = kb([]string{"up", "down"}, "↑/↓", "choose")
	menuRun    = kb([]string{"enter"}, "enter", "do it")
	menuClose  = kb([]string{"esc", "ctrl+x"}, "esc", "close")
	menuKeys   = []key.Binding{menuChoose, menuRun, menuClose}
)

func (t *tableModel) menuKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	items := tableKeys.menuItems(t.view)
	switch {
	case key.Matches(k, menuChoose):
		d := map[string]int{"up": -1, "down": 1}[k.String()]
		t.menu.sel = (t.menu.sel + d + len(items)) % len(items)
	case key.Matches(k, menuRun):
		t.menu.open = false
		if c, ok := command(items[t.menu.sel]); ok {
			return t.runCmd(a, c)
		}
	case key.Matches(k, menuClose):
		t.menu.open = false
	case k.Text != "": // typing closes the menu and types
		t.menu.open = false
		return t.typeKey(a, k)
	}
	return nil
}

// menuLines draws the menu: the key of each item where it has one.
func (t *tableModel) menuLines(a *App) []string {
	items := tableKeys.menuItems(t.view)
	lines := []string{a.st.Title.Render("  More (↑/↓ choose, enter does it, esc closes; typing closes it)")}
	for i, b := range items {
		h := b.Help()
		line := fmt.Sprintf("%-8s %s", h.Key, h.Desc)
		if i == t.menu.sel {
			lines = append(lines, a.st.Selected.Render("› "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	return lines
}

// tableHistory is the selected note's history, read-only.
type tableHistory struct {
	open     bool
	note     model.Contribution
	versions []sessions.Version
}

// historyMsg brings a note's history.
type historyMsg struct {
	note     model.Contribution
	versions []sessions.Version
}

var historyClose = kb([]string{"esc", "enter"}, "esc", "back to the notes")

func (t *tableModel) openHistory(a *App) tea.Cmd {
	note, ok := t.selected()
	if !ok {
		a.setStatus("No note selected.", nil)
		return nil
	}
	eng, ctx := a.eng, a.ctx
	return func() tea.Msg {
		vs, err := eng.NoteHistory(ctx, note)
		if err != nil {
			return doneMsg{err: err}
		}
		return historyMsg{note: note, versions: vs}
	}
}

func (t *tableModel) historyKey(a *App, k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, historyClose) {
		t.history.open = false
		return nil
	}
	if k.Text != "" { // typing closes the history and types
		t.history.open = false
		return t.typeKey(a, k)
	}
	a.setStatus("The history is read-only: esc goes back to the notes.", nil)
	return nil
}

// historyLines draws every version of the note, newest first.
func (t *tableModel) historyLines(a *App) []string {
	h := t.history
	lines := []string{a.st.Title.Render("  History of the note (read-only; every earlier wording is kept)"), ""}
	for i := len(h.versions) - 1; i >= 0; i-- {
		v := h.versions[i]
		what := "wording"
		switch {
		case i == len(h.versions)-1:
			what = "now"
		case i == 0:
			what = "first"
		}
		if v.Deleted {
			what += " · deleted"
		}
		by := v.By
		if by == "" {
			by = "unknown"
		}
		lines = append(lines, a.st.Faint.Render(fmt.Sprintf("  %s · %s · by %s · %s", v.At.Format("15:04:05"), what, model.Safe(by, false), v.Stage)))
		for _, l := range wrap(model.Safe(v.Text, true), max(a.width-6, 10)) {
			lines = append(lines, "    "+l)
		}
		if len(v.Tags) > 0 {
			lines = append(lines, a.st.Faint.Render("    #"+strings.Join(v.Tags, " #")))
		}
	}
	return lines
}

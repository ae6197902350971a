package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

var homeKeys = keyMap{
	short: []key.Binding{keyEnter, keyNew, keyDemo, keyQuit, keyHelp},
	full: [][]key.Binding{{keyUp, keyDown, keyEnter}, {keyNew, keyDemo, keyQuit},
		{kb([]string{"r"}, "r", "rename"), kb([]string{"c"}, "c", "copy as next year's"), kb([]string{"a"}, "a", "archive / unarchive"), kb([]string{"x"}, "x", "delete")}},
}

func (a *App) homeKey(msg tea.KeyPressMsg) tea.Cmd {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	if cmd, used := a.lifecycleKey(msg.String()); used {
		return cmd
	}
	switch {
	case key.Matches(msg, keyQuit):
		return tea.Quit
	case key.Matches(msg, keyUp):
		a.evSel = clamp(a.evSel-1, len(a.events))
	case key.Matches(msg, keyDown):
		a.evSel = clamp(a.evSel+1, len(a.events))
	case key.Matches(msg, keyEnter):
		if len(a.events) == 0 {
			return nil
		}
		a.screen, a.boardSel, a.status = screenBoard, 0, ""
		return a.loadBoard(a.events[a.evSel].ID)
	case key.Matches(msg, keyNew):
		return a.openForm(a.setupForm(), screenHome)
	case key.Matches(msg, keyDemo):
		a.setStatus("Writing the demo event…", nil)
		return func() tea.Msg {
			id, err := eng.Demo(ctx, actor, sessions.DemoOptions{})
			if err != nil {
				return doneMsg{err: err}
			}
			return openEventMsg{id}
		}
	}
	return nil
}

func (a *App) homeView() string {
	body := []string{
		"",
		a.st.Title.Render("forum") + "  runs a forum's breakout tables and writes up its key messages.",
		a.st.Faint.Render("Database: " + model.Safe(a.eng.Path(), false)),
		"",
	}
	if len(a.events) == 0 {
		body = append(body,
			"There are no events yet.",
			"",
			"  Press "+a.st.Key.Render("n")+" to start a new event. The default is the London 2018",
			"          forum on general practice at scale: five STPs, one table",
			"          each, the six-stage script.",
			"  Press "+a.st.Key.Render("d")+" to add an illustrative demo event that is already complete.")
		return a.page(a.headerBar("forum · events"), body, homeKeys)
	}
	body = append(body, a.st.Faint.Render("Events (enter opens one; ? for rename, copy, archive, delete):"))
	room := a.height - 4 - len(body) - 2
	from, to := scrollWindow(len(a.events), a.evSel, room)
	for i := from; i < to; i++ {
		e := a.events[i]
		line := fmt.Sprintf("%s  %-9s  %s", e.Date, plural(e.Tables, "table", "tables"), model.Safe(e.Title, false))
		if e.Illustrative {
			line = fmt.Sprintf("%s  %-9s  %s %s", e.Date, plural(e.Tables, "table", "tables"), a.st.Demo.Render("ILLUSTRATIVE DEMO"), model.Safe(e.Title, false))
		}
		if e.Archived {
			line = a.st.Faint.Render(fmt.Sprintf("%s  %-9s  archived  %s", e.Date, plural(e.Tables, "table", "tables"), model.Safe(e.Title, false)))
		}
		if i == a.evSel {
			line = a.st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		body = append(body, line)
	}
	return a.page(a.headerBar("forum · events"), body, homeKeys)
}

package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
)

var boardKeys = keyMap{
	short: []key.Binding{keyEnter, keySetup, keyProgramme, keySummary, keyBack, keyHelp},
	full:  [][]key.Binding{{keyUp, keyDown, keyEnter}, {keySetup, keyProgramme, keySummary}, {keyBack, keyQuit}},
}

func (a *App) boardKey(msg tea.KeyPressMsg) tea.Cmd {
	n := len(a.board.Groups)
	switch {
	case key.Matches(msg, keyBack):
		a.screen, a.status = screenHome, ""
		return a.loadEvents()
	case msg.String() == "q":
		return tea.Quit
	case key.Matches(msg, keyUp):
		a.boardSel = clamp(a.boardSel-1, n)
	case key.Matches(msg, keyDown):
		a.boardSel = clamp(a.boardSel+1, n)
	case key.Matches(msg, keySetup):
		return a.openSetup()
	case key.Matches(msg, keyProgramme):
		a.screen, a.status = screenProgramme, ""
		return nil
	case key.Matches(msg, keySummary):
		a.summary.back = screenBoard
		a.screen = screenSummary
		return a.loadSummary(a.eventID())
	case key.Matches(msg, keyEnter):
		if n == 0 {
			return nil
		}
		return a.openTable(a.board.Groups[a.boardSel].ID)
	}
	return nil
}

// demoBadge marks illustrative events.
func (a *App) demoBadge(ev model.Event) string {
	if ev.Illustrative {
		return a.st.Demo.Render("ILLUSTRATIVE DEMO") + " "
	}
	return ""
}

func (a *App) boardView() string {
	ev := a.board.Event
	body := []string{
		a.demoBadge(ev) + a.st.Title.Render(model.Safe(ev.Title, false)),
		a.st.Faint.Render(fmt.Sprintf("%s · %s · choose a table and press enter", ev.Date, plural(len(a.board.Groups), "table", "tables"))),
		"",
	}
	var lines []string
	sel := 0
	for _, ar := range a.board.Areas {
		lines = append(lines, a.st.Prompt.Render(model.Safe(ar.Label(), false)))
		for _, g := range a.board.Groups {
			if g.AreaID != ar.ID {
				continue
			}
			i := indexOf(a.board.Groups, g.ID)
			stage := g.StageKey
			if k := model.StageIndex(ev.Stages, g.StageKey); k >= 0 {
				stage = fmt.Sprintf("%d/%d %s", k+1, len(ev.Stages), ev.Stages[k].Title)
			}
			line := fmt.Sprintf("%-10s %s", model.Safe(g.Name, false), stage)
			if i == a.boardSel {
				sel = len(lines)
				line = a.st.Selected.Render("› " + line)
			} else {
				line = "  " + line
			}
			lines = append(lines, "  "+line)
		}
	}
	room := a.height - 4 - len(body) - 1
	from, to := scrollWindow(len(lines), sel, room)
	body = append(body, lines[from:to]...)
	return a.page(a.headerBar("forum · "+model.Safe(ev.Title, false)), body, boardKeys)
}

func indexOf(gs []model.Group, id model.ID) int {
	for i, g := range gs {
		if g.ID == id {
			return i
		}
	}
	return -1
}

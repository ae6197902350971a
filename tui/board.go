package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

var boardKeys = keyMap{
	short: []key.Binding{keyEnter, keyDashboard, keySetup, keySummary, keyBack, keyHelp},
	full:  [][]key.Binding{{keyUp, keyDown, keyEnter, keyArea}, {keyDashboard, keySetup, keyProgramme, keySummary}, {keyBack, keyQuit}},
}

func (a *App) boardKey(msg tea.KeyPressMsg) tea.Cmd {
	n := len(a.board.Groups)
	switch {
	case key.Matches(msg, keyBack):
		a.screen, a.status = screenHome, ""
		return a.loadEvents()
	case key.Matches(msg, keyQuit):
		return tea.Quit
	case key.Matches(msg, keyUp):
		a.boardSel = clamp(a.boardSel-1, n)
	case key.Matches(msg, keyDown):
		a.boardSel = clamp(a.boardSel+1, n)
	case key.Matches(msg, keySetup):
		return a.openSetup()
	case key.Matches(msg, keyDashboard):
		return a.openDashboard()
	case key.Matches(msg, keyArea):
		return a.openArea()
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

// boardView is the organiser's overview of the room: every table with its
// stage, the time left, and what it has captured so far. It updates by
// itself whenever any seat commits.
func (a *App) boardView() string {
	ev := a.board.Event
	notes, ballots := 0, 0
	for _, st := range a.board.Stats {
		notes += st.Notes
		ballots += st.Ballots
	}
	body := []string{
		a.demoBadge(ev) + a.st.Title.Render(model.Safe(ev.Title, false)),
		a.st.Faint.Render(fmt.Sprintf("%s · %s · %s · %s · enter opens a table", ev.Date, plural(len(a.board.Groups), "table", "tables"),
			plural(notes, "note", "notes"), plural(ballots, "ballot", "ballots"))),
		"",
	}
	stageW := max(a.width-55, 8)
	var lines []string
	sel := 0
	for _, ar := range a.board.Areas {
		lines = append(lines, a.st.Prompt.Render(model.Safe(ar.Label(), false)))
		for _, g := range a.board.Groups {
			if g.AreaID != ar.ID {
				continue
			}
			lines = append(lines, "")
			if indexOf(a.board.Groups, g.ID) == a.boardSel {
				sel = len(lines) - 1
			}
			lines[len(lines)-1] = a.overviewLine(g, stageW, len(lines)-1 == sel && indexOf(a.board.Groups, g.ID) == a.boardSel)
		}
	}
	from, to := scrollWindow(len(lines), sel, a.bodyRoom(boardKeys)-len(body))
	body = append(body, lines[from:to]...)
	return a.page(a.headerBar("forum · "+model.Safe(ev.Title, false)), body, boardKeys)
}

// overviewLine is one table: name, stage, clock, notes, ballots.
func (a *App) overviewLine(g model.Group, stageW int, selected bool) string {
	ev := a.board.Event
	stage, clock, style := g.StageKey, "", a.st.Faint
	if k := model.StageIndex(ev.Stages, g.StageKey); k >= 0 {
		s := ev.Stages[k]
		stage = fmt.Sprintf("%d/%d %s", k+1, len(ev.Stages), s.Title)
		v := sessions.TableView{Group: g, Stage: s}
		clock = g.ClockLabel(s, a.now)
		if !g.PausedAt.IsZero() {
			clock += " ⏸"
		}
		if g.StageStartedAt.IsZero() {
			clock = "not started"
		}
		style = a.clockStyle(v)
		if g.Clock(s, a.now) == model.ClockRunning {
			style = a.st.Faint
		}
	}
	st := a.board.Stats[g.ID]
	line := fmt.Sprintf("%-9s %s %s %8s %10s", trunc(model.Safe(g.Name, false), 9), pad(trunc(stage, stageW), stageW),
		pad(trunc(clock, 19), 19), plural(st.Notes, "note", "notes"), plural(st.Ballots, "ballot", "ballots"))
	if selected {
		return "  " + a.st.Selected.Render("› "+line)
	}
	return "    " + strings.Replace(line, clock, style.Render(clock), 1)
}

func indexOf(gs []model.Group, id model.ID) int {
	for i, g := range gs {
		if g.ID == id {
			return i
		}
	}
	return -1
}

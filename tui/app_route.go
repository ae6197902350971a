package tui

import (
	tea "charm.land/bubbletea/v2"
)

// key sends a key (or paste) to the current screen.
func (a *App) key(msg tea.Msg) tea.Cmd {
	switch a.screen {
	case screenHome:
		return a.homeKey(msg.(tea.KeyPressMsg))
	case screenBoard:
		return a.boardKey(msg.(tea.KeyPressMsg))
	case screenTable:
		return a.tbl.update(a, msg)
	case screenVote:
		return a.vote.update(a, msg.(tea.KeyPressMsg))
	case screenForm:
		return a.form.update(a, msg)
	case screenSummary:
		return a.summary.update(a, msg.(tea.KeyPressMsg))
	case screenProgramme:
		return a.programmeKey(msg.(tea.KeyPressMsg))
	case screenSetup:
		return a.setupKey(msg.(tea.KeyPressMsg))
	case screenMaturity:
		return a.maturity.update(a, msg.(tea.KeyPressMsg))
	case screenDashboard:
		return a.dash.update(a, msg.(tea.KeyPressMsg))
	case screenPresent:
		return a.present.update(a, msg.(tea.KeyPressMsg))
	case screenThemes:
		return a.review.update(a, msg.(tea.KeyPressMsg))
	case screenScale:
		return a.scale.update(a, msg.(tea.KeyPressMsg))
	case screenArea:
		return a.area.update(a, msg.(tea.KeyPressMsg))
	}
	return nil
}

// reload re-reads what the current screen shows.
func (a *App) reload() tea.Cmd {
	switch a.screen {
	case screenHome:
		return a.loadEvents()
	case screenSetup:
		return a.loadSetup(a.eventID())
	case screenDashboard, screenPresent:
		return a.loadPlenary(a.eventID())
	case screenThemes:
		return a.loadReview(a.eventID())
	case screenArea:
		return a.loadArea(a.area.id)
	case screenBoard, screenSummary, screenProgramme:
		if a.board.Event.ID != "" {
			return a.loadBoard(a.board.Event.ID)
		}
	case screenTable, screenVote, screenForm, screenMaturity, screenScale:
		if a.tbl.view.Group.ID != "" {
			return a.loadTable(a.tbl.view.Group.ID)
		}
	}
	return nil
}

// View renders the current screen.
func (a *App) View() tea.View {
	var body string
	switch a.screen {
	case screenHome:
		body = a.homeView()
	case screenBoard:
		body = a.boardView()
	case screenTable:
		body = a.tbl.render(a)
	case screenVote:
		body = a.vote.render(a)
	case screenForm:
		body = a.form.render(a)
	case screenSummary:
		body = a.summary.render(a)
	case screenProgramme:
		body = a.programmeView()
	case screenSetup:
		body = a.setupView()
	case screenMaturity:
		body = a.maturity.render(a)
	case screenDashboard:
		body = a.dash.render(a)
	case screenPresent:
		body = a.present.render(a)
	case screenThemes:
		body = a.review.render(a)
	case screenScale:
		body = a.scale.render(a)
	case screenArea:
		body = a.area.render(a)
	}
	v := tea.NewView(body)
	v.AltScreen = true
	v.WindowTitle = "forum"
	return v
}

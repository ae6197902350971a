package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// dashboardModel is the chair's plenary dashboard. Its content is rendered
// once per change of data or width and then only sliced, so redrawing it
// costs next to nothing however large the event.
type dashboardModel struct {
	p      sessions.Plenary
	loaded bool
	lines  []string
	width  int
	dark   bool
	top    int
}

type plenaryMsg struct{ p sessions.Plenary }

var (
	keyDashboard = kb([]string{"d"}, "d", "dashboard")
	keyPresent   = kb([]string{"p"}, "p", "present")
	keyMessages  = kb([]string{"m"}, "m", "event key messages")
	keyPageUp    = kb([]string{"pgup"}, "pgup", "page up")
	keyPageDown  = kb([]string{"pgdown", "space"}, "pgdn/space", "page down")
	keyTop       = kb([]string{"home", "g"}, "home", "top")
	keyDashBack  = kb([]string{"esc", "q"}, "esc", "back to the tables")
	dashKeys     = keyMap{
		short: []key.Binding{keyMessages, keyThemes, keyPresent, keyBack, keyHelp},
		full:  [][]key.Binding{{keyUp, keyDown, keyPageUp, keyPageDown, keyTop}, {keyMessages, keyThemes, keyPresent}, {keyDashBack, keyHelp}},
	}
)

func (a *App) loadPlenary(id model.ID) tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() (sessions.Plenary, error) { return eng.Plenary(ctx, id) }, func(p sessions.Plenary) tea.Msg { return plenaryMsg{p} })
}

func (a *App) openDashboard() tea.Cmd {
	a.screen, a.status = screenDashboard, ""
	return a.loadPlenary(a.eventID())
}

func (d *dashboardModel) set(a *App, p sessions.Plenary) {
	d.p, d.loaded, d.lines = p, true, nil
}

func (d *dashboardModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	page := max(a.height-4, 1)
	switch {
	case key.Matches(k, keyDashBack):
		a.screen, a.status = screenBoard, ""
		return a.loadBoard(a.eventID())
	case key.Matches(k, keyUp):
		d.top--
	case key.Matches(k, keyDown):
		d.top++
	case key.Matches(k, keyPageUp):
		d.top -= page
	case key.Matches(k, keyPageDown):
		d.top += page
	case key.Matches(k, keyTop):
		d.top = 0
	case key.Matches(k, keyMessages):
		if !d.loaded {
			return nil
		}
		return a.openForm(a.eventMessagesForm(d.p), screenDashboard)
	case key.Matches(k, keyThemes):
		return a.openReview()
	case key.Matches(k, keyPresent):
		if !d.loaded {
			return nil
		}
		a.present = newPresent(d.p)
		a.screen, a.status = screenPresent, ""
	}
	return nil
}

func (d *dashboardModel) render(a *App) string {
	head := a.headerBar("Plenary · " + model.Safe(d.p.Event.Title, false))
	if !d.loaded {
		return a.page(head, []string{"", "  Reading every table…"}, dashKeys)
	}
	if d.lines == nil || d.width != a.width || d.dark != a.dark {
		d.lines, d.width, d.dark = a.dashboardLines(d.p), a.width, a.dark
	}
	room := a.bodyRoom(dashKeys)
	d.top = min(max(d.top, 0), max(len(d.lines)-room, 0))
	return a.page(head, d.lines[d.top:min(d.top+room, len(d.lines))], dashKeys)
}

// eventMessagesForm edits the event's own key messages, built from the
// tables' messages and priorities (ctrl+o takes one, with its notes).
func (a *App) eventMessagesForm(p sessions.Plenary) formModel {
	eng, ctx, actor, id := a.eng, a.ctx, a.actor, p.Event.ID
	var current []sessions.MessageInput
	for _, m := range p.Messages {
		current = append(current, sessions.MessageInput{Kind: m.Kind, Text: m.Text, Sources: m.Sources})
	}
	f := messageFields("The event's key messages", "The report's first page. Choose from the tables' points (↑/↓, ctrl+o puts one in the field you are on, with the notes behind it); the report says how many areas and tables raised each.",
		5, "what the event asks of others", current)
	for _, s := range p.Suggestions {
		f.choices = append(f.choices, choice{label: s.Label, text: s.Text, id: firstID(s.Sources), ids: s.Sources})
	}
	f.submit = func(f *formModel) tea.Cmd {
		msgs := f.messages()
		return saveCmd("✓ The event's key messages saved.", func() (string, error) { return eng.SetEventMessages(ctx, actor, id, msgs) })
	}
	return f
}

func firstID(ids []model.ID) model.ID {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
)

var programmeKeys = keyMap{
	short: []key.Binding{kb([]string{"n", "down"}, "n/↓", "mark next item"), kb([]string{"b", "up"}, "b/↑", "mark previous"), keyBack},
	full:  [][]key.Binding{{kb([]string{"n", "down"}, "n/↓", "mark next item"), kb([]string{"b", "up"}, "b/↑", "mark previous")}, {keyBack}},
}

// programmeKey moves the chair's "now" marker; everyone's screen follows.
func (a *App) programmeKey(msg tea.KeyPressMsg) tea.Cmd {
	eng, ctx, actor, id := a.eng, a.ctx, a.actor, a.eventID()
	move := func(d int) tea.Cmd {
		return func() tea.Msg {
			at, err := eng.MoveProgramme(ctx, actor, id, d)
			if err != nil {
				return doneMsg{err: err}
			}
			if at < 0 {
				return doneMsg{status: "No item marked.", reload: true}
			}
			return doneMsg{status: fmt.Sprintf("Now: item %d.", at+1), reload: true}
		}
	}
	switch msg.String() {
	case "esc", "q":
		a.screen, a.status = screenBoard, ""
		return a.loadBoard(id)
	case "n", "down", "j":
		return move(1)
	case "b", "up", "k":
		return move(-1)
	}
	return nil
}

func (a *App) programmeView() string {
	ev := a.board.Event
	body := []string{a.demoBadge(ev) + a.st.Title.Render(model.Safe(ev.Title, false)), ""}
	if len(ev.Programme) == 0 {
		body = append(body, "  This event has no programme.")
		return a.page(a.headerBar("Programme"), body, programmeKeys)
	}
	var lines []string
	markLine := 0
	for i, t := range ev.Programme {
		mark, title := "   ", model.Safe(t.Title, false)
		if t.Starts != "" {
			title = model.Safe(t.Starts, false) + "  " + title
		}
		if t.Kind == "breakout" || t.Kind == "plenary" {
			title = strings.ToUpper(t.Kind[:1]) + t.Kind[1:] + ": " + title
		}
		style := a.st.Key
		if i == ev.ProgrammeAt {
			mark, markLine, style = a.st.Warn.Render("NOW"), len(lines), a.st.Selected
		}
		for j, l := range wrap(title, a.width-8) {
			if j == 0 {
				lines = append(lines, fmt.Sprintf("%s %d. %s", mark, i+1, style.Render(l)))
			} else {
				lines = append(lines, "       "+style.Render(l))
			}
		}
		for _, s := range t.Speakers {
			who := model.Safe(s.Name, false)
			if s.Role != "" {
				who += ", " + model.Safe(s.Role, false)
			}
			for _, l := range wrap(who, a.width-10) {
				lines = append(lines, "         "+a.st.Faint.Render(l))
			}
		}
	}
	room := a.height - 4 - len(body)
	from, to := scrollWindow(len(lines), min(markLine+room/2, len(lines)-1), room)
	if ev.ProgrammeAt < 0 {
		from, to = scrollWindow(len(lines), 0, room)
	}
	body = append(body, lines[from:to]...)
	return a.page(a.headerBar("Programme · the chair marks what is on now"), body, programmeKeys)
}

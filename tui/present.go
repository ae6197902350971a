package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"forum/model"
	"forum/sessions"
)

// slide is one screen of present mode.
type slide struct {
	kicker string   // small line above: "NCL North Central London · Table 1"
	title  string   // "Vision"
	lines  []string // the content, one item a line
	quote  bool     // the content is a statement, shown as a quote
}

// presentModel shows one item at a time, large and high-contrast, for the
// projector: each table's vision and top priorities, then the event's key
// messages.
type presentModel struct {
	slides []slide
	at     int
}

var presentKeys = keyMap{
	short: []key.Binding{kb([]string{"right", "space", "n"}, "→/space", "next"), kb([]string{"left", "b"}, "←", "previous"), keyBack},
	full:  [][]key.Binding{{kb([]string{"right", "space", "n"}, "→/space/n", "next"), kb([]string{"left", "b"}, "←/b", "previous")}, {kb([]string{"home"}, "home", "first"), keyBack}},
}

func newPresent(p sessions.Plenary) presentModel {
	safe := func(s string) string { return model.Safe(s, false) }
	ss := []slide{{kicker: p.Event.Date, title: safe(p.Event.Title)}}
	for _, pa := range p.Areas {
		ss = append(ss, areaSlides(pa)...)
		for _, v := range pa.Tables {
			where := safe(pa.Area.Label()) + " · " + safe(v.Group.Name)
			if v.Group.Vision != "" {
				ss = append(ss, slide{kicker: where, title: "Vision", lines: []string{safe(v.Group.Vision)}, quote: true})
			}
			var top []string
			for _, pr := range v.Priorities[:min(5, len(v.Priorities))] {
				if pr.Dots > 0 {
					top = append(top, fmt.Sprintf("%s  %s  (%s)", pr.Label(), safe(pr.Note.Text), plural(pr.Dots, "dot", "dots")))
				}
			}
			if len(top) > 0 {
				ss = append(ss, slide{kicker: where, title: "Top priorities", lines: top})
			}
		}
	}
	var msgs []string
	n := 0
	for _, m := range p.Messages {
		if m.Kind == model.KindAsk {
			msgs = append(msgs, "Ask: "+safe(m.Text))
			continue
		}
		n++
		line := fmt.Sprintf("%d. %s", n, safe(m.Text))
		if ev := p.Evidence[m.ID]; ev.Tables > 0 {
			line += "  — " + ev.String(p.Event.AreaLabel)
		}
		msgs = append(msgs, line)
	}
	if len(msgs) > 0 {
		ss = append(ss, slide{kicker: safe(p.Event.Title), title: "Key messages", lines: msgs})
	}
	return presentModel{slides: ss}
}

func (m *presentModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc", "q":
		a.screen, a.status = screenDashboard, ""
	case "right", "space", "n", "down", "pgdown":
		m.at = min(m.at+1, len(m.slides)-1)
	case "left", "b", "up", "pgup":
		m.at = max(m.at-1, 0)
	case "home", "g":
		m.at = 0
	case "end", "G":
		m.at = len(m.slides) - 1
	}
	return nil
}

// render draws the slide centred, bold and in high contrast, wrapped to a
// comfortable width.
func (m *presentModel) render(a *App) string {
	if len(m.slides) == 0 {
		return a.page(a.headerBar("Present"), nil, presentKeys)
	}
	s := m.slides[m.at]
	w := min(max(a.width-8, 20), 90)
	big := lipgloss.NewStyle().Bold(true)
	var body []string
	body = append(body, a.st.Faint.Render(s.kicker), "", big.Reverse(true).Render(" "+s.title+" "), "")
	for _, l := range s.lines {
		if s.quote {
			l = "“" + l + "”"
		}
		for _, wl := range wrap(l, w) {
			body = append(body, big.Render(wl))
		}
		body = append(body, "")
	}
	block := lipgloss.NewStyle().Width(w).Render(strings.Join(body, "\n"))
	room := a.bodyRoom(presentKeys)
	framed := lipgloss.Place(a.width, room, lipgloss.Center, lipgloss.Center, block)
	head := a.headerBar(fmt.Sprintf("Present · %d of %d · →/space next, ← back", m.at+1, len(m.slides)))
	return a.page(head, strings.Split(framed, "\n"), presentKeys)
}

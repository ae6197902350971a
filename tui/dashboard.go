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
	keyDashboard = kb([]string{"d"}, "d", "plenary dashboard")
	keyPresent   = kb([]string{"p"}, "p", "present")
	keyMessages  = kb([]string{"m"}, "m", "edit the event's key messages")
	dashKeys     = keyMap{
		short: []key.Binding{keyScroll, keyMessages, keyThemes, keyPresent, keyBack},
		full:  [][]key.Binding{{keyScroll}, {keyMessages, keyThemes, keyPresent, keyBack}},
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
	switch s := k.String(); {
	case s == "esc" || s == "q":
		a.screen, a.status = screenBoard, ""
		return a.loadBoard(a.eventID())
	case key.Matches(k, keyUp):
		d.top--
	case key.Matches(k, keyDown):
		d.top++
	case s == "pgup":
		d.top -= page
	case s == "pgdown" || s == "space":
		d.top += page
	case s == "home" || s == "g":
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

// dashboardLines renders the whole dashboard: the event's key messages,
// then the areas side by side, as many columns as the width allows.
func (a *App) dashboardLines(p sessions.Plenary) []string {
	safe := func(s string) string { return model.Safe(s, false) }
	out := []string{a.demoBadge(p.Event) + a.st.Title.Render("Key messages of the event") + a.st.Faint.Render("  (m edits them)")}
	if len(p.Messages) == 0 {
		out = append(out, a.st.Faint.Render("  None yet: press m to choose them from the tables' messages and priorities."))
	}
	n := 0
	for _, m := range p.Messages {
		lead := "Ask: "
		if m.Kind == model.KindMessage {
			n++
			lead = fmt.Sprintf("%d. ", n)
		}
		ev := p.Evidence[m.ID]
		for i, l := range wrap(lead+safe(m.Text), a.width-4) {
			if i > 0 {
				l = "   " + l
			}
			out = append(out, "  "+l)
		}
		if ev.Tables > 0 {
			out = append(out, "     "+a.st.Faint.Render(ev.String(p.Event.AreaLabel)))
		}
	}
	out = append(out, "")
	if len(p.Cross) > 0 {
		out = append(out, a.st.Title.Render("Cross-cutting themes")+a.st.Faint.Render("  (t reviews them; counts of where raised, not votes)"))
		for _, c := range p.Cross {
			out = append(out, "  "+safe(c.Name)+a.st.Faint.Render(" — "+c.Evidence.String(p.Event.AreaLabel)))
		}
		out = append(out, "")
	}
	cols := min(max(len(p.Areas), 1), max((a.width-2)/30, 1))
	colW := max((a.width-2)/cols-2, 20)
	for i := 0; i < len(p.Areas); i += cols {
		var blocks []string
		for _, pa := range p.Areas[i:min(i+cols, len(p.Areas))] {
			blocks = append(blocks, lipgloss.NewStyle().Width(colW).MarginRight(2).Render(strings.Join(a.areaColumn(pa, colW), "\n")))
		}
		out = append(out, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, blocks...), "\n")...)
		out = append(out, "")
	}
	return out
}

// areaColumn is one area's column: each table's vision, maturity medians,
// top priorities, next steps and key messages.
func (a *App) areaColumn(pa sessions.PlenaryArea, w int) []string {
	safe := func(s string) string { return model.Safe(s, false) }
	col := append([]string{a.st.Title.Render(trunc(safe(pa.Area.Label()), w))}, a.areaSynthesisColumn(pa, w)...)
	add := func(indent, s string, lines int) {
		ws := wrap(s, w-len(indent)-1) // room for the … of a cut
		for i, l := range ws {
			if i == lines {
				col[len(col)-1] += "…"
				break
			}
			col = append(col, indent+l)
		}
	}
	for _, v := range pa.Tables {
		col = append(col, a.st.Key.Render(safe(v.Group.Name)))
		if v.Group.Vision != "" {
			add(" ", "“"+safe(v.Group.Vision)+"”", 3)
		}
		if med := medians(v); med != "" {
			col = append(col, a.st.Faint.Render(trunc(" maturity "+med, w)))
		}
		for _, pr := range v.Priorities[:min(3, len(v.Priorities))] {
			if pr.Dots > 0 {
				add("  ", fmt.Sprintf("%s %s (%d)", pr.Label(), safe(pr.Note.Text), pr.Dots), 1)
			}
		}
		if len(v.NextSteps) > 0 {
			s := v.NextSteps[0]
			add(" ", fmt.Sprintf("→ %s (%s)", safe(s.Action), orNone(s.Owner)), 1)
			if len(v.NextSteps) > 1 {
				col = append(col, a.st.Faint.Render(fmt.Sprintf("   and %d more next steps", len(v.NextSteps)-1)))
			}
		}
		for _, m := range v.KeyMessages {
			mark := " • "
			if m.Kind == model.KindAsk {
				mark = " ask: "
			}
			add(" ", strings.TrimLeft(mark, " ")+safe(m.Text), 2)
		}
		col = append(col, "")
	}
	return col
}

// medians shows a table's maturity medians, "2 3 1 2 4 2", with ! where
// raters were split.
func medians(v sessions.TableView) string {
	if len(v.Ratings) == 0 {
		return ""
	}
	var parts []string
	for _, r := range v.Profile {
		s := "–"
		if r.Raters > 0 {
			s = strings.TrimSuffix(fmt.Sprintf("%.1f", r.Median), ".0")
		}
		if r.Split {
			s += "!"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
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

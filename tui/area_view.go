package tui

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

func (m *areaModel) render(a *App) string {
	head := a.headerBar("Area round · " + model.Safe(m.s.Area.Label(), false))
	if !m.loaded {
		return a.page(head, []string{"", "  Joining the area's tables…"}, areaKeys)
	}
	s := m.s
	body := []string{a.st.Title.Render(model.Safe(s.Area.Label(), false)) + "  " + a.st.Faint.Render(areaRoundLine(s))}
	var lines []string
	sel := 0
	w := max(a.width-6, 20)
	for i, r := range m.rows() {
		if i == m.sel {
			sel = len(lines)
		}
		if title := areaSection(r); title != "" {
			lines = append(lines, a.st.Prompt.Render(title))
			if i == m.sel {
				sel = len(lines)
			}
		}
		text := areaRowText(s, r)
		if r.kind == model.AreaVision {
			for j, l := range wrap(text, w) {
				if j == 0 {
					lines = append(lines, a.selLine(l, i == m.sel))
				} else {
					lines = append(lines, "  "+l)
				}
			}
			if c := consensusShort(s); c != "" {
				lines = append(lines, "  "+a.st.Faint.Render(c))
			}
			continue
		}
		lines = append(lines, a.selLine(trunc(text, w), i == m.sel))
	}
	from, to := scrollWindow(len(lines), sel, a.bodyRoom(areaKeys)-len(body))
	return a.page(head, append(body, lines[from:to]...), areaKeys)
}

// areaSection is the heading shown before a row's group, or "".
func areaSection(r areaRow) string {
	switch {
	case r.kind == model.AreaVision:
		return "Vision"
	case r.kind == model.AreaPriority && r.i == 0:
		return "Priorities · score (each table's dots as a share of its own, summed) · raised at"
	case r.kind == model.AreaStep && r.i == 0:
		return "Next steps"
	case r.kind == model.AreaMessage && r.i == 0:
		return "Key messages and ask"
	}
	return ""
}

// areaRowText is one row as the area screen shows it.
func areaRowText(s sessions.AreaSynthesis, r areaRow) string {
	switch r.kind {
	case model.AreaVision:
		if strings.TrimSpace(s.Vision) == "" {
			return "(no vision yet: e to write one)"
		}
		return model.Safe(strings.ReplaceAll(s.Vision, "\n\n", " / "), false)
	case model.AreaPriority:
		p := s.Priorities[r.i]
		return fmt.Sprintf("%-3s %.2f  %s  %s", p.RankLabel(), p.Score, strings.TrimPrefix(p.RaisedAt(), "raised at "), model.Safe(p.Name, false))
	case model.AreaStep:
		st := s.Steps[r.i]
		support := ""
		if st.Support.Voters > 0 {
			support = fmt.Sprintf(" · %.0f%% support", st.Support.Percent)
		}
		return fmt.Sprintf("%s · %s · %s · %s%s", model.Safe(st.Action, false), dashOr(st.Owner), dashOr(st.ByWhen), st.From(), support)
	case model.AreaMessage:
		if r.i < len(s.Messages) {
			return fmt.Sprintf("%d. %s", r.i+1, model.Safe(s.Messages[r.i].Text, false))
		}
		return fmt.Sprintf("%d. (empty)", r.i+1)
	case model.AreaAsk:
		if s.Ask.Text == "" {
			return "Ask: (none yet)"
		}
		return "Ask: " + model.Safe(s.Ask.Text, false)
	}
	return ""
}

func dashOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return model.Safe(s, false)
}

// areaRoundLine says whether the area holds the round, and over how many
// tables.
func areaRoundLine(s sessions.AreaSynthesis) string {
	switch {
	case len(s.Tables) == 0:
		return "no table has met yet"
	case s.Single:
		return "one table: its outcomes are the area's"
	case s.Held:
		line := fmt.Sprintf("area round over %d tables", len(s.Tables))
		if s.Round.Minutes > 0 {
			line += fmt.Sprintf(" · %d min", s.Round.Minutes)
		}
		return line
	}
	return fmt.Sprintf("drafted from %d tables (no area round in this event)", len(s.Tables))
}

// consensusShort is the tables' fist-to-five on their visions, short.
func consensusShort(s sessions.AreaSynthesis) string {
	var parts []string
	for i, r := range s.Consensus {
		if r.Voters == 0 {
			continue
		}
		v := "consensus"
		if !r.Consensus {
			v = "no consensus"
		}
		parts = append(parts, fmt.Sprintf("%s %s (%d)", s.Tables[i].Group.Name, v, r.Voters))
	}
	if r := s.Fist; r.Voters > 0 {
		v := "consensus"
		if !r.Consensus {
			v = fmt.Sprintf("no consensus, %d below 3", r.Counts[0]+r.Counts[1]+r.Counts[2])
		}
		parts = append([]string{fmt.Sprintf("the area %s (%d)", v, r.Voters)}, parts...)
	}
	if len(parts) == 0 {
		return "fist-to-five: not held yet (c counts one)"
	}
	return "fist-to-five: " + strings.Join(parts, ", ")
}

// areaBriefLines are an area's synthesis in a few lines, for the plenary
// dashboard and present mode: its vision, top priorities with where
// raised, and its ask.
func areaBriefLines(s sessions.AreaSynthesis, width, top int) []string {
	w := max(width, 20)
	out := []string{trunc(model.Safe(s.Area.Code, false)+" · "+areaRoundLine(s), w)}
	if v := strings.TrimSpace(s.Vision); v != "" {
		out = append(out, trunc("  Vision: "+model.Safe(strings.ReplaceAll(v, "\n\n", " / "), false), w))
	}
	for i, p := range s.Priorities {
		if i >= top {
			break
		}
		out = append(out, trunc(fmt.Sprintf("  %s. %s (%s)", p.RankLabel(), model.Safe(p.Name, false), p.RaisedAt()), w))
	}
	if s.Ask.Text != "" {
		out = append(out, trunc("  Ask: "+model.Safe(s.Ask.Text, false), w))
	}
	return out
}

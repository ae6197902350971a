package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"forum/model"
	"forum/sessions"
)

// dashMinColumn is the narrowest an area's column may be: as many areas
// sit side by side as columns of this width fit (one at 80 columns, two at
// 120, three at 160, four at 200); everything in a column wraps, nothing
// is cut.
const dashMinColumn = 38

// dashColumns is how many areas fit side by side at a width, and how wide
// each column is.
func dashColumns(width, areas int) (cols, colW int) {
	cols = min(max(areas, 1), max((width-2)/(dashMinColumn+2), 1))
	return cols, max((width-2)/cols-2, 10)
}

// dashboardLines renders the whole dashboard: the event's key messages,
// the cross-cutting themes, a key to what the columns show, then the areas
// side by side, as many columns as the width allows.
func (a *App) dashboardLines(p sessions.Plenary) []string {
	safe := func(s string) string { return model.Safe(s, false) }
	w := max(a.width-2, 10)
	out := []string{a.demoBadge(p.Event) + a.st.Title.Render("Key messages of the event") + a.st.Faint.Render("  (m edits them)")}
	if len(p.Messages) == 0 {
		out = append(out, hang(a.st.Faint.Render("  "), a.st.Faint.Render("None yet: press m to choose them from the tables' messages and priorities."), w)...)
	}
	n := 0
	for _, m := range p.Messages {
		lead := "  Ask: "
		if m.Kind == model.KindMessage {
			n++
			lead = fmt.Sprintf("  %d. ", n)
		}
		out = append(out, hang(lead, safe(m.Text), w)...)
		if ev := p.Evidence[m.ID]; ev.Tables > 0 {
			out = append(out, hang(strings.Repeat(" ", ansi.StringWidth(lead)), a.st.Faint.Render(ev.String(p.Event.AreaLabel)), w)...)
		}
	}
	out = append(out, "")
	if len(p.Cross) > 0 {
		out = append(out, hang("", a.st.Title.Render("Cross-cutting themes")+a.st.Faint.Render("  (t reviews them; counts of where raised, not votes)"), w)...)
		for _, c := range p.Cross {
			out = append(out, hang("  ", safe(c.Name)+a.st.Faint.Render(" — "+c.Evidence.String(p.Event.AreaLabel)), w)...)
		}
		out = append(out, "")
	}
	out = append(out, a.dashLegend(p, w)...)
	out = append(out, "")
	cols, colW := dashColumns(a.width, len(p.Areas))
	for i := 0; i < len(p.Areas); i += cols {
		var blocks []string
		for _, pa := range p.Areas[i:min(i+cols, len(p.Areas))] {
			blocks = append(blocks, lipgloss.NewStyle().Width(colW).MarginRight(2).Render(strings.Join(a.areaColumn(p.Event, pa, colW), "\n")))
		}
		out = append(out, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, blocks...), "\n")...)
		out = append(out, "")
	}
	return out
}

// dashLegend explains, once, every number and mark the columns use.
func (a *App) dashLegend(p sessions.Plenary, w int) []string {
	var dims, levels []string
	for i, d := range p.Event.Maturity.Dimensions {
		dims = append(dims, fmt.Sprintf("(%d) %s", i+1, model.Safe(d.Name, false)))
	}
	for i, l := range p.Event.Maturity.Levels {
		levels = append(levels, fmt.Sprintf("%d %s", i+1, model.Safe(l, false)))
	}
	text := "How to read the tables: priorities show their rank and their votes (“=1” is joint first); "
	if len(dims) > 0 {
		text += fmt.Sprintf("maturity is the median level (%s) the raters gave each dimension, in order: %s. “!” means the raters were %d or more levels apart; “not rated” means nobody rated it.",
			strings.Join(levels, ", "), strings.Join(dims, "; "), model.SplitApart)
	}
	return hang("", a.st.Faint.Render(text), w)
}

// areaColumn is one area's column: each table's stage, vision, maturity
// medians, top three priorities, next steps and key messages, wrapped to
// the column's width.
func (a *App) areaColumn(ev model.Event, pa sessions.PlenaryArea, w int) []string {
	safe := func(s string) string { return model.Safe(s, false) }
	col := hang("", a.st.Title.Render(safe(pa.Area.Label())), w)
	col = append(col, a.areaSynthesisColumn(pa, w)...)
	faint := a.st.Faint.Render
	for _, v := range pa.Tables {
		col = append(col, hang("", a.st.Key.Render(safe(v.Group.Name))+faint(" · "+stageTitle(ev, v.Group.StageKey)), w)...)
		if v.Group.Vision != "" {
			col = append(col, hang(" Vision: ", "“"+safe(v.Group.Vision)+"”", w)...)
		}
		if med := medians(v); med != "" {
			col = append(col, hang(" Maturity: ", med, w)...)
		}
		if top := topPriorities(v.Priorities); len(top) > 0 {
			unit := map[string]string{model.MethodApproval: "yes", model.MethodBorda: "pts"}[v.Method]
			if unit == "" {
				unit = "dots"
			}
			col = append(col, faint(fmt.Sprintf(" %4s %4s  %s", "rank", unit, "top priorities")))
			for _, pr := range top {
				col = append(col, hang(fmt.Sprintf(" %4s %4d  ", pr.Label(), pr.Dots), safe(pr.Note.Text), w)...)
			}
		}
		if len(v.NextSteps) > 0 {
			col = append(col, faint(" Next steps (owner):"))
			for _, s := range v.NextSteps {
				col = append(col, hang("  • ", fmt.Sprintf("%s (%s)", safe(s.Action), ownerOrNone(s.Owner)), w)...)
			}
		}
		if len(v.KeyMessages) > 0 {
			col = append(col, faint(" Key messages:"))
		}
		for i, m := range v.KeyMessages {
			lead := fmt.Sprintf("  %d. ", i+1)
			if m.Kind == model.KindAsk {
				lead = "  Ask: "
			}
			col = append(col, hang(lead, safe(m.Text), w)...)
		}
		col = append(col, "")
	}
	return col
}

// topPriorities is at most the top three priorities that got any votes.
func topPriorities(all []sessions.Priority) []sessions.Priority {
	var top []sessions.Priority
	for _, pr := range all[:min(3, len(all))] {
		if pr.Dots > 0 {
			top = append(top, pr)
		}
	}
	return top
}

// ownerOrNone is the owner, or "no owner yet" in words.
func ownerOrNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "no owner yet"
	}
	return model.Safe(s, false)
}

// stageTitle is the title of the stage a table is at.
func stageTitle(ev model.Event, key string) string {
	for _, s := range ev.Stages {
		if s.Key == key {
			return model.Safe(s.Title, false)
		}
	}
	if key == "" {
		return "not started"
	}
	return model.Safe(key, false)
}

// hang wraps text to w columns after a lead, the lines after the first
// indented under the text.
func hang(lead, text string, w int) []string {
	lw := ansi.StringWidth(lead)
	lines := strings.Split(ansi.Wrap(text, max(w-lw, 8), " -"), "\n")
	pad := strings.Repeat(" ", lw)
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return lines
}

// medians shows a table's maturity medians, "2 · 1 · 3! · not rated", with
// ! where raters were split.
func medians(v sessions.TableView) string {
	if len(v.Ratings) == 0 {
		return ""
	}
	var parts []string
	for _, r := range v.Profile {
		s := "not rated"
		if r.Raters > 0 {
			s = strings.TrimSuffix(fmt.Sprintf("%.1f", r.Median), ".0")
		}
		if r.Split {
			s += "!"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

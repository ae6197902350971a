package tui

import (
	"fmt"
	"strconv"
	"strings"

	"forum/model"
	"forum/sessions"
)

// setupView renders the set-up screen: the event's details and voting
// rules, its programme, its areas with their tables, and what was removed.
func (a *App) setupView() string {
	v := a.setup
	ev := v.Event
	header := a.headerBar("Set-up · " + model.Safe(ev.Title, false))
	if ev.ID == "" {
		return a.page(header, []string{"", "  Reading the set-up…"}, setupKeyList)
	}
	body := []string{a.demoBadge(ev) + a.st.Faint.Render("Choose a line with ↑/↓; enter edits it. Tables keep what they captured through every change.")}
	var lines []string
	sel := 0
	heading := func(s string) { lines = append(lines, a.st.Title.Render(s)) }
	rows := a.setupRows()
	for i, r := range rows {
		switch {
		case r.kind == rowDetails:
			heading("Event")
		case r.kind == rowTalk && r.talk == 0 || r.kind == rowAddTalk && len(ev.Programme) == 0:
			heading(fmt.Sprintf("Programme · %s", plural(len(ev.Programme), "item", "items")))
		case (r.kind == rowArea || r.kind == rowAddArea) && (i == 0 || rows[i-1].kind == rowAddTalk):
			heading(fmt.Sprintf("%s · %s, %s", areasCalled(ev), plural(len(v.Areas), "area", "areas"), plural(len(v.Groups), "table", "tables")))
		case (r.kind == rowRemovedArea || r.kind == rowRemovedTable) && rows[i-1].kind == rowAddArea:
			heading("Removed · kept with everything captured; u restores")
		}
		line := a.setupLine(r)
		if i == a.setupSel {
			sel = len(lines)
			line = a.st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	from, to := scrollWindow(len(lines), sel, a.bodyRoom(setupKeyList)-len(body))
	if from == sel && from > 0 { // show the heading above the selection too
		from, to = from-1, to-1
	}
	body = append(body, lines[from:to]...)
	return a.page(header, body, setupKeyList)
}

// setupLine is one row's text, without the selection mark.
func (a *App) setupLine(r setupRow) string {
	v := a.setup
	ev := v.Event
	safe := func(s string) string { return model.Safe(s, false) }
	orDash := func(s string) string {
		if s == "" {
			return "—"
		}
		return safe(s)
	}
	switch r.kind {
	case rowDetails:
		return fmt.Sprintf("Details   %s · areas are %ss · %s · prints on %s · venue %s · chair %s",
			ev.Date, safe(ev.AreaLabel), plural(len(ev.Aims), "aim", "aims"), ev.PaperSize(), orDash(ev.Venue), orDash(ev.Chair))
	case rowRules:
		return "Voting    " + rulesText(ev)
	case rowTalk:
		t := ev.Programme[r.talk]
		starts := safe(t.Starts)
		if starts != "" {
			starts += "  "
		}
		who := ""
		if len(t.Speakers) > 0 {
			who = " · " + safe(t.Speakers[0].Name)
			if len(t.Speakers) > 1 {
				who += fmt.Sprintf(" +%d", len(t.Speakers)-1)
			}
		}
		kind := ""
		if t.Kind != "talk" && t.Kind != "" {
			kind = strings.ToUpper(t.Kind[:1]) + t.Kind[1:] + ": "
		}
		return fmt.Sprintf("%s%s%s%s", starts, kind, safe(t.Title), who)
	case rowAddTalk:
		return a.st.Faint.Render("+ add a programme item")
	case rowArea:
		ar, h := a.areaOf(r.id), v.Holdings[r.id]
		return fmt.Sprintf("%-8s %s  %s", safe(ar.Code), safe(ar.Name), a.st.Faint.Render(holdingText(h, true)))
	case rowTable:
		g, h := a.groupOf(r.id), v.Holdings[r.id]
		return fmt.Sprintf("  %-9s facilitator %s · scribe %s · reporter %s · %d people  %s", safe(g.Name), orDash(g.Facilitator),
			orDash(g.Scribe), orDash(g.Reporter), g.Participants, a.st.Faint.Render(holdingText(h, false)))
	case rowAddArea:
		return a.st.Faint.Render("+ add an " + safe(ev.AreaLabel))
	case rowRemovedArea:
		ar := a.areaOf(r.id)
		return fmt.Sprintf("%s %s (%s, with its tables)", safe(ar.Code), safe(ar.Name), safe(ev.AreaLabel))
	case rowRemovedTable:
		g := a.groupOf(r.id)
		return fmt.Sprintf("%s (%s)", safe(g.Name), safe(a.areaOf(g.AreaID).Code))
	}
	return ""
}

// rulesText says the voting rules in words.
func rulesText(ev model.Event) string {
	switch sessions.PriorityMethod(ev) {
	case model.MethodApproval:
		return "approval: a yes to any number of items"
	case model.MethodBorda:
		return "ranking (Borda): first of n items scores n"
	}
	r := ev.Dots
	dots := "dots each: about a third of the items"
	if r.Budget > 0 {
		dots = "dots each: " + strconv.Itoa(r.Budget)
	}
	cap := "no cap per item"
	if r.Cap > 0 {
		cap = "at most " + strconv.Itoa(r.Cap) + " on one item"
	}
	if r.SpendAll {
		cap += " · every dot placed"
	}
	return dots + " · " + cap
}

// holdingText is what an area (with its number of tables) or a table
// holds, or "" for a table with nothing captured.
func holdingText(h sessions.Holdings, area bool) string {
	out := ""
	if area {
		out = plural(h.Tables, "table", "tables")
	}
	if !h.Empty() {
		if out != "" {
			out += " · "
		}
		out += h.String()
	}
	return out
}

package tui

import (
	"fmt"
	"strings"

	"forum/model"
)

func (m *voteModel) render(a *App) string {
	if len(m.voters) == 0 {
		return a.page(a.headerBar("Ballot"), []string{"", "  Opening your ballot…"}, voteKeys)
	}
	v := m.view
	items := m.items()
	voter := m.current()
	rules := v.RulesFor(voter)
	head := a.headerBar(fmt.Sprintf("Dot vote · %s · %s", model.Safe(v.Group.Name, false), v.Area.Code))
	body := []string{""}
	if len(items) == 0 {
		body = append(body, "  Nothing to vote on yet: capture the priorities at this stage first (esc).")
		return a.page(head, body, voteKeys)
	}
	if m.shared() && m.box.stage != boxCast {
		lines, keys := m.box.view(a, m.box.rows(v.Group.Participants, v.Ballots), voted(v.Ballots), v.Method == model.MethodDots, v.DotVote.Round)
		return a.page(head, lines, keys)
	}
	if m.results {
		return a.page(head, append(body, m.resultLines(a)...), voteKeys)
	}
	keys := voteKeys
	who := fmt.Sprintf("Voter ‹ %s › of %d", voter, len(m.voters)-1)
	if m.private {
		who, keys = "Your anonymous ballot, "+voter, privateVoteKeys
	}
	if m.shared() {
		who, keys = "Ballot of "+voter, castKeys
	}
	if voter == model.PaperVoter {
		who = "‹ Paper tally › (type in the dots counted on paper)"
		if m.shared() {
			who = "Paper tally (type in the dots counted on paper)"
		}
	}
	unsaved := ""
	if m.dirty[voter] && (!m.shared() || m.marked()) {
		unsaved = a.st.Warn.Render("  not saved yet: enter saves")
	}
	switch v.Method {
	case model.MethodApproval:
		body = append(body, "  "+a.st.Key.Render(who)+" · space says yes to an item (again: no); yes to as many as you like"+unsaved)
	case model.MethodBorda:
		body = append(body, "  "+a.st.Key.Render(who)+" · space gives the next place (1st, 2nd…), - takes it back"+unsaved)
	default:
		body = append(body, "  "+a.st.Key.Render(who)+fmt.Sprintf(" · %d of %d dots left · at most %d per item", rules.Budget-m.spent(), rules.Budget, rules.EffectiveCap())+unsaved)
	}
	if m.private {
		body = append(body, a.st.Faint.Render("  Nobody sees whose ballot this is. enter saves it; you may change it later."), "")
	} else if v.DotVote.Open {
		body = append(body, a.st.Faint.Render(fmt.Sprintf("  Round %d, blind: only this ballot is on screen.", v.DotVote.Round)), "")
	} else {
		body = append(body, a.st.Warn.Render(fmt.Sprintf("  Round %d is closed and revealed (%s): r shows the ranking, o starts a new round.", v.DotVote.Round, plural(len(v.Ballots), "ballot", "ballots"))), "")
	}
	totals := map[model.ID]int{}
	for _, p := range v.Priorities {
		totals[p.Note.ID] = p.Dots
	}
	room := a.height - 4 - len(body)
	from, to := scrollWindow(len(items), m.sel, room)
	for i := from; i < to; i++ {
		c := items[i]
		mine := m.ballots[voter][c.ID]
		dots := strings.Repeat("●", min(mine, 10))
		switch {
		case v.Method == model.MethodApproval && mine > 0:
			dots = "✓ yes"
		case v.Method == model.MethodBorda && mine > 0:
			dots = fmt.Sprintf("#%d", mine)
		}
		if mine > 10 {
			dots = fmt.Sprintf("●×%d", mine)
		}
		text := model.Safe(c.Text, false)
		if c.IsTheme() {
			text = "▾ theme: " + text
		}
		line := fmt.Sprintf("%-5s %3d total  %s", dots, totals[c.ID], text)
		if v.DotVote.Open {
			line = fmt.Sprintf("%-5s  %s", dots, text) // blind until revealed
		}
		if m.private {
			line = fmt.Sprintf("%-5s  %s", dots, text)
		}
		if i == m.sel {
			line = a.st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		body = append(body, "  "+line)
	}
	return a.page(head, body, keys)
}

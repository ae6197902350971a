package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// scaleModel is a vote on a scale, one voter at a time: fist-to-five on
// the table's vision (0 to 5 fingers) or support for each next step
// (strongly oppose to strongly support). It is blind until closed.
type scaleModel struct {
	method string
	// only, for a participant's seat, is the one voter code it votes as.
	only    string
	voter   int
	sel     int
	working map[string]map[model.ID]int
}

// The scale votes' keys (fist-to-five, support).
var (
	keyPrevVoter = kb([]string{"left"}, "←", "previous voter")
	keyNextVoter = kb([]string{"right"}, "→", "next voter")
	keyScaleSet  = kb([]string{"0", "1", "2", "3", "4", "5"}, "0-5", "fingers / 1-5 support (stays on the row)")
	keyScaleCast = kb([]string{"enter"}, "enter", "save, next voter")
	scaleKeys    = keyMap{
		short: []key.Binding{keyVoter, kb([]string{"0"}, "0-5", "choose"), kb([]string{"enter"}, "enter", "save, next"), keyCloseVote, keyBack, keyHelp},
		full:  [][]key.Binding{{keyPrevVoter, keyNextVoter, keyUp, keyDown}, {keyScaleSet, keyScaleCast}, {keyCloseVote, keyReopen, keyBack, keyHelp}},
	}
)

// openScale opens fist-to-five (on the vision stage) or the support vote
// (on the next-steps stage).
func (a *App) openScale() tea.Cmd {
	v := a.tbl.view
	switch v.Stage.Activity {
	case model.ActivityVision:
		if v.Group.Vision == "" {
			a.setStatus("Write the vision statement first (ctrl+o), then test it with fist-to-five.", nil)
			return nil
		}
		a.scale = scaleModel{method: model.MethodFist, working: map[string]map[model.ID]int{}}
	case model.ActivityNextSteps:
		if len(v.NextSteps) == 0 {
			a.setStatus("Add a next step first (ctrl+o), then ask for support.", nil)
			return nil
		}
		a.scale = scaleModel{method: model.MethodSupport, working: map[string]map[model.ID]int{}}
	default:
		a.setStatus("c checks consensus on the vision stage, and support on the next-steps stage.", nil)
		return nil
	}
	a.screen, a.status = screenScale, ""
	return nil
}

func (m *scaleModel) state(v sessions.TableView) sessions.VoteState {
	if m.method == model.MethodFist {
		return v.Fist
	}
	return v.Support
}

func (m *scaleModel) items(v sessions.TableView) []model.ID {
	if m.method == model.MethodFist {
		return []model.ID{v.Group.ID}
	}
	var ids []model.ID
	for _, s := range v.NextSteps {
		ids = append(ids, s.ID)
	}
	return ids
}

func (m *scaleModel) ballot(v sessions.TableView, voter string) map[model.ID]int {
	if m.working[voter] == nil {
		m.working[voter] = map[model.ID]int{}
		for _, b := range m.state(v).Ballots {
			if b.Voter == voter {
				for id, n := range b.Dots {
					m.working[voter][id] = n
				}
			}
		}
	}
	return m.working[voter]
}

// voters are the codes that vote here: everyone's, or a seat's own.
func (m *scaleModel) voters(v sessions.TableView) []string {
	if m.only != "" {
		return []string{m.only}
	}
	return sessions.VoterCodes(max(v.Group.Participants, 1))
}

func (m *scaleModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	v := a.tbl.view
	voters := m.voters(v)
	voter := voters[clamp(m.voter, len(voters))]
	items := m.items(v)
	eng, ctx, actor, g, stage := a.eng, a.ctx, a.actor, v.Group.ID, sessions.StageFor(v.Event, m.method)
	switch s := k.String(); {
	case key.Matches(k, keyBack):
		a.screen, a.status = screenTable, ""
		return a.loadTable(g)
	case !m.state(v).Open && (key.Matches(k, keyPrevVoter) || key.Matches(k, keyNextVoter) || key.Matches(k, keyUp) ||
		key.Matches(k, keyDown) || key.Matches(k, keyCloseVote) || key.Matches(k, keyScaleSet) || key.Matches(k, keyScaleCast)):
		a.setStatus(fmt.Sprintf("Round %d is closed and its result shown: %s does nothing until o reopens the vote for a new round.", m.state(v).Round, k.String()), nil)
	case key.Matches(k, keyPrevVoter):
		m.voter = (m.voter - 1 + len(voters)) % len(voters)
	case key.Matches(k, keyNextVoter):
		m.voter = (m.voter + 1) % len(voters)
	case key.Matches(k, keyUp):
		m.sel = clamp(m.sel-1, len(items))
	case key.Matches(k, keyDown):
		m.sel = clamp(m.sel+1, len(items))
	case key.Matches(k, keyScaleSet) && len(items) > 0:
		n := int(s[0] - '0')
		if m.method == model.MethodSupport {
			if n == 0 {
				a.setStatus("Support is 1 (strongly oppose) to 5 (strongly support).", nil)
				return nil
			}
			n -= 3 // 1..5 → -2..+2
		}
		m.ballot(v, voter)[items[clamp(m.sel, len(items))]] = n // a digit sets the value; ↓ moves on
	case key.Matches(k, keyScaleCast):
		b := m.ballot(v, voter)
		if m.only != "" {
			m.working = map[string]map[model.ID]int{} // reload what was saved
		}
		m.voter = (m.voter + 1) % len(voters)
		m.sel = 0
		if m.method == model.MethodFist {
			n, ok := b[g]
			if !ok {
				return nil
			}
			return do(fmt.Sprintf("✓ %s's fingers saved.", voter), func() error { return eng.CastFist(ctx, actor, g, voter, n) })
		}
		levels := map[model.ID]int{}
		for id, n := range b {
			levels[id] = n
		}
		return do(fmt.Sprintf("✓ %s's support saved.", voter), func() error { return eng.CastSupport(ctx, actor, g, voter, levels) })
	case key.Matches(k, keyCloseVote) && m.state(v).Open:
		return do("Closed and revealed.", func() error { _, err := eng.CloseVote(ctx, actor, g, stage, m.method); return err })
	case key.Matches(k, keyReopen) && m.state(v).Open:
		a.setStatus("The vote is open: c closes and reveals it first.", nil)
	case key.Matches(k, keyReopen) && !m.state(v).Open:
		m.working = map[string]map[model.ID]int{}
		return do("Reopened: a new round (the earlier one is kept).", func() error { _, err := eng.ReopenVote(ctx, actor, g, stage, m.method); return err })
	}
	return nil
}

func (m *scaleModel) render(a *App) string {
	v := a.tbl.view
	voters := m.voters(v)
	voter := voters[clamp(m.voter, len(voters))]
	st := m.state(v)
	title := "Fist-to-five on the vision"
	if m.method == model.MethodSupport {
		title = "Support for the next steps"
	}
	head := a.headerBar(fmt.Sprintf("%s · %s · %s", title, model.Safe(v.Group.Name, false), v.Area.Code))
	body := []string{""}
	if m.method == model.MethodFist {
		for _, l := range wrap("“"+model.Safe(v.Group.Vision, false)+"”", a.width-4) {
			body = append(body, "  "+a.st.Key.Render(l))
		}
		body = append(body, "")
	}
	if !st.Open {
		return a.page(head, append(body, m.results(a, v, st)...), scaleKeys)
	}
	help := "0 a fist (I block this) … 5 fingers (full support). Consensus: everyone 3+."
	if m.method == model.MethodSupport {
		help = "For each step: 1 strongly oppose · 2 oppose · 3 neutral · 4 support · 5 strongly support."
	}
	body = append(body, "  "+a.st.Key.Render(fmt.Sprintf("Voter ‹ %s › of %d", voter, len(voters)))+
		a.st.Faint.Render(fmt.Sprintf(" · round %d, blind: %s cast", st.Round, plural(len(st.Ballots), "ballot", "ballots"))))
	body = append(body, a.st.Faint.Render("  "+help), "")
	b := m.ballot(v, voter)
	for i, id := range m.items(v) {
		label, choice := "The vision", "—"
		if m.method == model.MethodSupport {
			for _, s := range v.NextSteps {
				if s.ID == id {
					label = model.Safe(s.Action, false)
				}
			}
		}
		if n, ok := b[id]; ok {
			choice = plural(n, "finger", "fingers")
			if m.method == model.MethodSupport {
				choice = model.SupportLevels[n+2]
			}
		}
		body = append(body, a.selLine(fmt.Sprintf("%-18s %s", choice, trunc(label, a.width-24)), i == m.sel && m.method == model.MethodSupport))
	}
	return a.page(head, body, scaleKeys)
}

// results shows a closed vote: the distribution, and the verdict.
func (m *scaleModel) results(a *App, v sessions.TableView, st sessions.VoteState) []string {
	out := []string{a.st.Key.Render(fmt.Sprintf("  Round %d, closed: %s", st.Round, plural(len(st.Ballots), "ballot", "ballots"))), ""}
	bar := func(n, of int) string {
		w := max(a.width/3, 5)
		if of == 0 {
			return ""
		}
		return a.st.Bar.Render(strings.Repeat("█", n*w/of))
	}
	if m.method == model.MethodFist {
		r := v.FistResult
		for f := 5; f >= 0; f-- {
			out = append(out, fmt.Sprintf("  %-9s %3d %s", plural(f, "finger", "fingers"), r.Counts[f], bar(r.Counts[f], r.Voters)))
		}
		out = append(out, "")
		switch {
		case r.Voters == 0:
			out = append(out, "  Nobody voted in this round.")
		case r.Consensus:
			out = append(out, a.st.OK.Render("  Consensus: everyone showed 3 or more."))
		default:
			for _, l := range wrap(fmt.Sprintf("No consensus yet: %s of %d showed fewer than 3 fingers, %d of them 0 or 1. Ask what would change their mind, then o for a new round.", fmt.Sprint(r.Counts[0]+r.Counts[1]+r.Counts[2]), r.Voters, r.Blockers), a.width-4) {
				out = append(out, a.st.Warn.Render("  "+l))
			}
		}
		if r.Divergent {
			out = append(out, a.st.Warn.Render("  The table is split: the hands shown are 3 or more apart."))
		}
		return out
	}
	for _, s := range v.NextSteps {
		r := v.StepSupport[s.ID]
		line := fmt.Sprintf("  %3.0f%% support  %s", r.Percent, trunc(model.Safe(s.Action, false), a.width-20))
		out = append(out, line, a.st.Faint.Render(fmt.Sprintf("        strongly oppose %d · oppose %d · neutral %d · support %d · strongly support %d",
			r.Counts[0], r.Counts[1], r.Counts[2], r.Counts[3], r.Counts[4])))
		if r.Divergent {
			out = append(out, a.st.Warn.Render("        views diverge: some support it, some oppose it"))
		}
	}
	return out
}

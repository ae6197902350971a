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
	sel     int
	working map[string]map[model.ID]int
	// box takes turns on a shared laptop while the round is open.
	box ballotBox
}

// The scale votes' keys (fist-to-five, support).
var (
	keyPrevVoter = kb([]string{"left"}, "←", "previous voter")
	keyNextVoter = kb([]string{"right"}, "→", "next voter")
	keyScaleSet  = kb([]string{"0", "1", "2", "3", "4", "5"}, "0-5", "fingers / 1-5 support (stays on the row)")
	keyScaleCast = kb([]string{"enter"}, "enter", "save the ballot, hide it")
	scaleKeys    = keyMap{
		short: []key.Binding{kb([]string{"0"}, "0-5", "choose"), keyUp, kb([]string{"enter"}, "enter", "save it"), keyDiscard, keyHelp},
		full:  [][]key.Binding{{keyUp, keyDown}, {keyScaleSet, keyScaleCast}, {keyDiscard, keyHelp}},
	}
	privateScaleKeys = keyMap{
		short: []key.Binding{kb([]string{"0"}, "0-5", "choose"), keyUp, kb([]string{"enter"}, "enter", "cast it"), keyQuit, keyHelp},
		full:  [][]key.Binding{{keyUp, keyDown}, {keyScaleSet, kb([]string{"enter"}, "enter", "cast your ballot")}, {keyQuit, keyHelp}},
	}
	scaleResultKeys = keyMap{
		short: []key.Binding{keyReopen, keyBack, keyHelp},
		full:  [][]key.Binding{{keyReopen, keyBack, keyHelp}},
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
	return a.loadCardVoters(v)
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

// shared reports whether the screen takes turns: a shared laptop while
// the round is open, when only the ballot being cast is ever on screen.
func (m *scaleModel) shared(v sessions.TableView) bool { return m.only == "" && m.state(v).Open }

// current is the voter whose ballot is on screen.
func (m *scaleModel) current() string {
	if m.only != "" {
		return m.only
	}
	return m.box.voter
}

// start begins a voter's ballot on the shared laptop: empty, at the top.
func (m *scaleModel) start(voter string) {
	m.box.stage, m.box.voter, m.sel = boxCast, voter, 0
	m.working[voter] = map[model.ID]int{}
}

func (m *scaleModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	v := a.tbl.view
	st := m.state(v)
	eng, ctx, actor, g, stage := a.eng, a.ctx, a.actor, v.Group.ID, sessions.StageFor(v.Event, m.method)
	if !st.Open {
		m.box.stage = boxPick
	}
	if m.shared(v) && m.box.stage != boxCast {
		switch {
		case m.box.stage != boxCode && key.Matches(k, keyBack):
			return a.leaveVote()
		case m.box.stage == boxPick && key.Matches(k, keyCloseVote):
			done := len(voted(st.Ballots))
			a.ask(fmt.Sprintf("Close round %d and show the result (%s cast)?", st.Round, plural(done, "ballot", "ballots")), "The vote stays open and blind.",
				do("Closed and revealed.", func() error { _, err := eng.CloseVote(ctx, actor, g, stage, m.method); return err }))
			return nil
		case m.box.stage == boxPick && key.Matches(k, keyReopen):
			a.setStatus("The vote is open: c closes and reveals it first.", nil)
			return nil
		}
		return m.box.update(a, k, m.box.rows(v.Group.Participants, st.Ballots), voted(st.Ballots), false, m.start)
	}
	voter := m.current()
	items := m.items(v)
	switch s := k.String(); {
	case m.shared(v) && key.Matches(k, keyBack):
		m.box.stage = boxPick
		a.ballotLeft(voter, len(m.working[voter]) > 0)
		delete(m.working, voter)
	case key.Matches(k, keyBack):
		return a.leaveVote()
	case !st.Open && key.Matches(k, keyReopen):
		m.working = map[string]map[model.ID]int{}
		return do("Reopened: a new round (the earlier one is kept).", func() error { _, err := eng.ReopenVote(ctx, actor, g, stage, m.method); return err })
	case !st.Open:
		a.setStatus(fmt.Sprintf("Round %d is closed and its result shown: %s does nothing until o reopens the vote for a new round.", st.Round, k.String()), nil)
	case m.shared(v) && (key.Matches(k, keyVoter) || key.Matches(k, keyCloseVote) || key.Matches(k, keyReopen)):
		a.setStatus("This is "+voter+"'s ballot: enter saves it, esc leaves it unsaved.", nil)
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
		return m.cast(a, v, voter)
	}
	return nil
}

// cast saves the voter's ballot; on the shared laptop the privacy screen
// hides it until the next person is ready.
func (m *scaleModel) cast(a *App, v sessions.TableView, voter string) tea.Cmd {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, v.Group.ID
	b := m.ballot(v, voter)
	if m.method == model.MethodFist {
		n, ok := b[g]
		if !ok {
			a.setStatus("Choose 0 (a fist: I block this) to 5 (full support) first, then enter.", nil)
			return nil
		}
		m.passed(v, voter)
		return castCmd(voter, fmt.Sprintf("✓ %s's fingers saved.", voter), func() error { return eng.CastFist(ctx, actor, g, voter, n) })
	}
	if len(b) == 0 {
		a.setStatus("Choose 1 to 5 for at least one step first (↓ moves to the next), then enter.", nil)
		return nil
	}
	levels := map[model.ID]int{}
	for id, n := range b {
		levels[id] = n
	}
	m.passed(v, voter)
	return castCmd(voter, fmt.Sprintf("✓ %s's support saved.", voter), func() error { return eng.CastSupport(ctx, actor, g, voter, levels) })
}

// passed hides a cast ballot behind the privacy screen (shared laptop).
func (m *scaleModel) passed(v sessions.TableView, voter string) {
	if m.shared(v) {
		m.box.stage, m.box.passed = boxPassed, voter
	}
}

// saved takes a cast's outcome: a refused ballot comes back on screen, as
// it was, with the reason; a participant's saved ballot is re-read.
func (m *scaleModel) saved(a *App, msg castMsg) {
	switch {
	case msg.err != nil && m.only == "":
		m.box.stage, m.box.voter = boxCast, msg.voter
	case msg.err == nil && m.only != "":
		m.working = map[string]map[model.ID]int{}
	}
}

func (m *scaleModel) render(a *App) string {
	v := a.tbl.view
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
	}
	if !st.Open {
		return a.page(head, append(append(body, ""), m.results(a, v, st)...), scaleResultKeys)
	}
	if m.shared(v) && m.box.stage != boxCast {
		lines, keys := m.box.view(a, m.box.rows(v.Group.Participants, st.Ballots), voted(st.Ballots), false, st.Round)
		if m.method == model.MethodSupport {
			body = nil // the box's lines start with a blank one
		}
		return a.page(head, append(body, lines...), keys)
	}
	voter := m.current()
	help := "0 a fist (I block this) … 5 fingers (full support). Consensus: everyone 3+."
	if m.method == model.MethodSupport {
		help = "For each step: 1 strongly oppose · 2 oppose · 3 neutral · 4 support · 5 strongly support."
	}
	who := "Ballot of " + voter
	if m.only != "" {
		who = "Your anonymous ballot, " + voter
	}
	body = append(body, "", "  "+a.st.Key.Render(who)+
		a.st.Faint.Render(fmt.Sprintf(" · round %d, blind: only this ballot is on screen", st.Round)))
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
	keys := scaleKeys
	if m.only != "" {
		keys = privateScaleKeys
	}
	return a.page(head, body, keys)
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

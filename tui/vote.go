package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// voteModel is the dot-vote screen: one voter at a time spends their dots
// (or the scribe types in a paper tally), then the ranked results.
type voteModel struct {
	view    sessions.TableView
	voters  []string
	voter   int
	ballots map[string]map[model.ID]int // working ballots, by voter
	dirty   map[string]bool
	sel     int
	results bool
	// private is a participant's own ballot: one voter, no running totals.
	private bool
	// pass is set after a ballot is saved on a shared laptop: the screen
	// hides it until the next voter is ready.
	pass string
}

var privateVoteKeys = keyMap{
	short: []key.Binding{keyAddDot, keyDropDot, kb([]string{"enter"}, "enter", "cast it"), keyQuit, keyHelp},
	full:  [][]key.Binding{{keyUp, keyDown}, {keyAddDot, keyDropDot}, {kb([]string{"enter"}, "enter", "cast your ballot"), keyQuit}},
}

var voteKeys = keyMap{
	short: []key.Binding{keyVoter, keyAddDot, keyCast, keyCloseVote, keyBack, keyHelp},
	full:  [][]key.Binding{{keyUp, keyDown, keyPrevVoter, keyNextVoter}, {keyAddDot, keyDropDot, keyCast}, {keyCloseVote, keyReopen, keyResults, keyBack, keyHelp}},
}

func newVoteModel(v sessions.TableView) voteModel {
	voters := sessions.VoterCodes(max(v.Group.Participants, 1))
	if v.Method == model.MethodDots {
		voters = append(voters, model.PaperVoter) // a paper tally is for dots only
	}
	m := voteModel{voters: voters,
		ballots: map[string]map[model.ID]int{}, dirty: map[string]bool{}}
	m.refresh(v)
	return m
}

// refresh takes a new view; unsaved dots of every voter are kept.
func (m *voteModel) refresh(v sessions.TableView) {
	m.view = v
	for _, voter := range m.voters {
		if m.dirty[voter] {
			continue
		}
		b := v.Ballot(voter)
		m.ballots[voter] = map[model.ID]int{}
		for id, n := range b.Dots {
			m.ballots[voter][id] = n
		}
	}
	m.sel = clamp(m.sel, len(m.items()))
}

func (m *voteModel) items() []model.Contribution {
	return m.view.VoteChoices()
}

func (m *voteModel) current() string { return m.voters[m.voter] }

func (m *voteModel) spent() int {
	n := 0
	for _, d := range m.ballots[m.current()] {
		n += d
	}
	return n
}

func (m *voteModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	if len(m.voters) == 0 {
		return nil // the ballot is still loading
	}
	if m.pass != "" { // the privacy screen: any key when the next voter is ready
		m.pass = ""
		if key.Matches(k, keyBack) {
			a.screen, a.status = screenTable, ""
			return a.loadTable(m.view.Group.ID)
		}
		return nil
	}
	items := m.items()
	voter := m.current()
	rules := m.view.RulesFor(voter)
	switch {
	case key.Matches(k, keyBack):
		a.screen = screenTable
		a.status = ""
		return a.loadTable(m.view.Group.ID)
	case key.Matches(k, keyResults) && m.view.DotVote.Open:
		a.setStatus("The vote is blind until it is closed: c closes it and reveals the ranking.", nil)
	case key.Matches(k, keyResults):
		m.results = !m.results
	case key.Matches(k, keyCloseVote) && m.view.DotVote.Open:
		eng, ctx, actor, g, stage := a.eng, a.ctx, a.actor, m.view.Group.ID, m.view.VoteStage
		m.results = true
		return func() tea.Msg {
			r, err := eng.CloseVote(ctx, actor, g, stage, m.view.Method)
			if err != nil {
				return doneMsg{err: err, reload: true}
			}
			return doneMsg{status: fmt.Sprintf("Round %d closed and revealed.", r), reload: true}
		}
	case key.Matches(k, keyCloseVote):
		a.setStatus("The vote is already closed: o opens a new round.", nil)
	case key.Matches(k, keyReopen) && !m.view.DotVote.Open:
		eng, ctx, actor, g, stage := a.eng, a.ctx, a.actor, m.view.Group.ID, m.view.VoteStage
		m.results = false
		m.ballots, m.dirty = map[string]map[model.ID]int{}, map[string]bool{}
		return func() tea.Msg {
			r, err := eng.ReopenVote(ctx, actor, g, stage, m.view.Method)
			if err != nil {
				return doneMsg{err: err, reload: true}
			}
			return doneMsg{status: fmt.Sprintf("Round %d open: the earlier round is kept in the history.", r), reload: true}
		}
	case key.Matches(k, keyUp):
		m.sel = clamp(m.sel-1, len(items))
	case key.Matches(k, keyDown):
		m.sel = clamp(m.sel+1, len(items))
	case key.Matches(k, keyPrevVoter):
		m.voter = (m.voter - 1 + len(m.voters)) % len(m.voters)
	case key.Matches(k, keyNextVoter):
		m.voter = (m.voter + 1) % len(m.voters)
	case len(items) == 0:
		return nil
	case key.Matches(k, keyAddDot) && m.view.Method != model.MethodDots:
		m.mark(items[m.sel].ID)
		m.dirty[voter] = true
	case key.Matches(k, keyDropDot) && m.view.Method != model.MethodDots:
		m.unmark(items[m.sel].ID)
		m.dirty[voter] = true
	case key.Matches(k, keyAddDot):
		id := items[m.sel].ID
		switch {
		case m.spent() >= rules.Budget:
			a.setStatus(fmt.Sprintf("%s has spent all %d dots: remove one first.", label(voter), rules.Budget), nil)
			a.isErr = true
		case m.ballots[voter][id] >= rules.EffectiveCap():
			a.setStatus(fmt.Sprintf("At most %d dots on one item.", rules.EffectiveCap()), nil)
			a.isErr = true
		default:
			m.ballots[voter][id]++
			m.dirty[voter] = true
			a.status = ""
		}
	case key.Matches(k, keyDropDot):
		id := items[m.sel].ID
		if m.ballots[voter][id] > 0 {
			m.ballots[voter][id]--
			m.dirty[voter] = true
		} else {
			a.setStatus("No dot on this item to take back.", nil)
		}
	case key.Matches(k, keyCast):
		dots := map[model.ID]int{}
		for id, n := range m.ballots[voter] {
			dots[id] = n
		}
		eng, ctx, actor, g := a.eng, a.ctx, a.actor, m.view.Group.ID
		m.dirty[voter] = false
		if voter != model.PaperVoter {
			m.voter = (m.voter + 1) % len(m.voters)
			if !m.private {
				m.pass = voter
			}
		}
		return do(fmt.Sprintf("✓ %s's dots saved.", label(voter)), func() error { return eng.CastDots(ctx, actor, g, voter, dots) })
	}
	return nil
}

func (m *voteModel) render(a *App) string {
	if len(m.voters) == 0 {
		return a.page(a.headerBar("Ballot"), []string{"", "  Opening your ballot…"}, voteKeys)
	}
	v := m.view
	items := m.items()
	voter := m.current()
	rules := v.RulesFor(voter)
	head := a.headerBar(fmt.Sprintf("Dot vote · %s · %s", model.Safe(v.Group.Name, false), v.Area.Code))
	if m.pass != "" {
		return a.page(head, []string{"", "", "  " + a.st.OK.Render("✓ "+m.pass+"'s ballot is saved and hidden."), "",
			"  Pass the laptop to " + a.st.Key.Render(voter) + ".", "",
			a.st.Faint.Render("  Press any key when " + voter + " is ready (esc leaves the vote).")}, voteKeys)
	}
	body := []string{""}
	if len(items) == 0 {
		body = append(body, "  Nothing to vote on yet: capture the priorities at this stage first (esc).")
		return a.page(head, body, voteKeys)
	}
	if m.results {
		return a.page(head, append(body, m.resultLines(a)...), voteKeys)
	}
	keys := voteKeys
	who := fmt.Sprintf("Voter ‹ %s › of %d", voter, len(m.voters)-1)
	if m.private {
		who, keys = "Your anonymous ballot, "+voter, privateVoteKeys
	}
	if voter == model.PaperVoter {
		who = "‹ Paper tally › (type in the dots counted on paper)"
	}
	unsaved := ""
	if m.dirty[voter] {
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
		body = append(body, a.st.Faint.Render(fmt.Sprintf("  Round %d, blind: %s so far; c closes the vote and shows the totals.", v.DotVote.Round, plural(len(v.Ballots), "ballot", "ballots"))), "")
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

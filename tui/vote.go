package tui

import (
	"fmt"

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
	// box takes turns on a shared laptop while the round is open.
	box ballotBox
}

var privateVoteKeys = keyMap{
	short: []key.Binding{keyAddDot, keyDropDot, kb([]string{"enter"}, "enter", "cast it"), keyQuit, keyHelp},
	full:  [][]key.Binding{{keyUp, keyDown}, {keyAddDot, keyDropDot}, {kb([]string{"enter"}, "enter", "cast your ballot"), keyQuit}},
}

// castKeys are a ballot's keys on the shared laptop while the round is open.
var castKeys = keyMap{
	short: []key.Binding{keyAddDot, kb([]string{"-"}, "-", "remove"), kb([]string{"enter"}, "enter", "save"), kb([]string{"esc"}, "esc", "leave unsaved"), keyHelp},
	full:  [][]key.Binding{{keyUp, keyDown}, {keyAddDot, keyDropDot}, {kb([]string{"enter"}, "enter", "save the ballot, hide it"), keyDiscard, keyHelp}},
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
	if !v.DotVote.Open {
		m.box.stage = boxPick
	}
}

func (m *voteModel) items() []model.Contribution {
	return m.view.VoteChoices()
}

// shared reports whether the screen takes turns: a shared laptop while
// the round is open, when only the ballot being cast is ever on screen.
func (m *voteModel) shared() bool { return !m.private && m.view.DotVote.Open }

// current is the voter whose ballot is on screen.
func (m *voteModel) current() string {
	if m.shared() && m.box.stage == boxCast {
		return m.box.voter
	}
	return m.voters[clamp(m.voter, len(m.voters))]
}

// start begins a voter's ballot on the shared laptop: empty, at the top.
// The paper tally keeps what was typed in from paper.
func (m *voteModel) start(voter string) {
	m.box.stage, m.box.voter, m.sel = boxCast, voter, 0
	if voter != model.PaperVoter {
		m.ballots[voter], m.dirty[voter] = map[model.ID]int{}, true
	}
}

// marked reports whether the ballot on screen has anything on it.
func (m *voteModel) marked() bool {
	for _, n := range m.ballots[m.current()] {
		if n != 0 {
			return true
		}
	}
	return false
}

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
	if m.shared() && m.box.stage != boxCast {
		return m.turns(a, k)
	}
	items := m.items()
	voter := m.current()
	rules := m.view.RulesFor(voter)
	switch {
	case m.shared() && key.Matches(k, keyBack):
		m.box.stage = boxPick
		a.ballotLeft(voter, m.dirty[voter])
		m.dirty[voter] = false
		m.refresh(m.view)
	case m.shared() && (key.Matches(k, keyVoter) || key.Matches(k, keyCloseVote) || key.Matches(k, keyReopen) || key.Matches(k, keyResults)):
		a.setStatus("This is "+label(voter)+"'s ballot: enter saves it, esc leaves it unsaved.", nil)
	case key.Matches(k, keyBack):
		return a.leaveVote()
	case key.Matches(k, keyResults) && m.view.DotVote.Open:
		a.setStatus("The vote is blind until it is closed: c closes it and reveals the ranking.", nil)
	case key.Matches(k, keyResults):
		m.results = !m.results
	case key.Matches(k, keyCloseVote) && m.view.DotVote.Open:
		return m.askClose(a)
	case key.Matches(k, keyCloseVote):
		a.setStatus("The vote is already closed: o opens a new round.", nil)
	case key.Matches(k, keyReopen) && !m.view.DotVote.Open:
		eng, ctx, actor, g, stage := a.eng, a.ctx, a.actor, m.view.Group.ID, m.view.VoteStage
		m.results = false
		m.ballots, m.dirty = map[string]map[model.ID]int{}, map[string]bool{}
		m.box = ballotBox{cards: m.box.cards}
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
		return m.cast(a, voter)
	}
	return nil
}

// turns handles a key on the shared laptop's picker, card code or privacy
// screen; the round's own commands (close, results) are on the picker.
func (m *voteModel) turns(a *App, k tea.KeyPressMsg) tea.Cmd {
	if m.box.stage != boxCode && key.Matches(k, keyBack) {
		return a.leaveVote()
	}
	if m.box.stage == boxPick {
		switch {
		case key.Matches(k, keyCloseVote):
			return m.askClose(a)
		case key.Matches(k, keyResults):
			a.setStatus("The vote is blind until it is closed: c closes it and reveals the ranking.", nil)
			return nil
		case key.Matches(k, keyReopen):
			a.setStatus("The vote is open: c closes it and reveals the ranking first.", nil)
			return nil
		}
	}
	return m.box.update(a, k, m.box.rows(m.view.Group.Participants, m.view.Ballots), voted(m.view.Ballots), m.view.Method == model.MethodDots, m.start)
}

// askClose asks before closing the round: it reveals every ballot and
// ends the round for everyone.
func (m *voteModel) askClose(a *App) tea.Cmd {
	eng, ctx, actor, g, stage, method := a.eng, a.ctx, a.actor, m.view.Group.ID, m.view.VoteStage, m.view.Method
	done := len(voted(m.view.Ballots))
	a.ask(fmt.Sprintf("Close round %d and reveal the ranking (%s cast)?", m.view.DotVote.Round, plural(done, "ballot", "ballots")), "The vote stays open and blind.",
		func() tea.Msg {
			r, err := eng.CloseVote(ctx, actor, g, stage, method)
			if err != nil {
				return doneMsg{err: err, reload: true}
			}
			return closedMsg{status: fmt.Sprintf("Round %d closed and revealed.", r)}
		})
	return nil
}

// cast saves the voter's ballot; on the shared laptop the privacy screen
// hides it until the next person is ready.
func (m *voteModel) cast(a *App, voter string) tea.Cmd {
	dots := map[model.ID]int{}
	for id, n := range m.ballots[voter] {
		dots[id] = n
	}
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, m.view.Group.ID
	switch {
	case m.shared() && voter == model.PaperVoter:
		m.box.stage = boxPick
	case m.shared():
		m.box.stage, m.box.passed = boxPassed, voter
	}
	return castCmd(voter, fmt.Sprintf("✓ %s's dots saved.", label(voter)), func() error { return eng.CastDots(ctx, actor, g, voter, dots) })
}

// saved takes a cast's outcome: a refused ballot comes back on screen,
// as it was, with the reason.
func (m *voteModel) saved(a *App, msg castMsg) {
	if msg.err != nil {
		if m.shared() {
			m.box.stage, m.box.voter = boxCast, msg.voter
		}
		return
	}
	m.dirty[msg.voter] = false
	if m.private {
		m.refresh(m.view)
	}
}

package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// boxStage is where the shared laptop is in taking turns.
type boxStage int

const (
	boxPick   boxStage = iota // the picker: who votes next (voted / not yet)
	boxCode                   // a card table: the voter types their card's code
	boxCast                   // one voter's ballot, the only one on screen
	boxPassed                 // the privacy screen after a ballot
)

// ballotBox is the shared laptop's turn-taking while a round is open, the
// same for every method. Blind means blind: the picker says only who has
// voted and who has not, each voter starts from an empty ballot at the
// top, and after each ballot a privacy screen hides it until the next
// person is ready. At a table that votes with participant cards, a voter
// types their card's code, which gives the voter code they vote under.
type ballotBox struct {
	stage  boxStage
	pick   int    // the picker's cursor
	voter  string // the ballot being cast now (boxCast)
	passed string // whose ballot was just cast (boxPassed)
	code   textinput.Model
	// cards are the voter codes of the table's live cards; nil when the
	// table does not vote with cards.
	cards []string
}

// cardVotersMsg carries a table's card voter codes to the vote screens.
type cardVotersMsg struct {
	table  model.ID
	voters []string
	err    error
}

// cardVoterMsg is the voter code a typed card code gives (or why not).
type cardVoterMsg struct {
	voter string
	err   error
}

// castMsg says whether a ballot cast on a vote screen was saved.
type castMsg struct {
	voter, status string
	err           error
}

var (
	keyPick     = kb([]string{"enter"}, "enter", "start this ballot")
	keyPickUp   = kb([]string{"up", "left"}, "↑", "up the list")
	keyPickDown = kb([]string{"down", "right"}, "↓", "down the list")
	keyDiscard  = kb([]string{"esc"}, "esc", "leave without saving")
	pickKeys    = keyMap{
		short: []key.Binding{kb([]string{"down"}, "↑/↓", "choose"), keyPick, keyCloseVote, keyBack, keyHelp},
		full:  [][]key.Binding{{keyPickUp, keyPickDown, keyPick}, {keyCloseVote, keyResults, keyBack, keyHelp}},
	}
	passKeys = keyMap{
		short: []key.Binding{kb([]string{"space"}, "any key", "the next person"), kb([]string{"esc"}, "esc", "leave the vote"), keyHelp},
		full:  [][]key.Binding{{kb([]string{"space"}, "any key", "the list, for the next person"), kb([]string{"esc"}, "esc", "leave the vote")}},
	}
	codeKeys = keyMap{
		short: []key.Binding{kb([]string{"enter"}, "enter", "vote with this card"), kb([]string{"esc"}, "esc", "back")},
		full:  [][]key.Binding{{kb([]string{"enter"}, "enter", "vote with this card"), kb([]string{"esc"}, "esc", "back to the list")}},
	}
)

// loadCardVoters reads which voter codes the table's live cards hold.
func (a *App) loadCardVoters(v sessions.TableView) tea.Cmd {
	eng, ctx, ev, g := a.eng, a.ctx, v.Event.ID, v.Group.ID
	return func() tea.Msg {
		voters, err := eng.CardVoters(ctx, ev, g)
		return cardVotersMsg{table: g, voters: voters, err: err}
	}
}

// rows are the picker's voter codes: the cards' at a card table, else one
// per participant, plus any code that has a ballot in the round.
func (b *ballotBox) rows(participants int, ballots []model.Ballot) []string {
	rows := b.cards
	if rows == nil {
		rows = sessions.VoterCodes(max(participants, 1))
	}
	have := map[string]bool{}
	for _, r := range rows {
		have[r] = true
	}
	out := append([]string(nil), rows...)
	for _, bl := range ballots {
		if bl.Voter != model.PaperVoter && !have[bl.Voter] {
			have[bl.Voter] = true
			out = append(out, bl.Voter)
		}
	}
	sessions.SortVoters(out)
	return out
}

// voted is the set of codes with a ballot in the round (the paper tally
// aside).
func voted(ballots []model.Ballot) map[string]bool {
	out := map[string]bool{}
	for _, b := range ballots {
		if b.Voter != model.PaperVoter {
			out[b.Voter] = true
		}
	}
	return out
}

// nextPick puts the picker's cursor on the first code, from the cursor on,
// that has not voted yet.
func (b *ballotBox) nextPick(rows []string, done map[string]bool) {
	for i := range rows {
		if j := (b.pick + i) % len(rows); !done[rows[j]] {
			b.pick = j
			return
		}
	}
}

// update handles a key while the box is not on a ballot: the picker, the
// card code and the privacy screen. start begins a voter's ballot; paper
// says whether the picker's last row is the paper tally.
func (b *ballotBox) update(a *App, k tea.KeyPressMsg, rows []string, done map[string]bool, paper bool, start func(string)) tea.Cmd {
	n := len(rows)
	if paper {
		n++
	}
	switch b.stage {
	case boxPassed:
		b.stage, b.passed = boxPick, ""
		b.nextPick(rows, done)
		a.status = ""
		return nil
	case boxCode:
		switch {
		case k.String() == "esc":
			b.stage = boxPick
			a.status = ""
			return nil
		case k.String() == "enter":
			eng, ctx, g, code := a.eng, a.ctx, a.tbl.view.Group.ID, b.code.Value()
			return func() tea.Msg {
				voter, err := eng.CardVoter(ctx, g, code)
				return cardVoterMsg{voter: voter, err: err}
			}
		}
		var cmd tea.Cmd
		b.code, cmd = b.code.Update(k)
		return cmd
	}
	switch {
	case key.Matches(k, keyPickUp):
		b.pick = (b.pick - 1 + n) % n
	case key.Matches(k, keyPickDown):
		b.pick = (b.pick + 1) % n
	case key.Matches(k, keyPick) && paper && b.pick == len(rows):
		start(model.PaperVoter)
	case key.Matches(k, keyPick) && b.cards != nil:
		b.stage = boxCode
		b.code = steadyInput()
		b.code.Placeholder = "the code on your card, e.g. K7DP-3MXQ"
		b.code.CharLimit = 20
		b.code.EchoMode = textinput.EchoPassword // the code also logs in: not for the room to read
		b.code.EchoCharacter = '•'
		a.setStatus("At this table each person votes with their card: type the code on it, then enter.", nil)
		return b.code.Focus()
	case key.Matches(k, keyPick) && n > 0:
		voter := rows[clamp(b.pick, len(rows))]
		if done[voter] { // only that person should: ask, so a slip of ↑ overwrites nobody
			a.ask(voter+" has voted already. Start a new ballot for "+voter+", to replace theirs when it is saved?", "Nothing changed: "+voter+"'s ballot stands.",
				func() tea.Msg { return revoteMsg{voter} })
			return nil
		}
		a.status = ""
		start(voter)
	}
	return nil
}

// revoteMsg starts a new ballot for a code that has voted, once asked.
type revoteMsg struct{ voter string }

// cardVoter takes the voter code a typed card gave.
func (b *ballotBox) cardVoter(a *App, msg cardVoterMsg, done map[string]bool, start func(string)) {
	if b.stage != boxCode {
		return
	}
	if msg.err != nil {
		a.setStatus("", msg.err)
		b.code.SetValue("")
		return
	}
	if done[msg.voter] {
		a.setStatus("This card has voted: a new ballot replaces its earlier one when it is saved.", nil)
	} else {
		a.setStatus("Your ballot: nobody sees whose it is.", nil)
	}
	start(msg.voter)
}

// view is the picker, the card code or the privacy screen.
func (b *ballotBox) view(a *App, rows []string, done map[string]bool, paper bool, round int) ([]string, keyMap) {
	switch b.stage {
	case boxPassed:
		return []string{"", "", "  " + a.st.OK.Render("✓ "+label(b.passed)+"'s ballot is hidden."), "",
			"  Pass the laptop to the next person.", "",
			a.st.Faint.Render("  Press any key when they are ready.")}, passKeys
	case boxCode:
		return []string{"", "  " + a.st.Key.Render("Type the code on your card"), "",
			"  " + b.code.View(), "",
			a.st.Faint.Render("  It shows as dots. Capitals, spaces and the dash do not matter; esc goes back.")}, codeKeys
	}
	out := []string{"", "  " + a.st.Key.Render(fmt.Sprintf("Round %d, blind · %d of %d have voted", round, len(done), len(rows))) +
		a.st.Faint.Render(" · who has voted, never what"), ""}
	how := "  Choose your code and press enter; you start from an empty ballot."
	if b.cards != nil {
		how = "  Press enter, then type the code on your card."
	}
	out = append(out, a.st.Faint.Render(how), "")
	n := len(rows)
	if paper {
		n++
	}
	room := max(a.height-len(out)-5, 1)
	from, to := scrollWindow(n, b.pick, room)
	for i := from; i < to; i++ {
		line := "Paper tally (the dots counted on paper)"
		if i < len(rows) {
			state := "not yet"
			if done[rows[i]] {
				state = "✓ voted"
			}
			line = fmt.Sprintf("%-5s %s", rows[i], state)
		}
		out = append(out, "  "+a.selLine(line, i == b.pick))
	}
	return out, pickKeys
}

// ballotLeft says what became of a shared ballot left without saving.
func (a *App) ballotLeft(voter string, changed bool) {
	if changed {
		a.setStatus(label(voter)+"'s ballot was left; nothing of it was saved.", nil)
		return
	}
	a.status = ""
}

// closedMsg says a round was closed and revealed.
type closedMsg struct{ status string }

// castCmd saves a ballot and says how it went, by voter.
func castCmd(voter, status string, f func() error) tea.Cmd {
	return func() tea.Msg {
		if err := f(); err != nil {
			return castMsg{voter: voter, err: err}
		}
		return castMsg{voter: voter, status: status}
	}
}

// leaveVote goes back to the table screen from a vote.
func (a *App) leaveVote() tea.Cmd {
	a.screen, a.status = screenTable, ""
	return a.loadTable(a.tbl.view.Group.ID)
}

// voteMsg takes what the vote screens' commands report.
func (a *App) voteMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case castMsg:
		a.setStatus(msg.status, msg.err)
		switch a.screen {
		case screenVote:
			a.vote.saved(a, msg)
		case screenScale:
			a.scale.saved(a, msg)
		}
	case closedMsg:
		a.setStatus(msg.status, nil)
		a.vote.results = true
	case cardVotersMsg:
		if msg.err != nil {
			a.setStatus("", msg.err)
			return nil
		}
		if msg.table == a.tbl.view.Group.ID {
			a.vote.box.cards, a.scale.box.cards = msg.voters, msg.voters
		}
		return nil
	case revoteMsg:
		status := msg.voter + " has voted: a new ballot replaces theirs when it is saved."
		switch a.screen {
		case screenVote:
			if a.vote.shared() && a.vote.box.stage == boxPick {
				a.vote.start(msg.voter)
				a.setStatus(status, nil)
			}
		case screenScale:
			if a.scale.shared(a.tbl.view) && a.scale.box.stage == boxPick {
				a.scale.start(msg.voter)
				a.setStatus(status, nil)
			}
		}
		return nil
	case cardVoterMsg:
		switch a.screen {
		case screenVote:
			a.vote.box.cardVoter(a, msg, voted(a.vote.view.Ballots), a.vote.start)
		case screenScale:
			a.scale.box.cardVoter(a, msg, voted(a.scale.state(a.tbl.view).Ballots), a.scale.start)
		}
		return nil
	}
	if a.static { // otherwise the commit's change signal reloads
		return a.reload()
	}
	return nil
}

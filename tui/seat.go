package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// stoppingMsg says the server is shutting down.
type stoppingMsg struct{}

// quitMsg ends the session with a reason, shown as the app closes.
type quitMsg struct{ reason string }

// seatStart opens the screen a seat begins on: organisers the events,
// observers the event's tables, facilitators and scribes their table,
// participants their ballot.
func (a *App) seatStart() tea.Cmd {
	s := a.seat
	switch {
	case s == nil || s.Role == sessions.RoleOrganiser:
		return a.loadEvents()
	case s.Role == sessions.RoleObserver:
		a.screen = screenBoard
		return a.loadBoard(s.Event)
	case s.Role == sessions.RoleParticipant:
		a.screen = screenVote
		a.setStatus("Waiting for the ballot…", nil)
		return tea.Batch(a.loadBoard(s.Event), a.loadTable(s.Table))
	}
	return tea.Batch(a.loadBoard(s.Event), a.openTable(s.Table))
}

// seatKey handles keys a seat may not use, before the screen sees them.
// It reports whether it used the key.
func (a *App) seatKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	s := a.seat
	if s == nil || s.Role == sessions.RoleOrganiser {
		return nil, false
	}
	k := msg.String()
	switch {
	case k == "q" && (a.screen == screenBoard || a.screen == screenVote || a.screen == screenScale || s.Role == sessions.RoleObserver):
		return tea.Quit, true
	case a.screen == screenBoard && (k == "esc" || k == "e" || k == "n"):
		a.setStatus("This seat stays with this event: press q to leave.", nil)
		return nil, true
	case a.screen == screenBoard && k == "enter" && s.Role.AtTable() && len(a.board.Groups) > 0 && !s.At(a.board.Groups[a.boardSel].ID):
		a.setStatus("This seat works at its own table only; ask the organiser to join another.", nil)
		a.isErr = true
		return nil, true
	case s.Role == sessions.RoleParticipant && (a.screen == screenVote || a.screen == screenScale) && (k == "esc" || k == "r" || k == "left" || k == "right" || k == "c" || k == "o"):
		a.setStatus("This laptop casts ballot "+s.Voter+" only; the facilitator shows the results. Press q to leave.", nil)
		return nil, true
	}
	return nil, false
}

// participantVote opens a participant's ballot for what the table is doing:
// fist-to-five on the vision stage, support on the next-steps stage, the
// vote on priorities otherwise; always under the seat's own code.
func (a *App) participantVote(v sessions.TableView) {
	if a.seat == nil || a.seat.Role != sessions.RoleParticipant {
		return
	}
	method := v.Method
	switch {
	case v.Stage.Activity == model.ActivityVision && v.Group.Vision != "":
		method = model.MethodFist
	case v.Stage.Activity == model.ActivityNextSteps && len(v.NextSteps) > 0:
		method = model.MethodSupport
	}
	if method == a.participantOn {
		return // already on it: keep what they have placed
	}
	a.participantOn = method
	if method == model.MethodFist || method == model.MethodSupport {
		a.scale = scaleModel{method: method, working: map[string]map[model.ID]int{}, only: a.seat.Voter}
		a.screen = screenScale
		a.setStatus("You are "+a.seat.Voter+": your answer is anonymous. Choose, then enter.", nil)
		return
	}
	a.vote = newVoteModel(v)
	a.vote.voters = []string{a.seat.Voter}
	a.vote.voter, a.vote.private = 0, true
	a.vote.refresh(v)
	a.screen = screenVote
	a.setStatus("You are "+a.seat.Voter+": your ballot is anonymous. Place your dots, then enter.", nil)
}

// idleCheck ends a seat's session after too long without a key press, or
// when it has lasted the longest a session may.
func (a *App) idleCheck(now time.Time) tea.Cmd {
	switch {
	case a.opts.IdleTimeout > 0 && now.Sub(a.lastKey) > a.opts.IdleTimeout:
		return func() tea.Msg {
			return quitMsg{"no key pressed for " + a.opts.IdleTimeout.String() + "; everything you saved is kept"}
		}
	case a.opts.MaxSession > 0 && now.Sub(a.started) > a.opts.MaxSession:
		return func() tea.Msg { return quitMsg{"the session reached its time limit of " + a.opts.MaxSession.String()} }
	}
	return nil
}

// waitStop turns the server's stop signal into a message.
func (a *App) waitStop() tea.Cmd {
	ch := a.opts.Stopping
	if ch == nil {
		return nil
	}
	done := a.live.done
	return func() tea.Msg {
		select {
		case <-ch:
			return stoppingMsg{}
		case <-done: // the session ended: nothing waits on after it
			return nil
		}
	}
}

// QuitReason is why the app ended itself ("" when the user quit).
func (a *App) QuitReason() string { return a.quitReason }

// bell rings the terminal bell once when the open table's stage time is up
// (unless turned off with B).
func (a *App) bell() tea.Cmd {
	v := a.tbl.view
	if a.screen != screenTable || v.Group.ID == "" || v.Stage.Key == "" {
		return nil
	}
	key := string(v.Group.ID) + "/" + v.Stage.Key + "/" + v.Group.StageStartedAt.String()
	if v.Group.Clock(v.Stage, a.now) != model.ClockOver || a.tbl.rung[key] {
		return nil
	}
	a.tbl.rung[key] = true
	if a.bellOff {
		return nil
	}
	return tea.Raw("\a")
}

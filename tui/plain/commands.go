package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"forum/model"
	"forum/sessions"
)

// help is what /help says.
const help = `Commands (anything else you type is saved as a note at your table):
/notes: this stage's notes. /stage: the stage, its clock and prompts.
/votes: the vote: the choices while it is open, the results once closed.
/dots 2 2 5: your ballot, one dot per number (here two on choice 2, one on 5).
/start: start the stage's clock (opening a table never starts it).
/next, /back: move the table to the next or the previous stage.
/close: close the vote and reveal the results.
/tables: the event's tables. /events: the events. A number chooses from the last list.
/quit: leave. Press Enter on an empty line to hear the list or the stage again.`

// command does what one typed line asks.
func (s *session) command(line string) {
	word, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	if n, err := strconv.Atoi(line); err == nil && s.table == nil {
		s.choose(n)
		return
	}
	switch strings.ToLower(word) {
	case "":
		s.again()
	case "/help", "/?":
		s.say("%s", help)
	case "/quit", "/exit", "/q":
		s.quit = true
	case "/events", "/home":
		s.table = nil
		s.showEvents()
	case "/tables":
		s.table = nil
		s.showTables()
	default:
		if s.table == nil {
			s.say("Choose by typing a number from the list, or /help.")
			return
		}
		s.tableCommand(strings.ToLower(word), rest, line)
	}
}

// tableCommand does a table's command, or saves the line as a note.
func (s *session) tableCommand(word, rest, line string) {
	v := s.table
	switch word {
	case "/notes":
		s.stageNotes()
	case "/stage":
		s.say("%s", stageLines(*v, s.now()))
	case "/votes", "/vote":
		s.votes()
	case "/dots":
		s.castDots(rest)
	case "/start":
		started, err := s.eng.StartStage(s.ctx, s.opts.Actor, v.Group.ID)
		if err != nil {
			s.failed("Clock not started", err)
			return
		}
		s.refresh(kindStage)
		if !started {
			s.say("The clock is already running.")
			return
		}
		s.say("Stage started. %s", stageLines(*s.table, s.now()))
	case "/next", "/back":
		delta := 1
		if word == "/back" {
			delta = -1
		}
		leftOpen := v.Stage.Key == v.VoteStage && v.DotVote.Open && len(v.Ballots) > 0
		_, _, err := s.eng.MoveStage(s.ctx, s.opts.Actor, v.Group.ID, delta)
		if err != nil {
			s.failed("Stage not moved", err)
			return
		}
		s.refresh(kindStage)
		s.say("Stage moved. %s", stageLines(*s.table, s.now()))
		if leftOpen {
			s.say("The vote on the priorities stays open; /close closes it and reveals the results.")
		}
	case "/close":
		if !v.DotVote.Open {
			s.say("The vote is already closed. /votes reads the results.")
			return
		}
		if _, err := s.eng.CloseVote(s.ctx, s.opts.Actor, v.Group.ID, v.VoteStage, v.Method); err != nil {
			s.failed("Vote not closed", err)
			return
		}
		s.refresh(kindVote)
		s.say("Vote closed: the results are revealed.")
		s.votes()
	default:
		if strings.HasPrefix(word, "/") {
			s.say("Unknown command %s: /help lists them. (To save a note that starts with a slash, start it with a space.)", word)
			return
		}
		s.capture(line)
	}
}

// capture saves a note and says so, or says why not.
func (s *session) capture(text string) {
	saved, err := s.eng.Capture(s.ctx, s.opts.Actor, s.table.Group.ID, text, nil, "")
	if err != nil {
		s.failed("Not saved", err)
		return
	}
	s.mine[saved.Record.ID] = true
	s.refresh()
	msg := fmt.Sprintf("Saved: %s", saved.Record.Text)
	if saved.Notice != "" {
		msg += " (" + strings.TrimSuffix(saved.Notice, ".") + ")"
	}
	s.say("%s", msg)
}

// refresh re-reads the table after this person's own change of the kinds
// given, announcing whatever else changed meanwhile.
func (s *session) refresh(own ...kind) { s.changed(own...) }

// votes reads the priorities vote: its choices while open, its result once
// closed.
func (s *session) votes() {
	v := s.table
	if v.VoteStage == "" {
		s.say("This event's script has no vote on priorities.")
		return
	}
	if v.DotVote.Open {
		choices := v.VoteChoices()
		lines := []string{fmt.Sprintf("The vote (%s) is open, round %d: %s cast; results are hidden until it is closed.",
			sessions.MethodName(v.Method), v.DotVote.Round, plural(len(v.Ballots), "ballot", "ballots"))}
		if len(choices) == 0 {
			lines = append(lines, "Nothing to vote on yet.")
		}
		for i, c := range choices {
			lines = append(lines, fmt.Sprintf("Choice %d: %s", i+1, c.Text))
		}
		if voter := s.voter(); voter != "" && len(choices) > 0 {
			r := v.RulesFor(voter)
			lines = append(lines, fmt.Sprintf("You vote as %s with %s, at most %d on one choice: /dots and the choices' numbers, e.g. /dots 1 3.",
				voter, plural(r.Budget, "dot", "dots"), r.EffectiveCap()))
		}
		s.say("%s", strings.Join(lines, "\n"))
		return
	}
	lines := []string{fmt.Sprintf("The vote is closed: %s.", plural(len(v.Ballots), "ballot", "ballots"))}
	for _, p := range v.Priorities {
		lines = append(lines, fmt.Sprintf("Rank %s: %s, %s.", p.Label(), p.Note.Text, plural(p.Dots, "dot", "dots")))
	}
	s.say("%s", strings.Join(lines, "\n"))
}

// voter is the voter code this person casts under: a participant seat's.
func (s *session) voter() string {
	if seat := s.opts.Seat; seat != nil && seat.Role == sessions.RoleParticipant {
		return seat.Voter
	}
	return ""
}

// castDots casts the ballot "2 2 5": a dot per number.
func (s *session) castDots(args string) {
	voter := s.voter()
	if voter == "" {
		s.say("Only a participant's seat casts a ballot here (ssh participant-N+plain@…).")
		return
	}
	choices := s.table.VoteChoices()
	dots := map[model.ID]int{}
	for _, f := range strings.Fields(strings.ReplaceAll(args, ",", " ")) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(choices) {
			s.say("Not cast: %q is not a choice's number (1 to %d; /votes lists them).", f, len(choices))
			return
		}
		dots[choices[n-1].ID]++
	}
	if err := s.eng.CastDots(s.ctx, s.opts.Actor, s.table.Group.ID, voter, dots); err != nil {
		if errors.Is(err, sessions.ErrVoteClosed) {
			s.say("Not cast: the vote is closed.")
			return
		}
		s.failed("Not cast", err)
		return
	}
	s.refresh()
	s.say("Ballot saved: %s.", plural(len(strings.Fields(args)), "dot", "dots"))
}

// again repeats what is in front of the person: the stage, or the list.
func (s *session) again() {
	switch {
	case s.table != nil:
		s.say("%s", stageLines(*s.table, s.now()))
	case s.event != "":
		s.showTables()
	default:
		s.showEvents()
	}
}

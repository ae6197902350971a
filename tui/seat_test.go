package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"forum/model"
	"forum/sessions"
)

func TestIdleSeatIsSignedOutAndBusySeatIsNot(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.app.opts.IdleTimeout = time.Minute
	if cmd := h.app.idleCheck(time.Now().Add(30 * time.Second)); cmd != nil {
		t.Fatal("signed out before the idle time")
	}
	h.keys("n") // a key press resets the idle clock
	cmd := h.app.idleCheck(time.Now().Add(2 * time.Minute))
	if cmd == nil {
		t.Fatal("an idle seat was not signed out")
	}
	h.msg(cmd())
	if !strings.Contains(h.app.QuitReason(), "no key pressed for 1m0s") {
		t.Fatalf("quit reason %q", h.app.QuitReason())
	}
}

func TestAScribeSeatOpensOnItsTableAndStaysThere(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "enter", "enter", "enter") // London 2018, one table per STP
	b := h.app.board
	seat := sessions.NewSeat(sessions.RoleScribe, b.Event.ID, b.Groups[2].ID)
	app := New(h.eng, Options{Actor: "ssh:test", Seat: seat})
	app.static = true
	h.app = app
	h.send(app.Init())
	h.msg(resize(80, 24))
	h.contains("NWL · Table 3", "type what people say")
	h.keys("tab", "esc") // to the board
	h.contains("› Table 3")
	h.keys("up", "enter")
	h.contains("This seat works at its own table only")
	h.keys("esc")
	h.contains("This seat stays with this event")
	if _, err := h.eng.Table(app.ctx, b.Groups[0].ID); err == nil {
		t.Fatal("the seat's context reads another table")
	}
}

func TestAParticipantSeesOnlyTheirOwnBallot(t *testing.T) {
	h := newHarness(t, 80, 24)
	v := h.londonTable()
	h.keys("ctrl+n", "y", "ctrl+n", "y", "ctrl+n", "y")
	for _, s := range []string{"Shared records", "Estates funding", "Leadership development"} {
		h.typ(s)
		h.keys("enter")
	}
	seat := sessions.NewSeat(sessions.RoleParticipant, v.Event.ID, v.Group.ID)
	seat.Voter = "P4"
	app := New(h.eng, Options{Actor: "ssh:test", Seat: seat})
	app.static = true
	h.app = app
	h.send(app.Init())
	h.msg(resize(80, 24))
	h.contains("Your anonymous ballot, P4", "You are P4")
	if strings.Contains(h.screen(), "total") || strings.Contains(h.screen(), "P1") {
		t.Fatalf("a participant sees totals or other voters:\n%s", h.screen())
	}
	h.keys("down", "space", "enter")
	h.golden("ballot-participant-80x24")
	h.fits(80, 24)
	h.keys("right", "r", "esc")
	h.contains("This laptop casts ballot P4 only")
	got := h.table().Ballots
	if len(got) != 1 || got[0].Voter != "P4" {
		t.Fatalf("ballots %+v, want P4's alone", got)
	}
}

func TestFistToFiveOnTheVisionAndSupportForNextSteps(t *testing.T) {
	h := fistOnTheVision(t)
	h.contains("Fist-to-five on the vision", "Round 1, blind · 0 of 8 have voted", "› P1    not yet")
	h.keys("enter", "5", "enter")
	h.contains("✓ P1's ballot is hidden.", "✓ P1's fingers saved.")
	if strings.Contains(h.screen(), "5 fingers") {
		t.Fatalf("the privacy screen shows the ballot:\n%s", h.screen())
	}
	h.keys("space", "enter", "4", "enter", "space", "enter", "1", "enter", "space")
	h.contains("3 of 8 have voted", "P1    ✓ voted", "P3    ✓ voted", "› P4    not yet")
	h.golden("fist-open-80x24")
	h.fits(80, 24)
	h.keys("up", "up", "up", "enter") // P1 again: asked first
	h.contains("P1 has voted already. Start a new ballot for P1")
	h.keys("y")
	h.contains("Ballot of P1", "P1 has voted: a new ballot replaces theirs", "—                  The vision") // empty, not their 5 fingers
	h.keys("esc", "c")
	h.contains("Close round 1 and show the result (3 ballots cast)?")
	h.keys("y")
	h.contains("Round 1, closed: 3 ballots", "No consensus yet: 1 of 3 showed fewer than 3 fingers, 1 of them 0 or 1")
	h.golden("fist-results-80x24")
	h.keys("o", "enter", "3", "enter", "space") // a new round: everyone votes again
	h.contains("Round 2, blind · 1 of 8 have voted")
	h.keys("esc", "ctrl+n")
	h.contains("The fist-to-five is still open and blind. Leave the stage anyway")
	h.keys("y", "ctrl+n", "y", "ctrl+n", "y")
	h.keys("ctrl+o")
	h.typ("Bid for hub funding")
	h.keys("ctrl+s")
	h.menu("consensus (vision) / support (next steps)")
	h.contains("Support for the next steps", "0 of 8 have voted")
	h.keys("enter")
	h.contains("Bid for hub funding")
	h.keys("5", "enter", "space", "enter", "2", "enter", "space", "c", "y")
	h.contains("50% support", "views diverge")
}

func TestRankingOnTheVoteScreen(t *testing.T) {
	h := newHarness(t, 80, 24)
	v := h.londonTable()
	if err := h.eng.SetVoteRules(context.Background(), "o", v.Event.ID, model.MethodBorda, model.DotRules{}); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+n", "y", "ctrl+n", "y", "ctrl+n", "y")
	for _, s := range []string{"Shared records", "Estates funding", "Leadership development"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("ctrl+o")
	if strings.Contains(h.screen(), "Paper tally") {
		t.Fatal("a paper tally offered for a ranking")
	}
	h.keys("enter")
	h.contains("space gives the next place")
	h.keys("down", "space", "up", "space", "enter", "space") // P1: Estates 1st, Shared records 2nd
	h.keys("c", "y")
	h.contains("by Borda points", "Estates funding")
	if p := h.table().Priorities[0]; p.Note.Text != "Estates funding" || p.Dots != 3 {
		t.Fatalf("first %+v", p)
	}
}

func TestAParticipantShowsFingersOnTheVisionStage(t *testing.T) {
	h := newHarness(t, 80, 24)
	v := h.londonTable()
	h.keys("ctrl+n", "y", "ctrl+o")
	h.typ("Joined-up care")
	h.keys("ctrl+s")
	seat := sessions.NewSeat(sessions.RoleParticipant, v.Event.ID, v.Group.ID)
	seat.Voter = "P3"
	app := New(h.eng, Options{Actor: "ssh:test", Seat: seat})
	app.static = true
	h.app = app
	h.send(app.Init())
	h.msg(resize(80, 24))
	h.contains("Fist-to-five on the vision", "Your anonymous ballot, P3", "You are P3")
	h.keys("right", "4", "enter")
	if r := h.table().FistResult; r.Voters != 1 || r.Counts[4] != 1 {
		t.Fatalf("fist %+v", r)
	}
	h.keys("c")
	if h.table().Fist.Open == false {
		t.Fatal("a participant closed the vote")
	}
}

package tui

import (
	"context"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

// votingTable opens a London table at its priorities stage with three
// priorities captured, voting by method.
func votingTable(t *testing.T, method string) (*harness, sessions.TableView) {
	h := newHarness(t, 80, 24)
	v := h.londonTable()
	if err := h.eng.SetVoteRules(context.Background(), "o", v.Event.ID, method, model.DotRules{Budget: 3, Cap: 3}); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+n", "y", "ctrl+n", "y", "ctrl+n", "y")
	for _, s := range []string{"Shared records", "Estates funding", "Leadership development"} {
		h.typ(s)
		h.keys("enter")
	}
	return h, v
}

// noneOf fails when the screen shows any of the marks of a ballot.
func noneOf(t *testing.T, h *harness, where string, marks ...string) {
	t.Helper()
	for _, m := range marks {
		if strings.Contains(h.screen(), m) {
			t.Fatalf("%s shows %q, a mark of a ballot cast earlier:\n%s", where, m, h.screen())
		}
	}
}

// TestSharedLaptopIsBlindForEveryMethod: while a round is open, after P1's
// ballot no screen of the shared laptop shows it, whatever the method and
// wherever the keys go: the privacy screen, the picker (voted / not yet
// only), the next voter's ballot (empty, cursor at the top) and P1's own
// code again (an empty ballot that replaces theirs).
func TestSharedLaptopIsBlindForEveryMethod(t *testing.T) {
	for _, tc := range []struct {
		method string
		mark   []string // how P1's ballot would show
	}{
		{model.MethodDots, []string{"●"}},
		{model.MethodApproval, []string{"✓ yes"}},
		{model.MethodBorda, []string{"#1", "#2"}},
	} {
		t.Run(tc.method, func(t *testing.T) {
			h, _ := votingTable(t, tc.method)
			h.keys("ctrl+o")
			h.contains("0 of 8 have voted", "› P1    not yet")
			h.keys("enter", "down", "down", "space", "up", "space", "enter") // P1 marks two items, cursor left on the second
			h.contains("✓ P1's ballot is hidden.")
			noneOf(t, h, "the privacy screen", tc.mark...)
			h.keys("space")
			h.contains("1 of 8 have voted", "P1    ✓ voted", "› P2    not yet")
			noneOf(t, h, "the picker", tc.mark...)
			h.keys("enter")
			h.contains("Ballot of P2", "›        Shared records") // empty, the cursor on the first item
			noneOf(t, h, "P2's ballot", tc.mark...)
			for _, k := range []string{"left", "right", "r", "o"} {
				h.keys(k)
				h.contains("Ballot of P2", "This is P2's ballot: enter saves it, esc leaves it unsaved.")
				noneOf(t, h, "P2's ballot after "+k, tc.mark...)
			}
			h.keys("space", "esc")
			h.contains("P2's ballot was left; nothing of it was saved.", "› P2    not yet")
			h.keys("up", "enter")
			h.contains("P1 has voted already. Start a new ballot for P1")
			h.keys("n") // a slip: P1's ballot stands
			h.contains("Nothing changed: P1's ballot stands.", "› P1    ✓ voted")
			if b := h.table().Ballots; len(b) != 1 || b[0].Voter != "P1" || b[0].Spent() == 0 {
				t.Fatalf("after a no, ballots %+v", b)
			}
			h.keys("enter", "y")
			h.contains("Ballot of P1", "P1 has voted: a new ballot replaces theirs")
			noneOf(t, h, "P1's own code again", tc.mark...)
			h.keys("esc", "c")
			h.contains("Close round 1 and reveal the ranking (1 ballot cast)?")
			h.keys("n")
			h.contains("The vote stays open and blind.", "1 of 8 have voted")
			if v := h.table(); !v.DotVote.Open || len(v.Ballots) != 1 || v.Ballots[0].Voter != "P1" {
				t.Fatalf("after a no: open %v, ballots %+v", v.DotVote.Open, v.Ballots)
			}
			h.keys("c", "y")
			h.contains("Round 1 closed and revealed.", "Ranked results")
		})
	}
}

// TestScaleVotesAreBlindOnTheSharedLaptop: fist-to-five and support show
// a privacy screen after each ballot and never an earlier one.
func TestScaleVotesAreBlindOnTheSharedLaptop(t *testing.T) {
	h := fistOnTheVision(t)
	h.keys("enter", "enter")
	h.contains("Choose 0 (a fist: I block this) to 5 (full support) first") // nothing saved without a choice
	h.keys("2", "enter")
	h.contains("✓ P1's ballot is hidden.")
	noneOf(t, h, "the privacy screen", "2 fingers")
	h.keys("space", "up", "enter", "y")
	h.contains("Ballot of P1", "—                  The vision")
	noneOf(t, h, "P1's code again", "2 fingers")
	if r := h.table().Fist; len(r.Ballots) != 1 {
		t.Fatalf("ballots %+v", r.Ballots)
	}
}

// TestSharedLaptopTakesCardCodesAtACardTable: at a table that votes with
// cards, a person types their card's code and votes under the card's voter
// code; a wrong code is refused and nothing is cast, so one card gives one
// ballot however it is used.
func TestSharedLaptopTakesCardCodesAtACardTable(t *testing.T) {
	h, v := votingTable(t, model.MethodDots)
	tables, err := h.eng.IssueCards(context.Background(), "o", v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	var card model.Card
	for _, tc := range tables {
		if tc.Group.ID == v.Group.ID {
			card = tc.Cards[0]
		}
	}
	h.keys("ctrl+o")
	h.contains("Press enter, then type the code on your card.")
	h.keys("enter")
	h.contains("Type the code on your card")
	h.typ("ZZZZ-ZZZZ")
	h.keys("enter")
	h.contains("that is not a card of this table")
	h.typ(strings.ToLower(strings.ReplaceAll(card.Code, "-", " ")))
	if strings.Contains(strings.ToUpper(h.screen()), card.Code[:4]) {
		t.Fatalf("the card's code is readable on the shared screen:\n%s", h.screen())
	}
	h.keys("enter")
	h.contains("Ballot of "+card.Voter, "3 of 3 dots left")
	h.keys("space", "enter")
	h.contains("✓ " + card.Voter + "'s ballot is hidden.")
	got := h.table().Ballots
	if len(got) != 1 || got[0].Voter != card.Voter || got[0].Spent() != 1 {
		t.Fatalf("ballots %+v, want one dot from %s", got, card.Voter)
	}
	h.keys("space")
	h.contains("1 of 8 have voted", card.Voter+"    ✓ voted")
}

// fistOnTheVision opens a London table's fist-to-five on a vision
// statement, on the shared laptop.
func fistOnTheVision(t *testing.T) *harness {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.keys("ctrl+n", "y", "ctrl+o")
	h.typ("Joined-up care for every Londoner")
	h.keys("ctrl+s", "tab")
	h.menu("consensus (vision) / support (next steps)")
	return h
}

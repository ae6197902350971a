package sessions

import (
	"strings"
	"testing"

	"forum/model"
)

func TestCardsGiveEachParticipantOneBallotThatSurvivesReconnecting(t *testing.T) {
	f := newFixture(t)
	v, ids := f.dotTable(3, model.DotRules{Budget: 1})
	g, ev := v.Group.ID, v.Event.ID
	tables, err := f.eng.IssueCards(f.ctx, "org", ev)
	if err != nil {
		t.Fatal(err)
	}
	var mine []model.Card
	total := 0
	for _, tc := range tables {
		total += len(tc.Cards)
		if tc.Group.ID == g {
			mine = tc.Cards
		}
	}
	if len(mine) != 3 {
		t.Fatalf("a table of 3 got %d cards", len(mine))
	}
	again, _ := f.eng.IssueCards(f.ctx, "org", ev)
	n := 0
	for _, tc := range again {
		n += len(tc.Cards)
	}
	if n != total {
		t.Fatalf("running cards again made %d more", n-total)
	}
	seat, err := f.eng.CardSeat(f.ctx, ev, strings.ToLower(strings.ReplaceAll(mine[0].Code, "-", " ")))
	if err != nil || seat.Role != RoleParticipant || seat.Table != g || seat.Voter != mine[0].Voter {
		t.Fatalf("the card typed in lower case with a space: %+v, %v", seat, err)
	}
	ctx := WithSeat(f.ctx, seat)
	if err := f.eng.CastDots(ctx, "ssh:participant", g, seat.Voter, map[model.ID]int{ids[0]: 1}); err != nil {
		t.Fatal(err)
	}
	back, _ := f.eng.CardSeat(f.ctx, ev, mine[0].Code)
	if back.Voter != seat.Voter || len(f.table(g).Ballot(back.Voter).Dots) != 1 {
		t.Fatal("joining again with the same card does not find its ballot")
	}
	if err := f.eng.CastDots(f.ctx, "laptop", g, "P9", map[model.ID]int{ids[1]: 1}); err == nil {
		t.Fatal("a ballot under a code no card holds was taken at a table that votes with cards")
	}
	if _, err := f.eng.CardSeat(f.ctx, ev, "AAAA-AAAA"); err == nil {
		t.Fatal("a made-up card joined")
	}
}

func TestAVoidedCardNoLongerJoinsAndItsOpenBallotIsNotCounted(t *testing.T) {
	f := newFixture(t)
	v, ids := f.dotTable(2, model.DotRules{Budget: 1})
	g, ev := v.Group.ID, v.Event.ID
	tables, _ := f.eng.IssueCards(f.ctx, "org", ev)
	var mine []model.Card
	for _, tc := range tables {
		if tc.Group.ID == g {
			mine = tc.Cards
		}
	}
	lost := mine[0]
	if err := f.eng.CastDots(f.ctx, "laptop", g, lost.Voter, map[model.ID]int{ids[0]: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.VoidCard(f.ctx, "org", ev, lost.Code); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.CardSeat(f.ctx, ev, lost.Code); err == nil {
		t.Fatal("a voided card still joins")
	}
	if b := f.table(g).Ballot(lost.Voter); len(b.Dots) != 0 {
		t.Fatal("the voided card's ballot is still counted")
	}
	if err := f.eng.CastDots(f.ctx, "laptop", g, lost.Voter, map[model.ID]int{ids[0]: 1}); err == nil {
		t.Fatal("a ballot was taken under the voided card's code")
	}
	tables, _ = f.eng.IssueCards(f.ctx, "org", ev)
	for _, tc := range tables {
		if tc.Group.ID != g {
			continue
		}
		if len(tc.Cards) != 2 {
			t.Fatalf("after voiding one of 2 cards the table has %d live cards", len(tc.Cards))
		}
		for _, c := range tc.Cards {
			if c.Voter == lost.Voter || c.Code == lost.Code {
				t.Fatal("the replacement card reuses the voided card's code or voter code")
			}
		}
	}
}

package sessions

import (
	"errors"
	"fmt"
	"testing"

	"forum/model"
)

func TestBlindVoteClosesRevealsAndReopensKeepingTheEarlierRound(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.goTo(g, "priorities")
	a, b := f.capture(g, "Shared records"), f.capture(g, "Estates")
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{a.ID: 1}); err != nil {
		t.Fatal(err)
	}
	if st := f.table(g).DotVote; !st.Open || st.Round != 1 || len(st.Ballots) != 1 {
		t.Fatalf("open vote: %+v", st)
	}
	if r, err := f.eng.CloseVote(f.ctx, "fac", g, "priorities", model.MethodDots); err != nil || r != 1 {
		t.Fatalf("close: %d %v", r, err)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P2", map[model.ID]int{b.ID: 1}); !errors.Is(err, ErrVoteClosed) {
		t.Fatalf("a ballot after close: %v", err)
	}
	if v := f.table(g); v.DotVote.Open || v.Priorities[0].Note.ID != a.ID || v.Priorities[0].Dots != 1 {
		t.Fatalf("closed vote: %+v", v.DotVote)
	}
	if r, err := f.eng.ReopenVote(f.ctx, "fac", g, "priorities", model.MethodDots); err != nil || r != 2 {
		t.Fatalf("reopen: %d %v", r, err)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{b.ID: 1}); err != nil {
		t.Fatal(err)
	}
	v = f.table(g)
	if !v.DotVote.Open || v.DotVote.Round != 2 || len(v.DotVote.Earlier) != 1 || len(v.Ballots) != 1 || v.Priorities[0].Note.ID != b.ID {
		t.Fatalf("round 2: %+v, priorities %+v", v.DotVote, v.Priorities)
	}
	snap, _ := f.eng.Snapshot(f.ctx, v.Event.ID)
	if len(snap.Votes) != 2 {
		t.Fatalf("%d votes stored, want round 1's and round 2's", len(snap.Votes))
	}
}

func TestFistToFiveAndSupport(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	if err := f.eng.CastFist(f.ctx, "p", g, "P1", 4); err == nil {
		t.Fatal("a fist-to-five before there is a vision")
	}
	if _, err := f.eng.SetVision(f.ctx, "s", g, "Joined-up care"); err != nil {
		t.Fatal(err)
	}
	for voter, n := range map[string]int{"P1": 5, "P2": 4, "P3": 1} {
		if err := f.eng.CastFist(f.ctx, "p", g, voter, n); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.eng.CastFist(f.ctx, "p", g, "P4", 6); err == nil {
		t.Error("six fingers accepted")
	}
	if err := f.eng.CastFist(f.ctx, "p", g, model.PaperVoter, 3); err == nil {
		t.Error("a paper fist-to-five accepted")
	}
	r := f.table(g).FistResult
	if r.Consensus || r.Blockers != 1 || r.Voters != 3 {
		t.Fatalf("fist %+v", r)
	}
	if err := f.eng.CastFist(f.ctx, "p", g, "P3", 3); err != nil { // talked round
		t.Fatal(err)
	}
	if r := f.table(g).FistResult; !r.Consensus {
		t.Fatalf("after P3 changes: %+v", r)
	}
	s, err := f.eng.AddNextStep(f.ctx, "s", g, NextStepInput{Action: "Bid for hub funding"})
	if err != nil {
		t.Fatal(err)
	}
	for voter, l := range map[string]int{"P1": 2, "P2": 1, "P3": -1, "P4": 0} {
		if err := f.eng.CastSupport(f.ctx, "p", g, voter, map[model.ID]int{s.Record.ID: l}); err != nil {
			t.Fatal(err)
		}
	}
	sr := f.table(g).StepSupport[s.Record.ID]
	if sr.Voters != 4 || sr.Percent != 50 || !sr.Divergent {
		t.Fatalf("support %+v", sr)
	}
}

func TestAClosedRoundKeepsItsRulesAndRecomputesFromItsBallots(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.goTo(g, "priorities")
	a, b, c := f.capture(g, "one"), f.capture(g, "two"), f.capture(g, "three")
	if err := f.eng.SetDotRules(f.ctx, "o", v.Event.ID, model.DotRules{Budget: 2, Cap: 1}); err != nil {
		t.Fatal(err)
	}
	for i, items := range [][]model.ID{{a.ID, b.ID}, {a.ID, c.ID}, {b.ID}} {
		dots := map[model.ID]int{}
		for _, id := range items {
			dots[id] = 1
		}
		if err := f.eng.CastDots(f.ctx, "p", g, fmt.Sprintf("P%d", i+1), dots); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.eng.CloseVote(f.ctx, "fac", g, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.SetDotRules(f.ctx, "o", v.Event.ID, model.DotRules{Budget: 5, Cap: 3}); err != nil { // changed later
		t.Fatal(err)
	}
	v = f.table(g)
	if v.Rules.Budget != 2 || v.Rules.Cap != 1 || v.DotVote.Closed.Voters != 8 {
		t.Fatalf("the closed round's rules: %+v, voters %d", v.Rules, v.DotVote.Closed.Voters)
	}
	// Recompute the result from the stored ballots alone.
	snap, _ := f.eng.Snapshot(f.ctx, v.Event.ID)
	var round []model.Vote
	for _, vt := range snap.Votes {
		if vt.RoundID == v.DotVote.Closed.ID {
			round = append(round, vt)
		}
	}
	again := model.TallyDots(v.VoteItems(), model.Ballots(round))
	for i, p := range v.Priorities {
		if again[i] != p.Ranked {
			t.Fatalf("recomputed %+v, stored result %+v", again[i], p.Ranked)
		}
	}
	for _, bl := range model.Ballots(round) {
		if err := v.Rules.Check(bl, v.VoteItems()); err != nil {
			t.Fatalf("a stored ballot breaks its round's rules: %v", err)
		}
	}
}

func TestApprovalAndRankingVotes(t *testing.T) {
	for _, c := range []struct {
		method string
		ballot map[string]map[int]int // voter → item index → value
		bad    map[int]int
		first  int
		score  int
	}{
		{model.MethodApproval, map[string]map[int]int{"P1": {0: 1, 1: 1}, "P2": {1: 1}, "P3": {1: 1, 2: 1}}, map[int]int{0: 2}, 1, 3},
		{model.MethodBorda, map[string]map[int]int{"P1": {0: 1, 1: 2}, "P2": {1: 1, 2: 2, 0: 3}, "P3": {1: 1}}, map[int]int{0: 1, 1: 1}, 1, 3 + 2 + 3},
	} {
		f := newFixture(t)
		v := f.london()
		g := v.Group.ID
		if err := f.eng.SetVoteRules(f.ctx, "o", v.Event.ID, c.method, model.DotRules{}); err != nil {
			t.Fatal(err)
		}
		f.goTo(g, "priorities")
		items := []model.ID{f.capture(g, "one").ID, f.capture(g, "two").ID, f.capture(g, "three").ID}
		for voter, b := range c.ballot {
			dots := map[model.ID]int{}
			for i, n := range b {
				dots[items[i]] = n
			}
			if err := f.eng.CastDots(f.ctx, "p", g, voter, dots); err != nil {
				t.Fatalf("%s: %v", c.method, err)
			}
		}
		bad := map[model.ID]int{}
		for i, n := range c.bad {
			bad[items[i]] = n
		}
		if err := f.eng.CastDots(f.ctx, "p", g, "P4", bad); err == nil {
			t.Errorf("%s: ballot %v accepted", c.method, c.bad)
		}
		if err := f.eng.CastDots(f.ctx, "p", g, model.PaperVoter, map[model.ID]int{items[0]: 1}); err == nil {
			t.Errorf("%s: a paper tally accepted", c.method)
		}
		p := f.table(g).Priorities[0]
		if p.Note.ID != items[c.first] || p.Dots != c.score {
			t.Errorf("%s: first is %q with %d, want item %d with %d", c.method, p.Note.Text, p.Dots, c.first, c.score)
		}
	}
}

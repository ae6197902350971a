package model

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestTallyDotsRanksAndReportsTies(t *testing.T) {
	a, b, c, d := ID("a"), ID("b"), ID("c"), ID("d")
	items := []ID{a, b, c, d}
	ballots := []Ballot{
		{Voter: "P1", Dots: map[ID]int{b: 2, c: 1}},
		{Voter: "P2", Dots: map[ID]int{c: 2, a: 1}},
		{Voter: "P3", Dots: map[ID]int{b: 1, d: 2}},
	}
	got := TallyDots(items, ballots)
	want := []Ranked{
		{Item: b, Dots: 3, Voters: 2, Rank: 1, Tied: true},
		{Item: c, Dots: 3, Voters: 2, Rank: 1, Tied: true},
		{Item: d, Dots: 2, Voters: 1, Rank: 3},
		{Item: a, Dots: 1, Voters: 1, Rank: 4},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("TallyDots =\n%v\nwant\n%v", got, want)
	}
}

func TestTallyDotsListsItemsWithNoDots(t *testing.T) {
	got := TallyDots([]ID{"x", "y"}, nil)
	if len(got) != 2 || got[0].Rank != 1 || got[1].Rank != 1 || !got[0].Tied {
		t.Fatalf("two items without dots should tie at rank 1: %v", got)
	}
}

func TestCheckRefusesBadBallots(t *testing.T) {
	items := []ID{"a", "b", "c"}
	r := DotRules{Budget: 3, Cap: 2}
	tests := []struct {
		name string
		dots map[ID]int
		ok   bool
	}{
		{"within budget", map[ID]int{"a": 2, "b": 1}, true},
		{"under budget", map[ID]int{"a": 1}, true},
		{"empty", map[ID]int{}, true},
		{"over budget", map[ID]int{"a": 2, "b": 2}, false},
		{"over cap", map[ID]int{"a": 3}, false},
		{"negative", map[ID]int{"a": -1, "b": 2}, false},
		{"unknown item", map[ID]int{"zzz": 1}, false},
	}
	for _, tt := range tests {
		err := r.Check(Ballot{Voter: "P1", Dots: tt.dots}, items)
		if (err == nil) != tt.ok {
			t.Errorf("%s: Check = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrBallot) {
			t.Errorf("%s: error %v does not wrap ErrBallot", tt.name, err)
		}
	}
}

func TestPaperRulesScaleWithParticipants(t *testing.T) {
	r := DotRules{Budget: 3, Cap: 2}.ForPaper(8)
	if r.Budget != 24 || r.EffectiveCap() != 16 {
		t.Fatalf("paper rules for 8 = %+v, want budget 24 cap 16", r)
	}
	if (DotRules{Budget: 3}).EffectiveCap() != 3 {
		t.Fatal("no cap means the budget")
	}
}

func TestDefaultBudgetIsAboutAThird(t *testing.T) {
	for items, want := range map[int]int{0: 1, 1: 1, 3: 1, 4: 2, 9: 3, 10: 4, 30: 10} {
		if got := DefaultBudget(items); got != want {
			t.Errorf("DefaultBudget(%d) = %d, want %d", items, got, want)
		}
	}
}

// Properties over random valid ballots: the total never exceeds voters ×
// budget, every dot is counted, and the order of ballots does not matter.
func TestTallyDotsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 300; round++ {
		n := 1 + rng.IntN(12)
		items := make([]ID, n)
		for i := range items {
			items[i] = NewID()
		}
		rules := DotRules{Budget: 1 + rng.IntN(5), Cap: rng.IntN(4)}
		var ballots []Ballot
		spent := 0
		for v := 0; v < 1+rng.IntN(10); v++ {
			b := Ballot{Voter: "P", Dots: map[ID]int{}}
			for k := rng.IntN(rules.Budget + 1); k > 0; k-- {
				it := items[rng.IntN(n)]
				if b.Dots[it] < rules.EffectiveCap() {
					b.Dots[it]++
				}
			}
			if err := rules.Check(b, items); err != nil {
				t.Fatalf("generated ballot refused: %v", err)
			}
			spent += b.Spent()
			ballots = append(ballots, b)
		}
		res := TallyDots(items, ballots)
		total := 0
		for i, r := range res {
			total += r.Dots
			if i > 0 && r.Dots > res[i-1].Dots {
				t.Fatal("not sorted by dots")
			}
		}
		if total != spent || total > len(ballots)*rules.Budget {
			t.Fatalf("total %d, spent %d, max %d", total, spent, len(ballots)*rules.Budget)
		}
		shuffled := slices.Clone(ballots)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if !slices.Equal(res, TallyDots(items, shuffled)) {
			t.Fatal("the order of ballots changed the result")
		}
	}
}

func TestBallotsRoundTripThroughVotes(t *testing.T) {
	b := Ballot{Voter: "P3", Dots: map[ID]int{"a": 2, "b": 1, "c": 0}}
	votes := BallotVotes("g", "priorities", b, NewStamp(timeZero()).CreatedAt)
	if len(votes) != 2 {
		t.Fatalf("zero-dot items should not make rows: %d rows", len(votes))
	}
	back := Ballots(votes)
	if len(back) != 1 || back[0].Voter != "P3" || back[0].Dots["a"] != 2 || back[0].Dots["b"] != 1 {
		t.Fatalf("round trip = %+v", back)
	}
}

package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomBallots makes n ballots over items with values from value.
func randomBallots(rng *rand.Rand, items []ID, n int, value func(*rand.Rand, int) map[ID]int) []Ballot {
	out := make([]Ballot, n)
	for i := range out {
		out[i] = Ballot{Voter: fmt.Sprintf("P%d", i+1), Dots: value(rng, i)}
	}
	return out
}

func shuffled(rng *rand.Rand, bs []Ballot) []Ballot {
	out := append([]Ballot(nil), bs...)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func sameRanking(a, b []Ranked) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBordaProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(8)
		items := make([]ID, n)
		for i := range items {
			items[i] = ID(fmt.Sprintf("item-%d", i))
		}
		ballots := randomBallots(rng, items, 1+rng.IntN(12), func(r *rand.Rand, _ int) map[ID]int {
			k := 1 + r.IntN(n) // rank the first k of a shuffle
			perm := r.Perm(n)
			b := map[ID]int{}
			for pos := 0; pos < k; pos++ {
				b[items[perm[pos]]] = pos + 1
			}
			return b
		})
		want := 0
		for _, b := range ballots {
			if err := CheckRanking(b, items); err != nil {
				t.Fatalf("a valid ranking refused: %v", err)
			}
			for pos := 1; pos <= len(b.Dots); pos++ {
				want += n - pos + 1
			}
		}
		got := TallyBorda(items, ballots)
		total := 0
		for _, r := range got {
			total += r.Dots
		}
		if total != want {
			t.Fatalf("Borda total %d, want %d", total, want)
		}
		if again := TallyBorda(items, shuffled(rng, ballots)); !sameRanking(got, again) {
			t.Fatal("shuffling the ballots changed the Borda result")
		}
	}
	items := []ID{"a", "b", "c"}
	for _, bad := range []map[ID]int{{"a": 1, "b": 1}, {"a": 2}, {"a": 1, "z": 2}, {"a": 4}} {
		if CheckRanking(Ballot{Dots: bad}, items) == nil {
			t.Errorf("ranking %v accepted", bad)
		}
	}
}

func TestApprovalProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	items := []ID{"a", "b", "c", "d"}
	for trial := 0; trial < 100; trial++ {
		ballots := randomBallots(rng, items, 1+rng.IntN(15), func(r *rand.Rand, _ int) map[ID]int {
			b := map[ID]int{}
			for _, id := range items {
				b[id] = r.IntN(2)
			}
			return b
		})
		got := TallyApproval(items, ballots)
		for _, r := range got {
			if r.Dots > len(ballots) {
				t.Fatalf("%s has %d approvals from %d voters", r.Item, r.Dots, len(ballots))
			}
		}
		if again := TallyApproval(items, shuffled(rng, ballots)); !sameRanking(got, again) {
			t.Fatal("shuffling the ballots changed the approval result")
		}
	}
	if CheckApproval(Ballot{Dots: map[ID]int{"a": 2}}, items) == nil {
		t.Error("an approval of 2 accepted")
	}
}

func TestTiesAreStableAndShown(t *testing.T) {
	items := []ID{"a", "b", "c", "d"}
	got := TallyApproval(items, []Ballot{{Dots: map[ID]int{"b": 1, "c": 1}}, {Dots: map[ID]int{"c": 1, "b": 1, "d": 1}}})
	labels := ""
	for _, r := range got {
		labels += string(r.Item) + r.Label() + " "
	}
	if labels != "b=1 c=1 d3 a4 " {
		t.Fatalf("ranking %q, want b and c tied first in item order, then d, then a", labels)
	}
}

func TestSupportAndFistToFive(t *testing.T) {
	b := func(v int) Ballot { return Ballot{Dots: map[ID]int{"x": v}} }
	s := TallySupport("x", []Ballot{b(2), b(1), b(0), b(-1), b(9)})
	if s.Voters != 4 || s.Percent != 50 || !s.Divergent || s.Counts[4] != 1 {
		t.Fatalf("support %+v", s)
	}
	if TallySupport("x", []Ballot{b(2), b(1)}).Divergent {
		t.Error("unanimous support flagged as divergent")
	}
	f := TallyFist("x", []Ballot{b(5), b(4), b(3)})
	if !f.Consensus || f.Blockers != 0 || f.Voters != 3 {
		t.Fatalf("fist %+v", f)
	}
	f = TallyFist("x", []Ballot{b(5), b(4), b(1)})
	if f.Consensus || f.Blockers != 1 || !f.Divergent {
		t.Fatalf("fist with a blocker %+v", f)
	}
	if CheckFist(6) == nil || CheckSupport(-3) == nil {
		t.Error("out-of-range values accepted")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 50; trial++ {
		var bs []Ballot
		for i := 0; i < 1+rng.IntN(10); i++ {
			bs = append(bs, b(rng.IntN(6)))
		}
		if TallyFist("x", bs) != TallyFist("x", shuffled(rng, bs)) {
			t.Fatal("shuffling changed fist-to-five")
		}
	}
}

func TestSpendAllDots(t *testing.T) {
	r := DotRules{Budget: 3, Cap: 2, SpendAll: true}
	items := []ID{"a", "b"}
	if err := r.Check(Ballot{Dots: map[ID]int{"a": 2}}, items); err == nil {
		t.Error("a ballot placing 2 of 3 dots accepted under spend-all")
	}
	if err := r.Check(Ballot{Dots: map[ID]int{"a": 2, "b": 1}}, items); err != nil {
		t.Errorf("a full ballot refused: %v", err)
	}
	if err := r.ForPaper(5).Check(Ballot{Dots: map[ID]int{"a": 4}}, items); err != nil {
		t.Errorf("a paper count need not place every dot: %v", err)
	}
}

package model

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// MethodDots is dot voting: each voter spends a budget of dots on items.
const MethodDots = "dots"

// PaperVoter is the voter code of a tally typed in from paper dots.
const PaperVoter = "paper"

// Vote is one voter's dots on one item.
type Vote struct {
	ID       ID
	GroupID  ID
	StageKey string
	Method   string
	Voter    string // anonymous code: P1…Pn, or PaperVoter
	ItemID   ID
	Value    int
	// RoundID is the closed round the vote belongs to; "" while its round
	// is open.
	RoundID ID
	Stamp
}

// DotRules are a dot vote's rules.
type DotRules struct {
	// Budget is how many dots each voter has.
	Budget int
	// Cap is the most dots one voter may put on one item; 0 means Budget.
	Cap int
	// SpendAll asks every ballot to place all its dots.
	SpendAll bool
}

// DefaultBudget is about a third of the items, at least one.
func DefaultBudget(items int) int {
	b := (items + 2) / 3
	if b < 1 {
		b = 1
	}
	return b
}

// EffectiveCap is the cap per item, which never exceeds the budget.
func (r DotRules) EffectiveCap() int {
	if r.Cap <= 0 || r.Cap > r.Budget {
		return r.Budget
	}
	return r.Cap
}

// ForPaper returns the rules of a paper tally for a table of n participants:
// n times the budget, n times the cap.
func (r DotRules) ForPaper(n int) DotRules {
	if n < 1 {
		n = 1
	}
	return DotRules{Budget: r.Budget * n, Cap: r.EffectiveCap() * n} // a paper count need not place every dot
}

// Ballot is one voter's dots, by item.
type Ballot struct {
	Voter string
	Dots  map[ID]int
}

// Spent is the number of dots on the ballot.
func (b Ballot) Spent() int {
	n := 0
	for _, v := range b.Dots {
		n += v
	}
	return n
}

// ErrBallot is wrapped by every reason a ballot is refused.
var ErrBallot = errors.New("ballot refused")

// Check refuses a ballot that is over budget, over the cap on an item,
// negative, or on an item that is not in items.
func (r DotRules) Check(b Ballot, items []ID) error {
	if r.Budget < 1 {
		return fmt.Errorf("%w: the vote has no dots to give (budget %d)", ErrBallot, r.Budget)
	}
	known := make(map[ID]bool, len(items))
	for _, id := range items {
		known[id] = true
	}
	cap := r.EffectiveCap()
	for _, id := range sortedKeys(b.Dots) {
		v := b.Dots[id]
		switch {
		case !known[id]:
			return fmt.Errorf("%w: item %s is not on this vote (deleted, or from another table)", ErrBallot, id.Short())
		case v < 0:
			return fmt.Errorf("%w: %d dots on one item; dots cannot be negative", ErrBallot, v)
		case v > cap:
			return fmt.Errorf("%w: %d dots on one item; at most %d per item", ErrBallot, v, cap)
		}
	}
	if s := b.Spent(); s > r.Budget {
		return fmt.Errorf("%w: %d dots spent; the budget is %d", ErrBallot, s, r.Budget)
	} else if r.SpendAll && s < r.Budget {
		return fmt.Errorf("%w: %d of %d dots placed; this vote asks every ballot to place all its dots", ErrBallot, s, r.Budget)
	}
	return nil
}

// Ranked is one item's place in a tally.
type Ranked struct {
	Item   ID
	Dots   int
	Voters int // how many ballots gave it at least one dot
	// Rank is 1 for the most dots; tied items share a rank (1, 2, 2, 4).
	Rank int
	// Tied is true when another item has the same number of dots.
	Tied bool
}

// Label is the rank as shown: "2", or "=2" for a tie.
func (r Ranked) Label() string {
	if r.Tied {
		return fmt.Sprintf("=%d", r.Rank)
	}
	return fmt.Sprint(r.Rank)
}

// TallyDots adds up ballots over items. The result lists every item, most
// dots first; items with equal dots share a rank, are marked tied, and keep
// the order of items. Dots on items not listed are ignored.
func TallyDots(items []ID, ballots []Ballot) []Ranked {
	score, voters := map[ID]int{}, map[ID]int{}
	on := idSet(items)
	for _, b := range ballots {
		for id, v := range b.Dots {
			if on[id] && v > 0 {
				score[id] += v
				voters[id]++
			}
		}
	}
	return rankScores(items, score, voters)
}

// Ballots groups vote rows into ballots by voter, in order of first vote.
func Ballots(votes []Vote) []Ballot { return BallotsWhere(votes, nil) }

// BallotsWhere is Ballots of the rows keep accepts (all when keep is nil),
// without copying them out first.
func BallotsWhere(votes []Vote, keep func(Vote) bool) []Ballot {
	var out []Ballot
	at := map[string]int{}
	for _, v := range votes {
		if keep != nil && !keep(v) {
			continue
		}
		i, ok := at[v.Voter]
		if !ok {
			i = len(out)
			at[v.Voter] = i
			out = append(out, Ballot{Voter: v.Voter, Dots: map[ID]int{}})
		}
		out[i].Dots[v.ItemID] += v.Value
	}
	return out
}

// BallotVotes turns a ballot into vote rows (one per item with dots), in a
// stable order.
func BallotVotes(groupID ID, stageKey string, b Ballot, now time.Time) []Vote {
	return MethodVotes(groupID, stageKey, MethodDots, b, now)
}

func sortedKeys(m map[ID]int) []ID {
	keys := make([]ID, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

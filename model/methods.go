package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// The voting methods besides dots.
const (
	// MethodApproval: a voter says yes to any number of items.
	MethodApproval = "approval"
	// MethodBorda: a voter ranks items; first of n gets n points, and so on.
	MethodBorda = "borda"
	// MethodSupport: a voter rates one item (a next step) from strongly
	// oppose (-2) to strongly support (+2).
	MethodSupport = "support"
	// MethodFist: fist-to-five, a voter shows 0 to 5 fingers for one item
	// (the vision).
	MethodFist = "fist"
)

// rankScores ranks items by score, most first; equal scores share a rank
// and are marked tied; among equals the items keep their given order.
func rankScores(items []ID, score, voters map[ID]int) []Ranked {
	out := make([]Ranked, len(items))
	for i, id := range items {
		out[i] = Ranked{Item: id, Dots: score[id], Voters: voters[id]}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Dots > out[j].Dots })
	for i := range out {
		if i > 0 && out[i].Dots == out[i-1].Dots {
			out[i].Rank = out[i-1].Rank
		} else {
			out[i].Rank = i + 1
		}
		out[i].Tied = (i > 0 && out[i].Dots == out[i-1].Dots) || (i+1 < len(out) && out[i].Dots == out[i+1].Dots)
	}
	return out
}

// CheckApproval accepts a ballot that says yes (1) or no (0) to items on
// the vote.
func CheckApproval(b Ballot, items []ID) error {
	on := idSet(items)
	for id, v := range b.Dots {
		if !on[id] {
			return fmt.Errorf("%w: a yes on an item that is not on the vote", ErrBallot)
		}
		if v != 0 && v != 1 {
			return fmt.Errorf("%w: approval is yes (1) or no (0), not %d", ErrBallot, v)
		}
	}
	return nil
}

// TallyApproval counts the yeses each item got.
func TallyApproval(items []ID, ballots []Ballot) []Ranked {
	score, voters := map[ID]int{}, map[ID]int{}
	on := idSet(items)
	for _, b := range ballots {
		for id, v := range b.Dots {
			if on[id] && v > 0 {
				score[id]++
				voters[id]++
			}
		}
	}
	return rankScores(items, score, voters)
}

// CheckRanking accepts a ballot that ranks some items of the vote 1, 2, 3…
// with no gaps and no position used twice.
func CheckRanking(b Ballot, items []ID) error {
	on := idSet(items)
	used := map[int]bool{}
	for id, pos := range b.Dots {
		if !on[id] {
			return fmt.Errorf("%w: a ranked item is not on the vote", ErrBallot)
		}
		if pos < 1 || pos > len(items) || used[pos] {
			return fmt.Errorf("%w: positions must be 1 to %d, each used once", ErrBallot, len(items))
		}
		used[pos] = true
	}
	for p := 1; p <= len(used); p++ {
		if !used[p] {
			return fmt.Errorf("%w: position %d is missing; rank 1, 2, 3… without gaps", ErrBallot, p)
		}
	}
	return nil
}

// BordaPoints is what position pos (1 = first) earns among n items.
func BordaPoints(pos, n int) int {
	if pos < 1 || pos > n {
		return 0
	}
	return n - pos + 1
}

// TallyBorda adds up Borda points: first of n items gets n points, second
// n-1, …; unranked items get none.
func TallyBorda(items []ID, ballots []Ballot) []Ranked {
	score, voters := map[ID]int{}, map[ID]int{}
	on := idSet(items)
	for _, b := range ballots {
		for id, pos := range b.Dots {
			if on[id] {
				if p := BordaPoints(pos, len(items)); p > 0 {
					score[id] += p
					voters[id]++
				}
			}
		}
	}
	return rankScores(items, score, voters)
}

// SupportLevels name the support scale from -2 to +2.
var SupportLevels = []string{"strongly oppose", "oppose", "neutral", "support", "strongly support"}

// SupportResult is one item's support vote.
type SupportResult struct {
	// Counts[i] is how many chose level i-2 (strongly oppose first).
	Counts [5]int
	Voters int
	// Percent is the share of voters who support or strongly support.
	Percent float64
	// Divergent: some support and some oppose it.
	Divergent bool
}

// CheckSupport accepts a level from -2 to +2.
func CheckSupport(v int) error {
	if v < -2 || v > 2 {
		return fmt.Errorf("%w: support is -2 (strongly oppose) to +2 (strongly support), not %d", ErrBallot, v)
	}
	return nil
}

// TallySupport counts the levels voters gave item.
func TallySupport(item ID, ballots []Ballot) SupportResult {
	var r SupportResult
	for _, b := range ballots {
		v, ok := b.Dots[item]
		if !ok || CheckSupport(v) != nil {
			continue
		}
		r.Counts[v+2]++
		r.Voters++
	}
	if r.Voters > 0 {
		r.Percent = 100 * float64(r.Counts[3]+r.Counts[4]) / float64(r.Voters)
	}
	r.Divergent = r.Counts[3]+r.Counts[4] > 0 && r.Counts[0]+r.Counts[1] > 0
	return r
}

// FistResult is a fist-to-five on one item.
type FistResult struct {
	// Counts[f] is how many showed f fingers.
	Counts [6]int
	Voters int
	// Consensus: everyone showed 3 or more.
	Consensus bool
	// Blockers showed 0 or 1: the facilitator asks what would change it.
	Blockers int
	// Divergent: the fingers shown are 3 or more apart.
	Divergent bool
}

// CheckFist accepts 0 to 5 fingers.
func CheckFist(v int) error {
	if v < 0 || v > 5 {
		return fmt.Errorf("%w: fist-to-five is 0 to 5 fingers, not %d", ErrBallot, v)
	}
	return nil
}

// TallyFist counts the fingers shown for item.
func TallyFist(item ID, ballots []Ballot) FistResult {
	var r FistResult
	lo, hi := 6, -1
	for _, b := range ballots {
		v, ok := b.Dots[item]
		if !ok || CheckFist(v) != nil {
			continue
		}
		r.Counts[v]++
		r.Voters++
		lo, hi = min(lo, v), max(hi, v)
	}
	r.Blockers = r.Counts[0] + r.Counts[1]
	r.Consensus = r.Voters > 0 && r.Counts[0]+r.Counts[1]+r.Counts[2] == 0
	r.Divergent = r.Voters > 0 && hi-lo >= 3
	return r
}

func idSet(items []ID) map[ID]bool {
	on := make(map[ID]bool, len(items))
	for _, id := range items {
		on[id] = true
	}
	return on
}

// MethodVotes turns a ballot of any method into vote rows in a stable
// order: for dots only positive values are kept; for the other methods
// every value is (a 0 on fist-to-five is a fist). Rows get random ids and
// the time at, which is the round's (not the moment of casting), so that
// nothing stored dates a ballot finer than its round.
func MethodVotes(groupID ID, stageKey, method string, b Ballot, at time.Time) []Vote {
	var out []Vote
	for _, id := range sortedKeys(b.Dots) {
		if method == MethodDots && b.Dots[id] <= 0 {
			continue
		}
		out = append(out, Vote{ID: NewBallotID(), GroupID: groupID, StageKey: stageKey, Method: method,
			Voter: b.Voter, ItemID: id, Value: b.Dots[id], Stamp: NewStamp(at)})
	}
	return out
}

// Round statuses.
const (
	RoundOpen   = "open"
	RoundClosed = "closed"
)

// VoteRound is one round of a vote at a table (a stage and a method). The
// open round's ballots have no round id until it is closed.
type VoteRound struct {
	ID       ID
	GroupID  ID
	StageKey string
	Method   string
	Round    int
	Status   string
	// Rules and Voters are the rules the round ran under, kept when it
	// closes: dots each and cap (dot votes), and how many could vote.
	Rules  DotRules
	Voters int
	Stamp
}

// ParsePriorityMethod reads the name of a method for the vote on
// priorities as people write it: "dots", "approval", "ranking" (also
// "ranking (Borda)" and the older "borda", which files and templates made
// before still say). Case and surrounding spaces do not matter.
func ParsePriorityMethod(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case MethodDots:
		return MethodDots, true
	case MethodApproval:
		return MethodApproval, true
	case MethodBorda, "ranking", "ranking (borda)":
		return MethodBorda, true
	}
	return "", false
}

// PriorityMethodWord is the word set-up shows for a method of the vote on
// priorities, the one ParsePriorityMethod reads back: "ranking" for the
// Borda count.
func PriorityMethodWord(m string) string {
	if m == MethodBorda {
		return "ranking"
	}
	return m
}

// PriorityMethodNames is how set-up, templates and the README name the
// methods of the vote on priorities.
const PriorityMethodNames = "dots, approval or ranking (Borda)"

// SameVote reports whether two methods are rounds of one vote: the vote
// on priorities runs by dots, approval or ranking, and a change of method
// in set-up starts its next round; other methods are votes of their own.
func SameVote(a, b string) bool {
	return a == b || (isPriorityMethod(a) && isPriorityMethod(b))
}

func isPriorityMethod(m string) bool {
	return m == MethodDots || m == MethodApproval || m == MethodBorda
}

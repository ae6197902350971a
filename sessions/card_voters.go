package sessions

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"forum/model"
)

// CardVoters are the voter codes of a table's live cards in their order
// (P1, P2, … P10), or nil when the table does not vote with cards. The
// shared laptop lists them as voted / not yet, and takes a ballot only
// from someone who types a card's code (CardVoter), so a person votes once
// whichever way they vote. It never returns the cards' codes.
func (e *Engine) CardVoters(ctx context.Context, eventID, table model.ID) ([]string, error) {
	cards, err := e.store.Cards(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("the table's cards: %w", err)
	}
	var out []string
	for _, c := range cards {
		if c.GroupID == table && c.Live() {
			out = append(out, c.Voter)
		}
	}
	SortVoters(out)
	return out, nil
}

// SortVoters puts voter codes in their natural order: P2 before P10.
func SortVoters(codes []string) {
	num := func(s string) int {
		n, err := strconv.Atoi(strings.TrimPrefix(s, "P"))
		if err != nil {
			return 1 << 30
		}
		return n
	}
	sort.SliceStable(codes, func(i, j int) bool {
		if a, b := num(codes[i]), num(codes[j]); a != b {
			return a < b
		}
		return codes[i] < codes[j]
	})
}

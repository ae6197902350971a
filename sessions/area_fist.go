package sessions

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"forum/model"
)

// AreaFistKind is the kind of the stored part that holds an area's
// fist-to-five on its own vision: the room's show of hands, counted.
const AreaFistKind = "fist"

// AreaFistOf reads an area's fist-to-five counts (0 to 5 fingers) from its
// stored part ("3,6,2,0,0,0" is three 0s, six 1s…) as a tally, by the
// same rule as a table's (consensus when everyone shows 3 or more).
func AreaFistOf(snap Snapshot, area model.ID) (model.FistResult, int) {
	for _, p := range snap.AreaParts {
		if p.AreaID == area && p.Kind == AreaFistKind && p.Key == AreaFistKind {
			return fistFromCounts(area, parseCounts(p.Text)), p.Version
		}
	}
	return model.FistResult{}, 0
}

func parseCounts(s string) [6]int {
	var c [6]int
	for i, f := range strings.Split(s, ",") {
		if i < 6 {
			c[i], _ = strconv.Atoi(strings.TrimSpace(f))
		}
	}
	return c
}

// fistFromCounts tallies counts as if each hand were a ballot.
func fistFromCounts(area model.ID, counts [6]int) model.FistResult {
	var ballots []model.Ballot
	for f, n := range counts {
		for range n {
			ballots = append(ballots, model.Ballot{Dots: map[model.ID]int{area: f}})
		}
	}
	return model.TallyFist(area, ballots)
}

// SaveAreaFist records the area's fist-to-five on its vision as counted
// in the room: counts[f] people showed f fingers. It refuses more hands
// than the area's tables have participants, and a stale write (base: the
// version shown) as SaveAreaPart does.
func (e *Engine) SaveAreaFist(ctx context.Context, actor string, eventID, areaID model.ID, counts [6]int, base int) error {
	s, err := e.AreaSynthesis(ctx, eventID, areaID)
	if err != nil {
		return err
	}
	people, hands := 0, 0
	for _, v := range s.Tables {
		people += v.Group.Participants
	}
	var text []string
	for f, n := range counts {
		if n < 0 {
			return fmt.Errorf("%d fingers: a count is 0 or more, not %d", f, n)
		}
		hands += n
		text = append(text, strconv.Itoa(n))
	}
	if hands > people {
		return fmt.Errorf("%d hands counted, but %s's tables have %d participants: check the counts", hands, s.Area.Code, people)
	}
	_, err = e.SaveAreaPart(ctx, actor, areaID, AreaEdit{Kind: AreaFistKind, Key: AreaFistKind, Text: strings.Join(text, ","), Base: base})
	return err
}

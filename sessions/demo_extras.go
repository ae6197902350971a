package sessions

import (
	"math/rand/v2"
	"time"

	"forum/model"
)

// The demo shows everything forum does: besides notes, themes, dot votes,
// next steps and key messages, each table tests its vision with a
// fist-to-five, rates its next steps' support and its own maturity; one
// table reopened its dot vote for a second round; the organiser accepted
// cross-cutting themes and chose the event's key messages.

// demoFist has every participant show fingers on the table's vision: most
// tables reach consensus (everyone 3 or more), every third does not.
func demoFist(rng *rand.Rand, snap *Snapshot, g model.Group, gi int, tick func() time.Time) {
	stage := StageFor(snap.Event, model.MethodFist)
	if stage == "" || g.Vision == "" {
		return
	}
	round := closedRound(g, stage, model.MethodFist, 1, tick())
	for i, voter := range VoterCodes(g.Participants) {
		fingers := 3 + rng.IntN(3)
		if gi%3 == 2 && i < 2 { // two doubters: no consensus here
			fingers = 1 + i
		}
		snap.Votes = append(snap.Votes, roundVotes(round, model.MethodVotes(g.ID, stage, model.MethodFist, model.Ballot{Voter: voter, Dots: map[model.ID]int{g.ID: fingers}}, tick()))...)
	}
	snap.Rounds = append(snap.Rounds, round)
}

// demoSupport has every participant rate each next step, strongly support
// (+2) to strongly oppose (-2); the second step of every other table
// divides the room.
func demoSupport(rng *rand.Rand, snap *Snapshot, g model.Group, gi int, tick func() time.Time) {
	stage := StageFor(snap.Event, model.MethodSupport)
	var steps []model.NextStep
	for _, n := range snap.NextSteps {
		if n.GroupID == g.ID {
			steps = append(steps, n)
		}
	}
	if stage == "" || len(steps) == 0 {
		return
	}
	round := closedRound(g, stage, model.MethodSupport, 1, tick())
	for i, voter := range VoterCodes(g.Participants) {
		levels := map[model.ID]int{}
		for si, s := range steps {
			l := 1 + rng.IntN(2)
			if si == 1 && gi%2 == 1 && i%2 == 0 {
				l = -1 - rng.IntN(2)
			}
			levels[s.ID] = l
		}
		snap.Votes = append(snap.Votes, roundVotes(round, model.MethodVotes(g.ID, stage, model.MethodSupport, model.Ballot{Voter: voter, Dots: levels}, tick()))...)
	}
	snap.Rounds = append(snap.Rounds, round)
}

// demoRatings has three raters rate the table on every dimension of the
// maturity model, mostly close together; on one dimension of every fourth
// table they are far apart.
func demoRatings(rng *rand.Rand, snap *Snapshot, g model.Group, gi int, tick func() time.Time) {
	m := EventMaturity(snap.Event)
	if m.Empty() {
		return
	}
	base := 1 + gi%max(len(m.Levels)-1, 1)
	for r, rater := range []string{"R1", "R2", "R3"} {
		at := tick()
		for d := range m.Dimensions {
			l := min(max(base+rng.IntN(2)-(d%2), 1), len(m.Levels))
			if gi%4 == 3 && d == 0 {
				l = []int{1, len(m.Levels), 2}[r]
			}
			snap.Ratings = append(snap.Ratings, model.Rating{ID: model.NewID(), GroupID: g.ID, Rater: rater, Dimension: d, Level: l, Stamp: model.NewStamp(at)})
		}
	}
}

// closedRound is a closed round of a vote at a table.
func closedRound(g model.Group, stage, method string, n int, at time.Time) model.VoteRound {
	return model.VoteRound{ID: model.NewID(), GroupID: g.ID, StageKey: stage, Method: method, Round: n,
		Status: model.RoundClosed, Voters: g.Participants, Stamp: model.NewStamp(at)}
}

// roundVotes puts votes into a closed round.
func roundVotes(r model.VoteRound, vs []model.Vote) []model.Vote {
	for i := range vs {
		vs[i].RoundID = r.ID
	}
	return vs
}

// demoCrossThemes accepts every cluster of themes but one, as the organiser
// would on the review screen; the last is left for a newcomer to accept.
func demoCrossThemes(snap *Snapshot, at time.Time) {
	clusters := ProposeClusters(*snap)
	for _, c := range clusters[:max(len(clusters)-1, 0)] {
		first := c.Themes[0].Theme.ID
		for _, t := range c.Themes[1:] {
			a, b := min(first, t.Theme.ID), max(first, t.Theme.ID)
			snap.Links = append(snap.Links, model.ThemeLink{ID: model.NewID(), EventID: snap.Event.ID, A: a, B: b,
				Status: model.LinkAccepted, Score: c.Score, Name: c.Name, Stamp: model.NewStamp(at)})
		}
	}
}

// demoEventMessages are the chair's key messages for the event: the three
// table messages chosen most widely, with every note they rest on.
func demoEventMessages(snap *Snapshot, at time.Time) {
	for i, m := range WidestMessages(*snap, 3) {
		snap.KeyMessages = append(snap.KeyMessages, model.KeyMessage{ID: model.NewID(), EventID: snap.Event.ID, Position: i,
			Kind: model.KindMessage, Text: m.Text, Sources: m.Sources, Stamp: model.NewStamp(at)})
	}
}

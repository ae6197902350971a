package sessions

import (
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// A round keeps the method and rules it opened with. Its row is made by
// its first ballot (or by the facilitator reopening the vote); from then on
// a set-up change of method, dots or cap applies to the next round only, so
// nothing already cast, closed or published changes under anyone.

// methodInForce is the method of a table's vote at stage: that of its
// latest round when it has one, else that of ballots already cast in an
// open round with no row yet (from before rounds kept their rules), else
// the event's method. want is the method the event asks for now.
func methodInForce(want string, votes []model.Vote, rounds []model.VoteRound, groupID model.ID, stage string) string {
	if last, _ := latestRound(rounds, groupID, stage, want); last.ID != "" {
		return last.Method
	}
	for _, v := range votes {
		if v.GroupID == groupID && v.StageKey == stage && v.RoundID == "" && model.SameVote(v.Method, want) {
			return v.Method
		}
	}
	return want
}

// roundRules are the dot rules a round runs under: those it was opened with,
// or, before its first ballot, the event's now.
func roundRules(r model.VoteRound, ev model.Event, items int) model.DotRules {
	if r.ID != "" && r.Rules.Budget > 0 {
		return r.Rules
	}
	return rulesFor(ev.Dots, items)
}

// castRound is the open round a ballot goes into: the vote's latest round,
// refused when it is closed, and made (round 1) with its rules when the
// vote has no round yet. A round opened before rounds kept their rules
// takes them now, at its next ballot.
func (e *Engine) castRound(tx *storage.Tx, g model.Group, stage, method string, rules model.DotRules) (model.VoteRound, error) {
	rounds, err := tx.Rounds(g.ID)
	if err != nil {
		return model.VoteRound{}, err
	}
	last, _ := latestRound(rounds, g.ID, stage, method)
	switch {
	case last.ID != "" && last.Status == model.RoundClosed:
		return last, ErrVoteClosed
	case last.ID != "" && (last.Rules.Budget > 0 || method != model.MethodDots):
		return last, nil
	case last.ID == "":
		vote := method
		if model.SameVote(method, model.MethodDots) {
			vote = "priorities"
		}
		last = model.VoteRound{ID: model.RoundID(g.ID, stage, vote, 1), GroupID: g.ID, StageKey: stage, Method: method, Round: 1,
			Status: model.RoundOpen, Stamp: model.NewStamp(roundTime(g, e.Now()))}
	}
	if method == model.MethodDots {
		last.Rules = model.DotRules{Budget: rules.Budget, Cap: rules.EffectiveCap(), SpendAll: rules.SpendAll}
	}
	last.Voters = g.Participants
	return last, tx.StartRound(last)
}

// roundTime is the time a round made by its first ballot carries: when the
// table reached its stage, so that it does not date that ballot.
func roundTime(g model.Group, now time.Time) time.Time {
	if !g.StageStartedAt.IsZero() && !g.StageStartedAt.After(now) {
		return g.StageStartedAt.UTC()
	}
	return now.Truncate(time.Hour)
}

// codedVoters counts the participants who have cast a ballot by code (not
// the paper tally) among a round's votes of one method, leaving out skip.
func codedVoters(votes []model.Vote, method, skip string) int {
	seen := map[string]bool{}
	for _, v := range votes {
		if v.Method == method && v.Voter != model.PaperVoter && v.Voter != skip {
			seen[v.Voter] = true
		}
	}
	return len(seen)
}

// paperLeft is how many participants a paper tally may still count for:
// those who have not voted by ballot in the round.
func paperLeft(participants int, votes []model.Vote, method string) int {
	return max(participants-codedVoters(votes, method, ""), 0)
}

// paperRules are the rules a ballot is checked by with the paper tally in
// mind, so that no dot is counted twice: a paper tally may place the dots
// of those who have not voted by ballot in the round; a ballot by code is
// refused when the paper tally already typed in would then be over that.
func paperRules(g model.Group, rules model.DotRules, open []model.Vote, method, voter string) (model.DotRules, error) {
	if voter == model.PaperVoter {
		left := paperLeft(g.Participants, open, method)
		if left < 1 {
			return rules, fmt.Errorf("vote refused: all %d participants have voted by ballot in this round, so there are no paper dots left to count", g.Participants)
		}
		return rules.ForPaper(left), nil
	}
	paper := 0
	for _, v := range open {
		if v.Method == method && v.Voter == model.PaperVoter {
			paper += v.Value
		}
	}
	others := codedVoters(open, method, voter) + 1
	if limit := max(g.Participants-others, 0) * rules.Budget; paper > limit {
		return rules, fmt.Errorf("vote refused: the paper tally already counts %d dots, and with this ballot only %d are left for paper (%d participants, %d voting by ballot); correct the paper tally first", paper, limit, g.Participants, others)
	}
	return rules, nil
}

package sessions

import (
	"context"
	"errors"
	"fmt"

	"forum/model"
	"forum/storage"
)

// ErrVoteClosed is returned for a ballot on a closed vote.
var ErrVoteClosed = errors.New("the vote is closed; the facilitator can reopen it for a new round")

// VoteState is where a vote (a table's stage and method) stands: its
// round, whether it is open, and the ballots of that round.
type VoteState struct {
	Round   int
	Open    bool
	Ballots []model.Ballot
	// Earlier are the closed rounds before this one, oldest first.
	Earlier []model.VoteRound
	// Closed is the round shown when the vote is closed (with the rules it
	// ran under).
	Closed model.VoteRound
	// Current is the open round's record once it has one (made by its
	// first ballot, or by reopening), with the rules it runs under.
	Current model.VoteRound
}

// latestRound is the last round of a vote, or a zero round. The vote on
// priorities is one vote whatever its method (see model.SameVote): a round
// held by dots and the next one by approval are rounds 1 and 2 of it.
func latestRound(rounds []model.VoteRound, groupID model.ID, stage, method string) (model.VoteRound, []model.VoteRound) {
	var last model.VoteRound
	var all []model.VoteRound
	for _, r := range rounds {
		if r.GroupID == groupID && r.StageKey == stage && model.SameVote(r.Method, method) {
			all = append(all, r)
			if last.ID == "" || r.Round > last.Round || (r.Round == last.Round && r.CreatedAt.After(last.CreatedAt)) {
				last = r
			}
		}
	}
	return last, all
}

// voteState reads a vote's state from a table's votes and rounds.
func voteState(votes []model.Vote, rounds []model.VoteRound, groupID model.ID, stage, method string) VoteState {
	last, all := latestRound(rounds, groupID, stage, method)
	st := VoteState{Round: max(last.Round, 1), Open: last.ID == "" || last.Status == model.RoundOpen}
	current := model.ID("")
	if !st.Open {
		current, st.Closed = last.ID, last
	} else {
		st.Current = last
	}
	st.Ballots = model.BallotsWhere(votes, func(v model.Vote) bool {
		return v.GroupID == groupID && v.StageKey == stage && v.RoundID == current && (current != "" || v.Method == method)
	})
	for _, r := range all {
		if r.Status == model.RoundClosed && r.ID != current {
			st.Earlier = append(st.Earlier, r)
		}
	}
	return st
}

// CloseVote closes the open round of a vote and reveals its result.
func (e *Engine) CloseVote(ctx context.Context, actor string, groupID model.ID, stage, method string) (int, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return 0, err
	}
	round := 0
	view, err := e.Table(ctx, groupID) // the rules in force, kept with the round
	if err != nil {
		return 0, err
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		rounds, err := tx.Rounds(groupID)
		if err != nil {
			return err
		}
		last, _ := latestRound(rounds, groupID, stage, method)
		switch {
		case last.ID != "" && last.Status == model.RoundClosed:
			return fmt.Errorf("round %d is already closed", last.Round)
		case last.ID == "":
			last = model.VoteRound{ID: model.NewID(), GroupID: groupID, StageKey: stage, Method: method, Round: 1, Stamp: model.NewStamp(e.Now())}
		}
		last.Status, last.UpdatedAt, round = model.RoundClosed, e.Now(), last.Round
		if last.Voters == 0 {
			last.Voters = view.Group.Participants
		}
		if last.Rules.Budget == 0 && (method == model.MethodDots || method == view.Method) {
			last.Rules = model.DotRules{Budget: view.Rules.Budget, Cap: view.Rules.EffectiveCap(), SpendAll: view.Rules.SpendAll}
		}
		return tx.PutRound(last)
	})
	if err != nil {
		return 0, fmt.Errorf("vote not closed: %w", err)
	}
	return round, nil
}

// ReopenVote starts a new round of a closed vote; the closed round and its
// ballots stay in the history.
func (e *Engine) ReopenVote(ctx context.Context, actor string, groupID model.ID, stage, method string) (int, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return 0, err
	}
	round := 0
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		_, ev, err := tableEvent(tx, groupID)
		if err != nil {
			return err
		}
		rounds, err := tx.Rounds(groupID)
		if err != nil {
			return err
		}
		last, _ := latestRound(rounds, groupID, stage, method)
		if last.ID == "" || last.Status != model.RoundClosed {
			return fmt.Errorf("the vote is open already")
		}
		next := last.Method
		if model.SameVote(next, model.MethodDots) {
			next = PriorityMethod(ev) // set-up's method applies from the next round
		}
		round = last.Round + 1
		return tx.PutRound(model.VoteRound{ID: model.NewID(), GroupID: groupID, StageKey: stage, Method: next, Round: round,
			Status: model.RoundOpen, Stamp: model.NewStamp(e.Now())})
	})
	if err != nil {
		return 0, fmt.Errorf("vote not reopened: %w", err)
	}
	return round, nil
}

package sessions

import (
	"context"
	"fmt"

	"forum/model"
	"forum/storage"
)

// checkVoter refuses a voter a seat may not vote as, or a code that is not
// one. Fist-to-five and support ballots are personal: no paper tally.
func checkVoter(ctx context.Context, groupID model.ID, voter string) error {
	if err := allow(ctx, needVote, groupID); err != nil {
		return err
	}
	if s := SeatOf(ctx); s != nil && s.Role == RoleParticipant && (s.Voter == "" || voter != s.Voter) {
		return fmt.Errorf("%w: a participant casts only their own ballot", ErrForbidden)
	}
	if voter == model.PaperVoter || !validVoter(voter) {
		return fmt.Errorf("vote refused: %q is not a voter code (P1, P2, …)", voter)
	}
	return nil
}

// CastFist records a voter's fist-to-five (0 to 5 fingers) on the table's
// vision, replacing their earlier one in this round.
func (e *Engine) CastFist(ctx context.Context, actor string, groupID model.ID, voter string, fingers int) error {
	if err := checkVoter(ctx, groupID, voter); err != nil {
		return err
	}
	if err := model.CheckFist(fingers); err != nil {
		return fmt.Errorf("vote refused: %w", err)
	}
	return e.castScale(ctx, actor, groupID, voter, model.ActivityVision, model.MethodFist, func(tx *storage.Tx, g model.Group) (map[model.ID]int, error) {
		if g.Vision == "" {
			return nil, fmt.Errorf("there is no vision statement to test yet")
		}
		return map[model.ID]int{groupID: fingers}, nil
	})
}

// CastSupport records a voter's support (-2 strongly oppose … +2 strongly
// support) for the table's next steps, replacing their earlier ballot in
// this round. Steps left out are not rated.
func (e *Engine) CastSupport(ctx context.Context, actor string, groupID model.ID, voter string, levels map[model.ID]int) error {
	if err := checkVoter(ctx, groupID, voter); err != nil {
		return err
	}
	for _, l := range levels {
		if err := model.CheckSupport(l); err != nil {
			return fmt.Errorf("vote refused: %w", err)
		}
	}
	return e.castScale(ctx, actor, groupID, voter, model.ActivityNextSteps, model.MethodSupport, func(tx *storage.Tx, g model.Group) (map[model.ID]int, error) {
		for id := range levels {
			n, err := tx.NextStep(id)
			if err != nil || n.GroupID != groupID || !n.DeletedAt.IsZero() {
				return nil, fmt.Errorf("a rated next step is not one of this table's")
			}
		}
		return levels, nil
	})
}

// castScale stores a one-voter ballot of a scale method in the open round
// of the stage with the activity.
func (e *Engine) castScale(ctx context.Context, actor string, groupID model.ID, voter string, act model.Activity, method string,
	ballot func(*storage.Tx, model.Group) (map[model.ID]int, error)) error {
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, ev, err := tableEvent(tx, groupID)
		if err != nil {
			return err
		}
		stage := stageOf(ev.Stages, act)
		if stage == "" {
			return fmt.Errorf("this event's script has no %s stage", act)
		}
		if err := checkCardVoter(tx, groupID, voter); err != nil {
			return err
		}
		values, err := ballot(tx, g)
		if err != nil {
			return err
		}
		round, err := e.castRound(tx, g, stage, method, model.DotRules{})
		if err != nil {
			return err
		}
		votes := model.MethodVotes(groupID, stage, method, model.Ballot{Voter: voter, Dots: values}, round.CreatedAt)
		return tx.ReplaceBallot(groupID, stage, method, voter, votes)
	})
	if err != nil {
		return fmt.Errorf("vote not saved: %w", err)
	}
	return nil
}

// StageFor is the key of the stage where a method's vote runs.
func StageFor(ev model.Event, method string) string {
	switch method {
	case model.MethodFist:
		return stageOf(ev.Stages, model.ActivityVision)
	case model.MethodSupport:
		return stageOf(ev.Stages, model.ActivityNextSteps)
	}
	return voteStage(ev.Stages)
}

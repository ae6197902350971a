package sessions

import (
	"context"
	"fmt"

	"forum/model"
	"forum/storage"
)

// CastDots stores a voter's whole ballot on the table's dot vote, replacing
// any ballot the same voter cast before. voter is an anonymous code (P1…Pn)
// or model.PaperVoter for a tally typed in from paper dots, which may spend
// the dots of every participant. A ballot over budget, over the cap, or on
// a note that is not on the vote is refused and nothing changes.
func (e *Engine) CastDots(ctx context.Context, actor string, groupID model.ID, voter string, dots map[model.ID]int) error {
	if err := allow(ctx, needVote, groupID); err != nil {
		return err
	}
	if s := SeatOf(ctx); s != nil && s.Role == RoleParticipant && (s.Voter == "" || voter != s.Voter) {
		return fmt.Errorf("%w: a participant casts only their own ballot", ErrForbidden)
	}
	if !validVoter(voter) {
		return fmt.Errorf("vote refused: %q is not a voter code (P1, P2, … or %s)", voter, model.PaperVoter)
	}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, ev, err := tableEvent(tx, groupID)
		if err != nil {
			return err
		}
		stage := voteStage(ev.Stages)
		if stage == "" {
			return fmt.Errorf("this event's script has no dot vote")
		}
		if err := checkCardVoter(tx, groupID, voter); err != nil {
			return err
		}
		notes, err := tx.Contributions(groupID)
		if err != nil {
			return err
		}
		themes, err := tx.Themes(groupID)
		if err != nil {
			return err
		}
		var items []model.ID
		for _, c := range model.VoteChoices(notes, themes, stage) {
			items = append(items, c.ID)
		}
		rounds, err := tx.Rounds(groupID)
		if err != nil {
			return err
		}
		open, err := tx.OpenVotes(groupID, stage)
		if err != nil {
			return err
		}
		method := methodInForce(PriorityMethod(ev), open, rounds, groupID, stage)
		last, _ := latestRound(rounds, groupID, stage, method)
		rules := roundRules(last, ev, len(items))
		b := model.Ballot{Voter: voter, Dots: dots}
		switch {
		case method != model.MethodDots && voter == model.PaperVoter:
			return fmt.Errorf("vote refused: a paper tally is for dot votes; this vote is by %s", MethodName(method))
		case method == model.MethodApproval:
			err = model.CheckApproval(b, items)
		case method == model.MethodBorda:
			err = model.CheckRanking(b, items)
		default:
			var check model.DotRules
			if check, err = paperRules(g, rules, open, method, voter); err == nil {
				err = check.Check(b, items)
			}
		}
		if err != nil {
			return err
		}
		round, err := e.castRound(tx, g, stage, method, rules)
		if err != nil {
			return err
		}
		return tx.ReplaceBallot(groupID, stage, method, voter, model.MethodVotes(groupID, stage, method, b, round.CreatedAt))
	})
	if err != nil {
		return fmt.Errorf("dots not saved: %w", err)
	}
	return nil
}

// maxVoterCode is the highest voter code number, P1000.
const maxVoterCode = 1000

// VoterCodes returns P1…Pn for a table of n participants.
// n is held to 0..model.MaxParticipants, whatever a stored table says.
func VoterCodes(n int) []string {
	n = min(max(n, 0), model.MaxParticipants)
	out := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("P%d", i))
	}
	return out
}

func validVoter(v string) bool {
	if v == model.PaperVoter {
		return true
	}
	var n int
	_, err := fmt.Sscanf(v, "P%d", &n)
	return err == nil && n >= 1 && n <= maxVoterCode && fmt.Sprintf("P%d", n) == v
}

// PriorityMethod is how the event's tables vote on priorities.
func PriorityMethod(ev model.Event) string {
	switch ev.VoteMethod {
	case model.MethodApproval, model.MethodBorda:
		return ev.VoteMethod
	}
	return model.MethodDots
}

// MethodName names a voting method in a sentence.
func MethodName(method string) string {
	switch method {
	case model.MethodApproval:
		return "approval (a yes to any number of items)"
	case model.MethodBorda:
		return "ranking (Borda): first of n items gets n points"
	case model.MethodFist:
		return "fist-to-five"
	case model.MethodSupport:
		return "support"
	}
	return "dots"
}

// MethodWord is a method's short name in a column or a heading: dots,
// approval, ranking, fist-to-five or support.
func MethodWord(method string) string {
	switch method {
	case model.MethodBorda:
		return "ranking"
	case model.MethodFist:
		return "fist-to-five"
	}
	return method
}

package sessions

import (
	"reflect"

	"forum/model"
)

// countVotes fills in the view's votes: the rounds in force, the ballots,
// the tallies and the ranked priorities.
func (v *TableView) countVotes(snap Snapshot, groupID model.ID) {
	v.VoteStage = voteStage(snap.Event.Stages)
	v.Method = methodInForce(PriorityMethod(snap.Event), snap.Votes, snap.Rounds, groupID, v.VoteStage)
	v.DotVote = voteState(snap.Votes, snap.Rounds, groupID, v.VoteStage, v.Method)
	v.Ballots = v.DotVote.Ballots
	v.Fist = voteState(snap.Votes, snap.Rounds, groupID, stageOf(snap.Event.Stages, model.ActivityVision), model.MethodFist)
	v.FistResult = model.TallyFist(groupID, v.Fist.Ballots)
	v.Support = voteState(snap.Votes, snap.Rounds, groupID, stageOf(snap.Event.Stages, model.ActivityNextSteps), model.MethodSupport)
	v.StepSupport = map[model.ID]model.SupportResult{}
	for _, n := range v.NextSteps {
		v.StepSupport[n.ID] = model.TallySupport(n.ID, v.Support.Ballots)
	}
	var themes []model.Theme
	for _, th := range snap.Themes {
		if th.GroupID == groupID {
			themes = append(themes, th)
		}
	}
	items := model.VoteChoices(v.Notes, themes, v.VoteStage)
	mergeThemeDots(v.Ballots, v.Notes, items)
	v.Rules = rulesFor(snap.Event.Dots, len(items))
	if r := v.DotVote.Closed; r.ID != "" && r.Rules.Budget > 0 {
		v.Rules = r.Rules // a closed round keeps the rules it ran under
	} else if r := v.DotVote.Current; r.ID != "" && r.Rules.Budget > 0 {
		v.Rules = r.Rules // so does the open round, from its first ballot
	}
	byID := make(map[model.ID]model.Contribution, len(items))
	ids := make([]model.ID, len(items))
	for i, c := range items {
		byID[c.ID] = c
		ids[i] = c.ID
	}
	tally := model.TallyDots
	switch v.Method {
	case model.MethodApproval:
		tally = model.TallyApproval
	case model.MethodBorda:
		tally = model.TallyBorda
	}
	ranked := tally(ids, v.Ballots)
	if len(ranked) > 0 {
		v.Priorities = make([]Priority, 0, len(ranked))
	}
	for _, r := range ranked {
		p := Priority{Note: byID[r.Item], Ranked: r, Sources: []model.ID{r.Item}}
		if p.Note.IsTheme() {
			p.Sources = nil
			for _, c := range v.Notes {
				if c.ThemeID == r.Item {
					p.Sources = append(p.Sources, c.ID)
				}
			}
		}
		v.Priorities = append(v.Priorities, p)
	}
}

// votesStand reports whether a table's view made again after a commit
// (v, its event and notes set, from part) may keep prev's votes, tallies,
// priorities and themes (prev made from prevPart, the table's rows
// before): when nothing they rest on changed. What they rest on: the
// event (its stages, method and dot rules), the table's votes, rounds,
// themes and next steps (a kind of row a commit did not touch is the same
// slice, as merged keeps it), and its notes at the vote stage or in a
// theme. A note taken at another stage changes none of them.
func (v *TableView) votesStand(part Snapshot, groupID model.ID, prev *TableView, prevPart Snapshot) bool {
	return prev != nil && prev.Group.ID == groupID &&
		sameRows(part.Votes, prevPart.Votes) && sameRows(part.Rounds, prevPart.Rounds) &&
		sameRows(part.Themes, prevPart.Themes) && sameRows(part.NextSteps, prevPart.NextSteps) &&
		reflect.DeepEqual(&v.Event, &prev.Event) && sameVoteNotes(v.Notes, prev.Notes, prev.VoteStage)
}

// keepVotes takes prev's votes, tallies and priorities (see votesStand).
func (v *TableView) keepVotes(prev *TableView) {
	v.VoteStage, v.Method, v.Rules = prev.VoteStage, prev.Method, prev.Rules
	v.DotVote, v.Ballots, v.Priorities = prev.DotVote, prev.Ballots, prev.Priorities
	v.Fist, v.FistResult = prev.Fist, prev.FistResult
	v.Support, v.StepSupport = prev.Support, prev.StepSupport
}

// sameRows reports whether a and b are the same rows: one slice, not two
// with equal contents (rows are never changed in place).
func sameRows[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// sameVoteNotes reports whether a and b hold the same notes at the vote
// stage and in themes, in the same order: the notes the vote counts.
func sameVoteNotes(a, b []model.Contribution, stage string) bool {
	counts := func(c model.Contribution) bool { return c.StageKey == stage || c.ThemeID != "" }
	i, j := 0, 0
	for {
		for i < len(a) && !counts(a[i]) {
			i++
		}
		for j < len(b) && !counts(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if !a[i].Same(&b[j]) {
			return false
		}
		i, j = i+1, j+1
	}
}

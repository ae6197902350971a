package sessions

import (
	"context"
	"fmt"

	"forum/model"
)

// Table is everything a table's screens show, from the live model: the
// first call for an event reads it; after that the view is kept up to date
// by the commits themselves and costs no read.
func (e *Engine) Table(ctx context.Context, groupID model.ID) (TableView, error) {
	if err := allow(ctx, needRead, groupID); err != nil {
		return TableView{}, err
	}
	v, err := e.live.table(ctx, groupID)
	if err != nil {
		return TableView{}, fmt.Errorf("opening table: %w", err)
	}
	return v, nil
}

// TableFromSnapshot picks one table's view out of an event snapshot.
func TableFromSnapshot(snap Snapshot, groupID model.ID) (TableView, error) {
	return tableFrom(snap, groupID, nil, Snapshot{})
}

// tableFrom is TableFromSnapshot; prev, when given, is the table's view
// made from prevPart, its rows before a commit (see votesStand).
func tableFrom(snap Snapshot, groupID model.ID, prev *TableView, prevPart Snapshot) (TableView, error) {
	v := TableView{Event: snap.Event}
	found := false
	for _, g := range snap.Groups {
		if g.ID == groupID {
			v.Group, found = g, true
		}
	}
	if !found {
		return v, fmt.Errorf("table %s: %w", groupID.Short(), ErrNotFound)
	}
	for _, a := range snap.Areas {
		if a.ID == v.Group.AreaID {
			v.Area = a
		}
	}
	v.StageIndex = model.StageIndex(snap.Event.Stages, v.Group.StageKey)
	if v.StageIndex < 0 && len(snap.Event.Stages) > 0 {
		v.StageIndex = 0
	}
	if v.StageIndex >= 0 {
		v.Stage = snap.Event.Stages[v.StageIndex]
	}
	v.Notes = liveNotes(snap.Contributions, groupID)
	for _, n := range snap.NextSteps {
		if n.GroupID == groupID && n.DeletedAt.IsZero() {
			v.NextSteps = append(v.NextSteps, n)
		}
	}
	for _, k := range snap.KeyMessages {
		if k.GroupID == groupID {
			v.KeyMessages = append(v.KeyMessages, k)
		}
	}
	stand := v.votesStand(snap, groupID, prev, prevPart)
	if stand {
		v.Themes = prev.Themes // the themes' rows and notes are as they were
	} else {
		v.Themes = themesOf(snap, groupID, v.Notes)
	}
	v.Maturity = EventMaturity(snap.Event)
	for _, r := range snap.Ratings {
		if r.GroupID == groupID {
			v.Ratings = append(v.Ratings, r)
		}
	}
	v.Profile = model.Profile(v.Maturity, v.Ratings)
	if stand {
		v.keepVotes(prev)
	} else {
		v.countVotes(snap, groupID)
	}
	return v, nil
}

// liveNotes are a table's notes that are not deleted, in their order. When
// that is every note given (a live table's own rows), the slice is shared,
// capped so that an append copies: views and the rows they are made from
// are never changed in place.
func liveNotes(notes []model.Contribution, groupID model.ID) []model.Contribution {
	n := 0
	for _, c := range notes {
		if c.GroupID == groupID && !c.Deleted() {
			n++
		}
	}
	switch n {
	case 0:
		return nil
	case len(notes):
		return notes[:n:n]
	}
	out := make([]model.Contribution, 0, n)
	for _, c := range notes {
		if c.GroupID == groupID && !c.Deleted() {
			out = append(out, c)
		}
	}
	return out
}

// StageNotes are the table's live notes at its current stage.
func (v TableView) StageNotes() []model.Contribution { return model.AtStage(v.Notes, v.Stage.Key) }

// VoteItems are the ids of the items on the table's dot vote: its themes
// at the vote stage and the notes in no theme.
func (v TableView) VoteItems() []model.ID {
	var ids []model.ID
	for _, c := range v.VoteChoices() {
		ids = append(ids, c.ID)
	}
	return ids
}

// VoteChoices are the items on the table's dot vote (see
// model.VoteChoices), in the order the vote screen lists them.
func (v TableView) VoteChoices() []model.Contribution {
	var themes []model.Theme
	for _, th := range v.Themes {
		themes = append(themes, th.Theme)
	}
	return model.VoteChoices(v.Notes, themes, v.VoteStage)
}

// Ballot returns the voter's ballot so far (empty if none).
func (v TableView) Ballot(voter string) model.Ballot {
	for _, b := range v.Ballots {
		if b.Voter == voter {
			return b
		}
	}
	return model.Ballot{Voter: voter, Dots: map[model.ID]int{}}
}

// RulesFor returns the dot rules for a voter: a paper tally counts for the
// participants who have not voted by ballot in the round.
func (v TableView) RulesFor(voter string) model.DotRules {
	if voter == model.PaperVoter {
		return v.Rules.ForPaper(v.PaperLeft())
	}
	return v.Rules
}

// PaperLeft is how many participants the paper tally may still count for:
// those who have not voted by ballot in the open round.
func (v TableView) PaperLeft() int {
	coded := 0
	for _, b := range v.Ballots {
		if b.Voter != model.PaperVoter && b.Spent() > 0 {
			coded++
		}
	}
	return max(v.Group.Participants-coded, 0)
}

// Note finds a live note of the table by id.
func (v TableView) Note(id model.ID) (model.Contribution, bool) {
	for _, c := range v.Notes {
		if c.ID == id {
			return c, true
		}
	}
	return model.Contribution{}, false
}

// voteStage is the first stage that runs a dot vote.
func voteStage(stages []model.Stage) string { return stageOf(stages, model.ActivityDotVote) }

// stageOf is the key of the first stage with the activity, or "".
func stageOf(stages []model.Stage, a model.Activity) string {
	for _, s := range stages {
		if s.Activity == a {
			return s.Key
		}
	}
	return ""
}

// rulesFor fills in the automatic budget (about a third of the items).
func rulesFor(r model.DotRules, items int) model.DotRules {
	if r.Budget <= 0 {
		r.Budget = model.DefaultBudget(items)
	}
	return r
}

// StageThemes are the table's themes at its current stage.
func (v TableView) StageThemes() []ThemeView {
	var out []ThemeView
	for _, t := range v.Themes {
		if t.Theme.StageKey == v.Stage.Key {
			out = append(out, t)
		}
	}
	return out
}

// mergeThemeDots counts dots cast on a note, before it was grouped into a
// theme on the vote, for that theme.
func mergeThemeDots(ballots []model.Ballot, notes []model.Contribution, items []model.Contribution) {
	onVote := map[model.ID]bool{}
	for _, c := range items {
		if c.IsTheme() {
			onVote[c.ID] = true
		}
	}
	themeOf := map[model.ID]model.ID{}
	for _, c := range notes {
		if onVote[c.ThemeID] {
			themeOf[c.ID] = c.ThemeID
		}
	}
	for _, b := range ballots {
		for id, n := range b.Dots {
			if th, ok := themeOf[id]; ok {
				b.Dots[th] += n
				delete(b.Dots, id)
			}
		}
	}
}

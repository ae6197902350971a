package sessions

import "forum/model"

// TableViews makes every table's view of a snapshot, by table id. It splits
// the snapshot by table in one pass first, so a large event is not scanned
// once for each table.
func TableViews(snap Snapshot) map[model.ID]TableView {
	per := map[model.ID]*Snapshot{}
	for _, g := range snap.Groups {
		per[g.ID] = &Snapshot{Event: snap.Event, Areas: snap.Areas, Groups: []model.Group{g}}
	}
	split(snap.Contributions, per, func(x model.Contribution) model.ID { return x.GroupID }, func(p *Snapshot, x model.Contribution) { p.Contributions = append(p.Contributions, x) })
	split(snap.Votes, per, func(x model.Vote) model.ID { return x.GroupID }, func(p *Snapshot, x model.Vote) { p.Votes = append(p.Votes, x) })
	split(snap.NextSteps, per, func(x model.NextStep) model.ID { return x.GroupID }, func(p *Snapshot, x model.NextStep) { p.NextSteps = append(p.NextSteps, x) })
	split(snap.KeyMessages, per, func(x model.KeyMessage) model.ID { return x.GroupID }, func(p *Snapshot, x model.KeyMessage) { p.KeyMessages = append(p.KeyMessages, x) })
	split(snap.Ratings, per, func(x model.Rating) model.ID { return x.GroupID }, func(p *Snapshot, x model.Rating) { p.Ratings = append(p.Ratings, x) })
	split(snap.Themes, per, func(x model.Theme) model.ID { return x.GroupID }, func(p *Snapshot, x model.Theme) { p.Themes = append(p.Themes, x) })
	split(snap.Rounds, per, func(x model.VoteRound) model.ID { return x.GroupID }, func(p *Snapshot, x model.VoteRound) { p.Rounds = append(p.Rounds, x) })
	out := make(map[model.ID]TableView, len(per))
	for id, p := range per {
		if v, err := TableFromSnapshot(*p, id); err == nil {
			out[id] = v
		}
	}
	return out
}

// split hands each record to its table's part of the snapshot.
func split[T any](xs []T, per map[model.ID]*Snapshot, table func(T) model.ID, add func(*Snapshot, T)) {
	for _, x := range xs {
		if p := per[table(x)]; p != nil {
			add(p, x)
		}
	}
}

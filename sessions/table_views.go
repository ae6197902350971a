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
	splitTables(snap, per)
	split(snap.KeyMessages, per, func(x model.KeyMessage) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.KeyMessage { return &p.KeyMessages })
	out := make(map[model.ID]TableView, len(per))
	for id, p := range per {
		if v, err := TableFromSnapshot(*p, id); err == nil {
			out[id] = v
		}
	}
	return out
}

// splitTables hands each table's notes, votes, next steps, ratings, themes
// and rounds to its part of the snapshot.
func splitTables(snap Snapshot, per map[model.ID]*Snapshot) {
	split(snap.Contributions, per, func(x model.Contribution) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.Contribution { return &p.Contributions })
	split(snap.Votes, per, func(x model.Vote) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.Vote { return &p.Votes })
	split(snap.NextSteps, per, func(x model.NextStep) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.NextStep { return &p.NextSteps })
	split(snap.Ratings, per, func(x model.Rating) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.Rating { return &p.Ratings })
	split(snap.Themes, per, func(x model.Theme) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.Theme { return &p.Themes })
	split(snap.Rounds, per, func(x model.VoteRound) model.ID { return x.GroupID }, func(p *Snapshot) *[]model.VoteRound { return &p.Rounds })
}

// split hands each record to its table's part of the snapshot, each part
// allocated once at its size.
func split[T any](xs []T, per map[model.ID]*Snapshot, table func(T) model.ID, field func(*Snapshot) *[]T) {
	count := make(map[model.ID]int, len(per))
	for _, x := range xs {
		count[table(x)]++
	}
	for id, n := range count {
		if p := per[id]; p != nil {
			*field(p) = make([]T, 0, n)
		}
	}
	for _, x := range xs {
		if p := per[table(x)]; p != nil {
			f := field(p)
			*f = append(*f, x)
		}
	}
}

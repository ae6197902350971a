package storage

import "forum/model"

// Live is the part of a complete snapshot (SnapshotAll's) that Snapshot
// reads, worked out in memory: the live areas and tables in Areas and
// Groups and the removed ones apart, only what the live tables hold, the
// event's own key messages, no revisions or history. So a caller that
// needs both (a report stating its data digest) reads the event once.
// The records are shared with s, not copied.
func (s Snapshot) Live() Snapshot {
	out := Snapshot{Event: s.Event, Links: s.Links, AreaParts: s.AreaParts, AreaRound: s.AreaRound}
	removedArea := map[model.ID]bool{}
	for _, a := range s.Areas {
		if a.RemovedAt.IsZero() {
			out.Areas = append(out.Areas, a)
		} else {
			out.RemovedAreas = append(out.RemovedAreas, a)
			removedArea[a.ID] = true
		}
	}
	live := map[model.ID]bool{}
	for _, g := range s.Groups {
		switch {
		case !g.RemovedAt.IsZero():
			out.RemovedGroups = append(out.RemovedGroups, g)
		case !removedArea[g.AreaID]:
			out.Groups = append(out.Groups, g)
			live[g.ID] = true
		}
	}
	out.Contributions = atTables(s.Contributions, live, func(c model.Contribution) model.ID { return c.GroupID })
	out.Votes = atTables(s.Votes, live, func(v model.Vote) model.ID { return v.GroupID })
	out.NextSteps = atTables(s.NextSteps, live, func(n model.NextStep) model.ID { return n.GroupID })
	out.Rounds = atTables(s.Rounds, live, func(r model.VoteRound) model.ID { return r.GroupID })
	out.Themes = atTables(s.Themes, live, func(t model.Theme) model.ID { return t.GroupID })
	out.Ratings = atTables(s.Ratings, live, func(r model.Rating) model.ID { return r.GroupID })
	live[""] = true // the event's own key messages
	out.KeyMessages = atTables(s.KeyMessages, live, func(k model.KeyMessage) model.ID { return k.GroupID })
	return out
}

// atTables keeps the records of the live tables, in their order; when
// every record is kept it returns rows itself.
func atTables[T any](rows []T, live map[model.ID]bool, table func(T) model.ID) []T {
	for i, r := range rows {
		if live[table(r)] {
			continue
		}
		out := append([]T(nil), rows[:i]...)
		for _, r := range rows[i+1:] {
			if live[table(r)] {
				out = append(out, r)
			}
		}
		return out
	}
	return rows
}

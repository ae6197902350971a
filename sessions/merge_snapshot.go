package sessions

import (
	"fmt"
	"sort"
	"strings"

	"forum/model"
)

// The kinds of record a merge knows, keyed by id (or by what the schema
// keeps unique).
var (
	eventKind = kind[model.Event]{entity: "event", key: func(r model.Event) string { return string(r.ID) },
		stamp: func(r *model.Event) *model.Stamp { return &r.Stamp }, table: func(model.Event) model.ID { return "" },
		label: func(r model.Event) string { return "the event's details" }}
	areaKind = kind[model.Area]{entity: "area", key: func(r model.Area) string { return string(r.ID) },
		stamp: func(r *model.Area) *model.Stamp { return &r.Stamp }, table: func(model.Area) model.ID { return "" },
		label: func(r model.Area) string { return "area " + r.Code }}
	groupKind = kind[model.Group]{entity: "table", key: func(r model.Group) string { return string(r.ID) },
		stamp: func(r *model.Group) *model.Stamp { return &r.Stamp }, table: func(r model.Group) model.ID { return r.ID },
		label: func(r model.Group) string { return fmt.Sprintf("the table's stage (%s), clock and roles", r.StageKey) }}
	noteKind = kind[model.Contribution]{entity: "note", key: func(r model.Contribution) string { return string(r.ID) },
		stamp: func(r *model.Contribution) *model.Stamp { return &r.Stamp }, table: func(r model.Contribution) model.ID { return r.GroupID },
		label: func(r model.Contribution) string { return fmt.Sprintf("note %q", clip(r.Text)) }, note: true}
	stepKind = kind[model.NextStep]{entity: "next-step", key: func(r model.NextStep) string { return string(r.ID) },
		stamp: func(r *model.NextStep) *model.Stamp { return &r.Stamp }, table: func(r model.NextStep) model.ID { return r.GroupID },
		label: func(r model.NextStep) string { return fmt.Sprintf("next step %q", clip(r.Action)) }}
	themeKind = kind[model.Theme]{entity: "theme", key: func(r model.Theme) string { return string(r.ID) },
		stamp: func(r *model.Theme) *model.Stamp { return &r.Stamp }, table: func(r model.Theme) model.ID { return r.GroupID },
		label: func(r model.Theme) string { return fmt.Sprintf("theme %q", clip(r.Name)) }}
	linkKind = kind[model.ThemeLink]{entity: "theme-link", key: func(r model.ThemeLink) string { return keyOf(string(r.A), string(r.B)) },
		stamp: func(r *model.ThemeLink) *model.Stamp { return &r.Stamp }, table: func(model.ThemeLink) model.ID { return "" },
		label: func(r model.ThemeLink) string { return "a cross-cutting theme link" }}
	roundKind = kind[model.VoteRound]{entity: "vote-round", key: func(r model.VoteRound) string {
		return keyOf(string(r.GroupID), r.StageKey, r.Method, fmt.Sprint(r.Round))
	}, stamp: func(r *model.VoteRound) *model.Stamp { return &r.Stamp }, table: func(r model.VoteRound) model.ID { return r.GroupID },
		label: func(r model.VoteRound) string { return fmt.Sprintf("%s vote round %d", r.Method, r.Round) }}
	ballotKind = unitKind("ballot", func(u unit[model.Vote]) string {
		return fmt.Sprintf("the %s ballot of voter %s", u.Rows[0].Method, u.Rows[0].Voter)
	})
	msgKind    = unitKind("key-messages", func(unit[model.KeyMessage]) string { return "the key messages" })
	ratingKind = unitKind("maturity", func(u unit[model.Rating]) string { return "the maturity levels of rater " + u.Rows[0].Rater })
)

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

func voteStamp(v *model.Vote) *model.Stamp      { return &v.Stamp }
func msgStamp(m *model.KeyMessage) *model.Stamp { return &m.Stamp }
func ratingStamp(r *model.Rating) *model.Stamp  { return &r.Stamp }
func ballotKey(v model.Vote) string {
	return keyOf(string(v.GroupID), v.StageKey, v.Method, v.Voter, string(v.RoundID))
}
func voteTable(v model.Vote) model.ID                      { return v.GroupID }
func voteID(v model.Vote) model.ID                         { return v.ID }
func msgKey(m model.KeyMessage) string                     { return keyOf(string(m.EventID), string(m.GroupID)) }
func msgTable(m model.KeyMessage) model.ID                 { return m.GroupID }
func msgID(m model.KeyMessage) model.ID                    { return m.ID }
func ratingKey(r model.Rating) string                      { return keyOf(string(r.GroupID), r.Rater) }
func ratingTable(r model.Rating) model.ID                  { return r.GroupID }
func ratingID(r model.Rating) model.ID                     { return r.ID }
func roundOpenKey(g model.ID, stage, method string) string { return keyOf(string(g), stage, method) }

// mergeSnapshots merges one laptop's complete snapshot of an event into
// another's, both complete (SnapshotAll or an exchange).
func mergeSnapshots(l *mergeLog, a, b Snapshot) Snapshot {
	codes := map[model.ID]string{}
	for _, ar := range append(append([]model.Area{}, a.Areas...), b.Areas...) {
		codes[ar.ID] = ar.Code
	}
	for _, g := range append(append([]model.Group{}, a.Groups...), b.Groups...) {
		if l.names[g.ID] == "" {
			l.names[g.ID] = strings.TrimSpace(codes[g.AreaID] + " " + g.Name)
		}
	}
	out := Snapshot{}
	if evs := mergeKind(l, eventKind, []model.Event{a.Event}, []model.Event{b.Event}); len(evs) > 0 {
		out.Event = evs[0]
	}
	out.Areas = mergeKind(l, areaKind, a.Areas, b.Areas)
	out.Groups = mergeKind(l, groupKind, a.Groups, b.Groups)
	out.Contributions = mergeKind(l, noteKind, a.Contributions, b.Contributions)
	out.NextSteps = mergeKind(l, stepKind, a.NextSteps, b.NextSteps)
	out.Themes = mergeKind(l, themeKind, a.Themes, b.Themes)
	out.Links = mergeKind(l, linkKind, a.Links, b.Links)

	// Rounds are one per table, stage, method and number: the losing
	// round's ballots move to the winner (where two ballots of one voter
	// are then a conflict, not a sum).
	out.Rounds = mergeKind(l, roundKind, a.Rounds, b.Rounds)
	winner := map[string]model.ID{}
	for _, r := range out.Rounds {
		winner[roundKind.key(r)] = r.ID
	}
	remap := map[model.ID]model.ID{}
	for _, r := range append(append([]model.VoteRound{}, a.Rounds...), b.Rounds...) {
		remap[r.ID] = winner[roundKind.key(r)]
	}
	closedIn := func(s Snapshot) map[model.ID]bool {
		m := map[model.ID]bool{}
		for _, r := range s.Rounds {
			if r.Status == model.RoundClosed {
				m[remap[r.ID]] = true
			}
		}
		return m
	}
	closedA, closedB := closedIn(a), closedIn(b)
	roundOf := map[model.ID]model.ID{} // a vote id in a closed round on either side
	fix := func(vs []model.Vote) []model.Vote {
		out := make([]model.Vote, len(vs))
		for i, v := range vs {
			if v.RoundID != "" {
				v.RoundID = remap[v.RoundID]
				roundOf[v.ID] = v.RoundID
			}
			out[i] = v
		}
		return out
	}
	va, vb := fix(a.Votes), fix(b.Votes)
	// Ballots cast in a round that the other laptop closed are not counted.
	drop := func(vs []model.Vote, mine, theirs map[model.ID]bool) []model.Vote {
		var keep []model.Vote
		for _, v := range vs {
			if r := roundOf[v.ID]; v.RoundID == "" && r != "" {
				v.RoundID = r // the other laptop closed the round with it
			}
			if v.RoundID == "" {
				if r := closedByOther(out.Rounds, v, mine, theirs); r != nil {
					l.notCounted = append(l.notCounted, fmt.Sprintf("%s: voter %s's %s ballot was cast after round %d was closed on the other laptop: kept in the history, not counted",
						l.where(v.GroupID), v.Voter, v.Method, r.Round))
					l.keepVote(v)
					continue
				}
			}
			keep = append(keep, v)
		}
		return keep
	}
	va, vb = drop(va, closedA, closedB), drop(vb, closedB, closedA)
	out.Votes = rows(mergeKind(l, ballotKind, units(va, ballotKey, voteTable, voteStamp, voteID), units(vb, ballotKey, voteTable, voteStamp, voteID)), voteStamp)
	out.KeyMessages = rows(mergeKind(l, msgKind, units(a.KeyMessages, msgKey, msgTable, msgStamp, msgID), units(b.KeyMessages, msgKey, msgTable, msgStamp, msgID)), msgStamp)
	out.Ratings = rows(mergeKind(l, ratingKind, units(a.Ratings, ratingKey, ratingTable, ratingStamp, ratingID), units(b.Ratings, ratingKey, ratingTable, ratingStamp, ratingID)), ratingStamp)

	out.Revisions = unionRevisions(a.Revisions, b.Revisions, l.revisions)
	out.History = unionKept(a.History, b.History, l.kept)
	l.dirty = l.dirty || len(out.Revisions) != len(a.Revisions) || len(out.History) != len(a.History)
	l.revisions, l.kept = nil, nil
	return out
}

// closedByOther is the closed round of a vote's table, stage and method
// that only the other side had closed, if any.
func closedByOther(rounds []model.VoteRound, v model.Vote, mine, theirs map[model.ID]bool) *model.VoteRound {
	for i, r := range rounds {
		if r.GroupID == v.GroupID && r.StageKey == v.StageKey && r.Method == v.Method && theirs[r.ID] && !mine[r.ID] {
			return &rounds[i]
		}
	}
	return nil
}

func revisionKey(c model.Contribution) string {
	return keyOf(string(c.ID), fmt.Sprint(c.Version), c.UpdatedAt.String(), c.Text, c.StageKey, fmt.Sprint(c.Tags), c.Author, c.DeletedAt.String(), string(c.ThemeID))
}

func unionRevisions(lists ...[]model.Contribution) []model.Contribution {
	seen := map[string]bool{}
	var out []model.Contribution
	for _, list := range lists {
		for _, c := range list {
			if k := revisionKey(c); !seen[k] {
				seen[k] = true
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return revisionKey(out[i]) < revisionKey(out[j]) })
	return out
}

func unionKept(lists ...[]model.Kept) []model.Kept {
	seen := map[string]bool{}
	var out []model.Kept
	for _, list := range lists {
		for _, k := range list {
			key := keyOf(k.Entity, string(k.RecordID), fmt.Sprint(k.Version), k.Hash)
			if !seen[key] {
				seen[key] = true
				out = append(out, k)
			}
		}
	}
	return out
}

package sessions

import (
	"sort"

	"forum/model"
)

// AreaItem is one table's priority as it enters its area's joined list,
// with its dots as a share of all the dots cast at that table.
type AreaItem struct {
	Table    model.Group
	Priority Priority
	Share    float64
}

// AreaPriority is one of an area's joined priorities: the priorities of
// its tables that say the same thing, where they were raised, and the
// area's score for it (see AreaRankRule).
type AreaPriority struct {
	// Key is the first member's item id: the joined priority's name is
	// stored against it.
	Key     string
	Name    string
	Members []AreaItem
	// Tables is how many of the area's tables raised it, of Of.
	Tables, Of int
	Score      float64
	// Rank is its place (ties share one); Tied marks a shared place.
	Rank int
	Tied bool
	// Version is the stored name's version (0: the drafted name).
	Version int
}

// AreaRankRule is the rule an area's joined priorities are ranked by, as
// the report states it.
const AreaRankRule = "Ranked by the sum, over the area's tables, of each table's dots on the priority as a share of all the dots cast at that table (so every table weighs the same, however many people sat at it); ties keep the order the priorities were first raised in, table by table."

// RaisedAt says where a joined priority was raised: "raised at 2 of 3 tables".
func (p AreaPriority) RaisedAt() string {
	if p.Of == 1 {
		return "raised at 1 of 1 table"
	}
	return "raised at " + itoa(p.Tables) + " of " + itoa(p.Of) + " tables"
}

// RankLabel is the rank as shown: "=2" when tied.
func (p AreaPriority) RankLabel() string {
	if p.Tied {
		return "=" + itoa(p.Rank)
	}
	return itoa(p.Rank)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// joinAreaPriorities joins the priorities of an area's tables (views in
// board order) by the mechanism that joins themes across tables: the
// TF-IDF cosine of their words (scoped to the area's priorities), joined
// by average linkage while at least ClusterThreshold alike, never two of
// one table, starting from the organiser's accepted links and never
// joining what the organiser rejected. It ranks them by AreaRankRule.
func joinAreaPriorities(snap Snapshot, views []TableView) []AreaPriority {
	n := 0
	for _, v := range views {
		n += len(v.Priorities)
	}
	items, ts := make([]AreaItem, 0, n), make([]ThemeAt, 0, n)
	for _, v := range views {
		total := 0
		for _, p := range v.Priorities {
			total += p.Dots
		}
		for _, p := range v.Priorities {
			it := AreaItem{Table: v.Group, Priority: p}
			if total > 0 {
				it.Share = float64(p.Dots) / float64(total)
			}
			items = append(items, it)
			tv := ThemeView{Theme: model.Theme{ID: p.Note.ID, GroupID: v.Group.ID, Name: p.Note.Text}}
			for _, th := range v.Themes {
				if th.Theme.ID == p.Note.ID {
					tv.Notes = th.Notes
				}
			}
			ts = append(ts, ThemeAt{ThemeView: tv, Area: v.Area, Table: v.Group})
		}
	}
	index := map[model.ID]int{}
	for i, t := range ts {
		index[t.Theme.ID] = i
	}
	n = len(ts)
	rejected := map[[2]int]bool{}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		if parent[x] != x {
			parent[x] = find(parent[x])
		}
		return parent[x]
	}
	for _, l := range snap.Links {
		i, okA := index[l.A]
		j, okB := index[l.B]
		if !okA || !okB {
			continue
		}
		switch l.Status {
		case model.LinkRejected:
			rejected[[2]int{i, j}], rejected[[2]int{j, i}] = true, true
		case model.LinkAccepted:
			if ri, rj := find(i), find(j); ri != rj {
				parent[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	var groups [][]int
	at := map[int]int{}
	for i := range ts {
		r := find(i)
		if g, ok := at[r]; ok {
			groups[g] = append(groups[g], i)
			continue
		}
		at[r] = len(groups)
		groups = append(groups, []int{i})
	}
	groups = joins.get(joinKey(ts, groups, rejected), func() [][]int {
		return agglomerate(groups, similarities(themeVectors(ts)), apartRule(ts, rejected))
	})
	out := make([]AreaPriority, 0, len(groups))
	for _, g := range groups {
		sort.Ints(g) // the order raised, table by table
		p := AreaPriority{Key: string(ts[g[0]].Theme.ID), Name: ts[g[0]].Theme.Name, Of: len(views)}
		tables := map[model.ID]bool{}
		for _, i := range g {
			p.Members = append(p.Members, items[i])
			p.Score += items[i].Share
			tables[items[i].Table.ID] = true
		}
		p.Tables = len(tables)
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score+1e-9 })
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i-1].Score-out[i].Score < 1e-9 {
			out[i].Rank, out[i].Tied, out[i-1].Tied = out[i-1].Rank, true, true
		}
	}
	return out
}

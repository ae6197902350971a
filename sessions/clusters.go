package sessions

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"forum/model"
	"forum/storage"
)

// ClusterThreshold is the least average similarity (the cosine of the
// TF-IDF weights of their names and notes, as ProposeLinks measures two
// themes) at which two groups of themes join into one proposed cluster.
const ClusterThreshold = ProposalThreshold

// Cluster is a proposed cross-cutting theme: every table's themes that say
// the same thing, with a name for it, how alike they are and the words
// most of them share. Joined are the members already in one accepted
// cross-cutting theme (the cluster would add the others to it).
type Cluster struct {
	Name   string
	Themes []ThemeAt
	Score  float64
	Shared []string
	Joined map[model.ID]bool
}

// ProposeClusters gathers the themes of different tables into clusters by
// average-linkage agglomerative clustering: each accepted cross-cutting
// theme starts as one group, every other theme alone; the two most alike
// groups join while their average similarity is at least
// ClusterThreshold, never putting two themes of one table, or two the
// organiser said differ, together. It proposes the groups of two or more
// that are not already exactly one accepted cross-cutting theme, the
// widest first.
func ProposeClusters(snap Snapshot) []Cluster {
	ts := themesAt(snap)
	vecs := themeVectors(ts)
	live := map[model.ID]ThemeAt{}
	index := map[model.ID]int{}
	for i, t := range ts {
		live[t.Theme.ID], index[t.Theme.ID] = t, i
	}
	rejected := map[[2]int]bool{}
	for _, l := range snap.Links {
		i, okA := index[l.A]
		j, okB := index[l.B]
		if l.Status == model.LinkRejected && okA && okB {
			rejected[[2]int{i, j}], rejected[[2]int{j, i}] = true, true
		}
	}
	linked, find := linkedSets(snap, live)
	var groups [][]int
	seed := map[model.ID]int{}
	for i, t := range ts {
		if !linked[t.Theme.ID] {
			groups = append(groups, []int{i})
			continue
		}
		r := find(t.Theme.ID)
		if g, ok := seed[r]; ok {
			groups[g] = append(groups[g], i)
			continue
		}
		seed[r] = len(groups)
		groups = append(groups, []int{i})
	}
	sim := similarities(vecs)
	groups = agglomerate(groups, sim, apartRule(ts, rejected))
	var out []Cluster
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		sort.Ints(g) // board order
		c := Cluster{Joined: map[model.ID]bool{}}
		roots := map[model.ID]bool{}
		fresh := false
		pairs := 0
		for k, i := range g {
			t := ts[i]
			c.Themes = append(c.Themes, t)
			if linked[t.Theme.ID] {
				c.Joined[t.Theme.ID] = true
				roots[find(t.Theme.ID)] = true
			} else {
				fresh = true
			}
			for _, j := range g[k+1:] {
				c.Score += sim[i][j]
				pairs++
			}
		}
		if !fresh && len(roots) == 1 {
			continue // already one cross-cutting theme
		}
		c.Score /= float64(pairs)
		c.Name, c.Shared = clusterName(snap, c.Themes), sharedWords(g, vecs)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Themes) != len(out[j].Themes) {
			return len(out[i].Themes) > len(out[j].Themes)
		}
		return out[i].Score > out[j].Score+1e-9
	})
	return out
}

// clusterName is the name of the accepted cross-cutting theme its members
// already belong to, else the theme name most members share (the first
// met, on a tie).
func clusterName(snap Snapshot, members []ThemeAt) string {
	if name := crossName(snap, members); name != "" {
		return name
	}
	count := map[string]int{}
	best := ""
	for _, m := range members {
		k := strings.TrimSpace(m.Theme.Name)
		count[strings.ToLower(k)]++
		if best == "" || count[strings.ToLower(k)] > count[strings.ToLower(best)] {
			best = k
		}
	}
	return best
}

// crossName is the newest name the organiser gave a link among members.
func crossName(snap Snapshot, members []ThemeAt) string {
	in := map[model.ID]bool{}
	for _, m := range members {
		in[m.Theme.ID] = true
	}
	name := ""
	var at model.Stamp
	for _, l := range snap.Links {
		if l.Status == model.LinkAccepted && l.Name != "" && in[l.A] && in[l.B] && !l.UpdatedAt.Before(at.UpdatedAt) {
			name, at = l.Name, l.Stamp
		}
	}
	return name
}

// sharedWords are the stemmed words at least half the members hold.
func sharedWords(g []int, vecs []map[string]float64) []string {
	count := map[string]int{}
	for _, i := range g {
		for w := range vecs[i] {
			count[w]++
		}
	}
	var out []string
	for w, n := range count {
		if 2*n >= len(g) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// ErrClusterTables is returned when a cluster to accept does not hold
// themes from at least two tables.
var ErrClusterTables = errors.New("a cross-cutting theme needs themes from at least two different tables")

// AcceptCluster makes the themes one cross-cutting theme named name, in one
// transaction: each is linked (accepted) to the first, so themes already
// in cross-cutting themes bring those along. An empty name keeps the
// themes' own.
func (e *Engine) AcceptCluster(ctx context.Context, actor string, name string, ids []model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	name = model.Safe(strings.TrimSpace(name), false)
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		tables := map[model.ID]bool{}
		var event model.ID
		for _, id := range ids {
			th, err := tx.Theme(id)
			if err != nil {
				return err
			}
			g, err := tx.Group(th.GroupID)
			if err != nil {
				return err
			}
			if event != "" && g.EventID != event {
				return errors.New("the themes are from different events")
			}
			if tables[th.GroupID] {
				return fmt.Errorf("two of the themes are from %s: group their notes there instead", g.Name)
			}
			event, tables[th.GroupID] = g.EventID, true
		}
		if len(tables) < 2 {
			return ErrClusterTables
		}
		for _, id := range ids[1:] {
			a, b := min(ids[0], id), max(ids[0], id)
			if err := tx.PutLink(model.ThemeLink{ID: model.NewID(), EventID: event, A: a, B: b, Status: model.LinkAccepted, Name: name, Stamp: model.NewStamp(e.Now())}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cross-cutting theme not saved: %w", err)
	}
	return nil
}

// RejectCluster records that the themes are not one theme: every pair of
// them from different tables is rejected, in one transaction, and not
// proposed together again. Pairs already in one accepted cross-cutting
// theme stay as they are: a rejection never undoes what was accepted.
func (e *Engine) RejectCluster(ctx context.Context, actor string, eventID model.ID, ids []model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return fmt.Errorf("reading the event: %w", err)
	}
	live := map[model.ID]ThemeAt{}
	for _, t := range themesAt(snap) {
		live[t.Theme.ID] = t
	}
	linked, find := linkedSets(snap, live)
	var pairs [][2]model.ID
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			ta, okA := live[a]
			tb, okB := live[b]
			if !okA || !okB || ta.Table.ID == tb.Table.ID || linked[a] && linked[b] && find(a) == find(b) {
				continue
			}
			pairs = append(pairs, [2]model.ID{min(a, b), max(a, b)})
		}
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		for _, p := range pairs {
			if err := tx.PutLink(model.ThemeLink{ID: model.NewID(), EventID: eventID, A: p[0], B: p[1], Status: model.LinkRejected, Stamp: model.NewStamp(e.Now())}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rejection not saved: %w", err)
	}
	return nil
}

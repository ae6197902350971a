package sessions

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"forum/model"
	"forum/storage"
)

// Proposal is a suggestion that two themes at different tables say the
// same thing, with how alike their words are (0 to 1) and the words they
// share.
type Proposal struct {
	A, B   ThemeAt
	Score  float64
	Shared []string
}

// ThemeAt is a theme with where it was raised.
type ThemeAt struct {
	ThemeView
	Area  model.Area
	Table model.Group
}

// ProposalThreshold is the least similarity proposed.
const ProposalThreshold = 0.3

// words are a text's content words: lower case, stop words dropped,
// stemmed with the Snowball (Porter 2) English stemmer. stems keeps each
// word's stem once worked out (the same words recur in every note); it
// may be nil.
func words(s string, stems map[string]string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		w = strings.Trim(w, "'")
		if st, ok := stems[w]; ok {
			if st != "" {
				out = append(out, st)
			}
			continue
		}
		st := ""
		if len(w) >= 3 && !english.IsStopWord(w) {
			st = english.Stem(w, false)
		}
		if stems != nil {
			stems[w] = st
		}
		if st != "" {
			out = append(out, st)
		}
	}
	return out
}

// themesAt lists every live theme of the event with where it was raised.
func themesAt(snap Snapshot) []ThemeAt {
	var out []ThemeAt
	for _, a := range snap.Areas {
		for _, g := range snap.Groups {
			if g.AreaID != a.ID {
				continue
			}
			var notes []model.Contribution
			for _, c := range snap.Contributions {
				if c.GroupID == g.ID && !c.Deleted() && c.ThemeID != "" {
					notes = append(notes, c)
				}
			}
			for _, tv := range themesOf(snap, g.ID, notes) {
				out = append(out, ThemeAt{ThemeView: tv, Area: a, Table: g})
			}
		}
	}
	return out
}

// ProposeLinks compares every pair of themes raised at different tables
// by the words of their names and notes (TF-IDF weights, cosine
// similarity) and proposes the pairs at least ProposalThreshold alike that
// the organiser has not yet accepted or rejected, most alike first.
func ProposeLinks(snap Snapshot) []Proposal {
	ts := themesAt(snap)
	vecs := themeVectors(ts)
	decided := map[[2]model.ID]bool{}
	for _, l := range snap.Links {
		decided[[2]model.ID{l.A, l.B}] = true
	}
	live := map[model.ID]ThemeAt{}
	for _, t := range ts {
		live[t.Theme.ID] = t
	}
	linked, find := linkedSets(snap, live)
	var out []Proposal
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			if ts[i].Table.ID == ts[j].Table.ID {
				continue
			}
			a, b := ts[i], ts[j]
			if b.Theme.ID < a.Theme.ID {
				a, b = b, a
			}
			if decided[[2]model.ID{a.Theme.ID, b.Theme.ID}] || (linked[a.Theme.ID] && linked[b.Theme.ID] && find(a.Theme.ID) == find(b.Theme.ID)) {
				continue // decided already, or already in one cross-cutting theme
			}
			score, shared := cosine(vecs[i], vecs[j])
			if score >= ProposalThreshold {
				out = append(out, Proposal{A: a, B: b, Score: score, Shared: shared})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score+1e-9 })
	return out
}

// themeVectors weighs the words of each theme's name (counted twice) and
// notes by TF-IDF over the event's themes, normalised to length 1.
func themeVectors(ts []ThemeAt) []map[string]float64 {
	vecs := make([]map[string]float64, len(ts))
	df := map[string]int{}
	stems := map[string]string{}
	for i, t := range ts {
		tf := map[string]float64{}
		for _, w := range words(t.Theme.Name, stems) {
			tf[w] += 2 // the name counts double
		}
		for _, n := range t.Notes {
			for _, w := range words(n.Text, stems) {
				tf[w]++
			}
		}
		for w := range tf {
			df[w]++
		}
		vecs[i] = tf
	}
	for _, v := range vecs {
		norm := 0.0
		for w, f := range v {
			v[w] = (1 + math.Log(f)) * math.Log(1+float64(len(ts))/float64(df[w]))
			norm += v[w] * v[w]
		}
		norm = math.Sqrt(norm)
		for w := range v {
			if norm > 0 {
				v[w] /= norm
			}
		}
	}
	return vecs
}

func cosine(a, b map[string]float64) (float64, []string) {
	if len(b) < len(a) {
		a, b = b, a
	}
	s := 0.0
	var shared []string
	for w, x := range a {
		if y, ok := b[w]; ok {
			s += x * y
			shared = append(shared, w)
		}
	}
	sort.Strings(shared)
	return s, shared
}

// LinkThemes records the organiser's verdict on two themes of different
// tables: model.LinkAccepted joins them into one cross-cutting theme,
// model.LinkRejected keeps them apart (and stops proposing them).
func (e *Engine) LinkThemes(ctx context.Context, actor string, a, b model.ID, status string, score float64) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	if status != model.LinkAccepted && status != model.LinkRejected {
		return fmt.Errorf("a link is accepted or rejected, not %q", status)
	}
	if b < a {
		a, b = b, a
	}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		ta, err := tx.Theme(a)
		if err != nil {
			return err
		}
		tb, err := tx.Theme(b)
		if err != nil {
			return err
		}
		if ta.GroupID == tb.GroupID {
			return fmt.Errorf("both themes are from the same table: group their notes there instead")
		}
		g, err := tx.Group(ta.GroupID)
		if err != nil {
			return err
		}
		return tx.PutLink(model.ThemeLink{ID: model.NewID(), EventID: g.EventID, A: a, B: b, Status: status, Score: score, Stamp: model.NewStamp(e.Now())})
	})
	if err != nil {
		return fmt.Errorf("link not saved: %w", err)
	}
	return nil
}

// linkedSets joins the accepted links between live themes into sets: it
// returns which themes are linked at all, and a function giving each
// theme's set (its representative).
func linkedSets(snap Snapshot, live map[model.ID]ThemeAt) (map[model.ID]bool, func(model.ID) model.ID) {
	parent := map[model.ID]model.ID{}
	var find func(model.ID) model.ID
	find = func(x model.ID) model.ID {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		parent[x] = find(p)
		return parent[x]
	}
	linked := map[model.ID]bool{}
	for _, l := range snap.Links {
		_, okA := live[l.A]
		_, okB := live[l.B]
		if l.Status != model.LinkAccepted || !okA || !okB {
			continue
		}
		linked[l.A], linked[l.B] = true, true
		if ra, rb := find(l.A), find(l.B); ra != rb {
			parent[rb] = ra
		}
	}
	return linked, find
}

// CrossTheme is a cross-cutting theme: themes from different tables the
// organiser linked, with the evidence of where it was raised.
type CrossTheme struct {
	Name     string
	Themes   []ThemeAt
	Evidence Evidence
}

// CrossCutting joins accepted links into cross-cutting themes (a theme
// linked to two others brings them together), widest first.
func CrossCutting(snap Snapshot) []CrossTheme {
	ts := themesAt(snap)
	byID := map[model.ID]ThemeAt{}
	for _, t := range ts {
		byID[t.Theme.ID] = t
	}
	linked, find := linkedSets(snap, byID)
	groups := map[model.ID][]ThemeAt{}
	var roots []model.ID
	for _, t := range ts { // in board order
		if !linked[t.Theme.ID] {
			continue
		}
		r := find(t.Theme.ID)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], t)
	}
	var out []CrossTheme
	for _, r := range roots {
		members := groups[r]
		var notes []model.ID
		for _, m := range members {
			for _, n := range m.Notes {
				notes = append(notes, n.ID)
			}
		}
		out = append(out, CrossTheme{Name: clusterName(snap, members), Themes: members, Evidence: EvidenceOf(snap, notes)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Evidence.Areas != out[j].Evidence.Areas {
			return out[i].Evidence.Areas > out[j].Evidence.Areas
		}
		return out[i].Evidence.Tables > out[j].Evidence.Tables
	})
	return out
}

// ThemeReview is the organiser's view of themes across tables: proposals
// to decide, the cross-cutting themes so far, and every theme (to link by
// hand).
type ThemeReview struct {
	Event     model.Event
	Proposals []Proposal
	// Clusters are the proposals as whole groups, one per theme that
	// several tables raised: what the review screen offers.
	Clusters []Cluster
	Cross    []CrossTheme
	All      []ThemeAt
}

// ReviewThemes reads the event and proposes links.
func (e *Engine) ReviewThemes(ctx context.Context, eventID model.ID) (ThemeReview, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return ThemeReview{}, err
	}
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return ThemeReview{}, fmt.Errorf("reading the event: %w", err)
	}
	return ThemeReview{Event: snap.Event, Proposals: ProposeLinks(snap), Clusters: ProposeClusters(snap), Cross: CrossCutting(snap), All: themesAt(snap)}, nil
}

package sessions

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"forum/model"
)

// plainAgglomerate is the scan of every pair at every join that
// agglomerate replaces, kept as the reference it must agree with.
func plainAgglomerate(groups [][]int, sim [][]float64, apart func(i, j int) bool) [][]int {
	far := func(a, b []int) bool {
		for _, i := range a {
			for _, j := range b {
				if apart(i, j) {
					return true
				}
			}
		}
		return false
	}
	average := func(a, b []int) float64 {
		s := 0.0
		for _, i := range a {
			for _, j := range b {
				s += sim[i][j]
			}
		}
		return s / float64(len(a)*len(b))
	}
	for {
		bi, bj, best := -1, -1, ClusterThreshold
		for i := range groups {
			for j := i + 1; j < len(groups); j++ {
				if s := average(groups[i], groups[j]); s >= best-1e-12 && (bi < 0 || s > best+1e-12) && !far(groups[i], groups[j]) {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			return groups
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		groups = slices.Delete(groups, bj, bj+1)
	}
}

func cloneGroups(gs [][]int) [][]int {
	out := make([][]int, len(gs))
	for i, g := range gs {
		out[i] = slices.Clone(g)
	}
	return out
}

// TestAgglomerateAgreesWithThePlainScan compares the two on random
// similarities with exact ties, near ties inside and just outside the
// tie gap, values at the threshold, seeded groups and pairs kept apart.
func TestAgglomerateAgreesWithThePlainScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		n := 2 + r.IntN(30)
		levels := []float64{0, 0.1, ClusterThreshold, ClusterThreshold - 5e-13, ClusterThreshold - 3e-12}
		base := []float64{0.5, 0.8, 1}[r.IntN(3)]
		for _, d := range []float64{0, 3e-13, 4e-13, 6e-13, 9e-13, 1.2e-12, 1.5e-12, 2.5e-12, 1e-9 - 1.5e-12, 1e-9 - 5e-13, 1e-9 + 5e-13, 1e-9 + 1.5e-12, 2e-9 + 1e-12} {
			levels = append(levels, base-d)
		}
		sim := make([][]float64, n)
		for i := range sim {
			sim[i] = make([]float64, n)
		}
		for i := range n {
			for j := range i {
				v := r.Float64()
				if r.IntN(2) == 0 {
					v = levels[r.IntN(len(levels))]
				}
				sim[i][j], sim[j][i] = v, v
			}
		}
		table := make([]int, n)
		for i := range table {
			table[i] = r.IntN(1 + n/2)
		}
		rejected := map[[2]int]bool{}
		for range r.IntN(n) {
			i, j := r.IntN(n), r.IntN(n)
			rejected[[2]int{i, j}], rejected[[2]int{j, i}] = true, true
		}
		apart := func(i, j int) bool { return table[i] == table[j] || rejected[[2]int{i, j}] }
		var groups [][]int
		for i := 0; i < n; {
			k := 1
			if r.IntN(5) == 0 {
				k = 1 + r.IntN(3)
			}
			var g []int
			for ; k > 0 && i < n; k-- {
				g = append(g, i)
				i++
			}
			groups = append(groups, g)
		}
		want := plainAgglomerate(cloneGroups(groups), sim, apart)
		got := agglomerate(cloneGroups(groups), sim, apart)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d (n %d): got %v, want %v", round, n, got, want)
		}
	}
}

// TestAreaJoinAgreesWithThePlainScanOnTheLargeDemo runs both over the
// large demo's areas: the same joined priorities, member by member.
func TestAreaJoinAgreesWithThePlainScanOnTheLargeDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the large demo")
	}
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "test", DemoOptions{Large: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	views := TableViews(snap)
	for _, a := range snap.Areas {
		var ts []ThemeAt
		for _, g := range snap.Groups {
			if v, ok := views[g.ID]; ok && g.AreaID == a.ID {
				for _, p := range v.Priorities {
					tv := ThemeView{Theme: model.Theme{ID: p.Note.ID, GroupID: g.ID, Name: p.Note.Text}}
					for _, th := range v.Themes {
						if th.Theme.ID == p.Note.ID {
							tv.Notes = th.Notes
						}
					}
					ts = append(ts, ThemeAt{ThemeView: tv, Table: g})
				}
			}
		}
		sim := similarities(themeVectors(ts))
		var groups [][]int
		for i := range ts {
			groups = append(groups, []int{i})
		}
		apart := func(i, j int) bool { return ts[i].Table.ID == ts[j].Table.ID }
		want := plainAgglomerate(cloneGroups(groups), sim, apart)
		got := agglomerate(cloneGroups(groups), sim, apart)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the joins differ", a.Code)
		}
		if len(got) == len(groups) {
			t.Errorf("%s: nothing joined, the test compares nothing", a.Code)
		}
	}
}

// plainThemeVectors is themeVectors as it was: the name twice and the
// notes as one text, every word stemmed again.
func plainThemeVectors(ts []ThemeAt) []map[string]float64 {
	vecs := make([]map[string]float64, len(ts))
	df := map[string]int{}
	for i, t := range ts {
		tf := map[string]float64{}
		text := t.Theme.Name + " " + t.Theme.Name
		for _, n := range t.Notes {
			text += " " + n.Text
		}
		for _, w := range words(text, nil) {
			tf[w]++
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

// TestThemeVectorsAreTheWordsOfTheWholeText: counting a theme's words
// piece by piece, stems kept, gives the weights of its name (twice) and
// notes counted as one text, as before (to the last bits a sum in map
// order can move).
func TestThemeVectorsAreTheWordsOfTheWholeText(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ts := themesAt(snap)
	if len(ts) == 0 {
		t.Fatal("no themes")
	}
	got, want := themeVectors(ts), plainThemeVectors(ts)
	for i, th := range ts {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("%s: %d words, want %d", th.Theme.Name, len(got[i]), len(want[i]))
		}
		for w, x := range want[i] {
			if y, ok := got[i][w]; !ok || math.Abs(x-y) > 1e-12 {
				t.Fatalf("%s: %q weighs %v, want %v", th.Theme.Name, w, y, x)
			}
		}
	}
}

// plainSimilarities is similarities as it was: a merge of each pair's
// sorted word lists, kept as the reference it must agree with.
func plainSimilarities(vecs []map[string]float64) [][]float64 {
	type entry struct {
		word int
		w    float64
	}
	ids := map[string]int{}
	sparse := make([][]entry, len(vecs))
	for i, v := range vecs {
		words := make([]string, 0, len(v))
		for w := range v {
			words = append(words, w)
		}
		slices.Sort(words)
		for _, w := range words {
			id, ok := ids[w]
			if !ok {
				id = len(ids)
				ids[w] = id
			}
			sparse[i] = append(sparse[i], entry{id, v[w]})
		}
		slices.SortFunc(sparse[i], func(a, b entry) int { return a.word - b.word })
	}
	sim := make([][]float64, len(vecs))
	for i := range sim {
		sim[i] = make([]float64, len(vecs))
	}
	for i := range vecs {
		for j := range i {
			a, b, s := sparse[i], sparse[j], 0.0
			for x, y := 0, 0; x < len(a) && y < len(b); {
				switch {
				case a[x].word < b[y].word:
					x++
				case a[x].word > b[y].word:
					y++
				default:
					s += a[x].w * b[y].w
					x, y = x+1, y+1
				}
			}
			sim[i][j], sim[j][i] = s, s
		}
	}
	return sim
}

// TestSimilaritiesAreThePairwiseMerge: every cosine is the merge's, bit
// for bit (the joins compare them to a threshold and to each other), on
// random vectors and on the large demo's priorities.
func TestSimilaritiesAreThePairwiseMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	vocab := []string{"estates", "records", "workforce", "pharmacy", "digital", "care", "homes", "rota", "funding", "hubs", "a", "zebra"}
	check := func(what string, vecs []map[string]float64) {
		t.Helper()
		got, want := similarities(vecs), plainSimilarities(vecs)
		for i := range want {
			for j := range want {
				if math.Float64bits(got[i][j]) != math.Float64bits(want[i][j]) {
					t.Fatalf("%s: sim[%d][%d] = %v, the merge gives %v", what, i, j, got[i][j], want[i][j])
				}
			}
		}
	}
	for k := range 300 {
		vecs := make([]map[string]float64, r.IntN(12))
		for i := range vecs {
			vecs[i] = map[string]float64{}
			for range r.IntN(8) {
				vecs[i][vocab[r.IntN(len(vocab))]] = r.Float64() / 3
			}
		}
		check(fmt.Sprintf("random %d", k), vecs)
	}
	if testing.Short() {
		return
	}
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "test", DemoOptions{Large: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	views := TableViews(snap)
	var ts []ThemeAt
	for _, g := range snap.Groups {
		for _, p := range views[g.ID].Priorities {
			ts = append(ts, ThemeAt{ThemeView: ThemeView{Theme: model.Theme{ID: p.Note.ID, GroupID: g.ID, Name: p.Note.Text}}, Table: g})
		}
	}
	check("the large demo", themeVectors(ts))
}

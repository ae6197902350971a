package sessions

import (
	"math"
	"slices"
	"sort"

	"forum/model"
)

// tieGap is how much better a later pair must be to replace the pair
// found first: the joins' rule for "the two most alike".
const tieGap = 1e-12

// similarities is the cosine of every pair of TF-IDF vectors (sim[i][j]
// = sim[j][i]; the diagonal 0). Words are numbered in the order a pass
// over each vector's sorted words first meets them, and each word lists
// the vectors holding it; going through the words in number order, each
// pair of a word's vectors adds its product to their cosine. A pair
// therefore sums its shared words' products in the same order as a merge
// of its two sorted lists would, to the same number bit for bit, and
// costs only the words it shares.
func similarities(vecs []map[string]float64) [][]float64 {
	type entry struct {
		vec int
		w   float64
	}
	ids := map[string]int{}
	var postings [][]entry
	for i, v := range vecs {
		words := make([]string, 0, len(v))
		for w := range v {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			id, ok := ids[w]
			if !ok {
				id = len(ids)
				ids[w] = id
				postings = append(postings, nil)
			}
			postings[id] = append(postings[id], entry{i, v[w]})
		}
	}
	n := len(vecs)
	flat := make([]float64, n*n)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = flat[i*n : (i+1)*n : (i+1)*n]
	}
	for _, p := range postings {
		for x, a := range p {
			row := sim[a.vec]
			for _, b := range p[:x] {
				row[b.vec] += a.w * b.w
			}
		}
	}
	for i := range n {
		for j := range i {
			sim[j][i] = sim[i][j]
		}
	}
	return sim
}

// apartRule says which two themes may never join: two of one table, or
// two the organiser said differ (rejected holds both orders). Tables are
// numbered first, so the rule costs no string comparison.
func apartRule(ts []ThemeAt, rejected map[[2]int]bool) func(i, j int) bool {
	table := make([]int, len(ts))
	seen := map[model.ID]int{}
	for i, t := range ts {
		n, ok := seen[t.Table.ID]
		if !ok {
			n = len(seen)
			seen[t.Table.ID] = n
		}
		table[i] = n
	}
	if len(rejected) == 0 {
		return func(i, j int) bool { return table[i] == table[j] }
	}
	return func(i, j int) bool { return table[i] == table[j] || rejected[[2]int{i, j}] }
}

// agglomerate joins groups of items by average linkage: while two groups
// are on average at least ClusterThreshold alike (sim between their
// items) and no two of their items are apart, the two most alike join,
// the earlier group taking the later's items after its own. "Most alike"
// is the first pair in board order, replaced only by a pair more than
// tieGap better, exactly as a scan of every pair would choose; but each
// pair's average is kept between joins and only the pairs that may join
// are scanned, so a join costs the rows it touched and the joinable
// pairs, not every pair of groups.
func agglomerate(groups [][]int, sim [][]float64, apart func(i, j int) bool) [][]int {
	c := newClustering(groups, sim, apart)
	for {
		a, b, ok := c.pick()
		if !ok {
			break
		}
		c.join(a, b)
	}
	var out [][]int
	for k, g := range c.members {
		if c.alive[k] {
			out = append(out, g)
		}
	}
	return out
}

// clustering is agglomerate's state. Groups are slots in board order; a
// join keeps the earlier slot, so the order of the live slots is the
// order the plain scan sees them in.
type clustering struct {
	n       int
	sim     [][]float64
	members [][]int
	alive   []bool
	// sum[a*n+b] (a < b) is the sum of the two groups' similarities in
	// the order the plain scan sums it (their average is avg(a, b));
	// far[a*n+b] whether two of their items are apart.
	sum []float64
	far []bool
	// ok[a*n+b] is whether they may join (not apart, and at least the
	// threshold less the tie gap). after[a] lists, in order, the later
	// slots that may join a, and perhaps some that no longer may (listed
	// says which are listed).
	ok, listed []bool
	after      [][]int
	// top[a] is the highest average among the joinable pairs in after[a]
	// (-Inf: none), at topAt[a]; stale[a] says it must be worked out
	// again.
	top   []float64
	topAt []int
	stale []bool
}

func newClustering(groups [][]int, sim [][]float64, apart func(i, j int) bool) *clustering {
	n := len(groups)
	c := &clustering{n: n, sim: sim, members: groups, alive: make([]bool, n), sum: make([]float64, n*n), far: make([]bool, n*n),
		ok: make([]bool, n*n), listed: make([]bool, n*n), after: make([][]int, n), top: make([]float64, n), topAt: make([]int, n), stale: make([]bool, n)}
	for a := range n {
		c.alive[a] = true
		for b := a + 1; b < n; b++ {
			far := false
			for _, i := range groups[a] {
				for _, j := range groups[b] {
					far = far || apart(i, j)
				}
			}
			c.far[a*n+b] = far
			if c.pair(a, b) {
				c.after[a], c.listed[a*n+b] = append(c.after[a], b), true
			}
		}
		c.stale[a] = true
	}
	return c
}

// pair works out slots a < b's average and whether they may join.
func (c *clustering) pair(a, b int) bool { return c.pairFrom(a, b, 0, 0) }

// pairFrom is pair when the sum over slot a's first from items is s
// already: the sum goes on from there in the plain scan's order (a's
// items one by one, each against all of b's), so it is the same number,
// bit for bit, as the sum worked out whole.
func (c *clustering) pairFrom(a, b, from int, s float64) bool {
	for _, i := range c.members[a][from:] {
		row := c.sim[i]
		for _, j := range c.members[b] {
			s += row[j]
		}
	}
	c.sum[a*c.n+b] = s
	c.ok[a*c.n+b] = !c.far[a*c.n+b] && c.avg(a, b) >= ClusterThreshold-tieGap
	return c.ok[a*c.n+b]
}

// avg is slots a < b's average similarity, as the plain scan divides it.
func (c *clustering) avg(a, b int) float64 {
	return c.sum[a*c.n+b] / float64(len(c.members[a])*len(c.members[b]))
}

// pick chooses the pair the plain scan would. The scan passes over the
// pairs that may not join without a change, so it runs over the others;
// and once it holds a pair, a row whose best is not more than the tie gap
// better cannot change its choice, so it passes over that row whole.
func (c *clustering) pick() (int, int, bool) {
	bi, bj, best := -1, -1, ClusterThreshold
	n := c.n
	for a, live := range c.alive {
		if !live {
			continue
		}
		if c.stale[a] {
			c.rescan(a)
		}
		if c.topAt[a] < 0 || (bi >= 0 && c.top[a] <= best+tieGap) {
			continue
		}
		for _, b := range c.after[a] {
			if !c.alive[b] || !c.ok[a*n+b] {
				continue
			}
			if s := c.avg(a, b); s >= best-tieGap && (bi < 0 || s > best+tieGap) {
				bi, bj, best = a, b, s
			}
		}
	}
	return bi, bj, bi >= 0
}

// rescan drops from after[a] the pairs that can no longer join and works
// out its best again.
func (c *clustering) rescan(a int) {
	n := c.n
	c.top[a], c.topAt[a], c.stale[a] = math.Inf(-1), -1, false
	kept := c.after[a][:0]
	for _, b := range c.after[a] {
		if !c.alive[b] || !c.ok[a*n+b] {
			c.listed[a*n+b] = false
			continue
		}
		kept = append(kept, b)
		if s := c.avg(a, b); s > c.top[a] {
			c.top[a], c.topAt[a] = s, b
		}
	}
	c.after[a] = kept
}

// join puts slot b's items after slot a's (a < b) and works out again
// the pairs with the joined group: with a later slot, from the sum over
// a's own items, which the join leaves first.
func (c *clustering) join(a, b int) {
	had := len(c.members[a])
	c.members[a] = append(c.members[a], c.members[b]...)
	c.alive[b], c.members[b], c.after[b] = false, nil, nil
	n := c.n
	for k, live := range c.alive {
		if !live || k == a {
			continue
		}
		x, y := min(a, k), max(a, k)
		c.far[x*n+y] = c.far[x*n+y] || c.far[min(b, k)*n+max(b, k)]
		var ok bool
		if x == a {
			ok = c.pairFrom(a, k, had, c.sum[a*n+k])
		} else {
			ok = c.pair(x, y)
		}
		if ok && !c.listed[x*n+y] {
			c.listed[x*n+y] = true
			at, _ := slices.BinarySearch(c.after[x], y)
			c.after[x] = slices.Insert(c.after[x], at, y)
		}
		switch {
		case k > a && k < b && c.topAt[k] == b:
			c.stale[k] = true
		case k > a:
		case c.topAt[k] == a || c.topAt[k] == b:
			c.stale[k] = true
		case ok && c.avg(x, y) > c.top[k]:
			c.top[k], c.topAt[k] = c.avg(x, y), a
		}
	}
	c.stale[a] = true
}

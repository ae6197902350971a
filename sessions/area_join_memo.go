package sessions

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"sort"
	"sync"
)

// joinMemoSize is how many areas' joins a process keeps.
const joinMemoSize = 64

// joins keeps the joins of an area's priorities last worked out, by a
// digest of everything they depend on (see joinKey): a report drafts the
// areas twice (its own part, and the complete event for its digest), and
// the plenary dashboard drafts every area again when one table changes.
// Two callers asking for the same joins at once work them out once.
var joins = &joinMemo{made: map[[32]byte]*joinEntry{}}

// joinMemo is a small memo of joins, oldest dropped first.
type joinMemo struct {
	mu   sync.Mutex
	keys [][32]byte
	made map[[32]byte]*joinEntry
}

// joinEntry is one area's joins, ready once done is closed.
type joinEntry struct {
	done   chan struct{}
	groups [][]int
}

// get is the joins for key, worked out by work if not kept.
func (m *joinMemo) get(key [32]byte, work func() [][]int) [][]int {
	m.mu.Lock()
	e, ok := m.made[key]
	if !ok {
		e = &joinEntry{done: make(chan struct{})}
		m.made[key] = e
		m.keys = append(m.keys, key)
		if len(m.keys) > joinMemoSize {
			delete(m.made, m.keys[0])
			m.keys = m.keys[1:]
		}
	}
	m.mu.Unlock()
	if ok {
		<-e.done
	} else {
		func() {
			defer close(e.done)
			e.groups = work()
		}()
	}
	out := make([][]int, len(e.groups))
	for i, g := range e.groups {
		out[i] = slices.Clone(g)
	}
	return out
}

// joinKey digests what the joins of ts depend on: each theme's id, table,
// name and notes' words (the TF-IDF vectors), the groups the accepted
// links start from and the pairs kept apart.
func joinKey(ts []ThemeAt, seeds [][]int, rejected map[[2]int]bool) [32]byte {
	h := sha256.New()
	var n [8]byte
	num := func(v int) {
		binary.LittleEndian.PutUint64(n[:], uint64(v))
		h.Write(n[:])
	}
	str := func(s string) {
		num(len(s))
		h.Write([]byte(s))
	}
	num(len(ts))
	for _, t := range ts {
		str(string(t.Theme.ID))
		str(string(t.Table.ID))
		str(t.Theme.Name)
		num(len(t.Notes))
		for _, c := range t.Notes {
			str(c.Text)
		}
	}
	num(len(seeds))
	for _, g := range seeds {
		num(len(g))
		for _, i := range g {
			num(i)
		}
	}
	pairs := make([][2]int, 0, len(rejected))
	for p := range rejected {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a][0] != pairs[b][0] {
			return pairs[a][0] < pairs[b][0]
		}
		return pairs[a][1] < pairs[b][1]
	})
	num(len(pairs))
	for _, p := range pairs {
		num(p[0])
		num(p[1])
	}
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// ForgetKeptJoins drops the joins this process keeps, so that the next
// drafts of the areas work them out again (for benchmarks that measure
// what a fresh process does).
func ForgetKeptJoins() {
	joins.mu.Lock()
	joins.keys, joins.made = nil, map[[32]byte]*joinEntry{}
	joins.mu.Unlock()
}

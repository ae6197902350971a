package model

import (
	"sort"
	"strconv"
	"strings"
)

// Vector is a record's version vector: for each database (laptop) that
// changed the record, how many changes it made, written "origin:n,…" with
// the origins in order. Two versions of a record are ordered when one
// vector covers the other; otherwise they were made apart (a conflict).
type Vector string

// Order is how two vectors compare.
type Order int

// The ways two vectors compare.
const (
	Same       Order = iota // the same changes
	Before                  // every change of the first is in the second
	After                   // every change of the second is in the first
	Concurrent              // each holds a change the other lacks
)

// counts reads a vector; malformed parts are skipped.
func (c Vector) counts() map[string]int64 {
	out := map[string]int64{}
	for _, part := range strings.Split(string(c), ",") {
		o, n, ok := strings.Cut(part, ":")
		if !ok || o == "" {
			continue
		}
		if v, err := strconv.ParseInt(n, 10, 64); err == nil && v > 0 && v > out[o] {
			out[o] = v
		}
	}
	return out
}

func vectorOf(m map[string]int64) Vector {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ":" + strconv.FormatInt(m[k], 10)
	}
	return Vector(strings.Join(parts, ","))
}

// Bump is the vector after one more change made at origin.
func (c Vector) Bump(origin string) Vector {
	m := c.counts()
	m[origin]++
	return vectorOf(m)
}

// Join is the vector that covers both: each origin's larger count.
func (c Vector) Join(d Vector) Vector {
	m := c.counts()
	for o, n := range d.counts() {
		if n > m[o] {
			m[o] = n
		}
	}
	return vectorOf(m)
}

// Compare orders c against d.
func (c Vector) Compare(d Vector) Order {
	a, b := c.counts(), d.counts()
	less, more := false, false
	for o, n := range a {
		if n > b[o] {
			more = true
		}
	}
	for o, n := range b {
		if n > a[o] {
			less = true
		}
	}
	switch {
	case less && more:
		return Concurrent
	case less:
		return Before
	case more:
		return After
	}
	return Same
}

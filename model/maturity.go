package model

import "sort"

// Maturity is a maturity model: dimensions, each rated on the same levels,
// with a descriptor per level.
// It is read from a template's [maturity] table and stored with the event.
type Maturity struct {
	Levels     []string            `json:"levels" toml:"levels"`
	Dimensions []MaturityDimension `json:"dimensions" toml:"dimensions"`
}

// MaturityDimension is one row of the model.
type MaturityDimension struct {
	Name        string   `json:"name" toml:"name"`
	Descriptors []string `json:"descriptors" toml:"descriptors"`
}

// Empty reports whether the model has nothing to rate.
func (m Maturity) Empty() bool { return len(m.Levels) == 0 || len(m.Dimensions) == 0 }

// Rating is one rater's level (1-based) on one dimension at a table.
type Rating struct {
	ID        ID
	GroupID   ID
	Rater     string // an anonymous code: R1, R2, …
	Dimension int    // 0-based index into the model's dimensions
	Level     int    // 1..len(Levels)
	Stamp
}

// SplitApart is how many levels apart raters must be for a dimension to
// count as split.
const SplitApart = 2

// DimensionResult is a table's result on one dimension.
type DimensionResult struct {
	// Median is the median level (a half when the raters are even and the
	// middle two differ); 0 when nobody rated.
	Median float64
	Raters int
	// Counts[i] is how many raters chose level i+1.
	Counts []int
	// Split is true when two raters are SplitApart levels or more apart.
	Split bool
}

// Profile computes each dimension's median and split flag from ratings.
func Profile(m Maturity, ratings []Rating) []DimensionResult {
	out := make([]DimensionResult, len(m.Dimensions))
	levels := make([][]int, len(m.Dimensions))
	for _, r := range ratings {
		if r.Dimension < 0 || r.Dimension >= len(out) || r.Level < 1 || r.Level > len(m.Levels) {
			continue
		}
		levels[r.Dimension] = append(levels[r.Dimension], r.Level)
	}
	for d, ls := range levels {
		res := DimensionResult{Counts: make([]int, len(m.Levels)), Raters: len(ls)}
		for _, l := range ls {
			res.Counts[l-1]++
		}
		if len(ls) > 0 {
			sort.Ints(ls)
			mid := len(ls) / 2
			res.Median = float64(ls[mid])
			if len(ls)%2 == 0 {
				res.Median = float64(ls[mid-1]+ls[mid]) / 2
			}
			res.Split = ls[len(ls)-1]-ls[0] >= SplitApart
		}
		out[d] = res
	}
	return out
}

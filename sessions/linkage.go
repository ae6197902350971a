package sessions

import "slices"

// averageLinkage merges groups of items, the most similar pair first (the
// average similarity of their members, sim), while that average reaches
// ClusterThreshold and no member of one may not join a member of the
// other (apart: same table, or a link the organiser rejected). Ties go to
// the first pair found, so the result is the same for the same input.
func averageLinkage(groups [][]int, sim [][]float64, apart func(i, j int) bool) [][]int {
	split := func(a, b []int) bool {
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
				if s := average(groups[i], groups[j]); s >= best-1e-12 && (bi < 0 || s > best+1e-12) && !split(groups[i], groups[j]) {
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

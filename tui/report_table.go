package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// tableGap is what separates two columns of a report table.
const tableGap = " │ "

// columnWidths shares width among columns: each gets its widest cell if
// all fit; otherwise at least its longest word (so words are not split)
// and a share of the rest in proportion to how much more it would like.
func columnWidths(head []string, rows [][]string, width int) []int {
	n := len(head)
	natural, least := make([]int, n), make([]int, n)
	see := func(i int, s string) {
		natural[i] = max(natural[i], ansi.StringWidth(s))
		for _, w := range strings.Fields(ansi.Strip(s)) {
			least[i] = max(least[i], ansi.StringWidth(w))
		}
	}
	for i, h := range head {
		see(i, h)
	}
	for _, row := range rows {
		for i, c := range row {
			if i < n {
				see(i, c)
			}
		}
	}
	avail := max(width-ansi.StringWidth(tableGap)*(n-1), n)
	total, floor := 0, 0
	for i := range natural {
		natural[i], least[i] = max(natural[i], 1), max(least[i], 1)
		total, floor = total+natural[i], floor+least[i]
	}
	out := make([]int, n)
	switch {
	case total <= avail:
		copy(out, natural)
	case floor >= avail: // even the longest words do not fit: share by them
		for i := range out {
			out[i] = max(least[i]*avail/floor, 1)
		}
	default:
		spare, want := avail-floor, total-floor
		for i := range out {
			out[i] = least[i] + (natural[i]-least[i])*spare/want
		}
	}
	return out
}

// table adds a table: a bold header row, a rule, then the rows, each cell
// wrapped within its column.
func (r *reportView) table(head []string, rows [][]string, right []bool) {
	ws := columnWidths(head, rows, r.width)
	bold := lipgloss.NewStyle().Bold(true)
	hs := make([]string, len(head))
	for i, h := range head {
		hs[i] = bold.Render(h)
	}
	r.row(hs, ws, right)
	var rule []string
	for _, w := range ws {
		rule = append(rule, strings.Repeat("─", w))
	}
	r.out = append(r.out, r.st.Faint.Render(strings.Join(rule, "─┼─")))
	for _, row := range rows {
		r.row(row, ws, right)
	}
}

func (r *reportView) row(cells []string, ws []int, right []bool) {
	cols := make([][]string, len(ws))
	height := 1
	for i, w := range ws {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		cols[i] = strings.Split(ansi.Wrap(text, w, ""), "\n")
		height = max(height, len(cols[i]))
	}
	gap := r.st.Faint.Render(tableGap)
	for l := range height {
		var parts []string
		for i, w := range ws {
			s := ""
			if l < len(cols[i]) {
				s = cols[i][l]
			}
			pad := strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
			if i < len(right) && right[i] {
				s = pad + s
			} else {
				s += pad
			}
			parts = append(parts, s)
		}
		r.out = append(r.out, strings.TrimRight(strings.Join(parts, gap), " "))
	}
}

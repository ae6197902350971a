package report

import (
	"strings"
)

// pdfTable is a table to draw: a header row, rows of cells, and which
// columns are right-aligned.
type pdfTable struct {
	head  []string
	rows  [][]pdfCell
	right []bool
}

// pdfCell is one cell: text in a style, or a bar of a vote chart.
type pdfCell struct {
	text  string
	bold  bool
	grey  bool
	isBar bool
	bar   float64 // the bar's length as a fraction of the column
}

// Table text size and leading, the cells' vertical padding, and the width
// of a bar column.
const (
	pdfCellSize = 9.0
	pdfCellLead = 4.4
	pdfCellPad  = 1.2
	pdfBarWidth = 38.0
)

// cellOf flattens a cell's spans: bold when every word is, grey when it is
// only a reference.
func cellOf(spans []Span) pdfCell {
	c := pdfCell{text: strings.ReplaceAll(Plain(spans), "\n", " / "), bold: len(spans) > 0, grey: len(spans) > 0}
	for _, s := range spans {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		c.bold = c.bold && s.Strong
		c.grey = c.grey && s.Cite
	}
	return c
}

func (c pdfCell) style() string {
	if c.bold {
		return "B"
	}
	return ""
}

// widths shares the text width among the columns: each gets what its
// longest line needs if all fit, otherwise at least its longest word and a
// share of the rest in proportion to how much more it would like.
func (p *pdfDoc) widths(t pdfTable) []float64 {
	f := p.f
	n := len(t.head)
	natural, least := make([]float64, n), make([]float64, n)
	pad := 3.0
	measure := func(i int, text, style string) {
		f.SetFont(pdfFamily, style, pdfCellSize)
		natural[i] = max(natural[i], f.GetStringWidth(text)+pad)
		for _, w := range strings.Fields(text) {
			least[i] = max(least[i], f.GetStringWidth(w)+pad)
		}
	}
	for i, h := range t.head {
		measure(i, p.g.text(h), "B")
	}
	for _, row := range t.rows {
		for i, c := range row {
			if i >= n {
				break
			}
			if c.isBar {
				natural[i], least[i] = pdfBarWidth, pdfBarWidth*0.6
				continue
			}
			measure(i, p.g.text(c.text), c.style())
		}
	}
	sum := func(xs []float64) (s float64) {
		for _, x := range xs {
			s += x
		}
		return s
	}
	out := make([]float64, n)
	switch total, floor := sum(natural), sum(least); {
	case total <= p.w:
		for i := range out {
			out[i] = natural[i] * p.w / total
		}
	case floor >= p.w:
		for i := range out {
			out[i] = least[i] * p.w / floor
		}
	default:
		spare, want := p.w-floor, total-floor
		for i := range out {
			out[i] = least[i] + (natural[i]-least[i])*spare/want
		}
	}
	return out
}

// table draws a table; a row that does not fit starts a new page, and the
// header row is drawn again at the top of it.
func (p *pdfDoc) table(t pdfTable) {
	f := p.f
	ws := p.widths(t)
	head := make([]pdfCell, len(t.head))
	for i, h := range t.head {
		head[i] = pdfCell{text: h, bold: true}
	}
	p.need(2*(pdfCellLead+2*pdfCellPad) + 2)
	p.row(head, ws, t.right, true)
	for _, r := range t.rows {
		if h := p.rowHeight(r, ws); f.GetY()+h > p.h-pdfBottom {
			f.AddPage()
			p.row(head, ws, t.right, true)
		}
		p.row(r, ws, t.right, false)
	}
	f.Ln(3)
}

func (p *pdfDoc) lines(c pdfCell, w float64) []string {
	if c.isBar {
		return []string{""}
	}
	p.f.SetFont(pdfFamily, c.style(), pdfCellSize)
	ls := p.f.SplitText(p.g.text(c.text), w)
	if len(ls) == 0 {
		return []string{""}
	}
	return ls
}

func (p *pdfDoc) rowHeight(r []pdfCell, ws []float64) float64 {
	n := 1
	for i, c := range r {
		if i < len(ws) {
			n = max(n, len(p.lines(c, ws[i])))
		}
	}
	return float64(n)*pdfCellLead + 2*pdfCellPad
}

func (p *pdfDoc) row(r []pdfCell, ws []float64, right []bool, head bool) {
	f := p.f
	h := p.rowHeight(r, ws)
	x, y := pdfMargin, f.GetY()
	f.SetDrawColor(187, 187, 187)
	f.SetLineWidth(0.2)
	for i, w := range ws {
		c := pdfCell{}
		if i < len(r) {
			c = r[i]
		}
		if head {
			f.SetFillColor(238, 244, 247)
			f.Rect(x, y, w, h, "FD")
		} else {
			f.Rect(x, y, w, h, "D")
		}
		if c.isBar {
			if c.bar > 0 {
				f.SetFillColor(0, 95, 135)
				f.Rect(x+1.5, y+h/2-1.6, max(c.bar*(w-3), 0.8), 3.2, "F")
			}
		} else {
			align := "L"
			if i < len(right) && right[i] {
				align = "R"
			}
			if c.grey {
				f.SetTextColor(85, 85, 85)
			}
			for j, line := range p.lines(c, w) {
				f.SetXY(x, y+pdfCellPad+float64(j)*pdfCellLead)
				f.CellFormat(w, pdfCellLead, line, "", 0, align, false, 0, "")
			}
			f.SetTextColor(26, 26, 26)
		}
		x += w
	}
	f.SetXY(pdfMargin, y+h)
}

package report

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Page geometry in millimetres, and the body text's size and leading.
const (
	pdfMargin = 20.0
	pdfBottom = 20.0
	pdfBody   = 10.0
	pdfLead   = 5.0
)

// pdfDoc is a PDF being drawn: the library's page state, the glyph check
// and the width of the text column.
type pdfDoc struct {
	f       *fpdf.Fpdf
	g       *glyphs
	d       Doc
	w, h    float64 // text width, page height
	outline int     // the deepest bookmark level open, so levels never skip
}

// PDF renders the report as a print-ready PDF on the document's paper (A4
// unless it says Letter): the key messages on the first page, headings as
// bookmarks, tables that split across pages with their header row
// repeated, the vote bars drawn, page numbers and a footer naming the
// event and when its data is from. The Go fonts are embedded, so it prints
// the same everywhere. The same document gives the same bytes: the PDF's
// dates are the data's, never the clock's.
func PDF(d Doc) ([]byte, error) {
	paper := d.Paper
	if paper == "" {
		paper = "A4"
	}
	g, err := newGlyphs()
	if err != nil {
		return nil, err
	}
	f := fpdf.New("P", "mm", paper, "")
	for _, style := range []string{"", "B", "I", "BI"} { // in order: the same bytes every time
		f.AddUTF8FontFromBytes(pdfFamily, style, pdfFaces[style])
	}
	pw, ph := f.GetPageSize()
	p := &pdfDoc{f: f, g: g, d: d, w: pw - 2*pdfMargin, h: ph, outline: -1}
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfBottom)
	f.SetCellMargin(1.5)
	f.SetTitle(g.text(d.Title), true)
	f.SetAuthor(g.text(d.Author), true)
	f.SetSubject(g.text("Summary report: "+d.Scope), true)
	f.SetCreator("forum", true)
	f.SetProducer("forum", true)
	f.SetLang("en-GB")
	when := d.Updated
	if when.IsZero() {
		when = time.Unix(0, 0)
	}
	f.SetCreationDate(when.UTC())
	f.SetModificationDate(when.UTC())
	f.SetCatalogSort(true)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(p.footer)
	f.AddPage()
	p.title()
	for _, k := range d.Blocks {
		if k.NewPage && f.GetY() > pdfMargin+1 {
			f.AddPage()
		}
		p.block(k)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

func (p *pdfDoc) title() {
	f := p.f
	f.SetFont(pdfFamily, "B", 20)
	f.SetTextColor(26, 26, 26)
	f.MultiCell(p.w, 8.5, p.g.text(p.d.Title), "", "L", false)
	f.SetFont(pdfFamily, "", 9)
	f.SetTextColor(90, 90, 90)
	f.MultiCell(p.w, 5, p.g.text("Summary report · this report covers "+p.d.Scope), "", "L", false)
	f.Ln(3)
	f.SetTextColor(26, 26, 26)
}

// footer names the event and when its data is from, and numbers the page.
func (p *pdfDoc) footer() {
	f := p.f
	y := p.h - 14
	f.SetDrawColor(187, 187, 187)
	f.SetLineWidth(0.2)
	f.Line(pdfMargin, y, pdfMargin+p.w, y)
	f.SetXY(pdfMargin, y+1)
	f.SetFont(pdfFamily, "", 8)
	f.SetTextColor(90, 90, 90)
	right := fmt.Sprintf("Page %d of {nb}", f.PageNo())
	rw := f.GetStringWidth(right) + 4
	title, asOf := []rune(p.g.text(p.d.Title)), p.g.text(" · Data as of "+p.d.AsOf)
	left := string(title) + asOf
	for n := len(title); f.GetStringWidth(left) > p.w-rw-4 && n > 10; n-- { // shorten the title, never the date
		left = strings.TrimSpace(string(title[:n-1])) + "…" + asOf
	}
	f.CellFormat(p.w-rw, 5, left, "", 0, "L", false, 0, "")
	f.CellFormat(rw, 5, right, "", 0, "R", false, 0, "")
}

// need starts a new page unless h millimetres fit on this one.
func (p *pdfDoc) need(h float64) {
	if p.f.GetY()+h > p.h-pdfBottom {
		p.f.AddPage()
	}
}

func (p *pdfDoc) block(k Block) {
	f := p.f
	switch k.Kind {
	case Heading:
		p.heading(k)
	case Para:
		if len(k.Spans) > 0 && k.Spans[0].Strong {
			p.need(pdfLead + 18) // a label such as "Next steps" stays with what it introduces
		}
		p.need(pdfLead)
		p.spans(k.Spans, pdfBody, "")
		f.Ln(pdfLead + 1.5)
	case Quote:
		p.need(2 * pdfLead)
		page, y0 := f.PageNo(), f.GetY()
		f.SetLeftMargin(pdfMargin + 5)
		f.SetX(pdfMargin + 5)
		p.spans(k.Spans, pdfBody+0.5, "I")
		f.Ln(pdfLead)
		f.SetLeftMargin(pdfMargin)
		if f.PageNo() == page {
			f.SetFillColor(0, 95, 135)
			f.Rect(pdfMargin+1, y0, 1.2, f.GetY()-y0, "F")
		}
		f.Ln(1.5)
	case Notice:
		f.SetFont(pdfFamily, "B", pdfBody)
		f.SetFillColor(255, 248, 225)
		f.SetDrawColor(181, 137, 0)
		f.SetLineWidth(0.6)
		f.MultiCell(p.w, pdfLead+0.5, p.g.text("Note: "+Plain(k.Spans)), "1", "L", true)
		f.SetLineWidth(0.2)
		f.Ln(3)
	case Bullets, Numbered:
		p.list(k)
	case Table:
		t := pdfTable{head: k.Head, right: k.Right}
		for _, row := range k.Rows {
			var cells []pdfCell
			for _, c := range row {
				cells = append(cells, cellOf(c))
			}
			t.rows = append(t.rows, cells)
		}
		p.table(t)
	case Bars:
		t := pdfTable{head: []string{"Rank", "Priority", "Dots", ""}, right: []bool{true, false, true, false}}
		for _, b := range k.Bars {
			frac := 0.0
			if b.Max > 0 && b.Value > 0 {
				frac = float64(b.Value) / float64(b.Max)
			}
			t.rows = append(t.rows, []pdfCell{{text: b.Rank}, cellOf(b.Label), {text: fmt.Sprint(b.Value)}, {bar: frac, isBar: true}})
		}
		p.table(t)
	}
}

// heading draws a section title, bookmarks it, and keeps it with the
// first lines of what follows.
func (p *pdfDoc) heading(k Block) {
	f := p.f
	size := map[int]float64{1: 15, 2: 13, 3: 11.5}[k.Level]
	if size == 0 {
		size = 10.5
	}
	p.need(size*0.5 + 3*pdfLead)
	if f.GetY() > pdfMargin+1 {
		f.Ln(map[bool]float64{true: 4, false: 2}[k.Level == 1])
	}
	text := p.g.text(Plain(k.Spans))
	level := min(k.Level-1, p.outline+1)
	f.Bookmark(text, level, -1)
	p.outline = level
	f.SetFont(pdfFamily, "B", size)
	if k.Level <= 2 {
		f.SetTextColor(0, 95, 135)
	}
	f.MultiCell(p.w, size*0.48, text, "", "L", false)
	f.SetTextColor(26, 26, 26)
	if k.Level == 1 {
		f.SetDrawColor(0, 95, 135)
		f.SetLineWidth(0.5)
		f.Line(pdfMargin, f.GetY()+0.5, pdfMargin+p.w, f.GetY()+0.5)
		f.SetLineWidth(0.2)
		f.Ln(2)
	}
	f.Ln(1.5)
}

// spans writes a run of styled text that flows and wraps from the current
// position.
func (p *pdfDoc) spans(spans []Span, size float64, base string) {
	f := p.f
	for _, s := range spans {
		bold, italic := s.Strong || strings.Contains(base, "B"), s.Em || strings.Contains(base, "I")
		style := map[bool]string{true: "B"}[bold] + map[bool]string{true: "I"}[italic]
		sz := size
		if s.Cite {
			sz = size - 1.5
			f.SetTextColor(85, 85, 85)
		}
		f.SetFont(pdfFamily, style, sz)
		f.Write(pdfLead, p.g.text(s.Text))
		f.SetTextColor(26, 26, 26)
	}
}

func (p *pdfDoc) list(k Block) {
	f := p.f
	for i, it := range k.Items {
		p.need(pdfLead)
		mark := "•"
		if k.Kind == Numbered {
			mark = fmt.Sprintf("%d.", i+1)
		}
		f.SetFont(pdfFamily, "", pdfBody)
		f.SetX(pdfMargin + 1)
		f.CellFormat(6, pdfLead, mark, "", 0, "L", false, 0, "")
		f.SetLeftMargin(pdfMargin + 7)
		f.SetX(pdfMargin + 7)
		p.spans(it, pdfBody, "")
		f.Ln(pdfLead + 0.8)
		f.SetLeftMargin(pdfMargin)
	}
	f.Ln(1.5)
}

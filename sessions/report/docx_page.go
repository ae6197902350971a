package report

import (
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
)

// Page sizes in twentieths of a point (twips), as Word's w:pgSz holds them.
const (
	a4Width, a4Height         = 11906, 16838 // 210 × 297 mm
	letterWidth, letterHeight = 12240, 15840 // 8.5 × 11 in
	// wordMargin is 2.54 cm (1 in) on every side, Word's own default on
	// both sizes; header and footer sit 1.25 cm from the edge.
	wordMargin, wordHeaderFooter = 1440, 708
)

// docxPage sets the document's page to the report's paper: A4 unless it
// says Letter (the template the Word library ships is US Letter, with
// 3.17 cm side margins), with the same margins on every side.
func docxPage(rd *docx.RootDoc, paper string) {
	body := rd.Document.Body
	if body.SectPr == nil {
		body.SectPr = ctypes.NewSectionProper()
	}
	w, h := uint64(a4Width), uint64(a4Height)
	code := 9 // the printer's paper code for A4
	if paper == "Letter" {
		w, h, code = letterWidth, letterHeight, 1
	}
	body.SectPr.PageSize = &ctypes.PageSize{Width: &w, Height: &h, Code: &code}
	m, hf, zero := wordMargin, wordHeaderFooter, 0
	body.SectPr.PageMargin = &ctypes.PageMargin{Top: &m, Bottom: &m, Left: &m, Right: &m, Header: &hf, Footer: &hf, Gutter: &zero}
}

package report

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"

	"forum/sessions"
)

// Card geometry on A4, in millimetres: two columns of four cards.
const (
	cardW, cardH = 85.0, 60.0
	cardGap      = 6.0
	cardLeft     = (210.0 - 2*cardW - cardGap) / 2
	cardTop      = 15.0
)

// CardsPDF is the participant cards as a print-ready A4 PDF, eight cards to
// a page with dashed cutting lines, a new page for each table, the Go fonts
// embedded, and the same bytes for the same cards (its date is at, not the
// clock's). Like CardsHTML it never shows a card's voter code.
func CardsPDF(title string, tables []sessions.TableCards, join string, at time.Time) ([]byte, error) {
	g, err := newGlyphs()
	if err != nil {
		return nil, err
	}
	f := fpdf.New("P", "mm", "A4", "")
	for _, style := range []string{"", "B"} {
		f.AddUTF8FontFromBytes(pdfFamily, style, pdfFaces[style])
	}
	f.SetTitle(g.text("Participant cards: "+title), true)
	f.SetCreator("forum", true)
	f.SetProducer("forum", true)
	f.SetCreationDate(at.UTC())
	f.SetModificationDate(at.UTC())
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 0)
	f.SetDashPattern([]float64{2, 1.5}, 0)
	if join == "" {
		join = "ssh card@________________ -p 2222"
	}
	for _, t := range tables {
		for i, c := range t.Cards {
			if i%8 == 0 {
				f.AddPage()
			}
			x := cardLeft + float64(i%2)*(cardW+cardGap)
			y := cardTop + float64((i%8)/2)*(cardH+cardGap)
			f.Rect(x, y, cardW, cardH, "D")
			f.SetXY(x+5, y+5)
			f.SetFont(pdfFamily, "B", 11)
			f.CellFormat(cardW-10, 6, g.text(t.Area.Code+" · "+t.Group.Name+" · your voting card"), "", 2, "L", false, 0, "")
			f.SetFont(pdfFamily, "", 8)
			f.MultiCell(cardW-10, 4, g.text(title), "", "L", false)
			f.SetX(x + 5)
			f.SetFont(pdfFamily, "B", 24)
			f.CellFormat(cardW-10, 14, c.Code, "", 2, "L", false, 0, "")
			f.SetX(x + 5)
			f.SetFont(pdfFamily, "", 8)
			f.MultiCell(cardW-10, 4, g.text(fmt.Sprintf("This code is your vote at this table: keep it to yourself. It is not linked to your name.\nFrom your laptop: %s, password: the code above.\nYou can leave and join again: your ballot is kept.", join)), "", "L", false)
		}
	}
	if f.PageCount() == 0 {
		f.AddPage()
		f.SetFont(pdfFamily, "", 11)
		f.Text(20, 30, "No cards: the event's tables have no participants.")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("writing the cards' PDF: %w", err)
	}
	return buf.Bytes(), nil
}

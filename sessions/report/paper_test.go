package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

var (
	wordPage = regexp.MustCompile(`<w:pgSz w:w="(\d+)" w:h="(\d+)"`)
	wordMar  = regexp.MustCompile(`<w:pgMar [^>]*>`)
)

// letterEvent makes an event from the built-in template told to print on
// Letter, as a template with `paper = "letter"` does.
func (f *fixture) letterEvent() model.ID {
	f.t.Helper()
	tm, err := sessions.BuiltinTemplate(sessions.DefaultTemplate)
	f.must(err)
	tm.Event.Paper = "letter"
	id, err := f.eng.CreateEvent(f.ctx, "organiser", tm, sessions.NewEvent{TablesPerArea: 1})
	f.must(err)
	return id
}

func TestTheEventsPaperSizesTheWordAndPDFPages(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name       string
		id         model.ID
		w, h       string
		mediaBox   string
		paperField string
	}{
		{"London template (A4)", f.london(), "11906", "16838", "/MediaBox [0 0 595.28 841.89]", "A4"},
		{"a template asking for Letter", f.letterEvent(), "12240", "15840", "/MediaBox [0 0 612.00 792.00]", "Letter"},
	} {
		t.Run(c.name, func(t *testing.T) {
			x, err := Make(f.ctx, f.eng, c.id, Scope{}, FormatDOCX)
			if err != nil {
				t.Fatal(err)
			}
			body := docxPart(t, x.Data, "word/document.xml")
			m := wordPage.FindStringSubmatch(body)
			if m == nil || m[1] != c.w || m[2] != c.h {
				t.Fatalf("the Word page is %v, want %s × %s twips", m, c.w, c.h)
			}
			if strings.Count(body, "<w:pgSz") != 1 {
				t.Error("the Word document has more than one page size")
			}
			mar := wordMar.FindString(body)
			for _, want := range []string{`w:top="1440"`, `w:bottom="1440"`, `w:left="1440"`, `w:right="1440"`} {
				if !strings.Contains(mar, want) {
					t.Errorf("the Word margins %s lack %s (2.54 cm)", mar, want)
				}
			}
			if n := strings.Count(body, `<w:br w:type="page"`); n == 0 {
				t.Error("the Word document has no page breaks between sections")
			}
			p, err := Make(f.ctx, f.eng, c.id, Scope{}, FormatPDF)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(p.Data, []byte(c.mediaBox)) || bytes.Count(p.Data, []byte("/MediaBox")) != 1 {
				t.Errorf("the PDF's pages are not all %s", c.mediaBox)
			}
			if pages := strings.Count(pdfToText(t, p.Data, 0, 0), "\f"); pages < 3 {
				t.Errorf("the report on %s is %d pages: the page breaks are missing", c.paperField, pages)
			}
			first := pdfToText(t, p.Data, 1, 1)
			if !strings.Contains(first, "Key messages") || strings.Contains(first, "Appendix") {
				t.Errorf("page 1 on %s is not the key messages alone:\n%s", c.paperField, first)
			}
			js, err := f.eng.ExportJSON(f.ctx, c.id)
			if err != nil {
				t.Fatal(err)
			}
			var x2 struct{ Event struct{ Paper string } }
			if err := json.Unmarshal(js, &x2); err != nil || x2.Event.Paper != c.paperField {
				t.Errorf("the JSON export says paper %q (%v), want %q", x2.Event.Paper, err, c.paperField)
			}
		})
	}
}

func TestAnOlderJSONWithoutPaperImportsOnA4(t *testing.T) {
	f := newFixture(t)
	id := f.letterEvent()
	js, err := f.eng.ExportJSON(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	old := bytes.Replace(js, []byte(`"paper": "Letter",`), nil, 1)
	if bytes.Equal(old, js) {
		old = bytes.Replace(js, []byte(`"paper":"Letter",`), nil, 1)
	}
	if bytes.Contains(old, []byte(`"paper"`)) {
		t.Fatal("could not make an export without the paper field")
	}
	g := newFixture(t)
	id2, err := g.eng.ImportJSON(g.ctx, "organiser", old, false)
	if err != nil {
		t.Fatalf("an export from before the paper field does not import: %v", err)
	}
	p, err := Make(g.ctx, g.eng, id2, Scope{}, FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(p.Data, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("an event imported without a paper size does not print on A4")
	}
	// a paper size forum does not print on is refused, and nothing is stored
	bad := bytes.Replace(js, []byte(`"Letter"`), []byte(`"A3"`), 1)
	k := newFixture(t)
	if _, err := k.eng.ImportJSON(k.ctx, "organiser", bad, false); err == nil || !strings.Contains(err.Error(), `event.paper: paper "A3"`) {
		t.Errorf("an import on A3 paper: err = %v", err)
	}
	if evs, _ := k.eng.Events(k.ctx); len(evs) != 0 {
		t.Errorf("a refused import stored %d events", len(evs))
	}
	// and one with the field keeps it
	h := newFixture(t)
	id3, err := h.eng.ImportJSON(h.ctx, "organiser", js, false)
	if err != nil {
		t.Fatal(err)
	}
	p, err = Make(h.ctx, h.eng, id3, Scope{}, FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(p.Data, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("an event imported with paper Letter does not print on Letter")
	}
}

package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
)

// DOCX renders the report as a Word document for organisers who edit in
// Word: the title, headings, lists and tables use Word's own styles (Title,
// Heading 1–4, List Bullet, List, Quote, Table Grid), so they can be
// restyled there and Word's navigation pane lists every section; tables
// repeat their header row on each page; the page is the document's paper
// (A4 unless it says Letter); the document's properties (title,
// author, dates) are the event's. Bars are drawn with text, not images.
func DOCX(d Doc) ([]byte, error) {
	rd, err := godocx.NewDocument()
	if err != nil {
		return nil, fmt.Errorf("starting the Word document: %w", err)
	}
	docxPage(rd, d.Paper)
	if _, err := rd.AddHeading(wordText(d.Title), 0); err != nil {
		return nil, err
	}
	for _, k := range d.Blocks {
		if k.NewPage {
			rd.AddPageBreak()
		}
		switch k.Kind {
		case Heading:
			if _, err := rd.AddHeading(wordText(Plain(k.Spans)), uint(k.Level)); err != nil {
				return nil, err
			}
		case Para, Notice:
			wordRuns(rd.AddEmptyParagraph(), k.Spans, k.Kind == Notice)
		case Quote:
			p := rd.AddEmptyParagraph()
			p.Style("Quote")
			wordRuns(p, k.Spans, false)
		case Bullets, Numbered:
			for i, it := range k.Items {
				p := rd.AddEmptyParagraph()
				if k.Kind == Bullets {
					p.Style("ListBullet")
				} else {
					p.Style("List") // numbered by hand: each list starts at 1
					p.AddText(fmt.Sprintf("%d. ", i+1))
				}
				wordRuns(p, it, false)
			}
		case Table:
			t := rd.AddTable()
			t.Style("TableGrid")
			head := t.AddRow()
			for _, h := range k.Head {
				head.AddCell().AddEmptyPara().AddText(wordText(h)).Bold(true)
			}
			for _, row := range k.Rows {
				r := t.AddRow()
				for _, c := range row {
					wordRuns(r.AddCell().AddEmptyPara(), c, false)
				}
			}
		case Bars:
			t := rd.AddTable()
			t.Style("TableGrid")
			head := t.AddRow()
			for _, h := range []string{"Rank", "Priority", "Dots", ""} {
				head.AddCell().AddEmptyPara().AddText(h).Bold(true)
			}
			for _, b := range k.Bars {
				r := t.AddRow()
				r.AddCell().AddParagraph(b.Rank)
				wordRuns(r.AddCell().AddEmptyPara(), b.Label, false)
				r.AddCell().AddParagraph(fmt.Sprint(b.Value))
				r.AddCell().AddEmptyPara().AddText(textBar(b.Value, b.Max, 12)).Color("005F87")
			}
		}
	}
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return nil, fmt.Errorf("writing the Word document: %w", err)
	}
	return stableDocx(buf.Bytes(), d)
}

var rootAttr = regexp.MustCompile(`\s+[^\s=]+="[^"]*"`)

// stableDocx repacks a .docx with the attributes of word/document.xml's
// root element sorted (the library writes them in map order, and the same
// report must give the same bytes), header rows marked to repeat, and the
// document properties the report's own.
func stableDocx(b []byte, d Doc) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "word/document.xml" {
			start := bytes.Index(data, []byte("<w:document"))
			end := bytes.IndexByte(data[max(start, 0):], '>') + max(start, 0)
			if start >= 0 && end > start {
				attrs := rootAttr.FindAll(data[start:end], -1)
				sort.Slice(attrs, func(i, j int) bool { return bytes.Compare(attrs[i], attrs[j]) < 0 })
				head := append([]byte("<w:document"), bytes.Join(attrs, nil)...)
				data = append(append(append([]byte{}, data[:start]...), head...), data[end:]...)
			}
			data = repeatHeaders(data)
		}
		switch f.Name {
		case "docProps/core.xml":
			data = docxCore(d)
		case "docProps/app.xml":
			data = docxApp(d)
		}
		files[f.Name] = data
	}
	return Zip(files)
}

func wordRuns(p *docx.Paragraph, spans []Span, bold bool) {
	for _, s := range spans {
		r := p.AddText(wordText(s.Text))
		switch {
		case s.Strong || bold:
			r.Bold(true)
		case s.Em:
			r.Italic(true)
		case s.Cite:
			r.Color("555555")
		}
	}
}

// wordText is user text made safe for a Word run: line breaks become " / ".
func wordText(s string) string {
	return strings.ReplaceAll(safe(s), "\n", " / ")
}

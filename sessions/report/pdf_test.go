package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"forum/model"
)

// pdfToText extracts a PDF's text with poppler's pdftotext, pages first
// to last (0 for all), as a reader copying from the PDF would get it.
func pdfToText(t *testing.T, pdf []byte, first, last int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing (apt-get install poppler-utils)")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(bin, append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v", err)
	}
	return string(out)
}

var outlineEntry = regexp.MustCompile(`<</Title \(((?:\\.|[^\\)])*)\)\n/Parent (\d+) 0 R`)

// bookmarks reads the PDF's outline: each entry's title and parent
// object, in order (fpdf writes outline objects uncompressed).
func bookmarks(pdf []byte) (titles []string, parents []string) {
	for _, m := range outlineEntry.FindAllSubmatch(pdf, -1) {
		titles = append(titles, pdfString(m[1]))
		parents = append(parents, string(m[2]))
	}
	return titles, parents
}

// pdfString decodes a PDF literal string holding UTF-16BE with a BOM.
func pdfString(b []byte) string {
	var raw []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			default:
				raw = append(raw, b[i])
			}
			continue
		}
		raw = append(raw, b[i])
	}
	raw = bytes.TrimPrefix(raw, []byte{0xfe, 0xff})
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	return string(utf16.Decode(u))
}

func TestPDFIsPrintReady(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	// A note in a script the fonts do not cover, and an emoji.
	b, err := f.eng.Board(f.ctx, id)
	f.must(err)
	f.note(b.Groups[6].ID, "Ask 王芳 about the hub 😀, and Ελένη and Дмитрий too")
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Make(f.ctx, f.eng, id, Scope{}, FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Data, again.Data) {
		t.Error("two PDF exports of the same data differ")
	}
	if !bytes.HasPrefix(x.Data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", x.Data[:min(len(x.Data), 20)])
	}
	for _, want := range []string{"/MediaBox [0 0 595.28 841.89]", "/FontFile2", "/CreationDate (D:20180125", "/Producer (\xfe\xff\x00f\x00o\x00r\x00u\x00m)"} {
		if !bytes.Contains(x.Data, []byte(want)) {
			t.Errorf("the PDF lacks %q (A4 pages, embedded fonts, the data's date, forum as producer)", want)
		}
	}

	first := pdfToText(t, x.Data, 1, 1)
	for _, want := range []string{"Next steps for general practice in London – scale", "Key messages", "Fund estates for shared hubs", "Share back offices"} {
		if !strings.Contains(strings.ReplaceAll(first, "\n", " "), want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	all := pdfToText(t, x.Data, 0, 0)
	for _, want := range []string{"[U+738B][U+82B3]", "[U+1F600]", "Ελένη", "Дмитрий", "Page 1 of", "Data as of 25 January 2018", "Bid for estates funding"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.Contains(all, "\u202e") || strings.Contains(all, "\x1b") {
		t.Error("a control character from a note reached the PDF")
	}

	titles, parents := bookmarks(x.Data)
	joined := strings.Join(titles, "|")
	for _, want := range []string{"Key messages", "Who took part", "By STP", "NCL North Central London", "Appendix: every contribution"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no bookmark %q in %q", want, joined)
		}
	}
	top := map[string]bool{}
	seen := map[string]bool{}
	for i, tt := range titles {
		if (tt == "Key messages" || tt == "By STP") && !seen[tt] {
			top[parents[i]] = true
		}
		seen[tt] = true
		if tt == "NCL North Central London" && top[parents[i]] {
			t.Error("an area's bookmark is not nested under By STP")
		}
	}
	if len(top) != 1 {
		t.Errorf("top-level bookmarks have different parents: %v", top)
	}
}

func TestPDFTableRepeatsItsHeaderOnTheNextPage(t *testing.T) {
	d := Doc{Title: "Long table", Scope: "a test", AsOf: "1 January 2018, 10:00 UTC", Paper: "A4"}
	tbl := Block{Kind: Table, Head: []string{"Action", "Owner"}}
	for i := range 80 {
		tbl.Rows = append(tbl.Rows, [][]Span{{Text("Action number " + strconv.Itoa(i))}, {Text("Owner")}})
	}
	d.Blocks = append(d.Blocks, tbl)
	pdf, err := PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	second := pdfToText(t, pdf, 2, 2)
	if !strings.HasPrefix(strings.TrimSpace(second), "Action") || !strings.Contains(second, "Owner") {
		t.Errorf("page 2 does not start with the header row:\n%s", second)
	}
	if !strings.Contains(pdfToText(t, pdf, 0, 0), "Action number 79") || !strings.Contains(pdfToText(t, pdf, 1, 1), "Action number 0") {
		t.Error("the table's rows are not all there")
	}
}

func TestPDFLetterPaper(t *testing.T) {
	pdf, err := PDF(Doc{Title: "T", Paper: "Letter", Author: model.Safe("forum", false)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("a Letter document is not on Letter pages")
	}
}

func TestPDFGlyphPlaceholders(t *testing.T) {
	g, err := newGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Ελένη – “Дмитрий” café": "Ελένη – “Дмитрий” café",
		"a\tb":                     "a b",
		"hub 😀 王":                  "hub [U+1F600] [U+738B]",
		"bidi \u202eevil\u202c ok": "bidi evil ok",
	} {
		if got := g.text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
}

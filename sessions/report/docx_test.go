package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

// docxPart is one part of a .docx, by name.
func docxPart(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the .docx is not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			data, _ := io.ReadAll(r)
			return string(data)
		}
	}
	t.Fatalf("the .docx has no %s", name)
	return ""
}

var headingPara = regexp.MustCompile(`<w:pStyle w:val="Heading(\d)"></w:pStyle>.*?<w:t[^>]*>([^<]*)</w:t>`)

func TestWordHasTheEventsPropertiesAndRealHeadings(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	core := docxPart(t, x.Data, "docProps/core.xml")
	for _, want := range []string{"<dc:title>Next steps for general practice in London – scale", "<dc:creator>", "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2018-01-25T", "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2018-01-25T"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %q:\n%s", want, core)
		}
	}
	for _, part := range []string{core, docxPart(t, x.Data, "docProps/app.xml")} {
		for _, bad := range []string{"gomutex", "godocx", "2013", "Macintosh"} {
			if strings.Contains(part, bad) {
				t.Errorf("the document properties still say %q", bad)
			}
		}
	}
	if !strings.Contains(docxPart(t, x.Data, "docProps/app.xml"), "<Application>forum</Application>") {
		t.Error("app.xml does not name forum as the application")
	}

	body := docxPart(t, x.Data, "word/document.xml")
	levels := map[string]string{}
	for _, m := range headingPara.FindAllStringSubmatch(body, -1) {
		if _, ok := levels[m[2]]; !ok {
			levels[m[2]] = m[1]
		}
	}
	for heading, level := range map[string]string{"Key messages": "1", "By STP": "1", "NCL North Central London": "2", "Table 1": "3", "Vision": "4", "Priorities": "4", "Next steps": "4", "Maturity": "4"} {
		if levels[heading] != level {
			t.Errorf("%q is Heading %q in Word, want Heading %s", heading, levels[heading], level)
		}
	}
	if n, h := strings.Count(body, "<w:tbl>"), strings.Count(body, "<w:tblHeader/>"); n == 0 || n != h {
		t.Errorf("%d tables, %d with a repeating header row", n, h)
	}
}

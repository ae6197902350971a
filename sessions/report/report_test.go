package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

// docxBody is the document part of a .docx, the part a golden file checks.
func docxBody(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the .docx is not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			body, _ := io.ReadAll(r)
			return bytes.ReplaceAll(body, []byte("><"), []byte(">\n<"))
		}
	}
	t.Fatal("the .docx has no word/document.xml")
	return nil
}

func TestGoldenEveryFormat(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	for _, fm := range Formats {
		x, err := Make(f.ctx, f.eng, id, Scope{}, fm)
		if err != nil {
			t.Fatalf("%s: %v", fm, err)
		}
		again, err := Make(f.ctx, f.eng, id, Scope{}, fm)
		if err != nil {
			t.Fatal(err)
		}
		switch fm {
		case FormatCSV:
			for name, b := range x.Files {
				if !bytes.Equal(b, again.Files[name]) {
					t.Errorf("%s: two exports differ", name)
				}
				golden(t, "london."+name, []byte(maskIDs(string(b))))
			}
		case FormatDOCX:
			if !bytes.Equal(x.Data, again.Data) {
				t.Error("docx: two exports differ")
			}
			golden(t, "london.docx.xml", []byte(maskIDs(string(docxBody(t, x.Data)))))
		case FormatPDF:
			if !bytes.Equal(x.Data, again.Data) {
				t.Error("pdf: two exports differ")
			}
			golden(t, "london.pdf.txt", []byte(digest.ReplaceAllString(pdfToText(t, x.Data, 0, 0), "<digest>")))
		default:
			if !bytes.Equal(x.Data, again.Data) {
				t.Errorf("%s: two exports differ", fm)
			}
			golden(t, "london."+string(fm), []byte(maskIDs(string(x.Data))))
		}
	}
}

func TestReportHoldsTheTablesWork(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	md := string(x.Data)
	for _, want := range []string{
		"# Next steps for general practice in London",
		"- **Date:** 25 January 2018",
		"Dr Vin Diwakar",
		"## Key messages",
		"1. Fund shared estates (NCL/T1/9)",
		"- **Ask:** Capital for hubs",
		"> Joined-up, accessible general practice for every Londoner",
		"| 1 | Theme: Estates funding (NCL/T1/9) | 3 |",
		"| 2 | Shared care records (NCL/T1/8) | 2 |",
		"| Bid for estates funding | \\=Estates lead | June 2018 | NHS England capital | NCL/T1/9 |",
		"### NCL North Central London", "### SWL South West London",
		"| SEL South East London | 1 | 8 |",
		"- SEL/T7/1 Practices in south east London share a back office",
		"Dot vote: 3 ballots; 2 dots each.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Index(md, "Estates funding (NCL") > strings.Index(md, "Shared care records (NCL") {
		t.Error("priorities are not in vote order")
	}
}

func TestScopeNarrowsTheReport(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	x, err := Make(f.ctx, f.eng, id, Scope{Area: "sel"}, FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	md := string(x.Data)
	if !strings.Contains(md, "This report covers:** SEL South East London") || strings.Contains(md, "North Central London") || !strings.Contains(md, "SEL/T7/1") {
		t.Errorf("the SEL report is not SEL's alone:\n%s", md)
	}
	snap, _ := f.eng.Snapshot(f.ctx, id)
	x, err = Make(f.ctx, f.eng, id, Scope{Table: snap.Groups[0].ID}, FormatMarkdown)
	if err != nil || !strings.Contains(string(x.Data), "NCL North Central London, Table 1") || strings.Contains(string(x.Data), "Table 2") {
		t.Errorf("table report: %v\n%s", err, x.Data)
	}
	if _, err := Make(f.ctx, f.eng, id, Scope{Area: "XYZ"}, FormatHTML); !errors.Is(err, ErrScope) {
		t.Errorf("an unknown area gave %v", err)
	}
	if _, err := Make(f.ctx, f.eng, id, Scope{Area: "NCL"}, FormatJSON); err == nil {
		t.Error("a JSON export of one area was accepted")
	}
}

func TestHostileNotesAreHarmlessInEveryFormat(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	get := func(fm Format) Export {
		x, err := Make(f.ctx, f.eng, id, Scope{}, fm)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	md := string(get(FormatMarkdown).Data)
	for _, want := range []string{`\<script\>alert('x')\</script\> and \*\*bold\*\* \[link\](http://evil.example)`, "Line one / line two", `\=HYPERLINK`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks the escaped %q", want)
		}
	}
	html := string(get(FormatHTML).Data)
	for _, bad := range []string{"<script", "\x1b", "\u202e", "src=", "href=", "@import", "url(", "<link"} {
		if strings.Contains(strings.ToLower(html), bad) {
			t.Errorf("the HTML holds %q", bad)
		}
	}
	if !strings.Contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || !strings.Contains(html, "Line one<br>line two") {
		t.Error("the HTML does not show the hostile note as text")
	}
	files := get(FormatCSV).Files
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["contributions.csv"], []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("contributions.csv does not parse: %v", err)
	}
	if len(rows) != 1+12 {
		t.Fatalf("contributions.csv has %d rows, want a header and 12 notes", len(rows))
	}
	for _, r := range rows[1:] {
		text := r[4]
		if strings.ContainsAny(text[:1], "=+-@") {
			t.Errorf("a cell starts like a formula: %q", text)
		}
		if strings.ContainsAny(text, "\x1b\u202e") {
			t.Errorf("a cell holds a control character: %q", text)
		}
	}
	if !strings.Contains(string(files["next_steps.csv"]), ",'=Estates lead,") {
		t.Error("the owner =Estates lead is not made text in next_steps.csv")
	}
	body := string(docxBody(t, get(FormatDOCX).Data))
	if strings.Contains(body, "<script") || !strings.Contains(body, "&lt;script&gt;") {
		t.Error("the Word document does not hold the hostile note as text")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	snap, _ := f.eng.Snapshot(f.ctx, id)
	f.must(f.eng.RemoveTable(f.ctx, "organiser", snap.Groups[6].ID)) // removed content travels too
	first, err := f.eng.ExportJSON(f.ctx, id)
	f.must(err)

	other := newFixture(t)
	got, err := other.eng.ImportJSON(other.ctx, "cli", first, false)
	if err != nil || got != id {
		t.Fatalf("import: %v %v", got, err)
	}
	second, err := other.eng.ExportJSON(other.ctx, id)
	f.must(err)
	if !bytes.Equal(first, second) {
		t.Fatal("export → import → export changed the bytes")
	}
	md1, _ := Make(f.ctx, f.eng, id, Scope{}, FormatMarkdown)
	md2, _ := Make(other.ctx, other.eng, id, Scope{}, FormatMarkdown)
	if !bytes.Equal(md1.Data, md2.Data) {
		t.Error("the imported event's report differs")
	}
	if _, err := other.eng.ImportJSON(other.ctx, "cli", first, false); !errors.Is(err, sessions.ErrEventExists) || !strings.Contains(err.Error(), "--replace") {
		t.Fatalf("a second import: %v", err)
	}
	if _, err := other.eng.ImportJSON(other.ctx, "cli", first, true); err != nil {
		t.Fatalf("import --replace: %v", err)
	}
	third, _ := other.eng.ExportJSON(other.ctx, id)
	if !bytes.Equal(first, third) {
		t.Error("import --replace did not give the same event")
	}
}

func TestImportRefusesBadFilesAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	good, err := f.eng.ExportJSON(f.ctx, f.london())
	f.must(err)
	s := string(good)
	cases := map[string]struct{ data, want string }{
		"empty":          {"", "empty"},
		"not json":       {"hello", "line 1"},
		"truncated":      {s[:len(s)/2], "not a forum JSON export"},
		"other format":   {strings.Replace(s, `"forum-event"`, `"x"`, 1), `format: "x"`},
		"newer":          {strings.Replace(s, `"version": 2`, `"version": 9`, 1), "newer forum"},
		"unknown field":  {strings.Replace(s, `"format"`, `"colour": 1, "format"`, 1), "unknown field"},
		"bad date":       {strings.Replace(s, `"date": "2018-01-25"`, `"date": "25/01/2018"`, 1), "event.date"},
		"wrong type":     {strings.Replace(s, `"minutes": 5`, `"minutes": "five"`, 1), "expected int"},
		"escape in note": {strings.Replace(s, "Shared care records", `Shared \u001b[31m records`, 1), "contributions[7].text"},
		"dangling vote":  {strings.Replace(s, `"item_id": "`, `"item_id": "0190c3e4-0000-7000-8000-00000000000`, 1), "votes[0]"},
	}
	for name, c := range cases {
		other := newFixture(t)
		_, err := other.eng.ImportJSON(other.ctx, "cli", []byte(c.data), false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one naming %q", name, err, c.want)
		}
		if evs, _ := other.eng.Events(other.ctx); len(evs) != 0 {
			t.Errorf("%s: a refused import wrote %d events", name, len(evs))
		}
	}
}

func TestCSVGoesToAFolderOrAZip(t *testing.T) {
	f := newFixture(t)
	x, err := Make(f.ctx, f.eng, f.london(), Scope{}, FormatCSV)
	f.must(err)
	dir, err := x.Write(filepath.Join(f.dir, "out"))
	f.must(err)
	zipPath, err := x.Write(filepath.Join(f.dir, "out.zip"))
	f.must(err)
	for _, name := range []string{"contributions.csv", "votes.csv", "next_steps.csv", "key_messages.csv", "maturity.csv", "area_briefs.csv", "area_priorities.csv", "area_next_steps.csv"} {
		if !fileExists(filepath.Join(dir, name)) {
			t.Errorf("%s missing from the folder", name)
		}
	}
	zr, err := zip.OpenReader(zipPath)
	f.must(err)
	defer zr.Close()
	if len(zr.File) != 8 {
		t.Errorf("the zip holds %d files", len(zr.File))
	}
	votes := string(x.Files["votes.csv"])
	if !strings.Contains(votes, ",P1,") || strings.Contains(votes, "Ann") {
		t.Error("votes.csv should name voters only by their anonymous codes")
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"**bold** and [link](http://x)": `\*\*bold\*\* and \[link\](http://x)`,
		"<script>alert(1)</script>":     `\<script\>alert(1)\</script\>`,
		"# heading":                     `\# heading`,
		"1. not a list":                 `1\. not a list`,
		"a | b":                         `a \| b`,
		"line one\nline two":            "line one / line two",
		"&amp; entity":                  `\&amp; entity`,
		"Barking & Dagenham":            "Barking & Dagenham",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+44": "'+44", "-3": "'-3", "@SUM(A1)": "'@SUM(A1)", "plain": "plain", "a=b": "a=b", "\x1b[2J=x": "=x"} {
		if got := CSVCell(in); got != want && !(in == "\x1b[2J=x" && got == "'=x") {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDemoIsLabelledAndComplete(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "demo", sessions.DemoOptions{})
	f.must(err)
	for _, fm := range []Format{FormatMarkdown, FormatHTML} {
		x, err := Make(f.ctx, f.eng, id, Scope{}, fm)
		f.must(err)
		out := string(x.Data)
		if !strings.Contains(out, "Illustrative demo data") {
			t.Errorf("%s: the demo report does not say it is illustrative", fm)
		}
		for _, stp := range []string{"North Central London", "North East London", "North West London", "South East London", "South West London"} {
			if !strings.Contains(out, stp) {
				t.Errorf("%s: the report lacks %s", fm, stp)
			}
		}
	}
}

func TestDemoShowsEverything(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "demo", sessions.DemoOptions{})
	f.must(err)
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatMarkdown)
	f.must(err)
	md := string(x.Data)
	key := md[strings.Index(md, "## Key messages"):strings.Index(md, "## Cross-cutting themes")]
	for what, want := range map[string]string{
		"event key messages chosen": "1. Involve patients in designing how services change",
		"their evidence":            "— *raised by 4 of 5 STPs, 4 of 7 tables*",
		"consensus on a vision":     "Consensus (fist-to-five): yes, all",
		"no consensus on another":   "Consensus (fist-to-five): not reached",
		"support on next steps":     "% of ",
		"maturity ratings":          "*Self-assessed by 3 raters; the median level on each dimension.*",
		"a split maturity rating":   "(raters 2 or more levels apart)",
		"a divided next step":       "oppose)",
		"a reopened vote":           "The vote was reopened: these are round 2's ballots; round 1 is kept in the history.",
		"cross-cutting themes":      "- **Estates and money** — *raised by 5 of 5 STPs, 7 of 7 tables*: NCL Table 1, NCL Table 2, NEL Table 3, NEL Table 4, NWL Table 5, SEL Table 6, SWL Table 7.",
		"every table met":           "**Who took part:** 7 tables in 5 STPs",
	} {
		in := md
		if strings.HasPrefix(what, "event key") || what == "their evidence" {
			in = key
		}
		if !strings.Contains(in, want) {
			t.Errorf("the demo report lacks %s: %q", what, want)
		}
	}
	if n := strings.Count(md, "**Estates and money**"); n != 1 {
		t.Errorf("the cross-cutting theme is listed %d times, want once", n)
	}
	if strings.Contains(key, "No event key messages") {
		t.Error("the demo has no event key messages")
	}
}

func TestTemplateAreaLabelIsUsed(t *testing.T) {
	f := newFixture(t)
	tm, err := sessions.BuiltinTemplate("retro-1-2-4-all")
	f.must(err)
	id, err := f.eng.CreateEvent(f.ctx, "o", tm, sessions.NewEvent{})
	f.must(err)
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatMarkdown)
	f.must(err)
	if md := string(x.Data); !strings.Contains(md, "## By Team") || !strings.Contains(md, "### TEAM The team") {
		t.Errorf("the report does not use the template's area label:\n%s", md)
	}
}

var _ = model.KindAsk

// TestNoExportLinksAVoterCodeToAPerson: ballots are stored and exported
// under anonymous codes only; the names at a table (facilitator, scribe,
// reporter) never appear with them.
func TestNoExportLinksAVoterCodeToAPerson(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatCSV)
	f.must(err)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(x.Files["votes.csv"], []byte("\ufeff")))).ReadAll()
	f.must(err)
	for _, r := range rows[1:] {
		voter := r[5]
		if !(voter == "paper" || (len(voter) > 1 && voter[0] == 'P')) {
			t.Errorf("votes.csv names a voter %q", voter)
		}
		for _, name := range []string{"Ann", "Sam", "Raj"} {
			if strings.Contains(strings.Join(r, ","), name) {
				t.Errorf("votes.csv row %q holds the name %s", r, name)
			}
		}
	}
	j, err := f.eng.ExportJSON(f.ctx, id)
	f.must(err)
	var ex sessions.Exchange
	f.must(json.Unmarshal(j, &ex))
	for _, v := range ex.Votes {
		if !(v.Voter == "paper" || strings.HasPrefix(v.Voter, "P")) {
			t.Errorf("the JSON stores a ballot under %q", v.Voter)
		}
	}
}

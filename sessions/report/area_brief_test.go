package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

// TestAreaBriefIsTheSameEverywhere: the NCL brief in the whole report, in
// the --area NCL report, in the CSV files and in the JSON export hold one
// synthesis, the area round's edit included, and a re-import keeps it.
func TestAreaBriefIsTheSameEverywhere(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", sessions.DemoOptions{})
	f.must(err)
	snap, err := f.eng.Snapshot(f.ctx, id)
	f.must(err)
	var ncl sessions.AreaSynthesis
	for _, s := range sessions.AreaSyntheses(snap) {
		if s.Area.Code == "NCL" {
			ncl = s
		}
	}
	if len(ncl.Tables) < 2 || len(ncl.Priorities) == 0 {
		t.Fatalf("the demo's NCL has %d tables and %d joined priorities", len(ncl.Tables), len(ncl.Priorities))
	}
	_, err = f.eng.SaveAreaPart(f.ctx, "o", ncl.Area.ID, sessions.AreaEdit{Kind: model.AreaVision, Text: "One NCL vision, agreed by both tables", Base: ncl.VisionVersion})
	f.must(err)
	ncl, err = f.eng.AreaSynthesis(f.ctx, id, ncl.Area.ID)
	f.must(err)

	brief := func(scope Scope) string {
		x, err := Make(f.ctx, f.eng, id, scope, FormatMarkdown)
		f.must(err)
		md := string(x.Data)
		start := strings.Index(md, "#### NCL brief")
		if start < 0 {
			t.Fatalf("no NCL brief in the %+v report", scope)
		}
		end := strings.Index(md[start:], "\n#### Table")
		return md[start : start+end]
	}
	whole, area := brief(Scope{}), brief(Scope{Area: "NCL"})
	if whole != area {
		t.Errorf("the NCL brief differs between the whole report and --area NCL:\n%s\n----\n%s", whole, area)
	}
	if !strings.Contains(whole, "One NCL vision, agreed by both tables") {
		t.Error("the brief does not hold the area's edited vision")
	}
	for _, p := range ncl.Priorities {
		if !strings.Contains(whole, " | "+p.Name+" | "+whereRaised(p)+" | ") {
			t.Errorf("the brief lacks %s %s (%s)", p.RankLabel(), p.Name, p.RaisedAt())
		}
	}
	if strings.Contains(brief(Scope{Area: "NCL"}), "#### NEL brief") {
		t.Error("--area NCL shows another area's brief")
	}

	x, err := Make(f.ctx, f.eng, id, Scope{Area: "NCL"}, FormatCSV)
	f.must(err)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(x.Files["area_priorities.csv"], []byte("\ufeff")))).ReadAll()
	f.must(err)
	if len(rows) != len(ncl.Priorities)+1 {
		t.Fatalf("area_priorities.csv has %d rows, want a header and %d", len(rows), len(ncl.Priorities))
	}
	for i, p := range ncl.Priorities {
		if r := rows[i+1]; r[0] != "NCL" || r[1] != fmt.Sprint(p.Rank) || r[2] != tiedCell(p.Tied) || r[3] != p.Name || r[4] != fmt.Sprint(p.Tables) {
			t.Errorf("area_priorities.csv row %d: %v, want %s %s raised at %d", i+1, r, p.RankLabel(), p.Name, p.Tables)
		}
	}
	if b := string(x.Files["area_briefs.csv"]); !strings.Contains(b, "One NCL vision, agreed by both tables") {
		t.Error("area_briefs.csv lacks the area's vision")
	}

	data, err := f.eng.ExportJSON(f.ctx, id)
	f.must(err)
	xj, err := sessions.ParseExchange(data)
	f.must(err)
	var got sessions.AreaBrief
	for _, b := range xj.AreaSyntheses {
		if b.Area == "NCL" {
			got = b
		}
	}
	want := ncl.Brief()
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("the JSON's NCL synthesis differs:\n%s\nwant\n%s", g, w)
	}
	// A re-import into a fresh file gives the same synthesis.
	g := newFixture(t)
	id2, err := g.eng.ImportJSON(g.ctx, "o", data, false)
	f.must(err)
	again, err := g.eng.AreaSynthesis(g.ctx, id2, ncl.Area.ID)
	f.must(err)
	if a, w := mustJSON(t, again.Brief()), mustJSON(t, want); a != w {
		t.Errorf("after a re-import the NCL synthesis differs:\n%s\nwant\n%s", a, w)
	}
	if again.VisionVersion != ncl.VisionVersion {
		t.Errorf("the vision's version %d after import, %d before", again.VisionVersion, ncl.VisionVersion)
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOlderJSONStillImports: an export without the area round's fields
// imports, and its areas' syntheses are drafted from the tables.
func TestOlderJSONStillImports(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", sessions.DemoOptions{})
	f.must(err)
	data, err := f.eng.ExportJSON(f.ctx, id)
	f.must(err)
	var m map[string]json.RawMessage
	f.must(json.Unmarshal(data, &m))
	delete(m, "area_parts")
	delete(m, "area_syntheses")
	old, err := json.Marshal(m)
	f.must(err)
	g := newFixture(t)
	id2, err := g.eng.ImportJSON(g.ctx, "o", old, false)
	f.must(err)
	snap, err := g.eng.Snapshot(g.ctx, id2)
	f.must(err)
	if len(sessions.AreaSyntheses(snap)) == 0 {
		t.Error("no areas after importing an older export")
	}
}

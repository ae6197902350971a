package sessions

import (
	"errors"
	"strings"
	"testing"

	"forum/model"
)

// areaTable is a table view with priorities named and dotted as given.
func areaTable(name string, items [][2]any) TableView {
	g := model.Group{ID: model.ID("g-" + name), Name: name, AreaID: "a"}
	v := TableView{Group: g, Area: model.Area{ID: "a", Code: "NCL"}}
	for i, it := range items {
		id := model.ID(name + "-" + itoa(i))
		v.Priorities = append(v.Priorities, Priority{Note: model.Contribution{ID: id, GroupID: g.ID, Text: it[0].(string)}, Ranked: model.Ranked{Item: id, Dots: it[1].(int)}})
	}
	return v
}

func TestAreaOfThreeTablesJoinsRanksAndCountsWhereRaised(t *testing.T) {
	views := []TableView{
		areaTable("Table 1", [][2]any{{"Shared records across practices", 6}, {"Estates for hubs", 4}}),                  // 10 dots
		areaTable("Table 2", [][2]any{{"Records shared across practices and hospitals", 2}, {"Workforce retention", 2}}), // 4 dots
		areaTable("Table 3", [][2]any{{"Workforce retention and training", 10}, {"Estates for hubs", 10}}),               // 20 dots
	}
	ps := joinAreaPriorities(Snapshot{}, views)
	got := map[string]AreaPriority{}
	for _, p := range ps {
		got[p.Name] = p
	}
	rec, work, est := got["Shared records across practices"], got["Workforce retention"], got["Estates for hubs"]
	if len(ps) != 3 || rec.Tables != 2 || work.Tables != 2 || est.Tables != 2 {
		for _, p := range ps {
			t.Logf("%s: %d tables, %.3f", p.Name, p.Tables, p.Score)
		}
		t.Fatalf("want 3 joined priorities each raised at 2 of 3 tables, got %d", len(ps))
	}
	if rec.RaisedAt() != "raised at 2 of 3 tables" {
		t.Errorf("raised at: %q", rec.RaisedAt())
	}
	// Shares: records .6+.5=1.1; workforce .5+.5=1.0; estates .4+.5=0.9.
	if ps[0].Name != rec.Name || ps[1].Name != work.Name || ps[2].Name != est.Name {
		t.Errorf("order %s, %s, %s: want records, workforce, estates by summed shares", ps[0].Name, ps[1].Name, ps[2].Name)
	}
	if d := rec.Score - 1.1; d > 1e-9 || d < -1e-9 {
		t.Errorf("records scores %.3f, want 1.1 (6/10 + 2/4)", rec.Score)
	}
	if !strings.Contains(AreaRankRule, "share") {
		t.Error("the stated rule does not say it uses shares")
	}
}

func TestAreaTiesKeepTheOrderRaised(t *testing.T) {
	views := []TableView{
		areaTable("Table 1", [][2]any{{"Alpha apples", 1}}),
		areaTable("Table 2", [][2]any{{"Bravo bananas", 3}}),
	}
	ps := joinAreaPriorities(Snapshot{}, views)
	if len(ps) != 2 || ps[0].Name != "Alpha apples" || !ps[0].Tied || ps[1].RankLabel() != "=1" {
		t.Fatalf("tied shares: %+v", ps)
	}
}

func TestOneTableAreaIsItsTable(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap := f.snap(id)
	views := TableViews(snap)
	for _, s := range AreaSyntheses(snap) {
		if !s.Single {
			continue
		}
		v := s.Tables[0]
		if s.Vision != v.Group.Vision {
			t.Errorf("%s: vision %q, table's %q", s.Area.Code, s.Vision, v.Group.Vision)
		}
		if len(s.Priorities) != len(v.Priorities) {
			t.Fatalf("%s: %d priorities, table has %d", s.Area.Code, len(s.Priorities), len(v.Priorities))
		}
		for i, p := range s.Priorities {
			if p.Name != v.Priorities[i].Note.Text || p.RankLabel() != v.Priorities[i].Label() || p.Tables != 1 {
				t.Errorf("%s priority %d: %s %s, table's %s %s", s.Area.Code, i, p.RankLabel(), p.Name, v.Priorities[i].Label(), v.Priorities[i].Note.Text)
			}
		}
		if len(s.Steps) != len(v.NextSteps) {
			t.Errorf("%s: %d steps, table has %d", s.Area.Code, len(s.Steps), len(v.NextSteps))
		}
		var msgs []string
		for _, k := range views[v.Group.ID].KeyMessages {
			if k.Kind == model.KindMessage {
				msgs = append(msgs, k.Text)
			}
		}
		if len(s.Messages) != len(msgs) {
			t.Errorf("%s: %d messages, table has %d", s.Area.Code, len(s.Messages), len(msgs))
		}
		for i := range min(len(msgs), len(s.Messages)) {
			if s.Messages[i].Text != msgs[i] {
				t.Errorf("%s message %d: %q, table's %q", s.Area.Code, i, s.Messages[i].Text, msgs[i])
			}
		}
		return
	}
	t.Skip("the demo has no one-table area")
}

func TestTwoSeatsEditingOneAreaLoseNothing(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap := f.snap(id)
	var area model.Area
	for _, s := range AreaSyntheses(snap) {
		if !s.Single {
			area = s.Area
			break
		}
	}
	// Both seats opened the synthesis at the same versions.
	open, err := f.eng.AreaSynthesis(f.ctx, id, area.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Seat A edits the vision, seat B the ask and the first message: all kept.
	if _, err := f.eng.SaveAreaPart(f.ctx, "a", area.ID, AreaEdit{Kind: model.AreaVision, Text: "One vision for the area", Base: open.VisionVersion}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.SaveAreaPart(f.ctx, "b", area.ID, AreaEdit{Kind: model.AreaAsk, Text: "Fund the shared records", Base: open.Ask.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.SaveAreaPart(f.ctx, "b", area.ID, AreaEdit{Kind: model.AreaMessage, Key: "1", Text: "Records first", Base: 0}); err != nil {
		t.Fatal(err)
	}
	// Seat B, from its stale copy, edits the vision too: refused, A's kept.
	_, err = f.eng.SaveAreaPart(f.ctx, "b", area.ID, AreaEdit{Kind: model.AreaVision, Text: "B's vision", Base: open.VisionVersion})
	if !errors.Is(err, ErrAreaStale) || !strings.Contains(err.Error(), "someone else saved") {
		t.Fatalf("stale write: %v, want a refusal saying someone else saved it", err)
	}
	now, err := f.eng.AreaSynthesis(f.ctx, id, area.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Vision != "One vision for the area" || now.Ask.Text != "Fund the shared records" || now.Messages[0].Text != "Records first" {
		t.Fatalf("after both seats: vision %q, ask %q, message %q", now.Vision, now.Ask.Text, now.Messages[0].Text)
	}
	// Reloaded, B's edit goes through on top of A's.
	if _, err := f.eng.SaveAreaPart(f.ctx, "b", area.ID, AreaEdit{Kind: model.AreaVision, Text: "One vision for the area, agreed", Base: now.VisionVersion}); err != nil {
		t.Fatal(err)
	}
	if s, _ := f.eng.AreaSynthesis(f.ctx, id, area.ID); s.Vision != "One vision for the area, agreed" || s.VisionVersion != now.VisionVersion+1 {
		t.Errorf("vision %q at version %d", s.Vision, s.VisionVersion)
	}
	// A seat at a table of another area may not edit it.
	var other model.Group
	for _, g := range snap.Groups {
		if g.AreaID != area.ID {
			other = g
		}
	}
	ctx := WithSeat(f.ctx, &Seat{Role: RoleFacilitator, Table: other.ID})
	if _, err := f.eng.SaveAreaPart(ctx, "c", area.ID, AreaEdit{Kind: model.AreaAsk, Text: "x", Base: 1}); !errors.Is(err, ErrForbidden) {
		t.Errorf("another area's facilitator: %v, want forbidden", err)
	}
}

func TestLondonTemplateHoldsTheAreaRoundWhereAnAreaHasTablesToJoin(t *testing.T) {
	tm, err := BuiltinTemplate(DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	r := tm.AreaRound.round()
	if r.Held != model.AreaRoundMultiple || r.Minutes <= 0 || len(r.Prompts) == 0 {
		t.Fatalf("London 2018's area round: %+v", r)
	}
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range AreaSyntheses(f.snap(id)) {
		if s.Held != (len(s.Tables) > 1) {
			t.Errorf("%s with %d tables: held %v", s.Area.Code, len(s.Tables), s.Held)
		}
	}
	bad := tm
	bad.AreaRound.Held = "sometimes"
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "area_round.held") {
		t.Errorf("a template with held = sometimes: %v", err)
	}
}

func TestTheSameStepAtTwoTablesIsOneAreaStep(t *testing.T) {
	a, b := areaTable("Table 1", nil), areaTable("Table 2", nil)
	a.NextSteps = []model.NextStep{{ID: "s1", Action: "Set up a workforce group"}}
	b.NextSteps = []model.NextStep{{ID: "s2", Action: "set up a workforce group "}, {ID: "s3", Action: "Share records"}}
	a.StepSupport = map[model.ID]model.SupportResult{"s1": {Counts: [5]int{0, 0, 0, 2, 2}, Voters: 4, Percent: 100}}
	b.StepSupport = map[model.ID]model.SupportResult{"s2": {Counts: [5]int{1, 1, 2, 0, 0}, Voters: 4}}
	steps := areaSteps([]TableView{a, b}, nil)
	if len(steps) != 2 || steps[0].From() != "Table 1, Table 2" || steps[0].Support.Voters != 8 || steps[0].Support.Percent != 50 || !steps[0].Support.Divergent {
		t.Fatalf("steps: %+v", steps)
	}
}

package sessions

import (
	"errors"
	"strings"
	"testing"

	"forum/model"
)

func (f *fixture) snap(id model.ID) Snapshot {
	f.t.Helper()
	s, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

func TestSetDetailsValidatesAndStores(t *testing.T) {
	f := newFixture(t)
	ev := f.london().Event
	bad := []struct {
		name string
		d    Details
		want string
	}{
		{"empty title", Details{Title: " ", Date: "2026-03-12", AreaLabel: "ICS"}, "title"},
		{"no date", Details{Title: "T", AreaLabel: "ICS"}, "date is required"},
		{"not a date", Details{Title: "T", Date: "12/03/2026", AreaLabel: "ICS"}, "YYYY-MM-DD"},
		{"no label", Details{Title: "T", Date: "2026-03-12"}, "area label"},
		{"huge aim", Details{Title: "T", Date: "2026-03-12", AreaLabel: "ICS", Aims: []string{strings.Repeat("a", 501)}}, "aim"},
		{"unknown paper", Details{Title: "T", Date: "2026-03-12", AreaLabel: "ICS", Paper: "A3"}, `"a4" (the default) or "letter"`},
	}
	for _, c := range bad {
		if _, err := f.eng.SetDetails(f.ctx, "o", ev.ID, c.d); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one naming %q", c.name, err, c.want)
		}
	}
	if got := f.snap(ev.ID).Event; got.Title != ev.Title || got.AreaLabel != "STP" {
		t.Fatalf("a refused change was stored: %q %q", got.Title, got.AreaLabel)
	}
	notice, err := f.eng.SetDetails(f.ctx, "o", ev.ID, Details{Title: "North London ICS forum\x1b[31m", Date: "2026-03-12",
		Venue: "Guy's", Chair: "A Chair", AreaLabel: "ICS", Aims: []string{"one", " ", "two"}})
	if err != nil {
		t.Fatal(err)
	}
	got := f.snap(ev.ID).Event
	if got.Title != "North London ICS forum" || got.AreaLabel != "ICS" || got.Venue != "Guy's" || len(got.Aims) != 2 || got.Date != "2026-03-12" {
		t.Fatalf("details stored as %+v", got)
	}
	if notice == "" {
		t.Error("the escape sequence was removed without telling the organiser")
	}
	if got.Paper != model.PaperA4 {
		t.Errorf("details without a paper size changed it to %q", got.Paper)
	}
	d := DetailsOf(got)
	d.Paper = "letter"
	if _, err := f.eng.SetDetails(f.ctx, "o", ev.ID, d); err != nil {
		t.Fatal(err)
	}
	if got := f.snap(ev.ID).Event; got.Paper != model.PaperLetter || got.Title != "North London ICS forum" {
		t.Errorf("paper set to letter stored as %q (title %q)", got.Paper, got.Title)
	}
}

func TestProgrammeEditKeepsTheMarkerOnItsItem(t *testing.T) {
	f := newFixture(t)
	id := f.london().Event.ID
	if _, err := f.eng.MoveProgramme(f.ctx, "c", id, 3); err != nil { // marker on item 3 (index 2)
		t.Fatal(err)
	}
	marked := f.snap(id).Event.Programme[2].Title
	for _, bad := range []model.Talk{{Title: ""}, {Title: "x", Starts: "9.15"}, {Title: "x", Kind: "lunch"}, {Title: "x", Speakers: []model.Speaker{{Name: " "}}}} {
		if _, _, err := f.eng.SaveTalk(f.ctx, "o", id, -1, bad); err == nil {
			t.Errorf("talk %+v accepted", bad)
		}
	}
	at, _, err := f.eng.SaveTalk(f.ctx, "o", id, -1, model.Talk{Title: "Close", Starts: "12:45", Kind: "Plenary",
		Speakers: model.ParseSpeakers("Dr A Chair (co-Chair, Senate); B Person")})
	if err != nil {
		t.Fatal(err)
	}
	ev := f.snap(id).Event
	last := ev.Programme[at]
	if at != len(ev.Programme)-1 || last.Kind != "plenary" || len(last.Speakers) != 2 || last.Speakers[0].Role != "co-Chair, Senate" || last.Speakers[1].Role != "" {
		t.Fatalf("added item %d: %+v", at, last)
	}
	if _, err := f.eng.MoveTalk(f.ctx, "o", id, 2, -1); err != nil {
		t.Fatal(err)
	}
	if ev := f.snap(id).Event; ev.Programme[ev.ProgrammeAt].Title != marked {
		t.Fatalf("after moving, the marker is on %q, want %q", ev.Programme[ev.ProgrammeAt].Title, marked)
	}
	if err := f.eng.RemoveTalk(f.ctx, "o", id, 0); err != nil {
		t.Fatal(err)
	}
	if ev := f.snap(id).Event; ev.Programme[ev.ProgrammeAt].Title != marked {
		t.Fatalf("after removing an earlier item, the marker is on %q, want %q", ev.Programme[ev.ProgrammeAt].Title, marked)
	}
	if _, err := f.eng.MoveTalk(f.ctx, "o", id, 0, -1); err == nil {
		t.Error("moved the first item up")
	}
}

func TestDotRules(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	for _, r := range []model.DotRules{{Budget: -1}, {Budget: 3, Cap: -2}, {Budget: 101}} {
		if err := f.eng.SetDotRules(f.ctx, "o", v.Event.ID, r); err == nil {
			t.Errorf("rules %+v accepted", r)
		}
	}
	if err := f.eng.SetDotRules(f.ctx, "o", v.Event.ID, model.DotRules{Budget: 4, Cap: 2}); err != nil {
		t.Fatal(err)
	}
	if got := f.table(v.Group.ID).Rules; got.Budget != 4 || got.EffectiveCap() != 2 {
		t.Fatalf("a table votes with %+v", got)
	}
}

func TestAreasAndTablesCanBeChangedWithoutLosingNotes(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	id := v.Event.ID
	f.capture(v.Group.ID, "a note at NCL's table")

	// Add an area with two tables; codes are unique, even against removed areas.
	if _, _, err := f.eng.AddArea(f.ctx, "o", id, AreaInput{Code: "ncl", Name: "Again"}, 1); err == nil {
		t.Fatal("a second NCL was accepted")
	}
	for _, bad := range []AreaInput{{Code: "", Name: "x"}, {Code: "TOO-LONG-CODE", Name: "x"}, {Code: "A B", Name: "x"}, {Code: "X", Name: ""}} {
		if _, _, err := f.eng.AddArea(f.ctx, "o", id, bad, 1); err == nil {
			t.Errorf("area %+v accepted", bad)
		}
	}
	kent, _, err := f.eng.AddArea(f.ctx, "o", id, AreaInput{Code: "kmc", Name: "Kent and Medway", Places: []string{"Kent", " "}}, 2)
	if err != nil {
		t.Fatal(err)
	}
	s := f.snap(id)
	if len(s.Areas) != 6 || s.Areas[5].Code != "KMC" || len(s.Areas[5].Places) != 1 || len(s.Groups) != 7 || s.Groups[6].Name != "Table 7" {
		t.Fatalf("after adding: %d areas (last %+v), %d tables", len(s.Areas), s.Areas[5], len(s.Groups))
	}
	if _, err := f.eng.EditArea(f.ctx, "o", kent, AreaInput{Code: "NEL", Name: "x"}); err == nil {
		t.Fatal("renamed to another area's code")
	}
	if _, err := f.eng.EditArea(f.ctx, "o", kent, AreaInput{Code: "KM", Name: "Kent & Medway ICS"}); err != nil {
		t.Fatal(err)
	}

	// Remove NCL: its table, note and all leave every list but stay in the file.
	ncl := v.Area.ID
	if h := HoldingsOf(s, func(g model.Group) bool { return g.AreaID == ncl }); h.Notes != 1 || h.Tables != 1 {
		t.Fatalf("NCL holds %+v", h)
	}
	if err := f.eng.RemoveArea(f.ctx, "o", ncl); err != nil {
		t.Fatal(err)
	}
	s = f.snap(id)
	if len(s.Areas) != 5 || len(s.RemovedAreas) != 1 || len(s.Contributions) != 0 || len(s.Groups) != 6 {
		t.Fatalf("after removing NCL: %d areas, %d removed, %d notes, %d tables", len(s.Areas), len(s.RemovedAreas), len(s.Contributions), len(s.Groups))
	}
	if _, err := f.eng.Capture(f.ctx, "s", v.Group.ID, "into a removed table", nil, ""); !errors.Is(err, ErrRemoved) {
		t.Fatalf("capture at a removed area's table: %v", err)
	}
	if _, _, err := f.eng.AddArea(f.ctx, "o", id, AreaInput{Code: "NCL", Name: "New"}, 1); err == nil || !strings.Contains(err.Error(), "restore") {
		t.Fatalf("re-using a removed area's code: %v", err)
	}
	if err := f.eng.RestoreArea(f.ctx, "o", ncl); err != nil {
		t.Fatal(err)
	}
	if s = f.snap(id); len(s.Contributions) != 1 || s.Contributions[0].Text != "a note at NCL's table" || len(s.Areas) != 6 {
		t.Fatalf("after restoring NCL: %d notes, %d areas", len(s.Contributions), len(s.Areas))
	}

	// Tables: add, rename with roles, remove and restore.
	g, err := f.eng.AddTable(f.ctx, "o", kent)
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "Table 8" {
		t.Errorf("new table is %q, want Table 8", g.Name)
	}
	if _, err := f.eng.EditTable(f.ctx, "o", g.ID, TableSetup{Name: "Kent 3", Roles: Roles{Facilitator: "Fay", Participants: 0}}); err == nil {
		t.Error("0 participants accepted")
	}
	if _, err := f.eng.EditTable(f.ctx, "o", g.ID, TableSetup{Name: "Kent 3", Roles: Roles{Facilitator: "Fay", Scribe: "Sam", Participants: 6}}); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.RemoveTable(f.ctx, "o", v.Group.ID); err != nil {
		t.Fatal(err)
	}
	if s = f.snap(id); len(s.RemovedGroups) != 1 || len(s.Contributions) != 0 {
		t.Fatalf("after removing table 1: %d removed, %d notes shown", len(s.RemovedGroups), len(s.Contributions))
	}
	if err := f.eng.RestoreTable(f.ctx, "o", v.Group.ID); err != nil {
		t.Fatal(err)
	}
	s = f.snap(id)
	var kent3 model.Group
	for _, x := range s.Groups {
		if x.ID == g.ID {
			kent3 = x
		}
	}
	if len(s.Contributions) != 1 || kent3.Name != "Kent 3" || kent3.Scribe != "Sam" || kent3.Participants != 6 {
		t.Fatalf("after restoring: %d notes; new table %+v", len(s.Contributions), kent3)
	}
	audit, err := f.eng.store.Audit(f.ctx, ncl)
	if err != nil || len(audit) < 3 || audit[len(audit)-2].Action != "remove" {
		t.Fatalf("the removal is not in the audit log: %v %+v", err, audit)
	}
}

func TestLastAreaCannotBeRemoved(t *testing.T) {
	f := newFixture(t)
	tm, _ := BuiltinTemplate("retro-1-2-4-all")
	id, err := f.eng.CreateEvent(f.ctx, "o", tm, NewEvent{})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.eng.RemoveArea(f.ctx, "o", f.snap(id).Areas[0].ID); err == nil {
		t.Fatal("removed the only area")
	}
}

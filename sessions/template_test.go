package sessions

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"forum/model"
)

func TestBuiltinLondonTemplate(t *testing.T) {
	tm, err := BuiltinTemplate(DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if tm.Event.Date != "2018-01-25" || !strings.Contains(tm.Event.Chair, "Vin Diwakar") || len(tm.Event.Aims) != 2 {
		t.Errorf("event facts wrong: %+v", tm.Event)
	}
	var codes []string
	for _, a := range tm.Areas {
		codes = append(codes, a.Code)
	}
	if strings.Join(codes, ",") != "NCL,NEL,NWL,SEL,SWL" {
		t.Errorf("areas = %v", codes)
	}
	var keys []string
	for _, s := range tm.Stages {
		keys = append(keys, s.Key)
	}
	if strings.Join(keys, ",") != "open,vision,journey,priorities,next-steps,key-messages" {
		t.Errorf("stages = %v", keys)
	}
	if len(tm.Programme) < 6 || len(tm.Maturity.Dimensions) != 6 {
		t.Errorf("programme %d talks, maturity %d dimensions", len(tm.Programme), len(tm.Maturity.Dimensions))
	}
	all, err := Templates()
	if err != nil || len(all) == 0 {
		t.Fatalf("Templates() = %v, %v", all, err)
	}
	for _, tm := range all {
		if p, err := model.ParsePaper(tm.Event.Paper); err != nil || p != model.PaperA4 {
			t.Errorf("the built-in template %s prints on %q, want A4", tm.Name, p)
		}
	}
	letter := strings.Replace(string(mustSource(t)), `paper = "a4"`, `paper = "letter"`, 1)
	lt, err := ParseTemplate("us.toml", []byte(letter))
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	id, err := f.eng.CreateEvent(f.ctx, "organiser", lt, NewEvent{TablesPerArea: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.snap(id).Event.Paper; got != model.PaperLetter {
		t.Errorf("an event from a template asking for Letter is stored on %q", got)
	}
}

func mustSource(t *testing.T) []byte {
	t.Helper()
	b, err := BuiltinTemplateSource(DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTemplateValidation(t *testing.T) {
	good, err := BuiltinTemplateSource(DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	src := string(good)
	tests := []struct {
		name, from, to, want string
	}{
		{"invalid toml", `[event]`, "[event\n", "line"},
		{"unknown activity", `activity = "capture"`, `activity = "brainstorm"`, `unknown activity "brainstorm"; allowed: roles`},
		{"stage without title", `title = "Set the vision"`, `title = ""`, "title is required"},
		{"duplicate area code", `code = "NEL"`, `code = "NCL"`, `"NCL" is used twice`},
		{"negative minutes", "minutes = 15", "minutes = -3", "must be 0 or more"},
		{"negative dots", "dots = 0", "dots = -1", "must be 0 or more"},
		{"not a date", `date = "2018-01-25"`, `date = "25/01/2018"`, "YYYY-MM-DD"},
		{"unknown field", `venue = ""`, `venu = ""`, `unknown field "event.venu"`},
		{"unknown paper", `paper = "a4"`, `paper = "a3"`, `event.paper: paper "a3": allowed: "a4" (the default) or "letter"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(src, tt.from, tt.to, 1)
			if bad == src {
				t.Fatalf("test setup: %q not found in the template", tt.from)
			}
			_, err := ParseTemplate("mine.toml", []byte(bad))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.HasPrefix(err.Error(), "mine.toml: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q should name the file and say %q", err, tt.want)
			}
		})
	}
}

// structure is an event's shape without ids and times: what a template
// decides.
func structure(t *testing.T, f *fixture, id model.ID) string {
	t.Helper()
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ev := snap.Event
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%s|%q|%+v|%+v|%+v\n", ev.Title, ev.Date, ev.Venue, ev.Chair, ev.AreaLabel, ev.Paper, ev.Aims, ev.Dots, ev.Programme, ev.Stages)
	for _, a := range snap.Areas {
		fmt.Fprintf(&b, "area %d %s %s %q\n", a.Position, a.Code, a.Name, a.Places)
	}
	for _, g := range snap.Groups {
		fmt.Fprintf(&b, "table %s %s %d\n", g.Name, g.StageKey, g.Participants)
	}
	return b.String()
}

// Every built-in template, printed as TOML and read back from a file, makes
// the same event as the built-in itself.
func TestTemplateRoundTripThroughAFile(t *testing.T) {
	all, err := Templates()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 {
		t.Fatalf("%d built-in templates; want at least two", len(all))
	}
	f := newFixture(t)
	for _, tm := range all {
		src, err := BuiltinTemplateSource(tm.Name)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "copy.toml")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		fromFile, err := LoadTemplate(path)
		if err != nil {
			t.Fatalf("%s: %v", tm.Name, err)
		}
		if !reflect.DeepEqual(fromFile, tm) {
			t.Errorf("%s: the file reads back differently", tm.Name)
		}
		a, err := f.eng.CreateEvent(f.ctx, "t", tm, NewEvent{TablesPerArea: 2})
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.eng.CreateEvent(f.ctx, "t", fromFile, NewEvent{TablesPerArea: 2})
		if err != nil {
			t.Fatal(err)
		}
		if sa, sb := structure(t, f, a), structure(t, f, b); sa != sb {
			t.Errorf("%s: events differ\n%s\n%s", tm.Name, sa, sb)
		}
	}
}

func TestRetroTemplateIsItsOwnScript(t *testing.T) {
	tm, err := BuiltinTemplate("retro-1-2-4-all")
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	id, err := f.eng.CreateEvent(f.ctx, "t", tm, NewEvent{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.eng.Board(f.ctx, id)
	if len(b.Areas) != 1 || len(b.Groups) != 1 || len(b.Event.Stages) != 7 || b.Event.Date != f.now.Format("2006-01-02") {
		t.Fatalf("retro event: %d areas, %d tables, %d stages, date %s", len(b.Areas), len(b.Groups), len(b.Event.Stages), b.Event.Date)
	}
	g := b.Groups[0].ID
	f.goTo(g, "all")
	var ids []model.ID
	for _, s := range []string{"Shorter meetings", "Pair on reviews", "Fix the build"} {
		ids = append(ids, f.capture(g, s).ID)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{ids[0]: 2}); err == nil {
		t.Fatal("two dots on one idea accepted; the retro's cap is one")
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{ids[0]: 1, ids[1]: 1, ids[2]: 1}); err != nil {
		t.Fatal(err)
	}
}

func TestTemplateTagsAreChecked(t *testing.T) {
	base, err := BuiltinTemplate(DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	for name, tags := range map[string][]string{
		"too many":      {"a", "b", "c", "d", "e", "f"},
		"twice":         {"workforce", "Workforce"},
		"an enabler":    {"people"},
		"much too long": {strings.Repeat("x", 31)},
	} {
		tm := base
		tm.Tags = tags
		if err := tm.Validate(); err == nil || !strings.Contains(err.Error(), "tags") {
			t.Errorf("%s: err = %v, want one naming tags", name, err)
		}
	}
}

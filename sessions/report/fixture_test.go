package report

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"forum/model"
	"forum/sessions"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is an engine over a fresh database file, with a clock that moves
// one second at every reading, so that records have distinct, fixed times.
type fixture struct {
	t   testing.TB
	ctx context.Context
	eng *sessions.Engine
	dir string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	clock := time.Date(2018, 1, 25, 10, 0, 0, 0, time.UTC)
	eng, closeDB, err := sessions.Open(context.Background(), filepath.Join(dir, "forum.db"), sessions.WithClock(func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeDB() })
	return &fixture{t: t, ctx: context.Background(), eng: eng, dir: dir}
}

func (f *fixture) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) note(g model.ID, text string, tags ...string) model.ID {
	f.t.Helper()
	s, err := f.eng.Capture(f.ctx, "scribe", g, text, tags, "")
	f.must(err)
	return s.Record.ID
}

func (f *fixture) goTo(g model.ID, key string) {
	f.t.Helper()
	for i := 0; i < 10; i++ {
		v, err := f.eng.Table(f.ctx, g)
		f.must(err)
		if v.Stage.Key == key {
			return
		}
		_, _, err = f.eng.MoveStage(f.ctx, "facilitator", g, 1)
		f.must(err)
	}
	f.t.Fatalf("never reached %s", key)
}

// hostile are notes that try to become markup, formulas or terminal
// escapes in one format or another.
var hostile = []string{
	"=HYPERLINK(\"http://evil.example\",\"click\")",
	"<script>alert('x')</script> and **bold** [link](http://evil.example)",
	"+1 from everyone, -2 from none, @here",
	"Line one\nline two, with \"quotes\" and a comma",
	"Bidi \u202eevil\u202c and an escape \x1b[31mred\x1b[0m",
}

// london builds the fixed fixture event: the London 2018 template, two
// tables per area; NCL's first table goes through every stage, SEL's
// first captures a little.
func (f *fixture) london() model.ID {
	f.t.Helper()
	tm, err := sessions.BuiltinTemplate(sessions.DefaultTemplate)
	f.must(err)
	id, err := f.eng.CreateEvent(f.ctx, "organiser", tm, sessions.NewEvent{TablesPerArea: 2})
	f.must(err)
	f.must(f.eng.SetDotRules(f.ctx, "organiser", id, model.DotRules{Budget: 2, Cap: 1}))
	b, err := f.eng.Board(f.ctx, id)
	f.must(err)
	g := b.Groups[0].ID
	_, err = f.eng.SetRoles(f.ctx, "facilitator", g, sessions.Roles{Facilitator: "Ann", Scribe: "Sam", Reporter: "Raj", Participants: 3})
	f.must(err)
	f.goTo(g, "vision")
	f.note(g, "Care joined up around the patient")
	_, err = f.eng.SetVision(f.ctx, "scribe", g, "Joined-up, accessible general practice for every Londoner")
	f.must(err)
	for i, n := range []int{5, 4, 2} {
		f.must(f.eng.CastFist(f.ctx, "participant", g, fmt.Sprintf("P%d", i+1), n))
	}
	_, err = f.eng.CloseVote(f.ctx, "facilitator", g, "vision", model.MethodFist)
	f.must(err)
	f.goTo(g, "journey")
	f.note(g, "The federation runs extended access", "processes")
	for _, h := range hostile {
		f.note(g, h)
	}
	f.must(f.eng.RateMaturity(f.ctx, "facilitator", g, "R1", []int{1, 2, 2, 1, 1, 3}))
	f.must(f.eng.RateMaturity(f.ctx, "facilitator", g, "R2", []int{3, 2, 3, 1, 2, 3}))
	f.goTo(g, "priorities")
	a, c, d := f.note(g, "Shared care records", "systems"), f.note(g, "Estates funding", "resources"), f.note(g, "Leadership development", "people")
	f.must(f.eng.CastDots(f.ctx, "P1", g, "P1", map[model.ID]int{a: 1, c: 1}))
	f.must(f.eng.CastDots(f.ctx, "P2", g, "P2", map[model.ID]int{c: 1, d: 1}))
	f.must(f.eng.CastDots(f.ctx, "P3", g, "P3", map[model.ID]int{a: 1, c: 1}))
	_, err = f.eng.CloseVote(f.ctx, "facilitator", g, "priorities", model.MethodDots)
	f.must(err)
	f.goTo(g, "next-steps")
	step, err := f.eng.AddNextStep(f.ctx, "scribe", g, sessions.NextStepInput{Action: "Bid for estates funding", Owner: "=Estates lead", ByWhen: "June 2018", Assist: "NHS England capital", PriorityID: c})
	f.must(err)
	for i, l := range []int{2, 1, -1} {
		f.must(f.eng.CastSupport(f.ctx, "participant", g, fmt.Sprintf("P%d", i+1), map[model.ID]int{step.Record.ID: l}))
	}
	_, err = f.eng.CloseVote(f.ctx, "facilitator", g, "next-steps", model.MethodSupport)
	f.must(err)
	f.goTo(g, "key-messages")
	_, err = f.eng.SetKeyMessages(f.ctx, "reporter", g, []sessions.MessageInput{
		{Kind: model.KindMessage, Text: "Fund shared estates", Sources: []model.ID{c}},
		{Kind: model.KindMessage, Text: "Share records across boroughs", Sources: []model.ID{a}},
		{Kind: model.KindAsk, Text: "Capital for hubs"}})
	f.must(err)
	sel := b.Groups[6].ID
	backOffice := f.note(sel, "Practices in south east London share a back office")
	estates := f.note(sel, "Estates money for shared hubs")
	selTheme, _, _, err := f.eng.GroupNotes(f.ctx, "scribe", sel, []model.ID{estates}, "Estates funding for hubs")
	f.must(err)
	nclTheme, _, _, err := f.eng.GroupNotes(f.ctx, "scribe", g, []model.ID{c}, "Estates funding")
	f.must(err)
	f.must(f.eng.LinkThemes(f.ctx, "organiser", nclTheme, selTheme, model.LinkAccepted, 0.6))
	_, err = f.eng.SetEventMessages(f.ctx, "organiser", id, []sessions.MessageInput{
		{Kind: model.KindMessage, Text: "Fund estates for shared hubs", Sources: []model.ID{c, estates}},
		{Kind: model.KindMessage, Text: "Share back offices", Sources: []model.ID{backOffice}}})
	f.must(err)
	return id
}

var uuid = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

var digest = regexp.MustCompile(`sha256:[0-9a-f]{16}`)

// origin is a database's own name in version vectors (random per file).
var origin = regexp.MustCompile(`"[0-9a-f]{16}:`)

// maskIDs replaces each id by <id1>, <id2>, … in order of appearance, and
// the data digest (which covers the ids) by <digest>, so that golden files
// do not depend on random ids.
func maskIDs(s string) string {
	s = digest.ReplaceAllString(s, "<digest>")
	seen := map[string]string{}
	s = origin.ReplaceAllString(s, `"<origin>:`)
	return uuid.ReplaceAllStringFunc(s, func(id string) string {
		if _, ok := seen[id]; !ok {
			seen[id] = "<id" + itoa(len(seen)+1) + ">"
		}
		return seen[id]
	})
}

func itoa(n int) string {
	return string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

// golden compares got with testdata/name (rewritten with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		f := os.MkdirAll("testdata", 0o755)
		_ = f
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./sessions/report -update writes it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from its golden file (go test ./sessions/report -update rewrites it); got:\n%s", name, got)
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

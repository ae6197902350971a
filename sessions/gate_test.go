package sessions

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"forum/model"
)

// exported returns a London event's complete export, decoded.
func exported(t testing.TB) Exchange {
	t.Helper()
	f := newFixture(t)
	v := f.london()
	f.capture(v.Group.ID, "More joined-up care")
	data, err := f.eng.ExportJSON(f.ctx, v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	var x Exchange
	if err := json.Unmarshal(renameKeys(data, goName), &x); err != nil {
		t.Fatal(err)
	}
	return x
}

// encoded is an edited export as a file of today's format (snake_case).
func encoded(t testing.TB, x Exchange) []byte {
	t.Helper()
	data, err := encodeExchange(x)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportRefusesNumbersSetUpWouldNotAllow(t *testing.T) {
	cases := []struct {
		name, want string
		edit       func(*Exchange)
	}{
		{"a billion participants", "participants", func(x *Exchange) { x.Tables[0].Participants = 1e9 }},
		{"minus three participants", "participants", func(x *Exchange) { x.Tables[0].Participants = -3 }},
		{"a billion minutes", "minutes", func(x *Exchange) { x.Event.Stages[1].Minutes = 1e9 }},
		{"a vote of 2^62", "value", func(x *Exchange) {
			x.Votes = append(x.Votes, model.Vote{ID: model.NewID(), GroupID: x.Tables[0].ID, StageKey: x.Contributions[0].StageKey,
				Method: model.MethodDots, Voter: "P1", ItemID: x.Contributions[0].ID, Value: 1 << 62})
		}},
		{"a dot budget of a million", "dots", func(x *Exchange) { x.Event.Dots.Budget = 1e6 }},
		{"an extension of a year", "extra_minutes", func(x *Exchange) { x.Tables[0].ExtraMinutes = 525600 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := exported(t)
			c.edit(&x)
			data := encoded(t, x)
			f := newFixture(t)
			_, err := f.eng.ImportJSON(f.ctx, "cli", data, false)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("import of %s: got %v, want a refusal naming %s", c.name, err, c.want)
			}
			if evs, _ := f.eng.Events(f.ctx); len(evs) != 0 {
				t.Fatalf("a refused import stored %d events", len(evs))
			}
		})
	}
}

// hostile is text that would draw on a seat's terminal: an OSC 8 link, a
// colour, a right-to-left override and a C1 control.
const hostile = "Vision \x1b]8;;https://evil.example/\x07click\x1b]8;;\x07 \x1b[31mred\x1b[0m \u202eevil \u009b2J"

func TestImportRefusesTerminalEscapesInEveryTextField(t *testing.T) {
	cases := map[string]func(*Exchange){
		"stage title":   func(x *Exchange) { x.Event.Stages[1].Title = hostile },
		"stage prompt":  func(x *Exchange) { x.Event.Stages[1].Prompts = []string{hostile} },
		"stage notes":   func(x *Exchange) { x.Event.Stages[1].Notes = hostile },
		"venue":         func(x *Exchange) { x.Event.Venue = hostile },
		"aim":           func(x *Exchange) { x.Event.Aims[0] = hostile },
		"speaker":       func(x *Exchange) { x.Event.Programme[0].Speakers[0].Role = hostile },
		"area place":    func(x *Exchange) { x.Areas[0].Places[0] = hostile },
		"table name":    func(x *Exchange) { x.Tables[0].Name = hostile },
		"scribe":        func(x *Exchange) { x.Tables[0].Scribe = hostile },
		"maturity":      func(x *Exchange) { x.Event.Maturity.Levels[0] = hostile },
		"note's author": func(x *Exchange) { x.Contributions[0].Author = hostile },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			x := exported(t)
			edit(&x)
			data := encoded(t, x)
			if _, err := ParseExchange(data); err == nil || !strings.Contains(err.Error(), "does not store") {
				t.Fatalf("the %s with terminal escapes was accepted (%v)", name, err)
			}
		})
	}
}

func TestTemplateWithEscapesOrHugeNumbersIsRefused(t *testing.T) {
	src, err := BuiltinTemplateSource(DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	for name, repl := range map[string][2]string{
		"escape in a stage title": {`title = "Set the vision"`, `title = "Vision \u001b]8;;https://evil.example/\u0007x\u001b]8;;\u0007"`},
		"bidi in a prompt":        {`key = "vision"`, `key = "vision` + "\u202e" + `"`},
		"a billion minutes":       {`minutes = 15`, `minutes = 1000000000`},
		"a dot budget of 10^6":    {`dots = 0`, `dots = 1000000`},
	} {
		t.Run(name, func(t *testing.T) {
			b := strings.Replace(string(src), repl[0], repl[1], 1)
			if b == string(src) {
				t.Fatalf("the template has no %q to change", repl[0])
			}
			if _, err := ParseTemplate("evil.toml", []byte(b)); err == nil {
				t.Fatalf("a template with %s was accepted", name)
			}
		})
	}
}

// FuzzGate feeds import and template files through the one input gate: an
// accepted file holds no control or escape character in any text, and no
// number outside the ranges set-up allows.
func FuzzGate(f *testing.F) {
	tmpl, _ := BuiltinTemplateSource(DefaultTemplate)
	f.Add(tmpl)
	f.Add([]byte(strings.Replace(string(tmpl), `minutes = 15`, `minutes = -3`, 1)))
	x := exported(f)
	x.Tables[0].Participants = -3
	bad, _ := json.Marshal(x)
	f.Add(bad)
	x.Tables[0].Participants = 8
	good, _ := json.Marshal(x)
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		if x, err := ParseExchange(data); err == nil {
			assertSafe(t, reflect.ValueOf(x), "import")
			for _, g := range x.Tables {
				if model.CheckParticipants(g.Participants) != nil {
					t.Fatalf("accepted a table of %d participants", g.Participants)
				}
			}
			for _, s := range x.Event.Stages {
				if model.CheckMinutes(s.Minutes) != nil {
					t.Fatalf("accepted a stage of %d minutes", s.Minutes)
				}
			}
		}
		if tm, err := ParseTemplate("fuzz.toml", data); err == nil {
			assertSafe(t, reflect.ValueOf(tm), "template")
			for _, s := range tm.Stages {
				if model.CheckMinutes(s.Minutes) != nil {
					t.Fatalf("accepted a stage of %d minutes", s.Minutes)
				}
			}
		}
	})
}

// assertSafe fails on any string inside v holding a control character
// (other than a line break) or an invisible format character.
func assertSafe(t *testing.T, v reflect.Value, where string) {
	switch v.Kind() {
	case reflect.String:
		for _, r := range v.String() {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || (unicode.Is(unicode.Cf, r) && r != '\u200d') {
				t.Fatalf("%s accepted %q", where, v.String())
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				assertSafe(t, v.Field(i), where)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			assertSafe(t, v.Index(i), where)
		}
	}
}

// TestVoterCodesHoldToTheRangeWhateverIsStored: a table stored with a
// billion participants, or minus three, by a file from before the gate,
// gives a participant's login at most MaxParticipants codes to look
// through, and no panic.
func TestVoterCodesHoldToTheRangeWhateverIsStored(t *testing.T) {
	if n := len(VoterCodes(1e9)); n != model.MaxParticipants {
		t.Fatalf("VoterCodes(1e9) gave %d codes", n)
	}
	if n := len(VoterCodes(-3)) + len(RaterCodes(-3)); n != 0 {
		t.Fatalf("VoterCodes(-3) and RaterCodes(-3) gave %d codes", n)
	}
}

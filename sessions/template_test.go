package sessions

import (
	"strings"
	"testing"
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

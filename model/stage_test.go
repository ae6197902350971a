package model

import (
	"testing"
	"time"
)

func timeZero() time.Time { return time.Date(2018, 1, 25, 9, 0, 0, 0, time.UTC) }

var script = []Stage{{Key: "open", Title: "Open", Minutes: 5}, {Key: "vision", Title: "Vision", Minutes: 15}, {Key: "end", Title: "End", Minutes: 5}}

func TestStageStep(t *testing.T) {
	if s, err := StageStep(script, "open", 1); err != nil || s.Key != "vision" {
		t.Fatalf("next from open = %v, %v", s.Key, err)
	}
	if s, err := StageStep(script, "vision", -1); err != nil || s.Key != "open" {
		t.Fatalf("back from vision = %v, %v", s.Key, err)
	}
	if _, err := StageStep(script, "open", -1); err == nil {
		t.Fatal("no stage before the first")
	}
	if _, err := StageStep(script, "end", 1); err == nil {
		t.Fatal("no stage after the last")
	}
	if _, err := StageStep(script, "nope", 1); err == nil {
		t.Fatal("unknown stage accepted")
	}
}

func TestTimeLeft(t *testing.T) {
	start := timeZero()
	s := script[1]
	if got := FormatLeft(TimeLeft(s, start, start.Add(3*time.Minute+2*time.Second))); got != "11:58 left" {
		t.Errorf("got %q", got)
	}
	if got := FormatLeft(TimeLeft(s, start, start.Add(16*time.Minute+5*time.Second))); got != "1:05 over" {
		t.Errorf("got %q", got)
	}
	if got := TimeLeft(s, time.Time{}, start); got != 15*time.Minute {
		t.Errorf("a stage not started has its whole time: %v", got)
	}
}

func TestFillPrompt(t *testing.T) {
	got := Fill("What should it look like in {area}?", Area{Code: "NCL", Name: "North Central London"})
	if got != "What should it look like in North Central London?" {
		t.Errorf("got %q", got)
	}
	if ValidID("nope") || !ValidID(string(NewID())) {
		t.Error("ValidID")
	}
	if a, b := NewID(), NewID(); a == b || a > b {
		t.Error("ids must be unique and time-ordered")
	}
}

func TestNormalizeTags(t *testing.T) {
	got := NormalizeTags([]string{" People", "systems", "people", "", "Systems"})
	if len(got) != 2 || got[0] != "people" || got[1] != "systems" {
		t.Fatalf("got %v", got)
	}
}

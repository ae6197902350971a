package model

import "testing"

func TestSetupRules(t *testing.T) {
	cases := []struct {
		name string
		err  error
		ok   bool
	}{
		{"empty time", CheckTime(""), true},
		{"time", CheckTime("09:15"), true},
		{"time 24h", CheckTime("13:30"), true},
		{"time with dot", CheckTime("9.15"), false},
		{"time unpadded", CheckTime("9:15"), false},
		{"time 25h", CheckTime("25:00"), false},
		{"kind", CheckTalkKind("breakout"), true},
		{"unknown kind", CheckTalkKind("lunch"), false},
		{"code", CheckAreaCode(" ncl "), true},
		{"code hyphen", CheckAreaCode("SEL-2"), true},
		{"empty code", CheckAreaCode(" "), false},
		{"long code", CheckAreaCode("ABCDEFGHI"), false},
		{"code space", CheckAreaCode("N C"), false},
		{"code slash", CheckAreaCode("N/C"), false},
		{"dots 0", CheckDots(0), true},
		{"dots negative", CheckDots(-1), false},
		{"dots huge", CheckDots(101), false},
	}
	for _, c := range cases {
		if (c.err == nil) != c.ok {
			t.Errorf("%s: err = %v, want ok=%v", c.name, c.err, c.ok)
		}
	}
}

func TestSpeakersRoundTrip(t *testing.T) {
	in := "Dr Vin Diwakar (Medical Director, NHS England (London)); Jane Doe ; ; Sam (chair)"
	sp := ParseSpeakers(in)
	if len(sp) != 3 || sp[0] != (Speaker{Name: "Dr Vin Diwakar", Role: "Medical Director, NHS England (London)"}) || sp[1] != (Speaker{Name: "Jane Doe"}) || sp[2] != (Speaker{Name: "Sam", Role: "chair"}) {
		t.Fatalf("parsed %+v", sp)
	}
	again := ParseSpeakers(FormatSpeakers(sp[1:]))
	if len(again) != 2 || again[0] != sp[1] || again[1] != sp[2] {
		t.Fatalf("round trip gave %+v", again)
	}
}

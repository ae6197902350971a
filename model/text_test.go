package model

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanNeutralisesHostileText(t *testing.T) {
	tests := []struct {
		name, in, want string
		multi, changed bool
	}{
		{"plain", "Shared records for all", "Shared records for all", false, false},
		{"outer spaces trimmed silently", "  hello  ", "hello", false, false},
		{"csi colour", "\x1b[31mred\x1b[0m text", "red text", false, true},
		{"clear screen", "a\x1b[2Jb", "ab", false, true},
		{"osc title", "x\x1b]0;pwned\x07y", "xy", false, true},
		{"osc 52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "xy", false, true},
		{"carriage return overwrite", "safe\rEVIL", "safe EVIL", false, true},
		{"carriage return multiline", "safe\rEVIL", "safe\nEVIL", true, true},
		{"backspace", "abc\b\b\bxyz", "abcxyz", false, true},
		{"bell", "ding\a", "ding", false, true},
		{"c1 csi", "a\u009b31mb", "a31mb", false, true},
		{"bidi override", "abc\u202edcba", "abcdcba", false, true},
		{"bidi isolate", "\u2067x\u2069", "x", false, true},
		{"zero width space", "a\u200bb", "ab", false, true},
		{"bom", "\ufeffstart", "start", false, true},
		{"emoji joiner kept", "👩\u200d⚕️ nurse", "👩\u200d⚕️ nurse", false, false},
		{"england flag kept", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", false, false},
		{"tag smuggling dropped", "hi\U000E0041\U000E0042", "hi", false, true},
		{"invalid utf8", "ab\xffcd", "ab\uFFFDcd", false, true},
		{"newline joined when single line", "one\ntwo", "one two", false, true},
		{"newline kept when multiline", "one\ntwo", "one\ntwo", true, false},
		{"crlf normalised", "one\r\ntwo", "one\ntwo", true, false},
		{"blank lines collapsed", "a\n\n\n\nb", "a\n\nb", true, false},
		{"tab to space", "a\tb", "a b", false, false},
		{"del", "a\x7fb", "ab", false, true},
		{"accents kept", "Barking & Dagenham — café", "Barking & Dagenham — café", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Clean(tt.in, TextRule{Max: 1000, Multiline: tt.multi})
			if err != nil {
				t.Fatalf("Clean(%q): %v", tt.in, err)
			}
			if c.Text != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, c.Text, tt.want)
			}
			if c.Changed() != tt.changed {
				t.Errorf("Clean(%q).Changed() = %v (%v), want %v", tt.in, c.Changed(), c.Changes, tt.changed)
			}
			if tt.changed && !strings.HasPrefix(c.Notice(), "Text was changed: ") {
				t.Errorf("notice %q does not tell the user", c.Notice())
			}
		})
	}
}

func TestCleanRefusesEmptyAndTooLong(t *testing.T) {
	for _, in := range []string{"", "   ", "\n\t ", "\x1b[31m\x1b[0m", "\u200b\u202e"} {
		if _, err := Clean(in, NoteRule); !errors.Is(err, ErrEmpty) {
			t.Errorf("Clean(%q) error = %v, want ErrEmpty", in, err)
		}
	}
	long := strings.Repeat("é", NoteRule.Max+1)
	c, err := Clean(long, NoteRule)
	if !errors.Is(err, ErrTooLong) {
		t.Fatalf("over the cap: error = %v, want ErrTooLong", err)
	}
	if !strings.Contains(err.Error(), "2001") || !strings.Contains(err.Error(), "2000") {
		t.Errorf("error %q should give the length and the limit", err)
	}
	if c.Text != long {
		t.Error("a refused text must come back whole, so nothing is lost")
	}
	if _, err := Clean(strings.Repeat("é", NoteRule.Max), NoteRule); err != nil {
		t.Errorf("exactly at the cap is allowed: %v", err)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"hello", "\x1b[2J", "a\rb", "\xff\xfe", "\u202e", "👩\u200d⚕️", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := Clean(in, TextRule{Max: 100000, Multiline: true})
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(c.Text) {
			t.Fatalf("invalid UTF-8 out: %q", c.Text)
		}
		for _, r := range c.Text {
			if r == '\x1b' || r == '\r' || r == '\b' || r == '\a' || (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
				t.Fatalf("control %U left in %q", r, c.Text)
			}
			if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("bidi control %U left in %q", r, c.Text)
			}
		}
		again, _ := Clean(c.Text, TextRule{Max: 100000, Multiline: true})
		if again.Text != c.Text || again.Changed() {
			t.Fatalf("cleaning is not idempotent: %q -> %q (%v)", c.Text, again.Text, again.Changes)
		}
	})
}

// FuzzSafeFastPath checks that Safe's shortcut never differs from Clean.
func FuzzSafeFastPath(f *testing.F) {
	for _, s := range []string{"plain", " padded ", "two\nlines", "tab\there", "esc \x1b[31m", "bidi \u202e", "emoji 👩\u200d💻", "a  \nb", "\xff"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		c, _ := Clean(s, TextRule{Multiline: multiline})
		if got := Safe(s, multiline); got != c.Text {
			t.Fatalf("Safe(%q) = %q, Clean gives %q", s, got, c.Text)
		}
	})
}

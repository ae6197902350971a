package textarea

// forum's test of its patch (see FORUM.md at the module's root). Run by
// forum's .ci/run.

import "testing"

// A textarea holds room for the lines it has, not for 10,000 (240 KB a
// textarea, allocated again on every SetValue), and still takes more lines
// than it started with room for.
func TestForumATextareaHoldsOnlyTheLinesItHas(t *testing.T) {
	m := New()
	if c := cap(m.value); c > 16 {
		t.Errorf("a new textarea has room for %d lines", c)
	}
	m.SetValue("one")
	if c := cap(m.value); c > 16 {
		t.Errorf("after SetValue it has room for %d lines", c)
	}
	m.MaxHeight = 0
	m.SetValue("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20")
	if got := m.LineCount(); got != 20 {
		t.Errorf("20 lines set, %d held", got)
	}
	if got := m.Value(); got != "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20" {
		t.Errorf("value %q", got)
	}
}

// A line's key in the wrap cache is the same for the same runes and width
// and differs when either differs (the key is no longer a SHA-256).
func TestForumLineKeysTellLinesApart(t *testing.T) {
	lines := []line{{[]rune("ab"), 10}, {[]rune("ab"), 1}, {[]rune("a"), 10}, {[]rune("1:ab"), 0},
		{[]rune(""), 0}, {[]rune("b"), 1}, {[]rune("0:ab"), 1}, {[]rune("漢字"), 10}}
	seen := map[string]int{}
	for i, l := range lines {
		k := l.Hash()
		if j, ok := seen[k]; ok {
			t.Errorf("lines %d and %d share the key %q", j, i, k)
		}
		seen[k] = i
		if again := (line{append([]rune(nil), l.runes...), l.width}).Hash(); again != k {
			t.Errorf("line %d: key %q, then %q", i, k, again)
		}
	}
	m := New()
	m.SetWidth(8)
	m.MaxHeight = 4
	m.SetValue("one two three four")
	if got := m.LineInfo().Height; got < 2 {
		t.Errorf("a long line wraps into %d rows", got)
	}
}

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

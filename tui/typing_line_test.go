package tui

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A typing line fed characters through typeInto shows, holds and places
// its cursor exactly as one fed every key through the textarea's Update:
// random typing of letters, capitals, spaces, wide characters and accents,
// with backspaces, cursor moves, new lines and selections, past the
// line's four-line height, at several widths.
func TestTypingIntoTheLineIsTheTextareasOwnTyping(t *testing.T) {
	keys := []tea.KeyPressMsg{
		keyMsg("backspace"), keyMsg("left"), keyMsg("right"), keyMsg("up"), keyMsg("home"), keyMsg("end"),
		{Code: 'j', Mod: tea.ModCtrl}, {Code: tea.KeyLeft, Mod: tea.ModShift}, {Code: tea.KeyRight, Mod: tea.ModShift},
		{Code: 'w', Mod: tea.ModCtrl}, {Code: tea.KeyEnter, Mod: tea.ModAlt},
	}
	text := []rune("abcdefghij klmnop QRSTU 世界 é ✓ ")
	for _, width := range []int{20, 47, 98} {
		r := rand.New(rand.NewPCG(uint64(width), 9))
		slow, fast := noteInput(), noteInput()
		slow.SetWidth(width)
		fast.SetWidth(width)
		fastPath := 0
		for step := range 2000 {
			var k tea.KeyPressMsg
			if r.IntN(5) == 0 {
				k = keys[r.IntN(len(keys))]
			} else {
				c := text[r.IntN(len(text))]
				k = tea.KeyPressMsg{Code: c, Text: string(c)}
				if c >= 'Q' && c <= 'U' {
					k.Mod = tea.ModShift
				}
			}
			if r.IntN(120) == 0 { // a saved note: the line starts again
				slow.SetValue("")
				fast.SetValue("")
			}
			slow, _ = slow.Update(k)
			if _, ok := typeInto(&fast, k); ok {
				fastPath++
			} else {
				fast, _ = fast.Update(k)
			}
			if slow.Value() != fast.Value() || slow.View() != fast.View() || !sameCursor(slow.Cursor(), fast.Cursor()) || slow.Line() != fast.Line() || slow.Column() != fast.Column() {
				t.Fatalf("width %d, step %d (%q): typed directly, the line shows\n%s\nits Update shows\n%s", width, step, k.String(), fast.View(), slow.View())
			}
		}
		if fastPath < 700 {
			t.Errorf("width %d: only %d keys took the direct path", width, fastPath)
		}
	}
}

func sameCursor(a, b *tea.Cursor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Position == b.Position
}

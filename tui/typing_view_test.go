package tui

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestTheTypingLineShowsEveryChange drives the table screen's typing line
// with random keys (typing, moving, selecting with shift, new lines,
// deleting, saving, the notes list and back, the terminal resized) and
// checks after each (through the harness) that the kept typing lines are
// the ones drawn afresh: the line is drawn again whenever its text,
// cursor, selection, size or focus moved.
func TestTheTypingLineShowsEveryChange(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	rng := rand.New(rand.NewPCG(12, 2026))
	shift := func(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code, Mod: tea.ModShift} }
	keys := []func() tea.Msg{
		func() tea.Msg { r := rune('a' + rng.IntN(26)); return tea.KeyPressMsg{Code: r, Text: string(r)} },
		func() tea.Msg { return tea.KeyPressMsg{Code: ' ', Text: " "} },
		func() tea.Msg { return keyMsg("left") },
		func() tea.Msg { return keyMsg("right") },
		func() tea.Msg { return keyMsg("home") },
		func() tea.Msg { return keyMsg("end") },
		func() tea.Msg { return shift(tea.KeyLeft) },
		func() tea.Msg { return shift(tea.KeyRight) },
		func() tea.Msg { return keyMsg("backspace") },
		func() tea.Msg { return keyMsg("up") },
		func() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyEnter, Mod: tea.ModAlt} },
		func() tea.Msg { return keyMsg("tab") },
		func() tea.Msg { return keyMsg("enter") },
		func() tea.Msg { return tea.WindowSizeMsg{Width: 40 + rng.IntN(100), Height: 24} },
	}
	weights := []int{30, 6, 4, 4, 2, 2, 4, 4, 4, 2, 2, 2, 2, 1}
	changed := 0
	for range 3000 {
		n := rng.IntN(65)
		i := 0
		for ; n >= weights[i]; i++ {
			n -= weights[i]
		}
		before := h.app.frames.typingKey
		h.msg(keys[i]())
		if h.app.frames.typingKey != before {
			changed++
		}
	}
	if changed < 1500 {
		t.Fatalf("the typing line moved only %d times in 3,000 keys", changed)
	}
}

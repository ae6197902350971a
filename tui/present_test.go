package tui

import (
	"fmt"
	"strings"
	"testing"
)

// blockRows counts the screen's rows drawn with block characters.
func blockRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		if strings.ContainsAny(l, "█▀▄▌▐▘▝▖▗▛▜▙▟▚▞") {
			n++
		}
	}
	return n
}

// TestPresentModeIsReadableFromTheBack walks every slide of the demo at
// 80×24 and 160×48: titles and the one thing on a slide are drawn in
// letters at least three rows high, at most three priorities a table with
// ties said in words, the cross-cutting themes name where they were raised,
// the room shows each table's stage and notes, and every slide fits.
func TestPresentModeIsReadableFromTheBack(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, hg := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, hg), func(t *testing.T) {
			h := newHarness(t, w, hg)
			h.keys("d", "enter", "ctrl+p", "y", "esc", "esc", "d", "p") // Table 1 back at work: the room is live
			seen := map[string]bool{}
			for i, s := range h.app.present.slides {
				if h.app.present.at != i {
					t.Fatalf("slide %d: at %d", i, h.app.present.at)
				}
				h.fits(w, hg)
				screen := h.screen()
				if blockRows(screen) < 3 {
					t.Errorf("slide %d (%s) has no big lettering:\n%s", i+1, s.title, screen)
				}
				if s.title == "Top priorities" {
					if n := len(s.lines); n > 4 || (n == 4 && !strings.HasPrefix(s.lines[3], "and ")) {
						t.Errorf("more than the top three priorities: %q", s.lines)
					}
					for _, l := range s.lines {
						if strings.HasPrefix(l, "=") || strings.Contains(l, " =") {
							t.Errorf("a tie is not said in words: %q", l)
						}
					}
				}
				if !seen[s.title] {
					seen[s.title] = true
					name := strings.ToLower(strings.ReplaceAll(s.title, " ", "-"))
					h.golden(fmt.Sprintf("present-%s-%dx%d", name, w, hg))
				}
				h.keys("right")
			}
			for _, want := range []string{"Plenary", "The room", "Vision", "Top priorities", "Cross-cutting themes", "Key message 1"} {
				if !seen[want] {
					t.Errorf("no %q slide", want)
				}
			}
		})
	}
}

func TestPresentSlidesSayTiesAndWhereInWords(t *testing.T) {
	h := newHarness(t, 160, 48)
	h.keys("d", "enter", "ctrl+p", "y", "esc", "esc", "d", "p")
	var all []string
	for _, s := range h.app.present.slides {
		all = append(all, s.title+": "+strings.Join(s.lines, " | "))
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"Joint first: Agree one governance model", "Third: ", "NCL Table 1, ", "raised by 5 of 5 STPs", "NCL Table 1: Agree next steps, 15 notes"} {
		if !strings.Contains(text, want) {
			t.Errorf("the slides lack %q:\n%s", want, text)
		}
	}
}

func TestBigLetteringTakesLatin1AndLeavesTheRest(t *testing.T) {
	rows, ok := bigText("Café £5 ½ Ñ", 160, 20)
	if !ok || len(rows) < 3 {
		t.Fatalf("Latin-1 is not drawn big: %v %q", ok, rows)
	}
	if _, ok := bigText("会议 Ζωή", 160, 20); ok {
		t.Error("characters outside the font were drawn big")
	}
	if _, ok := bigText(strings.Repeat("word ", 60), 80, 10); ok {
		t.Error("a text too long for the room was drawn big")
	}
	for _, w := range []int{80, 120, 160, 200} {
		if rows, ok := bigText("Key messages", w, 40); !ok || len(rows) < 3 || len([]rune(rows[0])) > w {
			t.Errorf("at %d columns the title is %d rows (%v)", w, len(rows), ok)
		}
	}
}

// BenchmarkPresentViewLarge is View() of a present-mode slide of the
// 20-table event at 160×48: the big letters are drawn on every View.
func BenchmarkPresentViewLarge(b *testing.B) {
	h := largeHarness(b, 160, 48)
	h.keys("d", "p", "right", "right")
	b.ResetTimer()
	for b.Loop() {
		_ = h.app.View()
	}
}

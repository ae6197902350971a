package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestTheTypingLineIsDrawnAsTheTextareaDrawsIt types random text (letters,
// digits, punctuation, runs of spaces, accents, tabs, a wide character)
// into typing lines of random widths, moves the cursor now and then, and
// checks that typingDraw gives what the textarea's View gives, and that
// most plain notes take the kept pieces.
func TestTheTypingLineIsDrawnAsTheTextareaDrawsIt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 12))
	alphabet := []string{"a", "b", "Z", "7", " ", " ", "  ", ",", ".", "'", "-", "é", "\t", "語", "?", "(", ")"}
	fast, drawn := 0, 0
	for range 4000 {
		in := noteInput()
		in.SetWidth(10 + rng.IntN(140))
		var d typingDraw
		var b strings.Builder
		for range rng.IntN(in.Width() + 8) {
			if rng.IntN(6) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteByte(byte('a' + rng.IntN(26)))
				if rng.IntN(5) == 0 {
					b.WriteByte(' ')
				}
			}
		}
		in.InsertString(b.String())
		switch rng.IntN(8) {
		case 0:
			in.CursorStart()
		case 1:
			in.SetCursorColumn(rng.IntN(in.Length() + 1))
		case 2:
			in.Blur()
		}
		want := in.View()
		if got := d.view(&in); got != want {
			t.Fatalf("width %d, text %q, cursor %d:\n got %q\nwant %q", in.Width(), in.Value(), in.Column(), got, want)
		}
		drawn++
		if d.ok && in.Value() != "" && in.Column() == len(in.Value()) && plainASCII(in.Value()) && len(in.Value())+1 < in.Width() {
			fast++
		}
	}
	if fast < drawn/20 {
		t.Fatalf("only %d of %d lines drawn from the kept pieces", fast, drawn)
	}
	for i := range 300 { // notes as scribes type them take the kept pieces
		in := noteInput()
		in.SetWidth(40 + rng.IntN(100))
		var d typingDraw
		note := fmt.Sprintf("Note %d: shared records, estates (and the workforce)?", i)[:10+rng.IntN(30)]
		note = strings.TrimRight(note, " ")
		in.InsertString(note)
		if got, want := d.view(&in), in.View(); got != want || !d.ok || !plainASCII(note) {
			t.Fatalf("%q: got %q, want %q (pieces kept: %v)", note, got, want, d.ok)
		}
	}
	var d typingDraw
	in := noteInput()
	in.SetWidth(76)
	if got, want := d.view(&in), in.View(); got != want || !d.ok {
		t.Fatalf("the placeholder: got %q, want %q (pieces kept: %v)", got, want, d.ok)
	}
}

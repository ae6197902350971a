package tea

// forum's test of its patch (forum_lines.go): after any sequence of
// frames, the cell buffer drawn line by line equals the one a full parse
// of the last frame gives, and the terminal is sent what makes its screen
// equal too. Run by forum's .ci/run.

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// forumPieces are bits of lines as lipgloss and forum write them;
// forumDirty leave the pen dirty, or what follows them uncertain.
var (
	forumPieces = []string{
		"plain", " ", "Table 1 · Vision", "12:04", "✓ saved", "世界", "👩‍⚕️", "e\u0301",
		"\x1b[1m", "\x1b[m", "\x1b[0m", "\x1b[38;2;200;100;50m", "\x1b[7m", "\x1b[4:3m",
		"\x1b]8;;https://example.org\x07", "\x1b]8;;\x07", "\x1b]8;id=1;http://x\x1b\\",
		"\x1b[2K", "\x1b]0;title\x07", "a very long line of text that runs off the edge of the screen",
	}
	forumDirty = []string{"\u0301", "\x1b[31m\u0301", "\x1b[3", "\x1bPq\x1b\\", "\t", "\x1b]8;;http://open\x07"}
)

func randomLine(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(forumPieces[r.IntN(len(forumPieces))])
	}
	if r.IntN(30) == 0 {
		b.WriteString(forumDirty[r.IntN(len(forumDirty))])
	}
	if r.IntN(30) > 0 {
		b.WriteString("\x1b]8;;\x07\x1b[m") // most lines end clean, as lipgloss writes them
	}
	return b.String()
}

func TestForumChangedLinesDrawAsAFullParse(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const w, h = 30, 8
	var out bytes.Buffer
	s := newCursedRenderer(&out, []string{"TERM=xterm-256color"}, w, h)
	lines := make([]string, h)
	fast := 0
	var prev string
	for step := range 3000 {
		// Change a few lines, sometimes the number of lines.
		for range 1 + r.IntN(3) {
			lines[r.IntN(len(lines))] = randomLine(r)
		}
		n := h - r.IntN(2)
		if step%50 == 0 {
			n = h + 2 // taller than the screen
		}
		frame := make([]string, 0, n)
		for i := range n {
			frame = append(frame, lines[i%h])
		}
		content := strings.Join(frame, "\n")
		if _, clean := frameLines(content); clean && s.lastLines != nil {
			fast++
		}
		s.render(View{Content: content, AltScreen: true})
		if err := s.flush(false); err != nil {
			t.Fatal(err)
		}
		defer1 := content
		want := uv.NewScreenBuffer(w, h)
		want.Clear()
		uv.NewStyledString(content).Draw(want, want.Bounds())
		if !reflect.DeepEqual(want.Buffer.Lines, s.cellbuf.Buffer.Lines) {
			for y := range h {
				for x := range w {
					if a, b := want.CellAt(x, y), s.cellbuf.CellAt(x, y); !reflect.DeepEqual(a, b) {
						t.Logf("row %d col %d: want %#v got %#v", y, x, a, b)
					}
				}
			}
			t.Fatalf("step %d: the buffer differs from a full parse of %q (before: %q)", step, content, prev)
		}
		prev = defer1
	}
	if fast < 500 {
		t.Errorf("only %d of 3000 frames took the line-by-line path", fast)
	}
}

func TestForumFrameLinesTellsCleanFromDirty(t *testing.T) {
	for _, c := range []struct {
		frame string
		clean bool
	}{
		{"a\nb", true},
		{"\x1b[1mbold\x1b[m\nnext", true},
		{"\x1b[1mbold\nnext", false},
		{"\x1b[1;31mx\x1b[0m\ny", true},
		{"\x1b]8;;http://x\x07link\x1b]8;;\x07\nz", true},
		{"\x1b]8;;http://x\x07link\nz", false},
		{"\x1b[3\nm", false},
		{"\x1bPq\x1b\\\nz", false},
		{"a\r\nb", false},
		{"\xff\nb", false},
		{"last line may end styled\n\x1b[1m", true},
		{"waiting\n\x1bPq\x1b\\", false},
		{"a\n\u0301b", false},
		{"a\n\x1b[1m\u0301b", false},
		{"a\n\u00e9", true},
	} {
		if _, got := frameLines(c.frame); got != c.clean {
			t.Errorf("frameLines(%q) clean = %v, want %v", c.frame, got, c.clean)
		}
	}
}

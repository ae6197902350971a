package plain

import (
	"io"
	"strings"
	"sync"

	"forum/model"
)

// writer is the output stream: whole lines of plain text, never an escape
// sequence. On a raw terminal it ends lines in CR LF, echoes what is typed,
// and when a line is said while the person is part-way through typing, it
// says it on a line of its own and then repeats what they had typed, so
// that nothing is drawn over.
type writer struct {
	mu       sync.Mutex
	w        io.Writer
	terminal bool
	partial  string // what is typed so far on a raw terminal
}

func newWriter(w io.Writer, terminal bool) *writer { return &writer{w: w, terminal: terminal} }

// line writes text (which may hold newlines) as lines of its own. Text that
// came from other people is made safe first (no control characters).
func (w *writer) line(text string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, model.Safe(l, false))
	}
	nl := "\n"
	if w.terminal {
		nl = "\r\n"
	}
	var b strings.Builder
	if w.partial != "" {
		b.WriteString(nl)
	}
	b.WriteString(strings.Join(lines, nl) + nl)
	b.WriteString(w.partial)
	io.WriteString(w.w, b.String())
}

// echo writes what the terminal would have shown of a key press.
func (w *writer) echo(s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	io.WriteString(w.w, s)
}

// typed records what is typed so far (nil once the line is sent).
func (w *writer) typed(buf []rune) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.partial = string(buf)
}

package tea

// forum's patch: redraw only the lines of a frame that changed.
//
// Upstream clears the whole cell buffer and parses the whole frame into it
// on every flush, so a frame in which one clock digit changed costs as much
// as a new screen (about 0.2 ms for 100×30 on forum's machine, and forum
// serve runs one program per SSH seat, each redrawing its clock every
// second). The parser carries its pen (style, hyperlink, pending
// pass-through sequences) from one line to the next, so a line can be
// parsed alone only where it starts with a clean pen. frameLines checks
// that for every line of a frame; when it holds for the frame and the one
// before, flush parses only the lines whose text differs, and the cell
// buffer ends up exactly as a full parse would leave it.

import (
	"strings"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// frameLines splits a frame into its lines and reports whether every line
// starts with a clean pen: no style, no hyperlink, no sequence left open
// or waiting for a glyph from the line before, and no text that joins the
// glyph before. It answers false when
// it cannot tell, which only costs the full parse.
func frameLines(content string) ([]string, bool) {
	if !utf8.ValidString(content) || strings.Contains(content, "\r") {
		return nil, false
	}
	lines := strings.Split(content, "\n")
	for i, line := range lines {
		styled, linked, ok := penAfter(line)
		// The last line may end with a style (no line follows it), but not
		// with a sequence waiting for a glyph: at the end of the frame that
		// is folded into the last glyph drawn, on whatever line.
		if !ok || startsZeroWidth(line) || i < len(lines)-1 && (styled || linked) {
			return nil, false
		}
	}
	return lines, true
}

// penAfter reports the pen at the end of a line that starts with a clean
// one: whether its last SGR (if any) leaves a style set, and whether its
// last hyperlink (if any) is still open. ok is false unless every escape
// sequence in the line is an SGR, a hyperlink or one the parser drops (any
// other CSI or OSC), complete within the line.
func penAfter(line string) (styled, linked, ok bool) {
	for {
		i := strings.IndexByte(line, 0x1b)
		if i < 0 {
			return styled, linked, true
		}
		line = line[i:]
		if len(line) < 2 {
			return false, false, false
		}
		switch line[1] {
		case '[':
			n, final, params := csiEnd(line)
			if n < 0 {
				return false, false, false
			}
			if final == 'm' {
				styled = params != "" && params != "0"
			}
			line = line[n:]
		case ']':
			n, data := oscEnd(line)
			if n < 0 {
				return false, false, false
			}
			if strings.HasPrefix(data, "8;") {
				// OSC 8 ; params ; URI: closed when the URI is empty.
				rest := data[2:]
				j := strings.IndexByte(rest, ';')
				if j < 0 {
					return false, false, false
				}
				linked = rest[j+1:] != ""
			}
			line = line[n:]
		default:
			// ESC Fs, DCS, APC, PM, SOS: not worth telling apart here.
			return false, false, false
		}
	}
}

// startsZeroWidth reports whether the first text of a line (after its
// escape sequences) is a zero-width cluster, such as a combining mark:
// the parser folds it into the last glyph drawn, which may be on the line
// above.
func startsZeroWidth(line string) bool {
	for len(line) > 0 && line[0] == 0x1b {
		var n int
		switch {
		case len(line) > 1 && line[1] == '[':
			n, _, _ = csiEnd(line)
		case len(line) > 1 && line[1] == ']':
			n, _ = oscEnd(line)
		default:
			return true
		}
		if n < 0 {
			return true
		}
		line = line[n:]
	}
	if line == "" || line[0] < 0x80 {
		return false
	}
	_, width := ansi.FirstGraphemeCluster(line, ansi.GraphemeWidth)
	return width == 0
}

// csiEnd returns the length of the CSI sequence at the start of s, its
// final byte and its parameter bytes; -1 when it does not end in s.
func csiEnd(s string) (int, byte, string) {
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x40 && c <= 0x7e:
			return i + 1, c, s[2:i]
		case c < 0x20 || c > 0x3f:
			return -1, 0, ""
		}
	}
	return -1, 0, ""
}

// oscEnd returns the length of the OSC sequence at the start of s and its
// data, ended by BEL or ESC \; -1 when it does not end in s.
func oscEnd(s string) (int, string) {
	for i := 2; i < len(s); i++ {
		switch s[i] {
		case 0x07:
			return i + 1, s[2:i]
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2, s[2:i]
			}
			return -1, ""
		}
	}
	return -1, ""
}

// drawChangedLines parses into buf only the rows whose text differs
// between the frame drawn last (old) and this one (lines). Both must come
// from frameLines and buf must hold old's frame, at the same size.
func drawChangedLines(buf uv.ScreenBuffer, old, lines []string) {
	w := buf.Width()
	for y := range buf.Height() {
		var was, now string
		if y < len(old) {
			was = old[y]
		}
		if y < len(lines) {
			now = lines[y]
		}
		if was == now {
			continue
		}
		uv.NewStyledString(now).Draw(buf, uv.Rect(0, y, w, 1))
	}
}

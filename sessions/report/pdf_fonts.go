package report

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// pdfFamily is the name the PDF gives the embedded Go fonts.
const pdfFamily = "Go"

// pdfFaces are the TrueType files of the Go fonts by fpdf style: they come
// with the module, so the binary carries them and every PDF embeds them.
// They cover Latin, Greek and Cyrillic, and the typographic punctuation
// (en and em dashes, curly quotes, bullets) the report uses.
var pdfFaces = map[string][]byte{
	"":   goregular.TTF,
	"B":  gobold.TTF,
	"I":  goitalic.TTF,
	"BI": gobolditalic.TTF,
}

// coverage says which characters the regular Go font draws; the other
// styles cover the same set. Parsed once, on first use.
var coverage = sync.OnceValues(func() (*sfnt.Font, error) {
	return sfnt.Parse(goregular.TTF)
})

// covered reports whether the fonts have a glyph for r, remembering the
// answer (the same few hundred characters make up a report).
func covered(f *sfnt.Font, buf *sfnt.Buffer, seen map[rune]bool, r rune) bool {
	if ok, done := seen[r]; done {
		return ok
	}
	gi, err := f.GlyphIndex(buf, r)
	ok := err == nil && gi != 0
	seen[r] = ok
	return ok
}

// glyphs makes text printable with the embedded fonts: user text is
// neutralised as for every format, and a character the fonts cannot draw
// (an emoji, a Chinese name) becomes a visible placeholder such as
// [U+1F600], never a blank or nothing at all.
type glyphs struct {
	font *sfnt.Font
	buf  sfnt.Buffer
	seen map[rune]bool
}

func newGlyphs() (*glyphs, error) {
	f, err := coverage()
	if err != nil {
		return nil, fmt.Errorf("reading the embedded font: %w", err)
	}
	return &glyphs{font: f, seen: map[rune]bool{}}, nil
}

func (g *glyphs) text(s string) string {
	s = safe(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == ' ':
			b.WriteRune(r)
		case r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
			b.WriteRune(' ')
		case r == '\u200d' || r == '\ufe0f': // emoji joiners: the placeholder already shows the emoji
		case covered(g.font, &g.buf, g.seen, r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "[U+%04X]", r)
		}
	}
	return b.String()
}

package tui

import (
	"image"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/inconsolata"
	"golang.org/x/image/math/fixed"
)

// Big lettering for present mode, drawn with the terminal's block
// characters from the bitmaps of Inconsolata Bold 8×16, which golang.org/x/image
// embeds (ASCII and Latin-1, so "é", "£" and "½" draw as well as "A"). Each
// size packs a glyph's pixels into cells differently:
//
//	bigLarge   half blocks, 1×2 pixels a cell: 8 columns a letter, square pixels
//	bigMedium  quadrants, 2×2 pixels a cell: 4 columns a letter, as tall
//	bigSmall   quadrants of every other pixel row: 4 columns, half as tall
//
// A text with a character the font lacks is not drawn big at all.
type bigSize int

const (
	bigSmall bigSize = iota
	bigMedium
	bigLarge
)

var bigFace = inconsolata.Bold8x16

// bigDrawable reports whether every character of s is in the big font.
func bigDrawable(s string) bool {
	for _, r := range s {
		if _, ok := bigFace.GlyphAdvance(r); !ok || r < ' ' {
			return false
		}
	}
	return true
}

// bigCharWidth is how many columns a letter takes at a size.
func bigCharWidth(z bigSize) int {
	if z == bigLarge {
		return 8
	}
	return 4
}

// bigTop is the rows above the tallest letter (an accented capital) that
// every glyph leaves empty.
const bigTop = 1

// bigLine draws one line of text in big letters, as rows.
func bigLine(s string, z bigSize) []string {
	n := len([]rune(s))
	img := image.NewAlpha(image.Rect(0, 0, n*bigFace.Advance, bigFace.Height))
	d := font.Drawer{Dst: img, Src: image.Opaque, Face: bigFace, Dot: fixed.P(0, bigFace.Ascent)}
	d.DrawString(s)
	on := func(x, y int) bool {
		y += bigTop
		if x < 0 || y < 0 || x >= img.Rect.Dx() || y >= img.Rect.Dy() {
			return false
		}
		return img.AlphaAt(x, y).A >= 0x70
	}
	var rows []string
	h := bigFace.Height - bigTop
	switch z {
	case bigLarge:
		for y := 0; y < h; y += 2 {
			var b strings.Builder
			for x := 0; x < img.Rect.Dx(); x++ {
				b.WriteRune(halfBlock(on(x, y), on(x, y+1)))
			}
			rows = append(rows, b.String())
		}
	default:
		step := 1
		if z == bigSmall {
			step = 2
		}
		for y := 0; y < h; y += 2 * step {
			var b strings.Builder
			for x := 0; x < img.Rect.Dx(); x += 2 {
				b.WriteRune(quadrant(on(x, y), on(x+1, y), on(x, y+step), on(x+1, y+step)))
			}
			rows = append(rows, b.String())
		}
	}
	return rows
}

func halfBlock(top, bottom bool) rune {
	switch {
	case top && bottom:
		return '█'
	case top:
		return '▀'
	case bottom:
		return '▄'
	}
	return ' '
}

// quadrants by bits: top-left 1, top-right 2, bottom-left 4, bottom-right 8.
var quadrants = []rune(" ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█")

func quadrant(tl, tr, bl, br bool) rune {
	i := 0
	for bit, on := range []bool{tl, tr, bl, br} {
		if on {
			i |= 1 << bit
		}
	}
	return quadrants[i]
}

// bigText draws text in big letters within w columns and h rows, at the
// largest size at which it fits, wrapped at spaces, a blank row between
// lines. ok is false when it fits at no size or the font lacks one of its
// characters: then the caller shows it as ordinary text.
func bigText(s string, w, h int) (rows []string, ok bool) {
	return bigWrapped(s, w, h, 0)
}

// bigTitle is bigText for a title: on one line at the largest size where
// it fits on one, else wrapped as bigText does.
func bigTitle(s string, w, h int) ([]string, bool) {
	if rows, ok := bigWrapped(s, w, h, 1); ok {
		return rows, true
	}
	return bigWrapped(s, w, h, 0)
}

// bigWrapped is bigText on at most maxLines lines (0: any number).
func bigWrapped(s string, w, h, maxLines int) (rows []string, ok bool) {
	if !bigDrawable(s) {
		return nil, false
	}
	for z := bigLarge; z >= bigSmall; z-- {
		per := w / bigCharWidth(z)
		if per < 1 {
			continue
		}
		lines := wrapWords(s, per)
		if lines == nil || (maxLines > 0 && len(lines) > maxLines) {
			continue
		}
		rows = rows[:0]
		for i, l := range lines {
			if i > 0 {
				rows = append(rows, "")
			}
			rows = append(rows, trimBlankRows(bigLine(l, z))...)
		}
		if len(rows) <= h {
			return rows, true
		}
	}
	return nil, false
}

// trimBlankRows drops the rows without ink above and below a line.
func trimBlankRows(rows []string) []string {
	for len(rows) > 0 && strings.TrimSpace(rows[0]) == "" {
		rows = rows[1:]
	}
	for len(rows) > 0 && strings.TrimSpace(rows[len(rows)-1]) == "" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// wrapWords wraps s at spaces into lines of at most n characters; nil if
// a word is longer than n.
func wrapWords(s string, n int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		if len([]rune(word)) > n {
			return nil
		}
		switch {
		case cur == "":
			cur = word
		case len([]rune(cur))+1+len([]rune(word)) <= n:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

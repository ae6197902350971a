package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles are every style the screens use, built for a light or dark
// terminal background. Colour is never the only signal: a warning also
// says so in words or a symbol (model.ClockLabel, "✓", "✗").
type Styles struct {
	Title, Header, Demo, Prompt, Faint, Selected, Saved, Warn, Over, Error, OK, Tag, Bar, Box, Key lipgloss.Style
	// Help is the footer's key help, in the same palette.
	Help help.Styles
	// lines are the styles a clock tick draws, for one line each.
	lines struct{ header, faint, bar, warn, over lineStyle }
}

// Palette is the colour of each role on one background. The colours are
// xterm 256-colour indexes chosen so that every profile shows them
// legibly: true-colour and 256-colour terminals show the index itself, and
// 16-colour terminals the basic colour it maps to (styles_test.go checks
// the contrast of each against the background in all three).
type Palette struct {
	// Text is the normal foreground, for keys in the footer.
	Text color.Color
	// Accent marks titles, prompts and the running clock.
	Accent color.Color
	// Secondary is explanatory and less important text (hints, counts).
	Secondary color.Color
	// Separator is rules, the unused part of the clock bar and the dots
	// between footer hints.
	Separator color.Color
	// Warn is the clock in its last two minutes (and a paused clock).
	Warn color.Color
	// Over is the clock past its time, and errors.
	Over color.Color
	// OK is saved and done.
	OK color.Color
	// Tag is a note's tags.
	Tag color.Color
	// Demo is the badge of illustrative data.
	Demo color.Color
}

// NewPalette is the palette for a dark (or light) background, with a
// light and a dark colour for each role.
func NewPalette(dark bool) Palette {
	c := lipgloss.LightDark(dark)
	i := func(light, dark int) color.Color { return c(ansi.IndexedColor(light), ansi.IndexedColor(dark)) }
	return Palette{
		Text:      i(235, 252), // #262626 / #d0d0d0
		Accent:    i(24, 80),   // #005f87 / #5fd7d7
		Secondary: i(60, 245),  // #5f5f87 / #8a8a8a
		Separator: i(60, 243),  // #5f5f87 / #767676
		Warn:      i(94, 185),  // #875f00 / #d7d75f
		Over:      i(124, 203), // #af0000 / #ff5f5f
		OK:        i(22, 114),  // #005f00 / #87d787
		Tag:       i(90, 182),  // #870087 / #d7afd7
		Demo:      i(94, 186),  // #875f00 / #d7d787
	}
}

// NewStyles builds the styles for a dark (or light) background.
func NewStyles(dark bool) Styles {
	p := NewPalette(dark)
	fg := func(c color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	key, desc, sep := fg(p.Text).Bold(true), fg(p.Secondary), fg(p.Separator)
	st := Styles{
		Title:    fg(p.Accent).Bold(true),
		Header:   lipgloss.NewStyle().Bold(true).Reverse(true),
		Demo:     fg(p.Demo).Bold(true),
		Prompt:   fg(p.Accent),
		Faint:    desc,
		Selected: lipgloss.NewStyle().Reverse(true),
		Saved:    fg(p.OK),
		Warn:     fg(p.Warn).Bold(true),
		Over:     fg(p.Over).Bold(true),
		Error:    fg(p.Over).Bold(true),
		OK:       fg(p.OK),
		Tag:      fg(p.Tag),
		Bar:      fg(p.Accent),
		Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Separator).Padding(0, 1),
		Key:      lipgloss.NewStyle().Bold(true),
		Help: help.Styles{
			Ellipsis:       sep,
			ShortKey:       key,
			ShortDesc:      desc,
			ShortSeparator: sep,
			FullKey:        key,
			FullDesc:       desc,
			FullSeparator:  sep,
		},
	}
	l := &st.lines
	l.header, l.faint, l.bar = newLineStyle(st.Header), newLineStyle(st.Faint), newLineStyle(st.Bar)
	l.warn, l.over = newLineStyle(st.Warn), newLineStyle(st.Over)
	return st
}

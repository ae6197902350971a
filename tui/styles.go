package tui

import (
	"charm.land/lipgloss/v2"
)

// Styles are every style the screens use, built for a light or dark
// terminal background.
type Styles struct {
	Title, Header, Demo, Prompt, Faint, Selected, Saved, Warn, Over, Error, OK, Tag, Bar, Box, Key lipgloss.Style
}

// NewStyles builds the styles for a dark (or light) background.
func NewStyles(dark bool) Styles {
	c := lipgloss.LightDark(dark)
	accent := c(lipgloss.Color("#005f87"), lipgloss.Color("#5fd7ff"))
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Header:   lipgloss.NewStyle().Bold(true).Reverse(true),
		Demo:     lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#875f00"), lipgloss.Color("#ffd75f"))),
		Prompt:   lipgloss.NewStyle().Foreground(accent),
		Faint:    lipgloss.NewStyle().Faint(true),
		Selected: lipgloss.NewStyle().Reverse(true),
		Saved:    lipgloss.NewStyle().Foreground(c(lipgloss.Color("#005f00"), lipgloss.Color("#87d787"))),
		Warn:     lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#875f00"), lipgloss.Color("#ffd75f"))),
		Over:     lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#af0000"), lipgloss.Color("#ff5f5f"))),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#af0000"), lipgloss.Color("#ff5f5f"))),
		OK:       lipgloss.NewStyle().Foreground(c(lipgloss.Color("#005f00"), lipgloss.Color("#87d787"))),
		Tag:      lipgloss.NewStyle().Foreground(c(lipgloss.Color("#5f00af"), lipgloss.Color("#d7afff"))),
		Bar:      lipgloss.NewStyle().Foreground(accent),
		Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1),
		Key:      lipgloss.NewStyle().Bold(true),
	}
}

package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// page lays out a screen: a header line, the body (cut to the height), a
// status line and the help footer. Every line is cut to the width.
func (a *App) page(header string, body []string, km keyMap) string {
	if a.help.ShowAll { // every key of the screen, one a line, scrolling
		body = a.helpLines(km)
		room := max(a.height-1-len(a.statusLines())-1, 1)
		a.helpTop = clamp(a.helpTop, max(len(body)-room+1, 1))
		body = body[a.helpTop:]
		km = helpPageKeys
	}
	if a.frames.fitWidth != a.width { // every kept line was cut to another width
		a.frames.fitIn, a.frames.fitOut = nil, nil
	}
	footLines := a.cachedFooter(km)
	status := a.cachedStatus()
	a.frames.fitWidth = a.width
	room := a.height - 1 - len(status) - len(footLines)
	if room < 0 {
		room = 0
	}
	if len(body) > room {
		body = body[:room]
	}
	var b strings.Builder
	line := 0
	add := func(l string) {
		if line > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(a.fitLine(line, l))
		line++
	}
	add(header)
	for _, l := range body {
		add(l)
	}
	for i := len(body); i < room; i++ {
		add("")
	}
	for _, l := range status {
		add(l)
	}
	for _, l := range footLines {
		add(l)
	}
	return b.String()
}

// statusLines is the status line, styled: a long one wraps onto a second
// line so that a question or an error is read whole.
func (a *App) statusLines() []string {
	if a.status == "" {
		return []string{""}
	}
	text := a.status
	style := a.st.OK
	if a.isErr {
		text, style = "✗ "+text, a.st.Error
	}
	lines := wrap(text, max(a.width, 10))
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] += " …"
	}
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// footer is the one-line help under a screen (the full help, with ?, is
// a page of its own: see helpLines).
func (a *App) footer(km keyMap) string {
	if a.help.ShowAll {
		km = helpPageKeys
	}
	return a.help.ShortHelpView(km.ShortHelp())
}

// helpPageKeys are the keys while the full help shows.
var (
	keyHelpScroll = kb([]string{"up", "down", "pgup", "pgdown"}, "↑/↓", "scroll")
	keyHelpClose  = kb([]string{"?", "esc"}, "? or esc", "close the help")
	helpPageKeys  = keyMap{short: []key.Binding{keyHelpScroll, keyHelpClose}}
)

// helpLines lists every key of km, group by group, one a line.
func (a *App) helpLines(km keyMap) []string {
	lines := []string{a.st.Title.Render("  Every key on this screen")}
	for _, group := range km.FullHelp() {
		lines = append(lines, "")
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			for i, l := range wrap(h.Desc, max(a.width-17, 10)) { // long descriptions wrap, never cut
				k := ""
				if i == 0 {
					k = h.Key
				}
				lines = append(lines, "  "+a.st.Key.Render(fmt.Sprintf("%-12s", k))+" "+l)
			}
		}
	}
	return lines
}

// helpKey handles a key while the full help shows: the arrows scroll it,
// ? or esc closes it. Any other key closes it and goes on to the screen
// (used is false).
func (a *App) helpKey(k tea.KeyPressMsg) (used bool) {
	switch {
	case key.Matches(k, keyHelpScroll):
		d := map[string]int{"up": -1, "down": 1, "pgup": -10, "pgdown": 10}[k.String()]
		a.helpTop = max(a.helpTop+d, 0)
		return true
	case key.Matches(k, keyHelpClose):
		a.help.ShowAll = false
		return true
	}
	a.help.ShowAll = false
	return false
}

// bodyRoom is how many body lines page shows with the footer of km.
func (a *App) bodyRoom(km keyMap) int {
	return max(a.height-1-len(a.statusLines())-len(strings.Split(a.footer(km), "\n")), 0)
}

// fit cuts a line to the screen's width.
func (a *App) fit(s string) string {
	if a.width <= 0 {
		return s
	}
	return ansi.Truncate(s, a.width, "…")
}

// wrap wraps plain text to a width, as lines.
func wrap(s string, width int) []string {
	if width < 10 {
		width = 10
	}
	return strings.Split(ansi.Wrap(s, width, " -"), "\n")
}

// headerBar renders the reversed header line padded to the width.
func (a *App) headerBar(s string) string {
	w := ansi.StringWidth(s)
	if room := max(a.width-2, 1); w > room {
		s = ansi.Truncate(s, room, "…")
		w = ansi.StringWidth(s)
	}
	pad := max(a.width-w-2, 0)
	return a.st.lines.header.Render(" " + s + strings.Repeat(" ", pad) + " ")
}

// scrollWindow returns the range [from, to) of n items to show in room
// lines so that sel is visible.
func scrollWindow(n, sel, room int) (int, int) {
	if room <= 0 {
		return 0, 0
	}
	if n <= room {
		return 0, n
	}
	from := sel - room + 1
	if from < 0 {
		from = 0
	}
	if sel < from {
		from = sel
	}
	return from, min(from+room, n)
}

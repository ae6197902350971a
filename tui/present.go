package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"forum/sessions"
)

// presentModel shows one thing at a time for the projector, in letters
// drawn with block characters as large as the terminal allows: the event,
// the room while tables work, each table's vision and top priorities, the
// cross-cutting themes and the event's key messages.
type presentModel struct {
	slides []slide
	at     int
	// drawn is the body of the slide last drawn, for the slide, size and
	// theme in key: the big letters are drawn once, not on every View.
	drawn []string
	key   [4]int
}

var (
	keySlideNext  = kb([]string{"right", "space", "n", "down", "pgdown"}, "→/space", "next")
	keySlidePrev  = kb([]string{"left", "b", "up", "pgup"}, "←", "previous")
	keySlideFirst = kb([]string{"home", "g"}, "home", "first")
	keySlideLast  = kb([]string{"end", "G"}, "end", "last")
	keySlideBack  = kb([]string{"esc", "q"}, "esc", "back")
	presentKeys   = keyMap{
		short: []key.Binding{keySlideNext, keySlidePrev, keySlideBack},
		full:  [][]key.Binding{{keySlideNext, keySlidePrev}, {keySlideFirst, keySlideLast, keySlideBack}},
	}
)

func newPresent(p sessions.Plenary) presentModel {
	return presentModel{slides: presentSlides(p)}
}

func (m *presentModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, keySlideBack):
		a.screen, a.status = screenDashboard, ""
	case key.Matches(k, keySlideNext):
		m.at = min(m.at+1, len(m.slides)-1)
	case key.Matches(k, keySlidePrev):
		m.at = max(m.at-1, 0)
	case key.Matches(k, keySlideFirst):
		m.at = 0
	case key.Matches(k, keySlideLast):
		m.at = len(m.slides) - 1
	}
	return nil
}

// render draws the slide centred: its title and its one thing in big
// letters where they fit, the rest in bold text.
func (m *presentModel) render(a *App) string {
	head := a.headerBar(fmt.Sprintf("Present · %d of %d · →/space next, ← back", m.at+1, len(m.slides)))
	if len(m.slides) == 0 {
		return a.page(head, nil, presentKeys)
	}
	room := a.bodyRoom(presentKeys)
	dark := 0
	if a.dark {
		dark = 1
	}
	if k := [4]int{m.at, a.width, room, dark}; m.drawn == nil || k != m.key {
		var out []string
		for _, l := range slideRows(a, m.slides[m.at], max(a.width-4, 10), room) {
			out = append(out, lipgloss.PlaceHorizontal(a.width, lipgloss.Center, l))
		}
		m.drawn, m.key = append(make([]string, max((room-len(out))/2, 0)), out...), k
	}
	return a.page(head, m.drawn, presentKeys)
}

// slideRows lays a slide out in w columns and at most h rows: the title
// and the one thing in big letters where they fit, the body in big
// letters too if there is room, else in bold text, spaced out if it fits.
func slideRows(a *App, s slide, w, h int) []string {
	rows, drawn := layoutSlide(a, s, w, h, true)
	if s.big != "" && !drawn { // the one thing matters more than the title
		if alt, ok := layoutSlide(a, s, w, h, false); ok {
			return alt
		}
	}
	return rows
}

// layoutSlide lays a slide out, the title in big letters if bigTitle and
// it fits; drawn says whether the slide's one thing was drawn big.
func layoutSlide(a *App, s slide, w, h int, bigTitleToo bool) (rows []string, drawn bool) {
	bold := lipgloss.NewStyle().Bold(true)
	if s.kicker != "" {
		rows = append(rows, a.st.Faint.Render(s.kicker), "")
	}
	var loose, tight []string
	for i, l := range s.lines {
		if i > 0 {
			loose = append(loose, "")
		}
		for _, wl := range wrap(l, w) {
			loose = append(loose, bold.Render(wl))
			tight = append(tight, bold.Render(wl))
		}
	}
	var foot []string
	if s.foot != "" {
		foot = append(foot, "")
		for _, wl := range wrap(s.foot, w) {
			foot = append(foot, a.st.Faint.Render(wl))
		}
	}
	big := s.big
	if s.quote && big != "" {
		big = "“" + big + "”"
	}
	reserve := len(tight) + len(foot) + 1
	if big != "" {
		reserve += 1 + min(len(wrap(big, w)), 3) // the one thing, in ordinary text at least
	}
	if t, ok := bigTitle(bigSafe(s.title), w, min(h-len(rows)-reserve, h/2)); ok && bigTitleToo {
		rows = append(rows, t...)
	} else {
		rows = append(rows, bold.Reverse(true).Render(" "+s.title+" "))
	}
	rows = append(rows, "")
	if big != "" {
		if b, ok := bigText(bigSafe(big), w, h-len(rows)-len(tight)-len(foot)-1); ok {
			rows, drawn = append(rows, b...), true
		} else {
			for _, wl := range wrap(big, w) {
				rows = append(rows, bold.Render(wl))
			}
		}
		rows = append(rows, "")
	}
	left := h - len(rows) - len(foot)
	switch b, ok := bigLines(s.lines, w, left); {
	case len(s.lines) == 0:
	case big == "" && ok:
		rows = append(rows, b...)
	case len(loose) <= left:
		rows = append(rows, loose...)
	default:
		rows = append(rows, tight...)
	}
	return append(rows, foot...), drawn
}

// bigLines draws each line in big letters, if all of them fit in h rows.
func bigLines(lines []string, w, h int) ([]string, bool) {
	var out []string
	for i, l := range lines {
		if i > 0 {
			out = append(out, "")
		}
		b, ok := bigText(bigSafe(l), w, h-len(out))
		if !ok {
			return nil, false
		}
		out = append(out, b...)
	}
	return out, len(out) <= h
}

// bigSafe turns the typographer's punctuation the big font lacks into its
// plain form: dashes, curly quotes, the ellipsis.
var bigPunct = strings.NewReplacer("–", "-", "—", "-", "‘", "'", "’", "'", "“", "\"", "”", "\"", "…", "...", "·", "·")

func bigSafe(s string) string { return ansi.Strip(bigPunct.Replace(s)) }

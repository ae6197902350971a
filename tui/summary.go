package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// summaryModel previews the summary report and writes it to a file.
type summaryModel struct {
	vp   viewport.Model
	text string
	back screen
}

var summaryKeys = keyMap{
	short: []key.Binding{keyScroll, keyWrite, keyBack},
	full:  [][]key.Binding{{keyScroll}, {keyWrite, keyBack}},
}

func (s *summaryModel) resize(a *App) {
	s.vp.SetWidth(a.width)
	s.vp.SetHeight(max(a.height-3, 1))
}

func (s *summaryModel) set(a *App, text string) {
	s.text = text
	s.vp = viewport.New()
	s.resize(a)
	s.vp.SetContent(model.Safe(text, true))
}

func (s *summaryModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc", "q":
		a.screen = s.back
		a.status = ""
		return a.reload()
	case "w":
		text, date := s.text, a.board.Event.Date
		if a.tbl.view.Event.ID != "" && s.back == screenTable {
			date = a.tbl.view.Event.Date
		}
		return func() tea.Msg {
			name := fmt.Sprintf("forum-summary-%s.md", date)
			if err := sessions.WriteFileAtomic(name, []byte(text)); err != nil {
				return doneMsg{err: err}
			}
			abs, err := filepath.Abs(name)
			if err != nil {
				abs = name
			}
			return doneMsg{status: "✓ Written to " + abs}
		}
	}
	var cmd tea.Cmd
	s.vp, cmd = s.vp.Update(k)
	return cmd
}

func (s *summaryModel) render(a *App) string {
	if s.text == "" {
		return a.page(a.headerBar("Summary"), []string{"", "  Building the summary…"}, summaryKeys)
	}
	return a.page(a.headerBar(fmt.Sprintf("Summary · %d%% · w writes it to %s", int(s.vp.ScrollPercent()*100), a.cwd)), strings.Split(s.vp.View(), "\n"), summaryKeys)
}

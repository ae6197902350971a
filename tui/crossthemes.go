package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// reviewModel is the organiser's review of themes across tables: accept or
// reject each proposed link, or link two themes by hand.
type reviewModel struct {
	r      sessions.ThemeReview
	loaded bool
	sel    int
	hand   bool // listing every theme, to link two by hand
	marked map[model.ID]bool
}

type reviewMsg struct{ r sessions.ThemeReview }

// The cross-cutting themes screen's keys.
var (
	keyThemes     = kb([]string{"t"}, "t", "themes across tables")
	keyAccept     = kb([]string{"a"}, "a", "accept: the same theme / link the two marked")
	keyReject     = kb([]string{"x"}, "x", "reject: not the same")
	keyByHand     = kb([]string{"h"}, "h", "list every theme, to link by hand")
	keyMarkTheme  = kb([]string{"space"}, "space", "mark a theme (by hand; the selection stays)")
	keyReviewBack = kb([]string{"esc", "q"}, "esc", "back")
	reviewKeys    = keyMap{
		short: []key.Binding{keyUp, keyDown, kb([]string{"a"}, "a", "accept"), kb([]string{"x"}, "x", "reject"), kb([]string{"h"}, "h", "by hand"), keyBack, keyHelp},
		full:  [][]key.Binding{{keyUp, keyDown, keyAccept, keyReject}, {keyByHand, keyMarkTheme}, {keyReviewBack, keyHelp}},
	}
)

func (a *App) loadReview(id model.ID) tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() (sessions.ThemeReview, error) { return eng.ReviewThemes(ctx, id) }, func(r sessions.ThemeReview) tea.Msg { return reviewMsg{r} })
}

func (a *App) openReview() tea.Cmd {
	a.review = reviewModel{marked: map[model.ID]bool{}}
	a.screen, a.status = screenThemes, ""
	return a.loadReview(a.eventID())
}

func (m *reviewModel) items() int {
	if m.hand {
		return len(m.r.All)
	}
	return len(m.r.Proposals)
}

func (m *reviewModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	switch {
	case key.Matches(k, keyReviewBack):
		if m.hand {
			m.hand, m.sel = false, 0
			return nil
		}
		a.screen, a.status = screenDashboard, ""
		return a.loadPlenary(a.eventID())
	case key.Matches(k, keyUp):
		m.sel = clamp(m.sel-1, m.items())
	case key.Matches(k, keyDown):
		m.sel = clamp(m.sel+1, m.items())
	case key.Matches(k, keyByHand):
		m.hand, m.sel = !m.hand, 0
	case key.Matches(k, keyMarkTheme) && m.hand && len(m.r.All) > 0:
		id := m.r.All[m.sel].Theme.ID
		m.marked[id] = !m.marked[id]
		if !m.marked[id] {
			delete(m.marked, id)
		}
	case key.Matches(k, keyMarkTheme) && !m.hand:
		a.setStatus("space marks a theme in the by-hand list: h lists every theme.", nil)
	case key.Matches(k, keyAccept) && m.hand:
		if len(m.marked) != 2 {
			a.setStatus("Mark two themes from different tables (space), then a links them.", nil)
			return nil
		}
		var ids []model.ID
		for id := range m.marked {
			ids = append(ids, id)
		}
		m.marked = map[model.ID]bool{}
		return do("✓ Linked by hand.", func() error { return eng.LinkThemes(ctx, actor, ids[0], ids[1], model.LinkAccepted, 0) })
	case (key.Matches(k, keyAccept) || key.Matches(k, keyReject)) && !m.hand && len(m.r.Proposals) > 0:
		p := m.r.Proposals[clamp(m.sel, len(m.r.Proposals))]
		status, verdict := "✓ Linked: the same theme.", model.LinkAccepted
		if key.Matches(k, keyReject) {
			status, verdict = "Rejected: not proposed again.", model.LinkRejected
		}
		return do(status, func() error { return eng.LinkThemes(ctx, actor, p.A.Theme.ID, p.B.Theme.ID, verdict, p.Score) })
	}
	return nil
}

func where(t sessions.ThemeAt) string {
	return fmt.Sprintf("%s %s «%s»", t.Area.Code, t.Table.Name, model.Safe(t.Theme.Name, false))
}

func (m *reviewModel) render(a *App) string {
	head := a.headerBar("Cross-cutting themes · " + model.Safe(m.r.Event.Title, false))
	if !m.loaded {
		return a.page(head, []string{"", "  Comparing every table's themes…"}, reviewKeys)
	}
	label := m.r.Event.AreaLabel
	body := []string{a.st.Title.Render(fmt.Sprintf("Linked · %d cross-cutting", len(m.r.Cross))) + a.st.Faint.Render("  (a count of where each was raised, not a vote)")}
	for _, c := range m.r.Cross {
		body = append(body, fmt.Sprintf("  %s — %s", model.Safe(c.Name, false), a.st.Faint.Render(c.Evidence.String(label))))
	}
	if len(m.r.Cross) == 0 {
		body = append(body, a.st.Faint.Render("  None yet."))
	}
	body = append(body, "")
	var lines []string
	var detail []string
	if m.hand {
		body = append(body, a.st.Title.Render("Every theme · space marks two, a links them, esc back to the proposals"))
		for i, t := range m.r.All {
			mark := "  "
			if m.marked[t.Theme.ID] {
				mark = a.st.Warn.Render("• ")
			}
			line := fmt.Sprintf("%s%s · %s", mark, where(t), plural(len(t.Notes), "note", "notes"))
			lines = append(lines, a.selLine(line, i == m.sel))
		}
	} else {
		body = append(body, a.st.Title.Render(fmt.Sprintf("Proposals · %d · a accepts, x rejects", len(m.r.Proposals))))
		for i, p := range m.r.Proposals {
			line := fmt.Sprintf("%.2f  %s ↔ %s", p.Score, where(p.A), where(p.B))
			lines = append(lines, a.selLine(line, i == m.sel))
		}
		if len(m.r.Proposals) == 0 {
			lines = append(lines, a.st.Faint.Render("  No proposals: group notes into themes at the tables first, or every pair is decided."))
		} else {
			p := m.r.Proposals[clamp(m.sel, len(m.r.Proposals))]
			detail = append(detail, "", a.st.Faint.Render("  shared words: "+strings.Join(p.Shared, ", ")))
			for _, side := range []sessions.ThemeAt{p.A, p.B} {
				for _, n := range side.Notes[:min(2, len(side.Notes))] {
					detail = append(detail, a.st.Faint.Render(fmt.Sprintf("  %s %s: %s", side.Area.Code, side.Table.Name, trunc(model.Safe(n.Text, false), a.width-20))))
				}
			}
		}
	}
	room := max(a.bodyRoom(reviewKeys)-len(body)-len(detail), 1)
	from, to := scrollWindow(len(lines), m.sel, room)
	body = append(body, lines[from:min(to, len(lines))]...)
	body = append(body, detail...)
	return a.page(head, body, reviewKeys)
}

// selLine marks the selected line of a list.
func (a *App) selLine(line string, selected bool) string {
	if selected {
		return a.st.Selected.Render("› " + line)
	}
	return "  " + line
}

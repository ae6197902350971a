package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// reviewModel is the organiser's review of themes across tables: each
// proposal gathers every table's themes that say the same thing, to accept
// (under its name or a new one) or reject in one step; a theme can be left
// out of a proposal first; any themes can be linked by hand.
type reviewModel struct {
	r      sessions.ThemeReview
	loaded bool
	sel    int
	hand   bool // listing every theme, to link some by hand
	marked map[model.ID]bool
	open   bool // the selected proposal opened, to leave themes out
	member int
	out    map[model.ID]bool // themes left out of the selected proposal
}

type reviewMsg struct{ r sessions.ThemeReview }

var (
	keyThemes  = kb([]string{"t"}, "t", "cross-cutting themes")
	reviewKeys = keyMap{
		short: []key.Binding{keyUp, keyDown, kb([]string{"a"}, "a", "accept"), kb([]string{"e"}, "e", "rename"), kb([]string{"x"}, "x", "reject"), kb([]string{"enter"}, "enter", "open"), keyBack},
		full: [][]key.Binding{{keyUp, keyDown, kb([]string{"a"}, "a", "accept: one cross-cutting theme"), kb([]string{"e"}, "e", "accept under a new name"), kb([]string{"x"}, "x", "reject: not the same")},
			{kb([]string{"enter"}, "enter", "open: leave themes out"), kb([]string{"space"}, "space", "leave out / mark"), kb([]string{"h"}, "h", "list every theme")}, {keyBack}},
	}
)

func (a *App) loadReview(id model.ID) tea.Cmd {
	eng, ctx := a.eng, a.ctx
	return load(func() (sessions.ThemeReview, error) { return eng.ReviewThemes(ctx, id) }, func(r sessions.ThemeReview) tea.Msg { return reviewMsg{r} })
}

func (a *App) openReview() tea.Cmd {
	a.review = reviewModel{marked: map[model.ID]bool{}, out: map[model.ID]bool{}}
	a.screen, a.status = screenThemes, ""
	return a.loadReview(a.eventID())
}

func (m *reviewModel) items() int {
	if m.hand {
		return len(m.r.All)
	}
	return len(m.r.Clusters)
}

// cluster is the selected proposal, and the ids of its themes not left out.
func (m *reviewModel) cluster() (sessions.Cluster, []model.ID) {
	if len(m.r.Clusters) == 0 {
		return sessions.Cluster{}, nil
	}
	c := m.r.Clusters[clamp(m.sel, len(m.r.Clusters))]
	var ids []model.ID
	for _, t := range c.Themes {
		if !m.out[t.Theme.ID] {
			ids = append(ids, t.Theme.ID)
		}
	}
	return c, ids
}

func (m *reviewModel) move(d int) {
	if m.open {
		c, _ := m.cluster()
		m.member = clamp(m.member+d, len(c.Themes))
		return
	}
	if s := clamp(m.sel+d, m.items()); s != m.sel {
		m.sel, m.out = s, map[model.ID]bool{}
	}
}

func (m *reviewModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	eng, ctx, actor, event := a.eng, a.ctx, a.actor, a.eventID()
	switch s := k.String(); {
	case s == "esc" || s == "q":
		if m.hand || m.open {
			m.hand, m.open, m.member = false, false, 0
			return nil
		}
		a.screen, a.status = screenDashboard, ""
		return a.loadPlenary(a.eventID())
	case key.Matches(k, keyUp), key.Matches(k, keyDown):
		d := 1
		if key.Matches(k, keyUp) {
			d = -1
		}
		sel, member := m.sel, m.member
		m.move(d)
		if sel == m.sel && member == m.member {
			a.setStatus("Nothing further "+map[int]string{-1: "up", 1: "down"}[d]+".", nil)
		}
	case s == "space" && !m.hand && !m.open:
		a.setStatus("space marks a theme to leave out of a proposal (enter opens one) or, by hand (h), a theme to link.", nil)
	case s == "h":
		m.hand, m.open, m.sel = !m.hand, false, 0
	case s == "space" && m.hand && len(m.r.All) > 0:
		id := m.r.All[m.sel].Theme.ID
		m.marked[id] = !m.marked[id]
		if !m.marked[id] {
			delete(m.marked, id)
		}
		m.sel = clamp(m.sel+1, m.items())
	case s == "a" && m.hand:
		var ids []model.ID
		for _, t := range m.r.All { // in board order
			if m.marked[t.Theme.ID] {
				ids = append(ids, t.Theme.ID)
			}
		}
		if len(ids) < 2 {
			a.setStatus("Mark two or more themes from different tables (space), then a links them.", nil)
			return nil
		}
		m.marked = map[model.ID]bool{}
		return do("✓ Linked by hand: one cross-cutting theme.", func() error { return eng.AcceptCluster(ctx, actor, "", ids) })
	case m.hand || len(m.r.Clusters) == 0:
		return nil
	case s == "enter":
		m.open, m.member = !m.open, 0
	case s == "space" && m.open:
		c, _ := m.cluster()
		id := c.Themes[clamp(m.member, len(c.Themes))].Theme.ID
		m.out[id] = !m.out[id]
		m.member = clamp(m.member+1, len(c.Themes))
	case s == "a" || s == "e" || s == "x":
		c, ids := m.cluster()
		if len(ids) < 2 {
			a.setStatus("Keep at least two themes from different tables in the proposal (space puts one back).", nil)
			return nil
		}
		m.open, m.out = false, map[model.ID]bool{}
		switch s {
		case "x":
			return do("Rejected: these themes are not proposed together again.", func() error { return eng.RejectCluster(ctx, actor, event, ids) })
		case "e":
			return a.openForm(a.crossNameForm(c, ids), screenThemes)
		}
		return do("✓ One cross-cutting theme: "+model.Safe(c.Name, false)+", "+plural(len(ids), "table", "tables")+".", func() error { return eng.AcceptCluster(ctx, actor, c.Name, ids) })
	}
	return nil
}

// crossNameForm asks for the cross-cutting theme's name, then accepts the
// proposal under it: editing and accepting are one step.
func (a *App) crossNameForm(c sessions.Cluster, ids []model.ID) formModel {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	f := formModel{
		title:  "Name the cross-cutting theme",
		intro:  []string{fmt.Sprintf("Saving accepts the %s under this name; their own names at the tables stay as they are.", plural(len(ids), "theme", "themes"))},
		fields: []field{newField("Name", model.Safe(c.Name, false), "what the tables said, in a few words")},
		check: []func(string) error{func(v string) error {
			if strings.TrimSpace(v) == "" {
				return fmt.Errorf("type a name")
			}
			return nil
		}},
	}
	f.submit = checked(func(f *formModel) tea.Cmd {
		name := f.value(0)
		return func() tea.Msg {
			if err := eng.AcceptCluster(ctx, actor, name, ids); err != nil {
				return formResultMsg{err: err}
			}
			return formResultMsg{status: "✓ One cross-cutting theme: " + model.Safe(name, false) + "."}
		}
	})
	return f
}

func where(t sessions.ThemeAt) string {
	return fmt.Sprintf("%s %s «%s»", t.Area.Code, t.Table.Name, model.Safe(t.Theme.Name, false))
}

// selLine marks the selected line of a list.
func (a *App) selLine(line string, selected bool) string {
	if selected {
		return a.st.Selected.Render("› " + line)
	}
	return "  " + line
}

package tui

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

func (m *reviewModel) render(a *App) string {
	head := a.headerBar("Cross-cutting themes · " + model.Safe(m.r.Event.Title, false))
	if !m.loaded {
		return a.page(head, []string{"", "  Comparing every table's themes…"}, reviewKeys)
	}
	label := m.r.Event.AreaLabel
	body := []string{a.st.Title.Render(fmt.Sprintf("Linked · %d cross-cutting", len(m.r.Cross))) + a.st.Faint.Render("  (a count of where each was raised, not a vote)")}
	for _, c := range m.r.Cross {
		body = append(body, fmt.Sprintf("  %s — %s", trunc(model.Safe(c.Name, false), max(a.width-50, 20)), a.st.Faint.Render(c.Evidence.String(label))))
	}
	if len(m.r.Cross) == 0 {
		body = append(body, a.st.Faint.Render("  None yet."))
	}
	body = append(body, "")
	room := max(a.bodyRoom(reviewKeys)-len(body)-1, 1)
	if m.hand {
		body = append(body, a.st.Title.Render("Every theme · space marks, a links the marked, esc back to the proposals"))
		var lines []string
		for i, t := range m.r.All {
			mark := "  "
			if m.marked[t.Theme.ID] {
				mark = a.st.Warn.Render("• ")
			}
			lines = append(lines, a.selLine(fmt.Sprintf("%s%s · %s", mark, where(t), plural(len(t.Notes), "note", "notes")), i == m.sel))
		}
		from, to := scrollWindow(len(lines), m.sel, room)
		return a.page(head, append(body, lines[from:min(to, len(lines))]...), reviewKeys)
	}
	body = append(body, a.st.Title.Render(fmt.Sprintf("Proposals · %d · a accepts, e renames and accepts, x rejects, enter opens", len(m.r.Clusters))))
	if len(m.r.Clusters) == 0 {
		return a.page(head, append(body, a.st.Faint.Render("  No proposals: group notes into themes at the tables first, or every theme is decided.")), reviewKeys)
	}
	var lines []string
	for i, c := range m.r.Clusters {
		lines = append(lines, a.selLine(fmt.Sprintf("%s · %s · alike %.2f", model.Safe(c.Name, false), plural(len(c.Themes), "table", "tables"), c.Score), i == m.sel && !m.open))
	}
	listRoom := min(len(lines), max(room/3, 2))
	from, to := scrollWindow(len(lines), m.sel, listRoom)
	body = append(body, lines[from:min(to, len(lines))]...)
	c, kept := m.cluster()
	detail := []string{a.st.Faint.Render(trunc(fmt.Sprintf("  %d of %d kept · shared words: %s · threshold %.2f", len(kept), len(c.Themes), strings.Join(c.Shared, ", "), sessions.ClusterThreshold), a.width-2))}
	var members []string
	for i, t := range c.Themes {
		mark := "✓ "
		if m.out[t.Theme.ID] {
			mark = "✗ "
		}
		line := mark + where(t) + " · " + plural(len(t.Notes), "note", "notes")
		if c.Joined[t.Theme.ID] {
			line += " · linked already"
		}
		line = trunc(line, a.width-4)
		if m.open {
			members = append(members, a.selLine(line, i == m.member))
		} else {
			members = append(members, "  "+line)
		}
	}
	memberRoom := max(room-listRoom-len(detail), 1)
	if !m.open && len(members) > memberRoom {
		more := len(members) - memberRoom + 1
		members = append(members[:memberRoom-1], a.st.Faint.Render(fmt.Sprintf("  … and %d more (enter opens the proposal)", more)))
	}
	mf, mt := scrollWindow(len(members), m.member, memberRoom)
	body = append(body, detail...)
	body = append(body, members[mf:min(mt, len(members))]...)
	return a.page(head, body, reviewKeys)
}

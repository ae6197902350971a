package tui

import (
	"fmt"
	"strings"

	"forum/model"
)

// resultLines are the ranked results with bars; ties show as "=2".
func (m *voteModel) resultLines(a *App) []string {
	v := m.view
	unit := map[string]string{model.MethodApproval: "yes votes", model.MethodBorda: "Borda points"}[v.Method]
	if unit == "" {
		unit = "dots"
	}
	out := []string{"  " + a.st.Key.Render("Ranked results") + a.st.Faint.Render(fmt.Sprintf(" · by %s · %d ballots · ties shown as =", unit, len(v.Ballots))), ""}
	top := 1
	for _, p := range v.Priorities {
		top = max(top, p.Dots)
	}
	barW := max(a.width/4, 5)
	for _, p := range v.Priorities {
		rank := p.Label()
		bar := a.st.Bar.Render(strings.Repeat("█", p.Dots*barW/top))
		out = append(out, fmt.Sprintf("  %4s %3d %s%s  %s", rank, p.Dots, bar, strings.Repeat(" ", barW-p.Dots*barW/top), model.Safe(p.Note.Text, false)))
	}
	return out
}

// mark says yes to an item (approval) or gives it the next place
// (ranking); on approval a second press says no again.
func (m *voteModel) mark(id model.ID) {
	b := m.ballots[m.current()]
	if m.view.Method == model.MethodApproval {
		if b[id] > 0 {
			delete(b, id)
		} else {
			b[id] = 1
		}
		return
	}
	if b[id] == 0 {
		b[id] = len(b) + 1
	}
}

// unmark takes an item out of a ranking, moving the places after it up.
func (m *voteModel) unmark(id model.ID) {
	b := m.ballots[m.current()]
	pos, ok := b[id]
	if !ok {
		return
	}
	delete(b, id)
	for other, p := range b {
		if m.view.Method == model.MethodBorda && p > pos {
			b[other] = p - 1
		}
	}
}

func label(voter string) string {
	if voter == model.PaperVoter {
		return "The paper tally"
	}
	return voter
}

package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// maturityModel is the self-assessment: each rater (R1…Rn, anonymous)
// picks a level on each dimension; the table's profile shows the median
// and where raters were far apart.
type maturityModel struct {
	rater  int
	dim    int
	levels map[string][]int // working levels by rater
}

// The maturity screen's keys.
var (
	keyLevel      = kb([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "set the level (stays on the row)")
	keyLevelClear = kb([]string{"0"}, "0", "clear the level")
	keyPrevRater  = kb([]string{"["}, "[", "previous rater")
	keyNextRater  = kb([]string{"]"}, "]", "next rater")
	keyRate       = kb([]string{"enter"}, "enter", "save, next rater")
	maturityKeys  = keyMap{
		short: []key.Binding{keyUp, keyDown, kb([]string{"1"}, "1-9", "level"), kb([]string{"[", "]"}, "[ ]", "rater"), keyRate, keyBack},
		full:  [][]key.Binding{{keyUp, keyDown, keyLevel, keyLevelClear}, {keyPrevRater, keyNextRater, keyRate}, {keyBack, keyHelp}},
	}
)

// openMaturity opens the self-assessment for the table on screen.
func (a *App) openMaturity() tea.Cmd {
	v := a.tbl.view
	if v.Maturity.Empty() {
		a.setStatus("This event's template has no maturity model to rate.", nil)
		return nil
	}
	a.maturity = maturityModel{levels: map[string][]int{}}
	for _, r := range v.Ratings {
		a.maturity.level(v, r.Rater)[r.Dimension] = r.Level
	}
	a.screen, a.status = screenMaturity, ""
	return nil
}

func (m *maturityModel) level(v sessions.TableView, rater string) []int {
	if m.levels[rater] == nil {
		m.levels[rater] = make([]int, len(v.Maturity.Dimensions))
	}
	return m.levels[rater]
}

func raters(v sessions.TableView) []string { return sessions.RaterCodes(max(v.Group.Participants, 1)) }

func (m *maturityModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	v := a.tbl.view
	rs := raters(v)
	m.rater = clamp(m.rater, len(rs))
	rater := rs[m.rater]
	levels := m.level(v, rater)
	switch {
	case key.Matches(k, keyBack):
		a.screen, a.status = screenTable, ""
		return a.loadTable(v.Group.ID)
	case key.Matches(k, keyUp):
		m.dim = clamp(m.dim-1, len(levels))
	case key.Matches(k, keyDown):
		m.dim = clamp(m.dim+1, len(levels))
	case key.Matches(k, keyPrevRater):
		m.rater = (m.rater - 1 + len(rs)) % len(rs)
	case key.Matches(k, keyNextRater):
		m.rater = (m.rater + 1) % len(rs)
	case key.Matches(k, keyLevel), key.Matches(k, keyLevelClear):
		n := int(k.String()[0] - '0')
		if n > len(v.Maturity.Levels) {
			a.setStatus(fmt.Sprintf("Choose a level from 1 to %d (0 clears).", len(v.Maturity.Levels)), nil)
			a.isErr = true
			return nil
		}
		levels[m.dim] = n // a digit sets the level; ↓ moves on
		if n == 0 {
			a.setStatus("Level cleared.", nil)
		}
	case key.Matches(k, keyRate):
		eng, ctx, actor, g, got := a.eng, a.ctx, a.actor, v.Group.ID, append([]int(nil), levels...)
		m.rater = (m.rater + 1) % len(rs)
		m.dim = 0
		return do(fmt.Sprintf("✓ %s's levels saved.", rater), func() error { return eng.RateMaturity(ctx, actor, g, rater, got) })
	}
	return nil
}

func (m *maturityModel) render(a *App) string {
	v := a.tbl.view
	rs := raters(v)
	rater := rs[clamp(m.rater, len(rs))]
	levels := m.level(v, rater)
	head := a.headerBar(fmt.Sprintf("Maturity self-assessment · %s · %s", model.Safe(v.Group.Name, false), v.Area.Code))
	var ln []string
	for i, l := range v.Maturity.Levels {
		ln = append(ln, fmt.Sprintf("%d %s", i+1, model.Safe(l, false)))
	}
	body := []string{
		"  " + a.st.Key.Render(fmt.Sprintf("Rater ‹ %s › of %d", rater, len(rs))) + a.st.Faint.Render(" · anonymous · [ ] changes rater"),
		a.st.Faint.Render("  Levels: " + strings.Join(ln, " · ")), "",
	}
	nameW := min(max(a.width/3, 16), 40)
	for d, dim := range v.Maturity.Dimensions {
		choice := "[ ]"
		desc := ""
		if l := levels[d]; l > 0 {
			choice = fmt.Sprintf("[%d]", l)
			if l <= len(dim.Descriptors) {
				desc = model.Safe(dim.Descriptors[l-1], false)
			}
		}
		line := fmt.Sprintf("%s %s %s", pad(trunc(model.Safe(dim.Name, false), nameW), nameW), choice, desc)
		if d == m.dim {
			line = a.st.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		body = append(body, line)
	}
	body = append(body, "", a.st.Title.Render(fmt.Sprintf("  Table profile · median of %s", plural(countRaters(v.Ratings), "rater", "raters"))))
	body = append(body, a.profileLines(v, nameW)...)
	return a.page(head, body, maturityKeys)
}

// profileLines draws the table's profile: a cell per level, filled to the
// median, with the median and "split" where raters are far apart.
func (a *App) profileLines(v sessions.TableView, nameW int) []string {
	var out []string
	for d, res := range v.Profile {
		cells := ""
		for l := 1; l <= len(v.Maturity.Levels); l++ {
			if float64(l) <= res.Median {
				cells += "■"
			} else if float64(l)-0.5 == res.Median {
				cells += "◧"
			} else {
				cells += "□"
			}
		}
		med := "  —"
		if res.Raters > 0 {
			med = fmt.Sprintf("%3.1f", res.Median)
		}
		split := ""
		if res.Split {
			split = a.st.Warn.Render("  split")
		}
		out = append(out, fmt.Sprintf("  %s %s %s%s", pad(trunc(model.Safe(v.Maturity.Dimensions[d].Name, false), nameW), nameW), a.st.Bar.Render(cells), med, split))
	}
	return out
}

func countRaters(rs []model.Rating) int {
	seen := map[string]bool{}
	for _, r := range rs {
		seen[r.Rater] = true
	}
	return len(seen)
}

// trunc cuts s to n columns with an ellipsis.
func trunc(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:max(n-1, 0)]) + "…"
	}
	return s
}

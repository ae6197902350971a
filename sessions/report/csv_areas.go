package report

import (
	"fmt"

	"forum/sessions"
)

// areaCSV writes the areas' syntheses as three files: area_briefs.csv
// (one row per area: vision, key messages, ask), area_priorities.csv (the
// joined priorities with where raised, score and rank) and
// area_next_steps.csv. A report on one table has none.
func areaCSV(part sessions.Snapshot, areas []areaTables, scope Scope) map[string][][]string {
	if scope.Table != "" {
		return nil
	}
	briefs := [][]string{{"area", "tables", "vision", "consensus", "message_1", "message_2", "message_3", "ask"}}
	prios := [][]string{{"area", "rank", "tied", "priority", "raised_at", "of_tables", "score", "where_raised", "rank_rule"}}
	steps := [][]string{{"area", "action", "owner", "by_when", "what_would_assist", "from", "support_percent", "support_voters"}}
	syn := syntheses(part, areas)
	for _, at := range areas {
		s := syn[at.Area.ID]
		if len(s.Tables) == 0 {
			continue
		}
		row := []string{s.Area.Code, numberCell(len(s.Tables)), s.Vision, consensusLine(s)}
		for i := range 3 {
			m := ""
			if i < len(s.Messages) {
				m = s.Messages[i].Text
			}
			row = append(row, m)
		}
		briefs = append(briefs, append(row, s.Ask.Text))
		for _, p := range s.Priorities {
			prios = append(prios, []string{s.Area.Code, numberCell(p.Rank), tiedCell(p.Tied), p.Name, numberCell(p.Tables), numberCell(p.Of), numberMark + fmt.Sprintf("%.3f", p.Score), whereRaised(p), sessions.AreaRankRule})
		}
		for _, st := range s.Steps {
			from, pct := st.From(), ""
			if st.Support.Voters > 0 {
				pct = numberMark + fmt.Sprintf("%.0f", st.Support.Percent)
			}
			steps = append(steps, []string{s.Area.Code, st.Action, st.Owner, st.ByWhen, st.Assist, from, pct, numberCell(st.Support.Voters)})
		}
	}
	return map[string][][]string{"area_briefs.csv": briefs, "area_priorities.csv": prios, "area_next_steps.csv": steps}
}

// tiedCell is "tied" for a shared rank, else "".
func tiedCell(tied bool) string {
	if tied {
		return "tied"
	}
	return ""
}

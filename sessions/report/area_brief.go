package report

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

// syntheses are the areas' syntheses of the report's part of the event,
// by area id.
func syntheses(part sessions.Snapshot, areas []areaTables) map[model.ID]sessions.AreaSynthesis {
	views := map[model.ID]sessions.TableView{}
	for _, at := range areas {
		for _, v := range at.Tables {
			views[v.Group.ID] = v
		}
	}
	out := map[model.ID]sessions.AreaSynthesis{}
	for _, at := range areas {
		out[at.Area.ID] = sessions.AreaSynthesisOf(part, views, at.Area)
	}
	return out
}

// areaBrief writes an area's one-page brief, on a page of its own: its
// vision and the consensus on it, its priorities joined across its tables
// with where each was raised, its next steps, key messages and ask.
func (b *builder) areaBrief(s sessions.AreaSynthesis) {
	b.add(Block{Kind: Heading, Level: 3, ID: "brief-" + strings.ToLower(s.Area.Code), Spans: []Span{Text(s.Area.Code + " brief")}, NewPage: true})
	if s.Single {
		b.para(Em("One table met in " + s.Area.Code + ": its outcomes are the area's, as below."))
	} else if s.Held {
		b.para(Em(fmt.Sprintf("Agreed in the area round across %s's %d tables.", s.Area.Code, len(s.Tables))))
	} else {
		b.para(Em(fmt.Sprintf("Drafted from %s's %d tables (this event holds no area round).", s.Area.Code, len(s.Tables))))
	}
	b.heading(4, "", "Vision")
	if strings.TrimSpace(s.Vision) == "" {
		b.para(Text("No vision statement was recorded."))
	} else {
		b.add(Block{Kind: Quote, Spans: []Span{Text(s.Vision)}, Source: []string{"area:" + string(s.Area.ID)}})
	}
	if c := consensusLine(s); c != "" {
		b.para(Em(c))
	}
	b.heading(4, "", "Priorities")
	if len(s.Priorities) == 0 {
		b.para(Text("No priorities were voted on."))
	} else {
		if !s.Single {
			b.para(Em(sessions.AreaRankRule))
		}
		t := Block{Kind: Table, Head: []string{"Rank", "Priority", "Where raised", "Score"}, Right: []bool{false, false, false, true}}
		if s.Single {
			t.Head, t.Right = []string{"Rank", "Priority", "Dots"}, []bool{false, false, true}
		}
		for _, p := range s.Priorities {
			row := [][]Span{{Text(p.RankLabel())}, {Text(p.Name)}, {Text(whereRaised(p))}, {Text(fmt.Sprintf("%.2f", p.Score))}}
			if s.Single {
				row = [][]Span{row[0], row[1], {Text(fmt.Sprint(p.Members[0].Priority.Dots))}}
			}
			t.Rows = append(t.Rows, row)
			t.Source = append(t.Source, "area-priority:"+p.Key)
		}
		b.add(t)
	}
	b.heading(4, "", "Next steps")
	if len(s.Steps) == 0 {
		b.para(Text("No next steps were agreed."))
	} else {
		t := Block{Kind: Table, Head: []string{"Action", "Owner", "By when", "What would assist", "From", "Support"}}
		for _, st := range s.Steps {
			from, support := st.From(), "—"
			if st.Support.Voters > 0 {
				support = fmt.Sprintf("%.0f%% of %d", st.Support.Percent, st.Support.Voters)
			}
			t.Rows = append(t.Rows, [][]Span{{Text(st.Action)}, {Text(dash(st.Owner))}, {Text(dash(st.ByWhen))}, {Text(dash(st.Assist))}, {Text(from)}, {Text(support)}})
			t.Source = append(t.Source, "area-step:"+st.Key)
		}
		b.add(t)
	}
	b.heading(4, "", "Key messages and ask")
	if len(s.Messages) == 0 && s.Ask.Text == "" {
		b.para(Text("No key messages were agreed."))
		return
	}
	var items [][]Span
	for _, m := range s.Messages {
		items = append(items, []Span{Text(m.Text)})
	}
	if len(items) > 0 {
		b.add(Block{Kind: Numbered, Items: items})
	}
	if s.Ask.Text != "" {
		b.para(Strong("Ask: "), Text(s.Ask.Text))
	}
}

// whereRaised is "raised at 2 of 3 tables: Table 1 (60% of its dots),
// Table 3 (50%)".
func whereRaised(p sessions.AreaPriority) string {
	var at []string
	for i, m := range p.Members {
		share := fmt.Sprintf("%.0f%%", 100*m.Share)
		if i == 0 {
			share += " of its dots"
		}
		at = append(at, m.Table.Name+" ("+share+")")
	}
	return p.RaisedAt() + ": " + strings.Join(at, ", ")
}

// consensusLine says how the tables' fist-to-five checks on their visions
// went, or "" when none was held.
func consensusLine(s sessions.AreaSynthesis) string {
	var parts []string
	for i, r := range s.Consensus {
		if r.Voters == 0 {
			continue
		}
		verdict := fmt.Sprintf("consensus, all %d showed 3 or more", r.Voters)
		if !r.Consensus {
			verdict = fmt.Sprintf("not reached, %d of %d below 3", r.Counts[0]+r.Counts[1]+r.Counts[2], r.Voters)
		}
		parts = append(parts, s.Tables[i].Group.Name+": "+verdict)
	}
	area := ""
	if r := s.Fist; r.Voters > 0 {
		area = fmt.Sprintf("Consensus on the area's vision (fist-to-five, counted in the room): yes, all %d showed 3 or more.", r.Voters)
		if !r.Consensus {
			area = fmt.Sprintf("Consensus on the area's vision (fist-to-five, counted in the room): not reached, %d of %d showed fewer than 3 (5: %d, 4: %d, 3: %d, 2: %d, 1: %d, 0: %d).",
				r.Counts[0]+r.Counts[1]+r.Counts[2], r.Voters, r.Counts[5], r.Counts[4], r.Counts[3], r.Counts[2], r.Counts[1], r.Counts[0])
		}
	}
	if len(parts) == 0 {
		return area
	}
	tables := "Consensus on the tables' visions (fist-to-five): " + strings.Join(parts, "; ") + "."
	if area != "" {
		return area + " " + tables
	}
	return tables
}

package report

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

// area writes one area: its places, then each table's vision, journey,
// priorities, next steps and key messages.
func (b *builder) area(at areaTables, ref map[model.ID]string) {
	b.heading(2, "area-"+strings.ToLower(at.Area.Code), at.Area.Label())
	if len(at.Area.Places) > 0 {
		b.para(Em(strings.Join(at.Area.Places, ", ")))
	}
	if s, ok := b.briefs[at.Area.ID]; ok && len(s.Tables) > 0 {
		b.areaBrief(s)
	}
	shown := 0
	for _, v := range at.Tables {
		if met(v) || b.single { // a report on one table shows it, met or not
			b.table(v, ref)
			shown++
		}
	}
	switch {
	case len(at.Tables) == 0:
		b.para(Text("No tables."))
	case shown == 0:
		b.para(Text("No table here met (see Who took part)."))
	}
}

func (b *builder) table(v sessions.TableView, ref map[model.ID]string) {
	g := v.Group
	b.heading(3, "", g.Name)
	var roles []string
	for _, r := range [][2]string{{"Facilitator", g.Facilitator}, {"Scribe", g.Scribe}, {"Reporter", g.Reporter}} {
		if r[1] != "" {
			roles = append(roles, r[0]+": "+r[1])
		}
	}
	b.para(Text(strings.Join(append(roles, plural(g.Participants, "participant", "participants")), " · ")))
	if !met(v) {
		b.para(Text("Nothing was captured at this table."))
		return
	}

	b.heading(4, "", "Vision")
	if g.Vision != "" {
		b.add(Block{Kind: Quote, Spans: []Span{Text(g.Vision)}, Source: []string{"table:" + string(g.ID)}})
		if r := v.FistResult; r.Voters > 0 {
			verdict := fmt.Sprintf("Consensus (fist-to-five): yes, all %d showed 3 or more fingers", r.Voters)
			if !r.Consensus {
				verdict = fmt.Sprintf("Consensus (fist-to-five): not reached; %d of %d showed fewer than 3 fingers, %d of them 0 or 1", r.Counts[0]+r.Counts[1]+r.Counts[2], r.Voters, r.Blockers)
			}
			b.para(Em(verdict + fmt.Sprintf(" (5: %d, 4: %d, 3: %d, 2: %d, 1: %d, 0: %d).", r.Counts[5], r.Counts[4], r.Counts[3], r.Counts[2], r.Counts[1], r.Counts[0])))
		}
	} else {
		b.para(Text("No vision statement was recorded."))
	}
	for _, s := range v.Event.Stages {
		if s.Activity != model.ActivityCapture {
			continue
		}
		notes := model.AtStage(v.Notes, s.Key)
		b.heading(4, "", s.Title)
		if len(notes) == 0 {
			b.para(Text("Nothing was captured."))
			continue
		}
		b.add(noteList(notes, ref))
	}

	b.maturity(v)
	if len(v.Themes) > 0 {
		b.heading(4, "", "Themes")
		var items [][]Span
		for _, th := range v.Themes {
			var rs []string
			for _, n := range th.Notes {
				rs = append(rs, ref[n.ID])
			}
			items = append(items, append([]Span{Text(th.Theme.Name + " (" + plural(len(th.Notes), "note", "notes") + ")")}, citeSpans(rs)...))
		}
		b.add(Block{Kind: Bullets, Items: items})
	}
	b.heading(4, "", "Priorities")
	b.para(Em(voteNote(v)))
	if len(v.Priorities) == 0 {
		b.para(Text("No priorities were captured."))
	} else {
		bars := Block{Kind: Bars}
		top := v.Priorities[0].Dots
		for _, p := range v.Priorities {
			label := []Span{Text(p.Note.Text)}
			if p.Note.IsTheme() {
				label = []Span{Text("Theme: " + p.Note.Text)}
			}
			bars.Bars = append(bars.Bars, Bar{Rank: p.Label(), Label: append(label, citeSpans(cites(p.Sources, ref))...), Value: p.Dots, Max: top})
			bars.Source = append(bars.Source, cites(p.Sources, ref)...)
		}
		b.add(bars)
	}

	b.heading(4, "", "Next steps")
	if len(v.NextSteps) == 0 {
		b.para(Text("No next steps were agreed."))
	} else {
		t := Block{Kind: Table, Head: []string{"Action", "Owner", "By when", "What would assist", "Serves", "Support"}}
		for _, s := range v.NextSteps {
			serves := []Span{Text("—")}
			if r := ref[s.PriorityID]; r != "" {
				serves = []Span{Cite(r)}
			}
			for _, th := range v.Themes {
				if th.Theme.ID == s.PriorityID {
					serves = []Span{Text("theme: " + th.Theme.Name)}
				}
			}
			support := "—"
			if r := v.StepSupport[s.ID]; r.Voters > 0 {
				support = fmt.Sprintf("%.0f%% of %d", r.Percent, r.Voters)
			}
			t.Rows = append(t.Rows, [][]Span{{Text(s.Action)}, {Text(dash(s.Owner))}, {Text(dash(s.ByWhen))}, {Text(dash(s.Assist))}, serves, {Text(support)}})
			t.Source = append(t.Source, "next-step:"+string(s.ID))
		}
		b.add(t)
	}
	if len(v.KeyMessages) > 0 {
		b.heading(4, "", "Key messages")
		b.messages(v.KeyMessages, ref, nil)
	}
}

// maturity writes the table's self-assessed maturity profile: the median
// level on each dimension, and where raters were far apart.
func (b *builder) maturity(v sessions.TableView) {
	if v.Maturity.Empty() || len(v.Ratings) == 0 {
		return
	}
	raters := map[string]bool{}
	for _, r := range v.Ratings {
		raters[r.Rater] = true
	}
	b.heading(4, "", "Maturity")
	b.para(Em(fmt.Sprintf("Self-assessed by %s; the median level on each dimension.", plural(len(raters), "rater", "raters"))))
	t := Block{Kind: Table, Head: []string{"Dimension", "Median level", "Raters", "Views"}, Right: []bool{false, false, true, false}}
	for d, res := range v.Profile {
		level := "—"
		if res.Raters > 0 {
			level = levelName(v.Maturity, res.Median)
		}
		views := "agreed"
		if res.Split {
			views = "split: raters far apart"
		}
		if res.Raters == 0 {
			views = "—"
		}
		t.Rows = append(t.Rows, [][]Span{{Text(v.Maturity.Dimensions[d].Name)}, {Text(level)}, {Text(fmt.Sprint(res.Raters))}, {Text(views)}})
	}
	b.add(t)
}

// levelName names a median level: "2 Establishing", or "2.5 Establishing–
// Developing" between two levels.
func levelName(m model.Maturity, median float64) string {
	lo := int(median)
	if lo < 1 || lo > len(m.Levels) {
		return fmt.Sprint(median)
	}
	if median == float64(lo) || lo >= len(m.Levels) {
		return fmt.Sprintf("%d %s", lo, m.Levels[lo-1])
	}
	return fmt.Sprintf("%.1f %s–%s", median, m.Levels[lo-1], m.Levels[lo])
}

// noteList lists notes with their references and tags.
func noteList(notes []model.Contribution, ref map[model.ID]string) Block {
	l := Block{Kind: Bullets}
	for _, c := range notes {
		line := []Span{Cite(ref[c.ID]), Text(" " + c.Text)}
		if len(c.Tags) > 0 {
			line = append(line, Text(" "), Em("("+strings.Join(c.Tags, ", ")+")"))
		}
		l.Items = append(l.Items, line)
		l.Source = append(l.Source, ref[c.ID])
	}
	return l
}

// voteNote says how the table voted.
func voteNote(v sessions.TableView) string {
	if len(v.Ballots) == 0 {
		return "No votes were cast."
	}
	paper, n := false, 0
	for _, b := range v.Ballots {
		if b.Voter == model.PaperVoter {
			paper = true
		} else {
			n++
		}
	}
	var parts []string
	if n > 0 {
		parts = append(parts, plural(n, "ballot", "ballots"))
	}
	if paper {
		parts = append(parts, "a paper tally")
	}
	switch v.Method {
	case model.MethodApproval:
		return fmt.Sprintf("Approval vote: %s; the figure is how many said yes.", strings.Join(parts, " and ")) + reopened(v)
	case model.MethodBorda:
		return fmt.Sprintf("Ranking (Borda): %s; the figure is Borda points, first of n items scoring n.", strings.Join(parts, " and ")) + reopened(v)
	}
	return fmt.Sprintf("Dot vote: %s; %s each.", strings.Join(parts, " and "), plural(v.Rules.Budget, "dot", "dots")) + reopened(v)
}

// reopened says which round of the vote counts when it was reopened.
func reopened(v sessions.TableView) string {
	if v.DotVote.Round < 2 {
		return ""
	}
	earlier := "round 1 is"
	if v.DotVote.Round > 2 {
		earlier = fmt.Sprintf("rounds 1 to %d are", v.DotVote.Round-1)
	}
	return fmt.Sprintf(" The vote was reopened: these are round %d's ballots; %s kept in the history.", v.DotVote.Round, earlier)
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// diverged writes where tables were split: fist-to-five hands far apart,
// next steps some supported and some opposed, maturity ratings far apart.
func (b *builder) diverged(areas []areaTables) {
	var items [][]Span
	for _, at := range areas {
		for _, v := range at.Tables {
			where := at.Area.Code + " " + v.Group.Name + ": "
			if v.FistResult.Divergent {
				items = append(items, []Span{Strong(where), Text("the vision (fist-to-five hands 3 or more apart)")})
			}
			for _, s := range v.NextSteps {
				if r := v.StepSupport[s.ID]; r.Divergent {
					items = append(items, []Span{Strong(where), Text(fmt.Sprintf("the next step “%s” (%d support, %d oppose)", s.Action, r.Counts[3]+r.Counts[4], r.Counts[0]+r.Counts[1]))})
				}
			}
			for d, res := range v.Profile {
				if res.Split {
					items = append(items, []Span{Strong(where), Text("maturity of " + v.Maturity.Dimensions[d].Name + " (raters 2 or more levels apart)")})
				}
			}
		}
	}
	if len(items) == 0 {
		return
	}
	b.heading(1, "diverged", "Where views diverged")
	b.add(Block{Kind: Bullets, Items: items})
}

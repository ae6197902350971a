package report

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

// keyMessages writes the event's key messages, each with the evidence of
// where it was raised. Without event messages (or in a report on one area
// or table, which leaves them out) it says so in one line and shows the
// five table messages raised most widely: every table's own are in its
// section.
func (b *builder) keyMessages(snap sessions.Snapshot, ref map[model.ID]string, whole bool) {
	b.heading(1, "key-messages", "Key messages")
	var event []model.KeyMessage
	for _, k := range snap.KeyMessages {
		if k.GroupID == "" && whole {
			event = append(event, k)
		}
	}
	if len(event) > 0 {
		b.messages(event, ref, func(k model.KeyMessage) []Span { return evidence(snap, k.Sources) })
		return
	}
	shared := sessions.WidestMessages(snap, 5)
	if len(shared) == 0 {
		b.para(Text("No key messages have been chosen yet."))
		return
	}
	lead := "No event key messages have been chosen yet; these are the tables' messages raised most widely."
	if !whole {
		lead = "The event's key messages are in the whole event's report; these are the tables' messages here raised most widely."
	}
	b.para(Em(lead))
	var items [][]Span
	var src []string
	for _, m := range shared {
		rs := cites(m.Sources, ref)
		src = append(src, rs...)
		line := append([]Span{Text(m.Text)}, citeSpans(rs)...)
		line = append(line, Text(" — "), Em("chosen by "+plural(len(m.Where), "table", "tables")+" ("+strings.Join(m.Where, "; ")+")"))
		items = append(items, line)
	}
	b.add(Block{Kind: Numbered, Items: items, Source: src})
}

// messages writes key messages as a numbered list and the ask after it.
func (b *builder) messages(msgs []model.KeyMessage, ref map[model.ID]string, extra func(model.KeyMessage) []Span) {
	var items, asks [][]Span
	var src []string
	for _, k := range msgs {
		rs := cites(k.Sources, ref)
		src = append(src, rs...)
		line := append([]Span{Text(k.Text)}, citeSpans(rs)...)
		if extra != nil {
			line = append(line, extra(k)...)
		}
		if k.Kind == model.KindAsk {
			asks = append(asks, append([]Span{Strong("Ask: ")}, line...))
		} else {
			items = append(items, line)
		}
	}
	if len(items) > 0 {
		b.add(Block{Kind: Numbered, Items: items, Source: src})
	}
	if len(asks) > 0 {
		b.add(Block{Kind: Bullets, Items: asks, Source: src})
	}
}

// evidence says how many areas and tables the cited notes come from:
// "raised by 2 of 5 STPs, 3 of 10 tables". It is a count, not a vote.
func evidence(snap sessions.Snapshot, ids []model.ID) []Span {
	ev := sessions.EvidenceOf(snap, ids)
	if ev.Tables == 0 {
		return nil
	}
	return []Span{Text(" — "), Em(ev.String(areaLabel(snap.Event)))}
}

// crossCutting writes the themes that several tables raised, as the
// organiser accepted them: each once, with the tables that raised it (and
// a table's own name for it where that differs).
func (b *builder) crossCutting(whole, part sessions.Snapshot, ref map[model.ID]string) {
	in := map[model.ID]bool{}
	for _, g := range part.Groups {
		in[g.ID] = true
	}
	var items [][]Span
	var src []string
	for _, ct := range sessions.CrossCutting(whole) {
		var where []string
		shown := false
		for _, t := range ct.Themes {
			w := t.Area.Code + " " + t.Table.Name
			if !strings.EqualFold(strings.TrimSpace(t.Theme.Name), strings.TrimSpace(ct.Name)) {
				w += " (as “" + t.Theme.Name + "”)"
			}
			where = append(where, w)
			shown = shown || in[t.Table.ID]
			for _, n := range t.Notes {
				src = append(src, ref[n.ID])
			}
		}
		if !shown {
			continue
		}
		items = append(items, []Span{Strong(ct.Name), Text(" — "), Em(ct.Evidence.String(areaLabel(whole.Event))), Text(": " + strings.Join(where, ", ") + ".")})
	}
	if len(items) == 0 {
		return
	}
	b.heading(1, "cross-cutting-themes", "Cross-cutting themes")
	b.para(Text("Themes that different tables raised, joined by the organiser. The counts say where each was raised; they are not votes."))
	b.add(Block{Kind: Bullets, Items: items, Source: src})
}

// context writes the programme and who took part.
func (b *builder) context(ev model.Event, snap sessions.Snapshot, areas []areaTables) {
	// The title page holds the key messages; the context starts a new page.
	if len(ev.Programme) > 0 {
		b.add(Block{Kind: Heading, Level: 1, ID: "programme", Spans: []Span{Text("Programme and speakers")}, NewPage: true})
		var items [][]Span
		for _, t := range ev.Programme {
			var line []Span
			if t.Starts != "" {
				line = append(line, Text(t.Starts+" "))
			}
			if t.Kind == "breakout" || t.Kind == "plenary" {
				line = append(line, Text(strings.ToUpper(t.Kind[:1])+t.Kind[1:]+": "))
			}
			line = append(line, Strong(t.Title))
			var who []string
			for _, s := range t.Speakers {
				if s.Role != "" {
					who = append(who, s.Name+", "+s.Role)
				} else {
					who = append(who, s.Name)
				}
			}
			if len(who) > 0 {
				line = append(line, Text(" — "+strings.Join(who, "; ")))
			}
			items = append(items, line)
		}
		b.add(Block{Kind: Bullets, Items: items})
	}
	b.add(Block{Kind: Heading, Level: 1, ID: "who-took-part", Spans: []Span{Text("Who took part")}, NewPage: len(ev.Programme) == 0})
	label := areaLabel(ev)
	b.para(Text("A table met when it captured anything: a note, a vote, a vision, a rating. Only those tables and their participants are counted."))
	t := Block{Kind: Table, Head: []string{label, "Tables that met", "Participants"}, Right: []bool{false, true, true}}
	var all []model.Group
	for _, at := range areas {
		gs := metGroups(at.Tables)
		all = append(all, gs...)
		t.Rows = append(t.Rows, [][]Span{{Text(at.Area.Label())}, {Text(fmt.Sprint(len(gs)))}, {Text(fmt.Sprint(participants(gs)))}})
	}
	t.Rows = append(t.Rows, [][]Span{{Strong("Total")}, {Strong(fmt.Sprint(len(all)))}, {Strong(fmt.Sprint(participants(all)))}})
	b.add(t)
	if never := neverMet(areas); len(never) > 0 {
		b.para(Strong(plural(len(never), "table", "tables")+" never met"), Text(" (nothing was captured there): "+strings.Join(never, ", ")+"."))
	}
}

// method writes the script every table followed and how votes and
// evidence were counted.
func (b *builder) method(ev model.Event, areas []areaTables) {
	b.heading(1, "method", "Method")
	b.para(Text("Each table followed the same script, with a facilitator, a scribe who captured what was said, and a reporter:"))
	var items [][]Span
	for _, s := range ev.Stages {
		line := []Span{Strong(s.Title), Text(fmt.Sprintf(" (%d min)", s.Minutes))}
		if len(s.Prompts) > 0 {
			line = append(line, Text(": "+strings.ReplaceAll(strings.Join(s.Prompts, " "), "{area}", "their "+areaLabel(ev))))
		}
		items = append(items, line)
	}
	b.add(Block{Kind: Numbered, Items: items})
	for _, text := range voteMethods(ev, areas) {
		b.para(Text(text))
	}
	b.para(Text("\"Raised by N of M\" counts the areas and tables whose notes a message cites. It is a count of where a point came from, not a vote. References such as NCL/T1/4 point to the appendix: area, table, and the note's number at that table."))
}

// appendix lists every live note by area, table and stage, with its
// reference, starting on a new page.
func (b *builder) appendix(areas []areaTables, ref map[model.ID]string) {
	b.add(Block{Kind: Heading, Level: 1, ID: "appendix", Spans: []Span{Text("Appendix: every contribution")}, NewPage: true})
	any := false
	for _, at := range areas {
		for _, v := range at.Tables {
			if len(v.Notes) == 0 {
				continue
			}
			any = true
			b.heading(3, "", at.Area.Code+" — "+v.Group.Name)
			for _, s := range v.Event.Stages {
				if notes := model.AtStage(v.Notes, s.Key); len(notes) > 0 {
					b.heading(4, "", s.Title)
					b.add(noteList(notes, ref))
				}
			}
		}
	}
	if !any {
		b.para(Text("Nothing has been captured yet."))
	}
}

// voteMethods says how priorities were chosen: by the method and rules
// each table's vote ran under (a round keeps them, whatever set-up says
// later), one sentence for each different way, naming the tables when they
// differ; by the event's rules when no table has voted.
func voteMethods(ev model.Event, areas []areaTables) []string {
	var order []string
	tables := map[string][]string{}
	for _, at := range areas {
		for _, v := range at.Tables {
			if len(v.Ballots) == 0 && v.DotVote.Closed.ID == "" {
				continue
			}
			text := voteMethodText(v.Method, v.Rules)
			if _, ok := tables[text]; !ok {
				order = append(order, text)
			}
			tables[text] = append(tables[text], at.Area.Code+" "+v.Group.Name)
		}
	}
	if len(order) == 0 {
		return []string{voteMethodText(sessions.PriorityMethod(ev), ev.Dots)}
	}
	if len(order) == 1 {
		return order
	}
	out := make([]string, len(order))
	for i, text := range order {
		out[i] = fmt.Sprintf("At %s: %s", strings.Join(tables[text], ", "), text)
	}
	return out
}

// voteMethodText is one sentence on a vote's method and rules.
func voteMethodText(method string, r model.DotRules) string {
	const ballot = "cast on an anonymous ballot (voter codes P1, P2, …)"
	switch method {
	case model.MethodApproval:
		return "Priorities were chosen by approval voting: each participant said yes to any number of items, " + ballot + ". The figures are how many said yes."
	case model.MethodBorda:
		return "Priorities were chosen by ranking (Borda): each participant put items in order, " + ballot + "; the first of n items scores n points. The figures are points, not people."
	}
	dots := "about a third of the items on the vote"
	if r.Budget > 0 {
		dots = plural(r.Budget, "dot", "dots")
	}
	capText := "with no cap per item"
	if r.Cap > 0 && r.Cap < r.Budget {
		capText = fmt.Sprintf("at most %d on one item", r.Cap)
	}
	return fmt.Sprintf("Priorities were chosen by dot voting: each participant had %s, %s, %s or counted from paper dots. The figures are dots, not people.", dots, capText, ballot)
}

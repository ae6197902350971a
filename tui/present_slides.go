package tui

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

// slide is one screen of present mode.
type slide struct {
	kicker string   // small line above: "NCL North Central London · Table 1"
	title  string   // "Vision", drawn in big letters
	big    string   // the one thing on the slide, in big letters where it fits
	lines  []string // the rest, one item a line, in ordinary bold text
	foot   string   // a faint line below: where it was raised
	quote  bool     // big is a statement, shown in quotes
}

// presentSlides are the plenary's slides: the event; while tables are
// still at work, the room; per area its synthesis (once there is one) and
// each table's vision and top three priorities; the cross-cutting themes;
// then the event's key messages, one a slide, and its asks.
func presentSlides(p sessions.Plenary) []slide {
	safe := func(s string) string { return model.Safe(s, false) }
	ss := []slide{{kicker: strings.TrimSpace(p.Event.Date + "  " + safe(p.Event.Venue)), title: "Plenary", big: safe(p.Event.Title)}}
	if room, ok := roomSlide(p); ok {
		ss = append(ss, room)
	}
	for _, pa := range p.Areas {
		ss = append(ss, areaSynthesisSlides(p, pa)...)
		for _, v := range pa.Tables {
			where := safe(pa.Area.Label()) + " · " + safe(v.Group.Name)
			if v.Group.Vision != "" {
				ss = append(ss, slide{kicker: where, title: "Vision", big: safe(v.Group.Vision), quote: true})
			}
			if top := topPriorities(v.Priorities); len(top) > 0 {
				ss = append(ss, slide{kicker: where, title: "Top priorities", lines: priorityLines(v, top)})
			}
		}
	}
	if len(p.Cross) > 0 {
		s := slide{kicker: safe(p.Event.Title), title: "Cross-cutting themes"}
		for _, c := range p.Cross {
			s.lines = append(s.lines, safe(c.Name)+" — "+c.Evidence.String(p.Event.AreaLabel)+": "+whereRaised(c))
		}
		ss = append(ss, s)
	}
	var msgs []model.KeyMessage
	var asks []string
	for _, m := range p.Messages {
		if m.Kind == model.KindAsk {
			asks = append(asks, safe(m.Text))
		} else {
			msgs = append(msgs, m)
		}
	}
	for i, m := range msgs {
		s := slide{kicker: fmt.Sprintf("The event's key messages · %d of %d", i+1, len(msgs)), title: fmt.Sprintf("Key message %d", i+1), big: safe(m.Text)}
		if ev := p.Evidence[m.ID]; ev.Tables > 0 {
			s.foot = ev.String(p.Event.AreaLabel) + " (a count of where it was raised, not a vote)"
		}
		ss = append(ss, s)
	}
	for _, a := range asks {
		ss = append(ss, slide{kicker: "The event's ask", title: "We ask", big: a})
	}
	return ss
}

// areaSynthesisSlides are an area's own slides, before its tables': the
// vision and joined priorities its round agreed (none for an area of one
// table, whose table's slides say it).
func areaSynthesisSlides(_ sessions.Plenary, pa sessions.PlenaryArea) []slide {
	return areaSlides(pa)
}

// priorityLines are a table's top priorities, the rank in words ("Joint
// third"), with a line for any tied priority the top three leave out.
func priorityLines(v sessions.TableView, top []sessions.Priority) []string {
	unit := map[string][2]string{model.MethodApproval: {"yes vote", "yes votes"}, model.MethodBorda: {"Borda point", "Borda points"}}[v.Method]
	if unit[0] == "" {
		unit = [2]string{"dot", "dots"}
	}
	var out []string
	for _, pr := range top {
		out = append(out, fmt.Sprintf("%s: %s (%s)", rankWords(pr.Ranked), model.Safe(pr.Note.Text, false), plural(pr.Dots, unit[0], unit[1])))
	}
	last := top[len(top)-1]
	more := 0
	for _, pr := range v.Priorities[len(top):] {
		if pr.Tied && pr.Rank == last.Rank && pr.Dots > 0 {
			more++
		}
	}
	if more > 0 {
		out = append(out, fmt.Sprintf("and %s, also %s", plural(more, "more priority", "more priorities"), strings.ToLower(rankWords(last.Ranked))))
	}
	return out
}

// rankWords is a rank in words: "First", "Joint third", "12th".
func rankWords(r model.Ranked) string {
	ord := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	w := fmt.Sprintf("%dth", r.Rank)
	if r.Rank > 0 && r.Rank < len(ord) {
		w = ord[r.Rank]
	}
	if r.Tied {
		return "Joint " + w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// whereRaised names the tables a cross-cutting theme was raised at:
// "NCL Table 1, NEL Table 3".
func whereRaised(c sessions.CrossTheme) string {
	var at []string
	seen := map[model.ID]bool{}
	for _, t := range c.Themes {
		if !seen[t.Table.ID] {
			seen[t.Table.ID] = true
			at = append(at, model.Safe(t.Area.Code+" "+t.Table.Name, false))
		}
	}
	return strings.Join(at, ", ")
}

// roomSlide is the room during the breakouts: each table, the stage it is
// at and how many notes it has so far. There is none once every table has
// reached the last stage.
func roomSlide(p sessions.Plenary) (slide, bool) {
	s := slide{kicker: "Live", title: "The room"}
	busy := false
	last := ""
	if n := len(p.Event.Stages); n > 0 {
		last = p.Event.Stages[n-1].Key
	}
	for _, pa := range p.Areas {
		for _, v := range pa.Tables {
			if v.Group.StageKey != last {
				busy = true
			}
			s.lines = append(s.lines, fmt.Sprintf("%s %s: %s, %s", model.Safe(pa.Area.Code, false), model.Safe(v.Group.Name, false),
				stageTitle(p.Event, v.Group.StageKey), plural(len(v.Notes), "note", "notes")))
		}
	}
	return s, busy
}

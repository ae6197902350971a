package sessions

import (
	"fmt"
	"strings"

	"forum/model"
)

// DemoNotice is the sentence every rendering of demo data carries.
const DemoNotice = "Illustrative demo data, made up by 'forum demo' to show how forum works. It is not the outcome of any real forum, and in particular not of the London Clinical Senate Forum of 25 January 2018."

// Markdown renders a snapshot as the key-messages summary report. It is a
// pure function: the same snapshot always gives the same bytes.
func Markdown(snap Snapshot) string {
	var w mdWriter
	ev := snap.Event
	areas := byArea(snap)
	ref := refs(snap)
	label := ev.AreaLabel
	if label == "" {
		label = "Area"
	}

	w.line("# " + mdEscape(ev.Title))
	if ev.Illustrative {
		w.line("> **" + DemoNotice + "**")
	}
	w.item("Date", longDate(ev.Date))
	if ev.Venue != "" {
		w.item("Venue", mdEscape(ev.Venue))
	}
	if ev.Chair != "" {
		w.item("Chair", mdEscape(ev.Chair))
	}
	w.item("Who took part", fmt.Sprintf("%s in %s, %s", plural(len(snap.Groups), "table", "tables"),
		plural(len(snap.Areas), label, label+"s"), plural(participants(snap.Groups), "participant", "participants")))
	w.blank()
	if len(ev.Aims) > 0 {
		w.line("## Aims")
		for i, a := range ev.Aims {
			w.raw(fmt.Sprintf("%d. %s\n", i+1, mdEscape(a)))
		}
		w.blank()
	}

	w.line("## Key messages")
	keyMessages(&w, snap, areas, ref)

	if len(ev.Programme) > 0 {
		w.line("## Programme")
		for _, t := range ev.Programme {
			w.raw("- " + talkLine(t) + "\n")
		}
		w.blank()
	}

	w.line("## By " + mdEscape(label))
	for _, at := range areas {
		w.line("### " + mdEscape(at.Area.Label()))
		if len(at.Area.Places) > 0 {
			w.line("*" + mdEscape(strings.Join(at.Area.Places, ", ")) + "*")
		}
		if len(at.Tables) == 0 {
			w.line("No tables.")
		}
		for _, v := range at.Tables {
			tableSection(&w, v, ref)
		}
	}

	method(&w, ev)
	appendix(&w, areas, ref)
	return w.String()
}

// keyMessages writes the event's messages, or else every table's.
func keyMessages(w *mdWriter, snap Snapshot, areas []areaTables, ref map[model.ID]string) {
	var event []model.KeyMessage
	for _, k := range snap.KeyMessages {
		if k.GroupID == "" {
			event = append(event, k)
		}
	}
	if len(event) > 0 {
		messageList(w, event, ref)
		return
	}
	any := false
	for _, at := range areas {
		for _, v := range at.Tables {
			if len(v.KeyMessages) == 0 {
				continue
			}
			any = true
			w.line("**" + mdEscape(at.Area.Label()) + " — " + mdEscape(v.Group.Name) + "**")
			messageList(w, v.KeyMessages, ref)
		}
	}
	if !any {
		w.line("No key messages have been chosen yet.")
	}
}

func messageList(w *mdWriter, msgs []model.KeyMessage, ref map[model.ID]string) {
	n := 0
	for _, k := range msgs {
		cite := citations(k.Sources, ref)
		if k.Kind == model.KindAsk {
			w.raw("- **Ask:** " + mdEscape(k.Text) + cite + "\n")
			continue
		}
		n++
		w.raw(fmt.Sprintf("%d. %s%s\n", n, mdEscape(k.Text), cite))
	}
	w.blank()
}

func citations(ids []model.ID, ref map[model.ID]string) string {
	var rs []string
	for _, id := range ids {
		if r, ok := ref[id]; ok {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return ""
	}
	return " (" + strings.Join(rs, ", ") + ")"
}

func talkLine(t model.Talk) string {
	s := "**" + mdEscape(t.Title) + "**"
	var who []string
	for _, sp := range t.Speakers {
		if sp.Role != "" {
			who = append(who, mdEscape(sp.Name)+", "+mdEscape(sp.Role))
		} else {
			who = append(who, mdEscape(sp.Name))
		}
	}
	if len(who) > 0 {
		s += " — " + strings.Join(who, "; ")
	}
	if t.Starts != "" {
		s = mdEscape(t.Starts) + " " + s
	}
	return s
}

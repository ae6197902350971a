package sessions

import (
	"fmt"
	"strings"

	"forum/model"
)

// tableSection writes one table: roles, vision, priorities, next steps and
// key messages.
func tableSection(w *mdWriter, v TableView, ref map[model.ID]string) {
	g := v.Group
	w.line("#### " + mdEscape(g.Name))
	var roles []string
	for _, r := range [][2]string{{"Facilitator", g.Facilitator}, {"Scribe", g.Scribe}, {"Reporter", g.Reporter}} {
		if r[1] != "" {
			roles = append(roles, r[0]+": "+mdEscape(r[1]))
		}
	}
	roles = append(roles, plural(g.Participants, "participant", "participants"))
	w.line(strings.Join(roles, " · "))

	w.line("**Vision.**")
	if g.Vision != "" {
		w.line("> " + mdEscape(g.Vision))
	} else {
		w.line("No vision statement was recorded.")
	}

	w.line("**Priorities**" + voteNote(v))
	if len(v.Priorities) == 0 {
		w.line("No priorities were captured.")
	} else {
		w.raw("| Rank | Priority | Dots |\n|---:|---|---:|\n")
		for _, p := range v.Priorities {
			w.raw(fmt.Sprintf("| %s | %s%s | %d |\n", rankLabel(p.Ranked), mdEscape(p.Note.Text), citations([]model.ID{p.Note.ID}, ref), p.Dots))
		}
		w.blank()
	}

	w.line("**Next steps**")
	if len(v.NextSteps) == 0 {
		w.line("No next steps were agreed.")
	} else {
		w.raw("| Action | Owner | By when | What would assist |\n|---|---|---|---|\n")
		for _, s := range v.NextSteps {
			w.raw(fmt.Sprintf("| %s | %s | %s | %s |\n", mdEscape(s.Action), orDash(s.Owner), orDash(s.ByWhen), orDash(s.Assist)))
		}
		w.blank()
	}

	if len(v.KeyMessages) > 0 {
		w.line("**Key messages**")
		messageList(w, v.KeyMessages, ref)
	}
}

// voteNote says how the table voted.
func voteNote(v TableView) string {
	if len(v.Ballots) == 0 {
		return " (no votes cast)"
	}
	paper := false
	n := 0
	for _, b := range v.Ballots {
		if b.Voter == model.PaperVoter {
			paper = true
		} else {
			n++
		}
	}
	parts := []string{}
	if n > 0 {
		parts = append(parts, plural(n, "ballot", "ballots"))
	}
	if paper {
		parts = append(parts, "a paper tally")
	}
	return fmt.Sprintf(" (dot vote: %s; %s each)", strings.Join(parts, " and "), plural(v.Rules.Budget, "dot", "dots"))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return mdEscape(s)
}

// method writes the stages and questions every table followed.
func method(w *mdWriter, ev model.Event) {
	w.line("## Method")
	w.line("Each table followed the same script. Priorities were chosen by dot voting; the counts are dots, not people.")
	for i, s := range ev.Stages {
		w.raw(fmt.Sprintf("%d. **%s** (%d min)", i+1, mdEscape(s.Title), s.Minutes))
		if len(s.Prompts) > 0 {
			w.raw(": " + mdEscape(s.Prompts[0]))
		}
		w.raw("\n")
	}
	w.blank()
}

// appendix lists every live note by area, table and stage, with its ref.
func appendix(w *mdWriter, areas []areaTables, ref map[model.ID]string) {
	w.line("## Appendix: every contribution")
	for _, at := range areas {
		for _, v := range at.Tables {
			if len(v.Notes) == 0 {
				continue
			}
			w.line("### " + mdEscape(at.Area.Code) + " — " + mdEscape(v.Group.Name))
			for _, s := range v.Event.Stages {
				notes := model.AtStage(v.Notes, s.Key)
				if len(notes) == 0 {
					continue
				}
				w.line("**" + mdEscape(s.Title) + "**")
				for _, c := range notes {
					tags := ""
					if len(c.Tags) > 0 {
						tags = " *(" + mdEscape(strings.Join(c.Tags, ", ")) + ")*"
					}
					w.raw("- " + ref[c.ID] + ": " + mdEscape(c.Text) + tags + "\n")
				}
				w.blank()
			}
		}
	}
}

// mdWriter builds Markdown with paragraphs separated by one blank line.
type mdWriter struct{ strings.Builder }

// line writes a paragraph followed by a blank line.
func (w *mdWriter) line(s string) { w.WriteString(s + "\n\n") }

// raw writes text as is.
func (w *mdWriter) raw(s string) { w.WriteString(s) }

// blank ends a list or table.
func (w *mdWriter) blank() { w.WriteString("\n") }

// item writes a "- **Key:** value" line.
func (w *mdWriter) item(k, v string) { w.WriteString("- **" + k + ":** " + v + "\n") }

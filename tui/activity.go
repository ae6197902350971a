package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// openActivity opens what the current stage does beyond capture.
func (a *App) openActivity() tea.Cmd {
	v := a.tbl.view
	switch v.Stage.Activity {
	case model.ActivityRoles:
		return a.openForm(a.rolesForm(v), screenTable)
	case model.ActivityVision:
		return a.openForm(a.visionForm(v), screenTable)
	case model.ActivityDotVote:
		a.vote = newVoteModel(v)
		a.screen = screenVote
		a.status = ""
		return a.loadCardVoters(v)
	case model.ActivityNextSteps:
		return a.openForm(a.stepForm(v), screenTable)
	case model.ActivityKeyMessages:
		return a.openForm(a.messagesForm(v), screenTable)
	}
	a.setStatus("This stage only captures notes: type one and press enter.", nil)
	return nil
}

// openForm shows a form; esc or a save returns to back.
func (a *App) openForm(f formModel, back screen) tea.Cmd {
	f.done = back
	if f.sources == nil {
		f.sources = map[int][]model.ID{}
	}
	a.form = f
	a.screen = screenForm
	a.status = ""
	a.form.focus = 0
	a.form.opened = a.form.values()
	return a.form.fields[0].input.Focus()
}

// saveCmd runs a save for a form and reports it.
func saveCmd(status string, f func() (string, error)) tea.Cmd {
	return func() tea.Msg {
		notice, err := f()
		if notice != "" {
			status += " " + notice
		}
		return formResultMsg{status: status, err: err}
	}
}

func (a *App) rolesForm(v sessions.TableView) formModel {
	g := v.Group
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return formModel{
		title: "Roles · " + v.Group.Name,
		intro: []string{"Who facilitates, who writes the notes, who reports back in the plenary, and how many people are at the table (for the voting budget)."},
		fields: []field{newField("Facilitator", g.Facilitator, "name or initials"), newField("Scribe", g.Scribe, "name or initials"),
			newField("Reporter", g.Reporter, "name or initials"), newField("Participants", fmt.Sprint(g.Participants), "a number, e.g. 8")},
		submit: func(f *formModel) tea.Cmd {
			n, err := f.number(3)
			if err != nil {
				f.err = "Participants must be a whole number, e.g. 8."
				return nil
			}
			r := sessions.Roles{Facilitator: f.value(0), Scribe: f.value(1), Reporter: f.value(2), Participants: n}
			return saveCmd("✓ Roles saved.", func() (string, error) { return eng.SetRoles(ctx, actor, g.ID, r) })
		},
	}
}

func (a *App) visionForm(v sessions.TableView) formModel {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, v.Group.ID
	return formModel{
		title:  "Vision statement · " + v.Group.Name,
		intro:  []string{"One statement the table agrees: what general practice at scale should look like in " + v.Area.Name + " in 3–5 years."},
		fields: []field{newField("Vision", v.Group.Vision, "type the statement")},
		submit: func(f *formModel) tea.Cmd {
			text := f.value(0)
			return saveCmd("✓ Vision statement saved.", func() (string, error) { return eng.SetVision(ctx, actor, g, text) })
		},
	}
}

func (a *App) stepForm(v sessions.TableView) formModel {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, v.Group.ID
	choices := []choice{{label: "(no particular priority)"}}
	for _, p := range v.Priorities {
		choices = append(choices, choice{label: fmt.Sprintf("%-7s %s", plural(p.Dots, "dot", "dots"), p.Note.Text), id: p.Note.ID})
	}
	return formModel{
		title:   "Add a next step · " + v.Group.Name,
		intro:   []string{"For a top priority: the action, who owns it, by when, and what would assist."},
		fields:  []field{newField("Action", "", "what will be done (required)"), newField("Owner", "", "a role or organisation"), newField("By when", "", "e.g. June 2018"), newField("What would assist", "", "what the table needs from others")},
		choices: choices, choiceSel: min(1, len(choices)-1), pick: "serves",
		listTitle: "The priority this step serves (↑/↓):", listHelp: "priority it serves",
		submit: func(f *formModel) tea.Cmd {
			in := sessions.NextStepInput{Action: f.value(0), Owner: f.value(1), ByWhen: f.value(2), Assist: f.value(3), PriorityID: f.choices[f.choiceSel].id}
			return saveCmd("✓ Next step saved.", func() (string, error) {
				s, err := eng.AddNextStep(ctx, actor, g, in)
				return s.Notice, err
			})
		},
	}
}

func (a *App) messagesForm(v sessions.TableView) formModel {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, v.Group.ID
	var current []sessions.MessageInput
	for _, m := range v.KeyMessages {
		current = append(current, sessions.MessageInput{Kind: m.Kind, Text: m.Text, Sources: m.Sources})
	}
	if len(current) == 0 {
		current = sessions.SuggestKeyMessages(v)
	}
	f := messageFields("Key messages · "+v.Group.Name, "The table's top three messages and one ask, suggested from the votes: edit them freely, then ctrl+s.",
		model.MaxMessages, "what the table asks of others", current)
	for _, p := range v.Priorities {
		f.choices = append(f.choices, choice{label: fmt.Sprintf("priority, %s: %s", plural(p.Dots, "dot", "dots"), p.Note.Text), id: p.Note.ID, text: p.Note.Text, ids: p.Sources})
	}
	for _, th := range v.Themes {
		var ids []model.ID
		for _, n := range th.Notes {
			ids = append(ids, n.ID)
		}
		f.choices = append(f.choices, choice{label: fmt.Sprintf("theme, %s: %s", plural(len(th.Notes), "note", "notes"), th.Theme.Name), text: th.Theme.Name, ids: ids})
	}
	if v.Group.Vision != "" {
		f.choices = append(f.choices, choice{label: "vision: " + v.Group.Vision, text: v.Group.Vision})
	}
	for _, s := range v.NextSteps {
		if s.Assist != "" {
			f.choices = append(f.choices, choice{label: "what would assist: " + s.Assist, id: s.PriorityID, text: s.Assist})
		}
	}
	f.submit = func(f *formModel) tea.Cmd {
		msgs := f.messages()
		return saveCmd("✓ Key messages saved.", func() (string, error) { return eng.SetKeyMessages(ctx, actor, g, msgs) })
	}
	return f
}

// messageFields is a key-messages form: n message fields and the ask (the
// last field), filled with the messages given. ctrl+o takes a choice into
// the field, with the notes behind it.
func messageFields(title, intro string, n int, askHint string, current []sessions.MessageInput) formModel {
	f := formModel{title: title, intro: []string{intro}, pick: "use", sources: map[int][]model.ID{}}
	for i := 1; i <= n; i++ {
		hint := ""
		if i == 1 {
			hint = "a key message"
		}
		f.fields = append(f.fields, newField(fmt.Sprintf("Message %d", i), "", hint))
	}
	f.fields = append(f.fields, newField("Ask", "", askHint))
	next := 0
	for _, m := range current {
		i := n // the ask
		if m.Kind == model.KindMessage {
			if next == n {
				continue
			}
			i, next = next, next+1
		}
		f.fields[i].input.SetValue(m.Text)
		f.sources[i] = m.Sources
	}
	return f
}

// messages are a key-messages form's filled fields, the last being the ask.
func (f *formModel) messages() []sessions.MessageInput {
	var msgs []sessions.MessageInput
	for i := range f.fields {
		if f.value(i) == "" {
			continue
		}
		kind := model.KindMessage
		if i == len(f.fields)-1 {
			kind = model.KindAsk
		}
		msgs = append(msgs, sessions.MessageInput{Kind: kind, Text: f.value(i), Sources: f.sources[i]})
	}
	return msgs
}

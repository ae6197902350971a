package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// setupForm is the "new event" form: which template, and the title, date
// and number of tables that differ from it. Each field is checked as it is
// typed, with the same rules as 'forum new'.
func (a *App) setupForm() formModel {
	f := formModel{
		title: "New event",
		intro: []string{"Choose the script with ↑/↓. Leave title or date empty to keep the template's (no date: today)."},
		fields: []field{newField("Title", "", "the template's title"), newField("Date", "", "YYYY-MM-DD"),
			newField("Tables per area", "1", "1 to 50")},
		pick: "serves", listTitle: "Template (↑/↓): the script, its areas and defaults", listHelp: "template",
		check: []func(string) error{textCheck(model.TextRule{Field: "title", Max: model.TitleRule.Max}), func(v string) error { return model.CheckDate(strings.TrimSpace(v)) },
			numberCheck(model.CheckTables)},
	}
	for _, t := range a.templates {
		f.choices = append(f.choices, choice{label: t.Name + ": " + t.Description, text: t.Name})
		if t.Name == sessions.DefaultTemplate {
			f.choiceSel = len(f.choices) - 1
		}
	}
	f.submit = checked(func(f *formModel) tea.Cmd {
		n, _ := strconv.Atoi(f.value(2))
		return a.createEvent(f.choices[f.choiceSel].text, sessions.NewEvent{Title: f.value(0), Date: f.value(1), TablesPerArea: n})
	})
	return f
}

// createEvent makes the event in a command and opens it.
func (a *App) createEvent(name string, opts sessions.NewEvent) tea.Cmd {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return func() tea.Msg {
		t, err := sessions.BuiltinTemplate(name)
		if err != nil {
			return formResultMsg{err: err}
		}
		id, err := eng.CreateEvent(ctx, actor, t, opts)
		if err != nil {
			return formResultMsg{err: err}
		}
		return openEventMsg{id}
	}
}

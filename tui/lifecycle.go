package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// renameForm changes the chosen event's title.
func (a *App) renameForm(e sessions.EventSummary) formModel {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return formModel{
		title:  "Rename event",
		fields: []field{newField("Title", e.Title, "the event's title")},
		check:  []func(string) error{func(v string) error { _, err := model.Clean(v, model.TitleRule); return err }},
		submit: func(f *formModel) tea.Cmd {
			title := f.value(0)
			return saveCmd("✓ Renamed.", func() (string, error) { return eng.RenameEvent(ctx, actor, e.ID, title) })
		},
	}
}

// copyForm starts next year's event from the chosen one.
func (a *App) copyForm(e sessions.EventSummary) formModel {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return formModel{
		title: "Copy as a new event",
		intro: []string{"The new event gets the same script, programme, areas and tables, but none of the notes, votes, next steps, messages or role holders."},
		fields: []field{newField("Title", e.Title, "the new event's title"),
			newField("Date", sessions.NextYear(e.Date), "YYYY-MM-DD")},
		check: []func(string) error{textCheck(model.TitleRule), func(v string) error { return model.CheckDate(strings.TrimSpace(v)) }},
		submit: checked(func(f *formModel) tea.Cmd {
			opts := sessions.NewEvent{Title: f.value(0), Date: f.value(1)}
			return func() tea.Msg {
				id, err := eng.DuplicateEvent(ctx, actor, e.ID, opts)
				if err != nil {
					return formResultMsg{err: err}
				}
				return openEventMsg{id}
			}
		}),
	}
}

// lifecycleKey handles r, c, a and x on the home screen. It reports
// whether it used the key.
func (a *App) lifecycleKey(s string) (tea.Cmd, bool) {
	if len(a.events) == 0 {
		return nil, false
	}
	e := a.events[a.evSel]
	eng, ctx, actor := a.eng, a.ctx, a.actor
	switch s {
	case "r":
		return a.openForm(a.renameForm(e), screenHome), true
	case "c":
		return a.openForm(a.copyForm(e), screenHome), true
	case "a":
		status := "Archived: listed last."
		if e.Archived {
			status = "Brought back from the archive."
		}
		return do(status, func() error { return eng.ArchiveEvent(ctx, actor, e.ID, !e.Archived) }), true
	case "x":
		a.ask("Delete «"+model.Safe(e.Title, false)+"»?", "Kept; nothing deleted.",
			do("Event deleted (kept in the database file; the audit log records it).", func() error { return eng.DeleteEvent(ctx, actor, e.ID) }))
		return nil, true
	}
	return nil, false
}

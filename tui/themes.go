package tui

import (
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// listRow is a row of the notes list: a theme's heading, or a note (by
// its index in notes()).
type listRow struct {
	theme   *sessions.ThemeView
	note    int
	inTheme bool
}

// listRows lays out the notes list: each theme's heading over its notes,
// then the notes in no theme.
func (t *tableModel) listRows(notes []model.Contribution) []listRow {
	if t.cache.rows != nil && len(notes) == len(t.cache.notes) {
		return t.cache.rows
	}
	themes := t.view.StageThemes()
	byID := map[model.ID]*sessions.ThemeView{}
	for i := range themes {
		byID[themes[i].Theme.ID] = &themes[i]
	}
	rows := make([]listRow, 0, len(notes)+len(themes))
	var last model.ID
	for i, c := range notes {
		th := byID[c.ThemeID]
		if th != nil && c.ThemeID != last {
			rows = append(rows, listRow{theme: th, note: -1})
		}
		last = c.ThemeID
		if th == nil {
			last = ""
		}
		rows = append(rows, listRow{note: i, inTheme: th != nil})
	}
	t.cache.rows = rows
	return rows
}

// mark marks or unmarks the selected note for a theme; the selection
// stays where it is.
func (t *tableModel) mark(a *App) tea.Cmd {
	note, _ := t.selected()
	t.marked[note.ID] = !t.marked[note.ID]
	if !t.marked[note.ID] {
		delete(t.marked, note.ID)
	}
	a.setStatus(plural(len(t.marked), "note", "notes")+" marked: ctrl+g groups them into a theme.", nil)
	return nil
}

// group asks for a theme's name and groups the marked notes under it.
func (t *tableModel) group(a *App) tea.Cmd {
	ids := t.chosen()
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	return a.openForm(a.themeForm("Group into a theme", "", true, func(name string) (string, sessions.Undo, error) {
		_, notice, u, err := eng.GroupNotes(ctx, actor, g, ids, name)
		return notice, u, err
	}), screenTable)
}

func (t *tableModel) renameTheme(a *App) tea.Cmd {
	note, _ := t.selected()
	th := t.themeOf(note)
	if th == nil {
		a.setStatus("The note is in no theme.", nil)
		return nil
	}
	eng, ctx, actor, id := a.eng, a.ctx, a.actor, th.Theme.ID
	return a.openForm(a.themeForm("Rename the theme", th.Theme.Name, false, func(name string) (string, sessions.Undo, error) {
		return eng.RenameTheme(ctx, actor, id, name)
	}), screenTable)
}

func (t *tableModel) ungroup(a *App) tea.Cmd {
	note, _ := t.selected()
	th := t.themeOf(note)
	if th == nil {
		a.setStatus("The note is in no theme.", nil)
		return nil
	}
	eng, ctx, actor, id, name := a.eng, a.ctx, a.actor, th.Theme.ID, th.Theme.Name
	return undoable("Ungrouped «"+model.Safe(name, false)+"»: its notes stand alone again (ctrl+z undoes).", func() (sessions.Undo, error) { return eng.Ungroup(ctx, actor, id) })
}

func (t *tableModel) takeOut(a *App) tea.Cmd {
	ids := t.chosen()
	t.marked = map[model.ID]bool{}
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return undoable("Taken out of the theme (ctrl+z undoes).", func() (sessions.Undo, error) { return eng.TakeOut(ctx, actor, ids) })
}

// chosen are the marked notes, or else the selected one.
func (t *tableModel) chosen() []model.ID {
	var ids []model.ID
	for _, c := range t.notes() {
		if t.marked[c.ID] {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		if note, ok := t.selected(); ok {
			ids = []model.ID{note.ID}
		}
	}
	return ids
}

func (t *tableModel) themeOf(note model.Contribution) *sessions.ThemeView {
	for _, th := range t.view.Themes {
		if th.Theme.ID == note.ThemeID {
			return &th
		}
	}
	return nil
}

// themeForm asks for a theme's name and saves it with save; the save's
// Undo goes on the seat's stack (clearMarks: the marked notes were used).
func (a *App) themeForm(title, name string, clearMarks bool, save func(string) (string, sessions.Undo, error)) formModel {
	return formModel{
		title:  title,
		intro:  []string{"A short name for what the notes have in common, e.g. Shared estates."},
		fields: []field{newField("Theme", name, "the theme's name")},
		check:  []func(string) error{textCheck(model.TextRule{Field: "theme name", Max: 120, Required: true})},
		submit: checked(func(f *formModel) tea.Cmd {
			name := f.value(0)
			return func() tea.Msg {
				notice, u, err := save(name)
				status := "✓ Theme saved (ctrl+z undoes)."
				if notice != "" {
					status += " " + notice
				}
				return formResultMsg{status: status, err: err, undo: u, clearMarks: clearMarks}
			}
		}),
	}
}

package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
)

// rowKind is what a row of the set-up screen stands for.
type rowKind int

const (
	rowDetails rowKind = iota
	rowRules
	rowTalk
	rowAddTalk
	rowArea
	rowTable
	rowAddArea
	rowRemovedArea
	rowRemovedTable
)

// setupRow is one selectable row of the set-up screen.
type setupRow struct {
	kind rowKind
	talk int      // programme index (rowTalk)
	id   model.ID // the area or table
	area model.ID // the area a table belongs to
}

var (
	keySetup     = kb([]string{"e"}, "e", "set up")
	keyEditRow   = kb([]string{"enter", "e"}, "enter", "edit")
	keyAddHere   = kb([]string{"a"}, "a", "add here")
	keyAddTable  = kb([]string{"t"}, "t", "add a table")
	keyRemove    = kb([]string{"d", "delete"}, "d", "remove")
	keyRestore   = kb([]string{"u"}, "u", "restore")
	keyMoveItem  = kb([]string{"K", "J", "shift+up", "shift+down"}, "K/J", "move item up/down")
	keyBottom    = kb([]string{"end", "G"}, "end", "last line")
	setupKeyList = keyMap{
		short: []key.Binding{keyEditRow, keyAddHere, keyAddTable, keyRemove, keyBack, keyHelp},
		full:  [][]key.Binding{{keyUp, keyDown, keyTop, keyBottom, keyEditRow}, {keyAddHere, keyAddTable, keyMoveItem}, {keyRemove, keyRestore, keyBack, keyHelp}},
	}
)

// plural label of the areas: "STPs", "ICSs", "Teams".
func areasCalled(ev model.Event) string {
	l := strings.TrimSpace(ev.AreaLabel)
	if l == "" {
		l = "Area"
	}
	return l + "s"
}

// setupRows lists the rows of the set-up screen, top to bottom.
func (a *App) setupRows() []setupRow {
	v := a.setup
	rows := []setupRow{{kind: rowDetails}, {kind: rowRules}}
	for i := range v.Event.Programme {
		rows = append(rows, setupRow{kind: rowTalk, talk: i})
	}
	rows = append(rows, setupRow{kind: rowAddTalk})
	for _, ar := range v.Areas {
		rows = append(rows, setupRow{kind: rowArea, id: ar.ID, area: ar.ID})
		for _, g := range v.Groups {
			if g.AreaID == ar.ID {
				rows = append(rows, setupRow{kind: rowTable, id: g.ID, area: ar.ID})
			}
		}
	}
	rows = append(rows, setupRow{kind: rowAddArea})
	for _, ar := range v.RemovedAreas {
		rows = append(rows, setupRow{kind: rowRemovedArea, id: ar.ID})
	}
	for _, g := range v.RemovedGroups {
		rows = append(rows, setupRow{kind: rowRemovedTable, id: g.ID, area: g.AreaID})
	}
	return rows
}

// openSetup shows the set-up screen of the event on the board.
func (a *App) openSetup() tea.Cmd {
	a.screen, a.status, a.setupSel = screenSetup, "", 0
	return a.loadSetup(a.eventID())
}

func (a *App) setupKey(msg tea.KeyPressMsg) tea.Cmd {
	rows := a.setupRows()
	if len(rows) == 0 || a.setup.Event.ID == "" {
		if key.Matches(msg, keyBack) {
			a.screen = screenBoard
		}
		return nil
	}
	a.setupSel = clamp(a.setupSel, len(rows))
	r := rows[a.setupSel]
	switch {
	case key.Matches(msg, keyBack) || key.Matches(msg, keyQuitScreen):
		a.screen, a.status = screenBoard, ""
		return a.loadBoard(a.eventID())
	case key.Matches(msg, keyUp):
		a.setupSel = clamp(a.setupSel-1, len(rows))
	case key.Matches(msg, keyDown):
		a.setupSel = clamp(a.setupSel+1, len(rows))
	case key.Matches(msg, keyTop):
		a.setupSel = 0
	case key.Matches(msg, keyBottom):
		a.setupSel = len(rows) - 1
	case key.Matches(msg, keyEditRow):
		return a.editRow(r)
	case key.Matches(msg, keyAddHere):
		switch r.kind {
		case rowDetails, rowRules, rowTalk, rowAddTalk:
			return a.openForm(a.talkForm(-1), screenSetup)
		case rowTable:
			return a.addTable(r.area)
		}
		return a.openForm(a.areaForm(model.Area{}), screenSetup)
	case key.Matches(msg, keyAddTable):
		if r.kind != rowArea && r.kind != rowTable {
			a.setStatus("Choose an "+a.setup.Event.AreaLabel+" (↑/↓), then press t to add a table to it.", nil)
			return nil
		}
		return a.addTable(r.area)
	case key.Matches(msg, keyRemove):
		return a.removeRow(r)
	case key.Matches(msg, keyRestore):
		return a.restoreRow(r)
	case key.Matches(msg, keyMoveItem) && r.kind == rowTalk:
		d := 1
		if s := msg.String(); s == "K" || s == "shift+up" {
			d = -1
		}
		return a.moveTalk(r.talk, d)
	}
	return nil
}

// editRow opens the form for a row (or adds, on an "add" row).
func (a *App) editRow(r setupRow) tea.Cmd {
	switch r.kind {
	case rowDetails:
		return a.openForm(a.detailsForm(), screenSetup)
	case rowRules:
		return a.openForm(a.rulesForm(), screenSetup)
	case rowTalk:
		return a.openForm(a.talkForm(r.talk), screenSetup)
	case rowAddTalk:
		return a.openForm(a.talkForm(-1), screenSetup)
	case rowArea:
		return a.openForm(a.areaForm(a.areaOf(r.id)), screenSetup)
	case rowTable:
		return a.openForm(a.tableForm(a.groupOf(r.id)), screenSetup)
	case rowAddArea:
		return a.openForm(a.areaForm(model.Area{}), screenSetup)
	case rowRemovedArea, rowRemovedTable:
		a.setStatus("Removed: press u to restore it, with everything captured at it.", nil)
	}
	return nil
}

func (a *App) areaOf(id model.ID) model.Area {
	for _, ar := range append(a.setup.Areas, a.setup.RemovedAreas...) {
		if ar.ID == id {
			return ar
		}
	}
	return model.Area{}
}

func (a *App) groupOf(id model.ID) model.Group {
	for _, g := range append(a.setup.Groups, a.setup.RemovedGroups...) {
		if g.ID == id {
			return g
		}
	}
	return model.Group{}
}

func (a *App) addTable(area model.ID) tea.Cmd {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return func() tea.Msg {
		g, err := eng.AddTable(ctx, actor, area)
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: "✓ " + g.Name + " added.", reload: true}
	}
}

func (a *App) moveTalk(at, d int) tea.Cmd {
	eng, ctx, actor, id := a.eng, a.ctx, a.actor, a.eventID()
	if to := at + d; to >= 0 && to < len(a.setup.Event.Programme) {
		a.setupSel += d // the selection follows the item
	}
	return do("✓ Item moved.", func() error { _, err := eng.MoveTalk(ctx, actor, id, at, d); return err })
}

// removeRow removes a programme item, an area or a table, asking first;
// areas and tables stay in the file and u restores them.
func (a *App) removeRow(r setupRow) tea.Cmd {
	eng, ctx, actor, id := a.eng, a.ctx, a.actor, a.eventID()
	switch r.kind {
	case rowTalk:
		t := a.setup.Event.Programme[r.talk]
		a.ask(fmt.Sprintf("Remove item %d, «%s», from the programme?", r.talk+1, model.Safe(t.Title, false)), "Kept; nothing removed.",
			do("✓ Item removed (the audit log keeps it).", func() error { return eng.RemoveTalk(ctx, actor, id, r.talk) }))
	case rowArea:
		ar, h := a.areaOf(r.id), a.setup.Holdings[r.id]
		q := fmt.Sprintf("Remove %s with its %s?", model.Safe(ar.Label(), false), plural(h.Tables, "table", "tables"))
		if !h.Empty() {
			q = fmt.Sprintf("Remove %s? Its %s hold %s (kept: u restores them).", model.Safe(ar.Code, false), plural(h.Tables, "table", "tables"), h)
		}
		a.ask(q, "Kept; nothing removed.", do("✓ "+model.Safe(ar.Code, false)+" removed; it is listed under Removed, where u restores it.",
			func() error { return eng.RemoveArea(ctx, actor, r.id) }))
	case rowTable:
		g, h := a.groupOf(r.id), a.setup.Holdings[r.id]
		q := fmt.Sprintf("Remove %s?", model.Safe(g.Name, false))
		if !h.Empty() {
			q = fmt.Sprintf("Remove %s? It holds %s (kept: u restores them).", model.Safe(g.Name, false), h)
		}
		a.ask(q, "Kept; nothing removed.", do("✓ "+model.Safe(g.Name, false)+" removed; it is listed under Removed, where u restores it.",
			func() error { return eng.RemoveTable(ctx, actor, r.id) }))
	default:
		a.setStatus("Choose a programme item, an "+a.setup.Event.AreaLabel+" or a table to remove.", nil)
	}
	return nil
}

func (a *App) restoreRow(r setupRow) tea.Cmd {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	switch r.kind {
	case rowRemovedArea:
		return do("✓ Restored, with its tables and notes.", func() error { return eng.RestoreArea(ctx, actor, r.id) })
	case rowRemovedTable:
		return do("✓ Restored, with its notes and votes.", func() error { return eng.RestoreTable(ctx, actor, r.id) })
	}
	a.setStatus("Only a removed "+a.setup.Event.AreaLabel+" or table (listed under Removed) can be restored.", nil)
	return nil
}

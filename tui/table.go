package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// tableModel is the table screen: the stage, its prompts, the notes and the
// input line where the scribe types.
type tableModel struct {
	view      sessions.TableView
	input     textarea.Model
	listFocus bool
	sel       int
	editing   model.ID // the note being edited, if any
	stash     string   // the draft kept aside while editing
	inflight  string   // text being saved right now
	// queued are the input lengths at each Enter pressed while a save was
	// in flight: the notes to save next, in order, so a fast typist never
	// waits and no Enter is lost.
	queued []int
	drafts map[model.ID]string
	// undos are the seat's own changes at each table, newest last, kept
	// while the seat is open (ctrl+z undoes them one by one).
	undos map[model.ID][]sessions.Undo
	// browseKey is the stage whose notes the list shows, read-only, when
	// it is not the table's own ("" is the table's).
	browseKey string
	menu      tableMenu
	history   tableHistory
	// showNotes shows the template's facilitator notes for the stage.
	showNotes bool
	// rung remembers the stages whose time-up bell has sounded.
	rung map[string]bool
	// pasted is the last paste of several lines, which ctrl+l can split.
	pasted                  string
	beforePaste, afterPaste string
	// filter narrows the notes list; filtering is true while it is typed.
	filter    string
	filtering bool
	// readBack shows the stage's notes large, for reading back.
	readBack bool
	readTop  int
	// marked are the notes chosen (space) to group into a theme.
	marked map[model.ID]bool
	// version counts the views taken; cache holds the notes list laid out
	// for one version and filter, so redrawing a long list is cheap.
	version int
	// frame is the screen laid out for one frameGen (see frameCache).
	frame struct {
		gen                 uint64
		width, height, foot int
		body                []string
		// the header and the clock bar for one frameGen and width: the
		// header's left part while the clock's words are as wide, the
		// header while they are the same, the bar while its length is;
		// all while the clock's colour is (see clockLines); the keys,
		// for one frameGen
		clockGen, keysGen uint64
		clockWide, clockW int
		clockState, used  int
		clockText         string
		left, header, bar string
		keys              keyMap
	}
	cache struct {
		version int
		filter  string
		group   model.ID
		stage   string
		notes   []model.Contribution
		rows    []listRow
	}
}

func newTableModel() tableModel {
	return tableModel{input: noteInput(), drafts: map[model.ID]string{}, undos: map[model.ID][]sessions.Undo{}, rung: map[string]bool{}, marked: map[model.ID]bool{}}
}

// noteInput is the scribe's typing area: one line that grows to four as a
// note gets long or has line breaks (alt+enter or ctrl+j); enter saves.
// Its cursor does not blink, so nothing redraws while nobody types.
func noteInput() textarea.Model {
	in := textarea.New()
	in.SetPromptFunc(2, func(p textarea.PromptInfo) string {
		if p.LineNumber == 0 {
			return "> "
		}
		return "  "
	})
	in.Placeholder = "type what people say; enter saves it"
	in.ShowLineNumbers = false
	in.CharLimit = 0
	in.DynamicHeight = true
	in.MinHeight, in.MaxHeight = 1, 4
	in.SetHeight(1)
	in.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", "new line"))
	st := in.Styles()
	st.Cursor.Blink = false
	st.Focused.CursorLine = st.Focused.Text
	in.SetStyles(st)
	in.Focus()
	return in
}

// openTable shows a table, restoring its draft. Looking changes nothing:
// opening a table never starts its clock (ctrl+t does).
func (a *App) openTable(id model.ID) tea.Cmd {
	t := &a.tbl
	if t.view.Group.ID != id {
		t.view = sessions.TableView{}
		t.view.Group.ID = id
		t.input.SetValue(t.drafts[id])
		t.input.MoveToEnd()
		t.sel, t.editing, t.listFocus, t.browseKey = 0, "", false, ""
		t.menu, t.history = tableMenu{}, tableHistory{}
	}
	a.screen, a.status = screenTable, ""
	eng, ctx := a.eng, a.ctx
	return tea.Batch(t.input.Focus(), func() tea.Msg {
		v, err := eng.Table(ctx, id)
		if err != nil {
			return doneMsg{err: err}
		}
		return tableMsg{v}
	})
}

func (t *tableModel) setView(v sessions.TableView) {
	t.view = v
	t.version++
	t.sel = clamp(t.sel, len(t.notes()))
}

// tagFor is the tag a digit key puts on a note: 1-4 the enablers, 5-9
// the event's own tags.
func (t *tableModel) tagFor(k string) string {
	i := int(k[0] - '1')
	if i < len(model.Enablers) {
		return model.Enablers[i]
	}
	own := sessions.EventTags(t.view.Event)
	if i -= len(model.Enablers); i < len(own) {
		return own[i]
	}
	return ""
}

// notes are the stage's notes in the order they show: each theme's notes
// under it, then the notes in no theme; narrowed by the filter (/).
func (t *tableModel) notes() []model.Contribution {
	if t.cache.version == t.version && t.cache.filter == t.filter && t.cache.group == t.view.Group.ID && t.cache.stage == t.browseKey && t.cache.notes != nil {
		return t.cache.notes
	}
	out := t.orderedNotes()
	t.cache.version, t.cache.filter, t.cache.group, t.cache.stage, t.cache.notes, t.cache.rows = t.version, t.filter, t.view.Group.ID, t.browseKey, out, nil
	return out
}

// orderedNotes computes notes().
func (t *tableModel) orderedNotes() []model.Contribution {
	v := t.shown()
	all := v.StageNotes()
	var out []model.Contribution
	for _, th := range v.StageThemes() {
		out = append(out, th.Notes...)
	}
	if len(out) > 0 {
		themed := map[model.ID]bool{}
		for _, c := range out {
			themed[c.ID] = true
		}
		for _, c := range all {
			if !themed[c.ID] {
				out = append(out, c)
			}
		}
		all = out
	}
	if t.filter == "" {
		return all
	}
	var kept []model.Contribution
	for _, c := range all {
		if matches(c, t.filter) {
			kept = append(kept, c)
		}
	}
	return kept
}

func (t *tableModel) selected() (model.Contribution, bool) {
	n := t.notes()
	if len(n) == 0 {
		return model.Contribution{}, false
	}
	return n[clamp(t.sel, len(n))], true
}

// activity names what ctrl+o does at this stage, or "".
func activity(s model.Stage) string {
	switch s.Activity {
	case model.ActivityRoles:
		return "roles"
	case model.ActivityVision:
		return "vision statement"
	case model.ActivityDotVote:
		return "vote"
	case model.ActivityNextSteps:
		return "add next step"
	case model.ActivityKeyMessages:
		return "key messages"
	}
	return ""
}

func (t *tableModel) update(a *App, msg tea.Msg) tea.Cmd {
	if cmd, used := t.craftKey(a, msg); used {
		return cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if t.listFocus {
			return t.listKey(a, k)
		}
		if cmd, done := t.inputKey(a, k); done {
			return cmd
		}
	}
	cmd, typed := typeInto(&t.input, msg)
	if !typed {
		t.input, cmd = t.input.Update(msg)
	}
	if t.editing == "" {
		t.drafts[t.view.Group.ID] = t.input.Value()
	}
	_, a.frames.kept = msg.(tea.KeyPressMsg) // only the typing line changed
	return cmd
}

// moveStage moves the table on or back a stage, asking first when the
// stage it leaves has a vote still open.
func (a *App) moveStage(delta int) tea.Cmd {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, a.tbl.view.Group.ID
	move := func() tea.Msg {
		s, u, err := eng.MoveStage(ctx, actor, g, delta)
		return undoneMsg{undo: u, status: "Now at: " + s.Title + " (ctrl+z moves the table back).", err: err}
	}
	v := a.tbl.view
	to := v.StageIndex + delta
	if to < 0 || to >= len(v.Event.Stages) {
		a.setStatus("There is no stage that way: the table is at "+v.Stage.Title+".", nil)
		return nil
	}
	q := fmt.Sprintf("Move the whole table (every seat) from %s to %s?", v.Stage.Title, v.Event.Stages[to].Title)
	if open := openVote(v); open != "" {
		q = "The " + open + " is still open and blind. Leave the stage anyway (the vote stays open)?"
	}
	a.ask(q, "The table stays at "+v.Stage.Title+".", move)
	return nil
}

// openVote names a vote with ballots that is still open at the table's
// current stage, or "".
func openVote(v sessions.TableView) string {
	switch {
	case v.Stage.Key == v.VoteStage && v.DotVote.Open && len(v.DotVote.Ballots) > 0:
		return "vote on priorities"
	case v.Stage.Activity == model.ActivityVision && v.Fist.Open && len(v.Fist.Ballots) > 0:
		return "fist-to-five"
	case v.Stage.Activity == model.ActivityNextSteps && v.Support.Open && len(v.Support.Ballots) > 0:
		return "support vote"
	}
	return ""
}

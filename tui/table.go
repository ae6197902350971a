package tui

import (
	"fmt"
	"strings"

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
	undo   []model.ID
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
	cache   struct {
		version int
		filter  string
		group   model.ID
		notes   []model.Contribution
		rows    []listRow
	}
}

func newTableModel() tableModel {
	return tableModel{input: noteInput(), drafts: map[model.ID]string{}, rung: map[string]bool{}, marked: map[model.ID]bool{}}
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
	in.Placeholder = "Type what people say, Enter to save"
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

// openTable shows a table, restoring its draft, and starts its stage clock.
func (a *App) openTable(id model.ID) tea.Cmd {
	t := &a.tbl
	if t.view.Group.ID != id {
		t.view = sessions.TableView{}
		t.view.Group.ID = id
		t.input.SetValue(t.drafts[id])
		t.input.MoveToEnd()
		t.sel, t.editing, t.undo, t.listFocus = 0, "", nil, false
	}
	a.screen, a.status = screenTable, ""
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return tea.Batch(t.input.Focus(), func() tea.Msg {
		if err := eng.StartStage(ctx, actor, id); err != nil {
			return doneMsg{err: err}
		}
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
	if t.cache.version == t.version && t.cache.filter == t.filter && t.cache.group == t.view.Group.ID && t.cache.notes != nil {
		return t.cache.notes
	}
	out := t.orderedNotes()
	t.cache.version, t.cache.filter, t.cache.group, t.cache.notes, t.cache.rows = t.version, t.filter, t.view.Group.ID, out, nil
	return out
}

// orderedNotes computes notes().
func (t *tableModel) orderedNotes() []model.Contribution {
	all := t.view.StageNotes()
	var out []model.Contribution
	for _, th := range t.view.StageThemes() {
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

func (t *tableModel) keys() keyMap {
	act := kb([]string{"ctrl+o"}, "ctrl+o", activity(t.view.Stage))
	if t.listFocus {
		actL := kb([]string{"o"}, "o", activity(t.view.Stage))
		short := []key.Binding{keyEdit, keyDelete, keyUndo, keyTags}
		if t.view.Stage.Activity == model.ActivityVision {
			short = append(short, keyVision)
		}
		short = append(short, keyToInput, keyLeave, keyHelp)
		full := []key.Binding{keyTagList}
		if own := sessions.EventTags(t.view.Event); len(own) > 0 {
			full = append(full, kb([]string{"5"}, fmt.Sprintf("5-%d", 4+len(own)), strings.Join(own, ", ")))
		}
		return keyMap{short: short, full: [][]key.Binding{{keyUp, keyDown, keyEdit, keyDelete, keyUndo}, append(full, keyVision, actL, keySummary),
			{keyNextS, keyPrevS, keyToInput, keyLeave}, {keyPause, keyExtend, keyLock, keyFacNotes}, {keyMaturity, keyScale, keyBell},
			{keyFilter, keyReadBack, keyMoveNote, keyWho}, {keyMark, keyGroup, keyRenameTheme, keyUngroup, keyTakeOut}}}
	}
	short := []key.Binding{keySave}
	if activity(t.view.Stage) != "" {
		short = append(short, act)
	}
	short = append(short, keyNextStage, keyPrevStage, keyToList, keySumCtrl)
	if t.editing != "" {
		short = []key.Binding{kb([]string{"enter"}, "enter", "save the edit"), kb([]string{"esc"}, "esc", "cancel the edit")}
	}
	return keyMap{short: short, full: [][]key.Binding{short}}
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
	var cmd tea.Cmd
	t.input, cmd = t.input.Update(msg)
	if t.editing == "" {
		t.drafts[t.view.Group.ID] = t.input.Value()
	}
	return cmd
}

// moveStage moves the table on or back a stage, asking first when the
// stage it leaves has a vote still open.
func (a *App) moveStage(delta int) tea.Cmd {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, a.tbl.view.Group.ID
	move := func() tea.Msg {
		s, err := eng.MoveStage(ctx, actor, g, delta)
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: "Now at: " + s.Title, reload: true}
	}
	if open := openVote(a.tbl.view); open != "" {
		a.ask("The "+open+" is still open and blind. Leave the stage anyway (the vote stays open)?", "Stayed on the stage; close the vote with c.", move)
		return nil
	}
	return move
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

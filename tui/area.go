package tui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// areaModel is the area screen: one area's synthesis (the area round) to
// review and edit part by part: its vision, the names of its joined
// priorities, its next steps, its key messages and its ask. Each save
// carries the version the screen showed; a part someone else saved since
// is refused with a sentence, and the screen reloads.
type areaModel struct {
	s      sessions.AreaSynthesis
	id     model.ID
	loaded bool
	sel    int
}

// areaMsg brings an area's synthesis, or the outcome of a save on it.
type areaMsg struct {
	s      *sessions.AreaSynthesis
	err    error
	status string
}

// areaRow is one editable line of the area screen.
type areaRow struct {
	kind string
	i    int // the priority, step or message
}

var (
	keyArea  = kb([]string{"A"}, "A", "the table's area (area round)")
	areaKeys = keyMap{
		short: []key.Binding{keyUp, keyDown, kb([]string{"e", "enter"}, "e", "edit"), kb([]string{"n"}, "n", "add a step"), kb([]string{"x"}, "x", "drop a step"), kb([]string{"c"}, "c", "fist-to-five"), keyBack},
		full: [][]key.Binding{{keyUp, keyDown, kb([]string{"e", "enter"}, "e", "edit the line")},
			{kb([]string{"n"}, "n", "add a next step"), kb([]string{"x"}, "x", "drop the step"), kb([]string{"c"}, "c", "fist-to-five on the area's vision")}, {keyBack}},
	}
)

func (a *App) loadArea(id model.ID) tea.Cmd {
	eng, ctx, event := a.eng, a.ctx, a.eventID()
	return func() tea.Msg {
		s, err := eng.AreaSynthesis(ctx, event, id)
		if err != nil {
			return areaMsg{err: err}
		}
		return areaMsg{s: &s}
	}
}

// openArea opens the area screen for the area of the board's selected
// table.
func (a *App) openArea() tea.Cmd {
	if len(a.board.Groups) == 0 {
		return nil
	}
	id := a.board.Groups[clamp(a.boardSel, len(a.board.Groups))].AreaID
	a.area = areaModel{id: id}
	a.screen, a.status = screenArea, ""
	return a.loadArea(id)
}

// set takes an area message: a fresh synthesis, or a save's outcome
// (which reloads, so that a refused save shows the other seat's change).
func (m *areaModel) set(a *App, msg areaMsg) tea.Cmd {
	if msg.s != nil {
		if msg.s.Area.ID == m.id {
			m.s, m.loaded = *msg.s, true
			m.sel = clamp(m.sel, len(m.rows()))
		}
		return nil
	}
	if a.screen == screenForm {
		a.screen = screenArea
	}
	a.setStatus(msg.status, msg.err)
	return a.loadArea(m.id)
}

func (m *areaModel) rows() []areaRow {
	rows := []areaRow{{kind: model.AreaVision}}
	for i := range m.s.Priorities {
		rows = append(rows, areaRow{model.AreaPriority, i})
	}
	for i := range m.s.Steps {
		rows = append(rows, areaRow{model.AreaStep, i})
	}
	for i := range model.MaxMessages {
		rows = append(rows, areaRow{model.AreaMessage, i})
	}
	return append(rows, areaRow{kind: model.AreaAsk})
}

func (m *areaModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	rows := m.rows()
	switch s := k.String(); {
	case key.Matches(k, keyBack) || s == "q":
		a.screen, a.status = screenBoard, ""
		return a.loadBoard(a.eventID())
	case key.Matches(k, keyUp):
		m.sel = clamp(m.sel-1, len(rows))
	case key.Matches(k, keyDown):
		m.sel = clamp(m.sel+1, len(rows))
	case !m.loaded:
	case s == "n":
		return a.openForm(a.areaPartForm(areaRow{kind: model.AreaStep, i: -1}), screenArea)
	case s == "x":
		r := rows[clamp(m.sel, len(rows))]
		if r.kind != model.AreaStep {
			a.setStatus("x drops a next step: move to one first.", nil)
			return nil
		}
		st := m.s.Steps[r.i]
		edit := sessions.AreaEdit{Kind: model.AreaStep, Key: st.Key, Text: st.Action, Owner: st.Owner, ByWhen: st.ByWhen, Assist: st.Assist, Deleted: true, Base: st.Version}
		return a.saveArea(edit, "Dropped from the area's next steps: "+model.Safe(st.Action, false)+".")
	case s == "e" || s == "enter":
		return a.openForm(a.areaPartForm(rows[clamp(m.sel, len(rows))]), screenArea)
	case s == "c":
		return a.openForm(a.areaFistForm(), screenArea)
	}
	return nil
}

// areaFistForm records the room's fist-to-five on the area's vision: how
// many showed each number of fingers.
func (a *App) areaFistForm() formModel {
	s := a.area.s
	eng, ctx, actor, event, id := a.eng, a.ctx, a.actor, a.eventID(), s.Area.ID
	f := formModel{title: s.Area.Code + ": fist-to-five on the area's vision",
		intro: []string{"Read the vision out, ask everyone to show 0 to 5 fingers, and type how many showed each. Consensus: everyone 3 or more."}}
	for n := 5; n >= 0; n-- {
		f.fields = append(f.fields, newField(fmt.Sprintf("%d fingers", n), fmt.Sprint(s.Fist.Counts[n]), "how many"))
	}
	base := s.FistVersion
	f.submit = func(f *formModel) tea.Cmd {
		var counts [6]int
		for i := range 6 {
			n, err := f.number(i)
			if err != nil {
				f.err = fmt.Sprintf("%s: type a whole number", f.fields[i].label)
				return nil
			}
			counts[5-i] = n
		}
		return func() tea.Msg {
			if err := eng.SaveAreaFist(ctx, actor, event, id, counts, base); err != nil {
				if errors.Is(err, sessions.ErrAreaStale) {
					return areaMsg{err: fmt.Errorf("not saved: someone else saved the count first; it has been reloaded")}
				}
				return formResultMsg{err: err}
			}
			return areaMsg{status: "✓ Fist-to-five counted for " + s.Area.Code + "."}
		}
	}
	return f
}

// saveArea saves one part of the area's synthesis in a command.
func (a *App) saveArea(edit sessions.AreaEdit, status string) tea.Cmd {
	eng, ctx, actor, id := a.eng, a.ctx, a.actor, a.area.id
	return func() tea.Msg {
		saved, err := eng.SaveAreaPart(ctx, actor, id, edit)
		if err != nil {
			if errors.Is(err, sessions.ErrAreaStale) {
				err = fmt.Errorf("not saved: someone else saved this part first; it has been reloaded with their change: edit it again if yours is still needed")
			}
			return areaMsg{err: err}
		}
		if saved.Notice != "" {
			status += " " + saved.Notice
		}
		return areaMsg{status: status}
	}
}

// areaPartForm edits one line of the area's synthesis (i -1: a new step).
func (a *App) areaPartForm(r areaRow) formModel {
	s := a.area.s
	edit := sessions.AreaEdit{Kind: r.kind}
	f := formModel{}
	switch r.kind {
	case model.AreaVision:
		f.title, edit.Base = s.Area.Code+": the area's vision", s.VisionVersion
		f.intro = []string{"Drafted from the tables' visions; agree one for the area."}
		f.fields = []field{newField("Vision", s.Vision, "one statement for the area")}
	case model.AreaPriority:
		p := s.Priorities[r.i]
		f.title, edit.Key, edit.Base = s.Area.Code+": name the joined priority", p.Key, p.Version
		f.intro = []string{p.RaisedAt() + "."}
		f.fields = []field{newField("Priority", p.Name, "what the tables said, in a few words")}
	case model.AreaStep:
		st := sessions.AreaStep{}
		if r.i >= 0 {
			st = s.Steps[r.i]
		}
		f.title, edit.Key, edit.Base = s.Area.Code+": next step", st.Key, st.Version
		f.fields = []field{newField("Action", st.Action, "what will be done"), newField("Owner", st.Owner, "who"),
			newField("By when", st.ByWhen, "when"), newField("What would assist", st.Assist, "the ask")}
	case model.AreaMessage:
		m := sessions.AreaMessage{Key: fmt.Sprint(r.i + 1)}
		if r.i < len(s.Messages) {
			m = s.Messages[r.i]
		}
		f.title, edit.Key, edit.Base = fmt.Sprintf("%s: key message %d", s.Area.Code, r.i+1), fmt.Sprint(r.i+1), m.Version
		f.fields = []field{newField("Message", m.Text, "one sentence for the plenary")}
	case model.AreaAsk:
		f.title, edit.Base = s.Area.Code+": the area's ask", s.Ask.Version
		f.fields = []field{newField("Ask", s.Ask.Text, "what would help most")}
	}
	f.submit = func(f *formModel) tea.Cmd {
		e := edit
		e.Text = f.value(0)
		if len(f.fields) == 4 {
			e.Owner, e.ByWhen, e.Assist = f.value(1), f.value(2), f.value(3)
		}
		return a.saveArea(e, "✓ Saved to "+s.Area.Code+"'s synthesis.")
	}
	return f
}

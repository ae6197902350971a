package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"forum/model"
	"forum/sessions"
)

// clockText is the stage clock in words: "12:04 left", "3:10 over",
// "8:00 left · paused".
func (a *App) clockText(v sessions.TableView) string {
	if v.Group.StageStartedAt.IsZero() {
		return "not started · " + strings.TrimSuffix(model.FormatLeft(v.Group.Left(v.Stage, a.now)), " left")
	}
	s := v.Group.ClockLabel(v.Stage, a.now)
	if v.Group.ExtraMinutes > 0 {
		s += fmt.Sprintf(" (+%d)", v.Group.ExtraMinutes)
	}
	if !v.Group.PausedAt.IsZero() {
		s += " · paused"
	}
	return s
}

// clockStyle colours the clock: warning two minutes before the end, red
// when the time is up.
func (a *App) clockStyle(v sessions.TableView) lipgloss.Style { return a.clockLine(v).st }

// clockLine is clockStyle for one line (see lineStyle).
func (a *App) clockLine(v sessions.TableView) lineStyle {
	switch v.Group.Clock(v.Stage, a.now) {
	case model.ClockOver:
		return a.st.lines.over
	case model.ClockWarning, model.ClockPaused:
		return a.st.lines.warn
	}
	return a.st.lines.bar
}

// clockBar is a full-width bar of the stage's time used.
func (a *App) clockBar(v sessions.TableView) string {
	w := max(a.width, 1)
	used := int(v.Group.Elapsed(v.Stage, a.now) * float64(w))
	return a.clockLine(v).Render(strings.Repeat("━", used)) + a.st.lines.faint.Render(strings.Repeat("─", w-used))
}

// tableHeaderLeft is the table's header before its clock: "event · NCL
// North Central London · Table 1 · 2/6 Set the vision", then " · 12:04
// left". The clock is always shown; the event title is cut first when the
// screen is narrow, then the rest. It depends on the clock only by the
// clock's width.
func (a *App) tableHeaderLeft(v sessions.TableView, clock string) string {
	demo := ""
	if v.Event.Illustrative {
		demo = "DEMO · "
	}
	rest := fmt.Sprintf("%s · %s · %d/%d %s", model.Safe(v.Area.Code, false), model.Safe(v.Group.Name, false),
		v.StageIndex+1, len(v.Event.Stages), v.Stage.Title)
	if a.width >= 100 {
		rest = fmt.Sprintf("%s · %s · %d/%d %s", model.Safe(v.Area.Label(), false), model.Safe(v.Group.Name, false),
			v.StageIndex+1, len(v.Event.Stages), v.Stage.Title)
	}
	room := a.width - 2 - ansi.StringWidth(demo+rest+" · "+clock) - 3
	left := demo + rest
	if title := model.Safe(v.Event.Title, false); room >= 12 {
		left = demo + ansi.Truncate(title, room, "…") + " · " + rest
	}
	return ansi.Truncate(left, max(a.width-2-ansi.StringWidth(clock)-3, 1), "…")
}

func (t *tableModel) render(a *App) string {
	if t.readBack {
		return t.renderReadBack(a)
	}
	header, bar := t.clockLines(a)
	foot := t.footLines(a)
	f := &t.frame
	if f.body == nil || f.gen != a.frames.frameGen || f.width != a.width || f.height != a.height || f.foot != len(foot) {
		f.body = t.layout(a, bar, foot)
		f.gen, f.width, f.height, f.foot = a.frames.frameGen, a.width, a.height, len(foot)
	}
	// The clock bar is always the body's first line and the typing line
	// its last: both are drawn afresh, the rest is kept.
	body := make([]string, 0, len(f.body))
	body = append(append(append(body, bar), f.body[1:len(f.body)-len(foot)]...), foot...)
	if f.keysGen != a.frames.frameGen || f.keys.short == nil {
		f.keys, f.keysGen = t.keys(), a.frames.frameGen
	}
	return a.page(header, body, f.keys)
}

// clockLines are the header and the clock bar. A tick changes the clock's
// words, and the bar's length only now and then: the header's left part
// is kept while the view, the width and the clock's width are the same,
// the header while the clock's words are, the bar while its length is,
// each while the clock's colour is.
func (t *tableModel) clockLines(a *App) (header, bar string) {
	v, f := t.view, &t.frame
	clock, state := a.clockText(v), int(v.Group.Clock(v.Stage, a.now))
	used := int(v.Group.Elapsed(v.Stage, a.now) * float64(max(a.width, 1)))
	fresh := f.clockGen != a.frames.frameGen || f.clockWide != a.width || f.clockState != state || f.header == ""
	if cw := ansi.StringWidth(clock); fresh || f.clockW != cw {
		f.left, f.clockW = a.tableHeaderLeft(v, clock), cw
	}
	if fresh || f.clockText != clock {
		f.header = a.clockedHeader(v, f.left, clock)
	}
	if fresh || f.used != used {
		f.bar = a.clockBar(v)
	}
	f.clockGen, f.clockWide, f.clockState, f.clockText, f.used = a.frames.frameGen, a.width, state, clock, used
	return f.header, f.bar
}

// layout is the table screen's body: the clock bar, the stage and its
// prompts, the notes (or the menu or a note's history over them) and the
// typing line at the bottom.
func (t *tableModel) layout(a *App, bar string, foot []string) []string {
	v := t.view
	w := a.width
	top := []string{bar}
	if w >= 100 { // room for the whole script: where the table is in it
		var steps []string
		for i, st := range v.Event.Stages {
			label := fmt.Sprintf("%d %s", i+1, st.Title)
			switch {
			case i == v.StageIndex:
				label = a.st.Key.Render("[" + label + "]")
			case v.Group.Locked(st.Key):
				label = a.st.Faint.Render(label + " (locked)")
			default:
				label = a.st.Faint.Render(label)
			}
			steps = append(steps, label)
		}
		top = append(top, "  "+strings.Join(steps, a.st.Faint.Render(" · ")))
	}
	if v.Group.Locked(v.Stage.Key) {
		top = append(top, a.st.Warn.Render("  This stage is locked: nothing more is captured here (ctrl+l unlocks it)."))
	}
	if v.Group.StageStartedAt.IsZero() && v.Group.ID != "" {
		top = append(top, a.st.Warn.Render("  Not started: the clock runs once someone at the table presses ctrl+t."))
	}
	if t.showNotes && v.Stage.Notes != "" {
		for _, l := range wrap("Facilitator: "+model.Safe(v.Stage.Notes, false), w-4) {
			top = append(top, a.st.Faint.Render("  "+l))
		}
	}
	for _, p := range v.Stage.Prompts {
		for i, l := range wrap(model.Fill(p, v.Area), w-2) {
			mark := "  "
			if i == 0 {
				mark = "› "
			}
			top = append(top, a.st.Prompt.Render(mark+l))
		}
	}
	top = append(top, a.stageBlock(v)...)
	top = append(top, "")
	notes := t.notes()
	sv := t.shown()
	title := fmt.Sprintf("Notes at this stage: %d", len(notes))
	if t.browsing() {
		title = fmt.Sprintf("LOOKING AT %d/%d %s · read-only · %s", sv.StageIndex+1, len(v.Event.Stages), sv.Stage.Title, plural(len(notes), "note", "notes"))
	}
	if t.filter != "" {
		title += fmt.Sprintf(", matching %q: %d of %d", t.filter, len(notes), len(sv.StageNotes()))
	}
	if t.listFocus {
		top = append(top, a.st.Key.Render(title))
		top = append(top, a.st.Faint.Render("  tags: "+t.tagLegend()))
	} else {
		top = append(top, a.st.Faint.Render(title))
	}

	room := a.height - 2 - len(a.cachedFooter(t.keys())) - len(top) - len(foot)
	if room < 1 && len(top) > 3 {
		// Small terminal: keep the first prompt and the list.
		top = append(top[:1], top[len(top)-1])
		room = a.height - 2 - 1 - len(top) - len(foot)
	}
	if lines := t.overlay(a, room); lines != nil { // the menu or a note's history
		for len(lines) < room {
			lines = append(lines, "")
		}
		return append(append(top, lines[:max(room, 0)]...), foot...)
	}
	sel := t.sel
	if !t.listFocus {
		sel = len(notes) - 1
	}
	rows := t.listRows(notes)
	selRow := 0
	for r, row := range rows {
		if row.note == sel {
			selRow = r
		}
	}
	from, to := scrollWindow(len(rows), selRow, room)
	if from > 0 && from == selRow && rows[from-1].theme != nil { // show the selected note's theme heading
		from, to = from-1, to-1
	}
	var list []string
	for _, row := range rows[from:to] { // only what shows is styled
		if row.theme != nil {
			list = append(list, a.st.Title.Render(fmt.Sprintf("  ▾ %s", model.Safe(row.theme.Theme.Name, false)))+a.st.Faint.Render(fmt.Sprintf(" · %s", plural(len(row.theme.Notes), "note", "notes"))))
			continue
		}
		line := a.noteLine(sv, notes[row.note], t.listFocus && row.note == t.sel)
		if t.marked[notes[row.note].ID] {
			line = a.st.Warn.Render("•") + strings.TrimPrefix(line, " ")
		}
		if row.inTheme {
			line = "  " + line
		}
		list = append(list, line)
	}
	for len(list) < room {
		list = append(list, "")
	}
	if len(notes) == 0 && room > 0 {
		list[0] = a.st.Faint.Render("  Nothing captured yet at this stage.")
	}
	return append(append(top, list...), foot...)
}

// overlay is what covers the notes list: the ctrl+x menu or the selected
// note's history, or nil.
func (t *tableModel) overlay(a *App, room int) []string {
	switch {
	case t.menu.open:
		lines := t.menuLines(a)
		if len(lines) > room && room > 1 { // keep the chosen item in view
			from, to := scrollWindow(len(lines)-1, t.menu.sel, room-1)
			lines = append(lines[:1:1], lines[1+from:1+to]...)
		}
		return lines
	case t.history.open:
		return t.historyLines(a)
	}
	return nil
}

// typingLines are the bottom of the table screen: the typing line with its
// cursor while typing, and a plain "notes list" bar (no cursor, the draft
// shown faint) while the list has the focus, so the two states differ in
// words and shape, not only in colour.
func (t *tableModel) typingLines(a *App) []string {
	if t.listFocus {
		draft := strings.ReplaceAll(model.Safe(t.input.Value(), true), "\n", " ")
		if draft == "" {
			draft = "(empty)"
		}
		return []string{
			a.st.Key.Render("■ NOTES LIST · ↑/↓ select · ? all keys · a letter goes back to typing"),
			a.st.Faint.Render(ansi.Truncate("  draft: "+draft, max(a.width-2, 10), "…")),
		}
	}
	label := "✎ TYPING · enter saves the note · tab: notes list · ctrl+x: more"
	if t.editing != "" {
		label = "✎ EDITING A NOTE · enter saves the new wording · esc drops the edit"
	}
	return append([]string{a.st.Prompt.Render(label)}, strings.Split(a.frames.draw.view(&t.input), "\n")...)
}

// clockedHeader is the table's header, left (tableHeaderLeft) and the
// clock, the time left coloured when short.
func (a *App) clockedHeader(v sessions.TableView, left, clock string) string {
	h := a.headerBar(left + " · " + clock)
	if st := v.Group.Clock(v.Stage, a.now); st != model.ClockRunning {
		return strings.Replace(h, clock, a.clockStyle(v).Render(clock), 1)
	}
	return h
}

// noteLine is one note: saved marker, dots on a vote, text and tags.
func (a *App) noteLine(v sessions.TableView, c model.Contribution, selected bool) string {
	prefix := a.st.Saved.Render("✓") + " "
	if v.Stage.Key == v.VoteStage && !v.DotVote.Open { // blind until the vote is revealed
		for _, p := range v.Priorities {
			if p.Note.ID == c.ID {
				prefix += fmt.Sprintf("%2d● ", p.Dots)
			}
		}
	}
	text := model.Safe(c.Text, false)
	tags := ""
	for _, t := range c.Tags {
		tags += " " + a.st.Tag.Render("#"+model.Safe(t, false))
	}
	if c.Author != "" {
		tags += a.st.Faint.Render(" — " + model.Safe(c.Author, false))
	}
	line := text + tags
	if selected {
		return a.st.Selected.Render("› ") + prefix + a.st.Selected.Render(text) + tags
	}
	return "  " + prefix + line
}

// stageBlock is what the stage adds above the notes.
func (a *App) stageBlock(v sessions.TableView) []string {
	g := v.Group
	w := a.width - 4
	var out []string
	add := func(s string) { out = append(out, s) }
	switch v.Stage.Activity {
	case model.ActivityRoles:
		add("")
		add(fmt.Sprintf("  Facilitator: %s · Scribe: %s · Reporter: %s · Participants: %d", orNone(g.Facilitator), orNone(g.Scribe), orNone(g.Reporter), g.Participants))
		for i, aim := range v.Event.Aims {
			for j, l := range wrap(model.Safe(aim, false), w-5) {
				if j == 0 {
					add(fmt.Sprintf("  Aim %d: %s", i+1, l))
				} else {
					add("         " + l)
				}
			}
		}
	case model.ActivityVision:
		add("")
		if g.Vision == "" {
			add(a.st.Faint.Render("  No vision statement yet: ctrl+o writes it (or ctrl+x: use a note)."))
		} else {
			for i, l := range wrap(model.Safe(g.Vision, false), w-10) {
				if i == 0 {
					add("  " + a.st.Key.Render("Vision:") + " " + l)
				} else {
					add("          " + l)
				}
			}
		}
	case model.ActivityNextSteps:
		add("")
		if len(v.NextSteps) == 0 {
			add(a.st.Faint.Render("  No next steps yet: ctrl+o adds one."))
		}
		for i, s := range v.NextSteps {
			add(fmt.Sprintf("  %d. %s — %s — %s", i+1, model.Safe(s.Action, false), orNone(s.Owner), orNone(s.ByWhen)))
		}
	case model.ActivityKeyMessages:
		add("")
		if len(v.KeyMessages) == 0 {
			add(a.st.Faint.Render("  No key messages yet: ctrl+o picks them (suggested from the votes)."))
		}
		n := 0
		for _, m := range v.KeyMessages {
			if m.Kind == model.KindAsk {
				add("  Ask: " + model.Safe(m.Text, false))
				continue
			}
			n++
			add(fmt.Sprintf("  %d. %s", n, model.Safe(m.Text, false)))
		}
	}
	return out
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return model.Safe(s, false)
}

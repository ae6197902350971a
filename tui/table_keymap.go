package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"forum/model"
	"forum/sessions"
)

// The table screen's keys. Typing is home: on this screen no lone letter
// is ever a command. Letters, in either state, go to the typing line; the
// commands are ctrl chords that arrive intact through tmux, SSH and Windows
// Terminal (never ctrl+b, tmux's prefix; never alt chords, which reach a
// server as esc then a letter; never ctrl+m, ctrl+i or ctrl+h, which are
// enter, tab and backspace), plus a few keys that are not letters in the
// notes list (arrows, space, digits, delete). Moving the table between
// stages and locking a stage also ask y/n first. Everything else is in the
// ctrl+x menu. Each binding is defined here once: the handlers match it
// with key.Matches, and the footer, the ? help and the ctrl+x menu are
// built from it.
type tableKeyMap struct {
	// Either state.
	Save, Switch, Back                    key.Binding
	NextStage, PrevStage, Activity, Clock key.Binding
	Undo, Lock, Menu, Summary, SplitPaste key.Binding
	// The notes list.
	Up, Down, PageUp, PageDown, First, Last key.Binding
	Browse, Mark, Tag, Edit, Delete         key.Binding
	History, Group, Filter, ReadBack, Who   key.Binding
	Help                                    key.Binding
	// Only in the ctrl+x menu.
	Extend, FacNotes, Bell, Maturity, Scale key.Binding
	Vision, NoteOn, NoteBack                key.Binding
	Rename, Ungroup, TakeOut                key.Binding
}

// tableKeys is the table screen's keymap.
var tableKeys = tableKeyMap{
	Save:       kb([]string{"enter"}, "enter", "save"),
	Switch:     kb([]string{"tab"}, "tab", "notes list"),
	Back:       kb([]string{"esc", "alt+esc"}, "esc", "notes list; again: leave"),
	NextStage:  kb([]string{"ctrl+n"}, "ctrl+n", "next stage (asks)"),
	PrevStage:  kb([]string{"ctrl+p"}, "ctrl+p", "previous stage (asks)"),
	Activity:   kb([]string{"ctrl+o"}, "ctrl+o", "stage activity"),
	Clock:      kb([]string{"ctrl+t"}, "ctrl+t", "start/pause clock"),
	Undo:       kb([]string{"ctrl+z"}, "ctrl+z", "undo"),
	Lock:       kb([]string{"ctrl+l"}, "ctrl+l", "lock / unlock the stage (asks)"),
	Menu:       kb([]string{"ctrl+x"}, "ctrl+x", "more"),
	Summary:    kb([]string{"ctrl+s"}, "ctrl+s", "summary"),
	SplitPaste: kb([]string{"ctrl+y"}, "ctrl+y", "split a pasted block into notes"),

	Up:       kb([]string{"up"}, "↑", "select up"),
	Down:     kb([]string{"down"}, "↓", "select down"),
	PageUp:   kb([]string{"pgup"}, "pgup", "page up"),
	PageDown: kb([]string{"pgdown"}, "pgdn", "page down"),
	First:    kb([]string{"home"}, "home", "first note"),
	Last:     kb([]string{"end"}, "end", "last note"),
	Browse:   kb([]string{"left", "right"}, "←/→", "look at another stage (read-only)"),
	Mark:     kb([]string{"space"}, "space", "mark / unmark (for a theme)"),
	Tag:      kb([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "tag"),
	Edit:     kb([]string{"ctrl+e"}, "ctrl+e", "edit"),
	Delete:   kb([]string{"delete", "ctrl+d"}, "ctrl+d", "delete"),
	History:  kb([]string{"enter"}, "enter", "the note's history"),
	Group:    kb([]string{"ctrl+g"}, "ctrl+g", "group marked notes into a theme"),
	Filter:   kb([]string{"ctrl+f"}, "ctrl+f", "filter the notes"),
	ReadBack: kb([]string{"ctrl+r"}, "ctrl+r", "read back"),
	Who:      kb([]string{"ctrl+w"}, "ctrl+w", "who said it"),
	Help:     kb([]string{"?"}, "?", "all keys"),

	Extend:   kb(nil, "", "5 more minutes"),
	FacNotes: kb(nil, "", "show / hide the facilitator notes"),
	Bell:     kb(nil, "", "time-up bell on / off"),
	Maturity: kb(nil, "", "maturity self-assessment"),
	Scale:    kb(nil, "", "consensus (vision) / support (next steps)"),
	Vision:   kb(nil, "", "use the note as the vision statement"),
	NoteOn:   kb(nil, "", "move the note to the next stage"),
	NoteBack: kb(nil, "", "move the note to the previous stage"),
	Rename:   kb(nil, "", "rename the note's theme"),
	Ungroup:  kb(nil, "", "ungroup the note's theme"),
	TakeOut:  kb(nil, "", "take the note(s) out of their theme"),
}

// menuItems are the ctrl+x menu's entries, in order: everything the table
// screen can do besides typing.
func (k tableKeyMap) menuItems(v sessions.TableView) []key.Binding {
	items := []key.Binding{k.Clock, k.Extend, k.Lock, k.FacNotes, k.Bell}
	if activity(v.Stage) != "" {
		items = append(items, k.Activity)
	}
	items = append(items, k.Maturity, k.Scale)
	if v.Stage.Activity == model.ActivityVision {
		items = append(items, k.Vision)
	}
	return append(items, k.NextStage, k.PrevStage, k.History, k.Edit, k.Delete, k.Who, k.NoteOn, k.NoteBack,
		k.Group, k.Rename, k.Ungroup, k.TakeOut, k.Filter, k.ReadBack, k.Undo, k.Summary)
}

// keys is the footer and the full help of the table screen's state.
func (t *tableModel) keys() keyMap {
	k := tableKeys
	act := k.Activity
	if name := activity(t.view.Stage); name != "" {
		act.SetHelp("ctrl+o", name)
	}
	switch {
	case t.menu.open:
		return keyMap{short: menuKeys, full: [][]key.Binding{menuKeys}}
	case t.editing != "":
		save := kb([]string{"enter"}, "enter", "save the edit")
		drop := kb([]string{"esc"}, "esc", "drop the edit (asks)")
		return keyMap{short: []key.Binding{save, drop}, full: [][]key.Binding{{save, drop}}}
	case t.listFocus:
		short := []key.Binding{k.Tag, k.Edit, k.Delete, k.Undo, k.Menu, k.Help}
		tags := kb([]string{"1"}, "1-9", t.tagLegend())
		return keyMap{short: short, full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.First, k.Last, k.Browse},
			{k.Mark, tags, k.Edit, k.Delete, k.Undo, k.History},
			{k.Group, k.Filter, k.ReadBack, k.Who, k.Menu, k.Summary},
			{k.NextStage, k.PrevStage, act, k.Clock, k.Lock},
			{k.Switch, k.Back, k.Help, k.SplitPaste},
		}}
	}
	short := []key.Binding{k.Save, k.Switch, k.Undo, k.Menu}
	if t.view.Group.StageStartedAt.IsZero() && t.view.Group.ID != "" {
		start := k.Clock
		start.SetHelp("ctrl+t", "start the stage")
		short = append(short, start)
	}
	return keyMap{short: short, full: [][]key.Binding{{k.Save, k.Switch, k.Back, k.Undo}, {k.NextStage, k.PrevStage, act, k.Clock}, {k.Lock, k.Menu, k.Summary, k.SplitPaste}}}
}

// tagLegend says which digit puts which tag.
func (t *tableModel) tagLegend() string {
	var legend []string
	for d := '1'; d <= '9'; d++ {
		if tag := t.tagFor(string(d)); tag != "" {
			legend = append(legend, fmt.Sprintf("%c %s", d, model.Safe(tag, false)))
		}
	}
	return strings.Join(legend, " · ")
}

package tui

import "charm.land/bubbles/v2/key"

// keyMap is a screen's keys, shown in the help footer (? toggles the full
// list).
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp is the one-line footer.
func (k keyMap) ShortHelp() []key.Binding { return k.short }

// FullHelp is the full help, in columns.
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

func kb(keys []string, help, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// The keys, one variable each, matched with key.Matches.
var (
	keyUp        = kb([]string{"up", "k"}, "↑/k", "up")
	keyDown      = kb([]string{"down", "j"}, "↓/j", "down")
	keyEnter     = kb([]string{"enter"}, "enter", "open")
	keyBack      = kb([]string{"esc"}, "esc", "back")
	keyQuit      = kb([]string{"q", "ctrl+c"}, "q", "quit")
	keyHelp      = kb([]string{"?"}, "?", "keys")
	keyNew       = kb([]string{"n"}, "n", "new event")
	keyDemo      = kb([]string{"d"}, "d", "add the demo event")
	keySummary   = kb([]string{"s"}, "s", "summary")
	keyWrite     = kb([]string{"w"}, "w", "write summary to a file")
	keyProgramme = kb([]string{"p"}, "p", "programme")

	// Table screen, typing in the input.
	keySave      = kb([]string{"enter"}, "enter", "save")
	keyNextStage = kb([]string{"ctrl+n"}, "ctrl+n", "next stage")
	keyPrevStage = kb([]string{"ctrl+b"}, "ctrl+b", "back")
	keyActivity  = kb([]string{"ctrl+o"}, "ctrl+o", "stage activity")
	keySumCtrl   = kb([]string{"ctrl+s"}, "ctrl+s", "summary")
	keyToList    = kb([]string{"tab", "esc"}, "tab", "notes")

	// Table screen, with the notes list selected.
	keyEdit   = kb([]string{"e"}, "e", "edit")
	keyDelete = kb([]string{"d", "delete"}, "d", "delete")
	keyUndo   = kb([]string{"u"}, "u", "undo")
	keyTags   = kb([]string{"1", "2", "3", "4"}, "1-4", "tag")
	// keyTagList spells out the tags in the full help.
	keyTagList = kb([]string{"1", "2", "3", "4"}, "1 2 3 4", "people processes systems resources")
	keyVision  = kb([]string{"v"}, "v", "use as vision")
	keyNextS   = kb([]string{"n"}, "n", "next stage")
	keyPrevS   = kb([]string{"b"}, "b", "back a stage")
	keyAct     = kb([]string{"o"}, "o", "stage activity")
	keyToInput = kb([]string{"tab", "i"}, "tab", "type")
	keyLeave   = kb([]string{"esc"}, "esc", "leave")

	// The facilitator's console, with the notes list selected.
	keyPause    = kb([]string{"t"}, "t", "pause / resume the timer")
	keyExtend   = kb([]string{"+"}, "+", "5 more minutes")
	keyLock     = kb([]string{"l"}, "l", "lock / unlock the stage")
	keyFacNotes = kb([]string{"f"}, "f", "facilitator notes")
	keyMaturity = kb([]string{"a"}, "a", "maturity self-assessment")
	keyBell     = kb([]string{"B"}, "B", "time-up bell on / off")
	keyScale    = kb([]string{"c"}, "c", "consensus (vision) / support (next steps)")

	// The scribe's tools, with the notes list selected.
	keyFilter   = kb([]string{"/"}, "/", "filter the notes")
	keyReadBack = kb([]string{"r"}, "r", "read back")
	keyMoveNote = kb([]string{">", "<"}, "> <", "move to next / previous stage")
	keyWho      = kb([]string{"w"}, "w", "who said it")

	// Themes, with the notes list selected.
	keyMark        = kb([]string{"space"}, "space", "mark a note")
	keyGroup       = kb([]string{"g"}, "g", "group marked notes into a theme")
	keyRenameTheme = kb([]string{"R"}, "R", "rename the theme")
	keyUngroup     = kb([]string{"U"}, "U", "ungroup the theme")
	keyTakeOut     = kb([]string{"x"}, "x", "take out of its theme")

	// Dot vote.
	keyVoter     = kb([]string{"left", "right"}, "←/→", "voter")
	keyAddDot    = kb([]string{"+", "=", "space"}, "space", "add dot")
	keyDropDot   = kb([]string{"-", "backspace"}, "-", "remove a dot")
	keyCast      = kb([]string{"enter"}, "enter", "save, next")
	keyResults   = kb([]string{"r"}, "r", "ranked results")
	keyCloseVote = kb([]string{"c"}, "c", "close vote")
	keyReopen    = kb([]string{"o"}, "o", "new round")

	// Forms.
	keyField    = kb([]string{"tab", "shift+tab"}, "tab", "next field")
	keyFormSave = kb([]string{"ctrl+s"}, "ctrl+s", "save")
	keyChoose   = kb([]string{"up", "down"}, "↑/↓", "choose")
	keyUse      = kb([]string{"ctrl+o"}, "ctrl+o", "put it in this field")
	keyCancel   = kb([]string{"esc"}, "esc", "cancel")
	keyScroll   = kb([]string{"up", "down", "pgup", "pgdown"}, "↑/↓/pgup/pgdn", "scroll")
)

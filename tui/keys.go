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

// The keys shared by several screens, one variable each, matched with
// key.Matches. Each screen's own keys are defined beside it (the table
// screen's in table_keymap.go); the footer and the ? help are built from
// the same bindings.
var (
	keyUp    = kb([]string{"up", "k"}, "↑/k", "up")
	keyDown  = kb([]string{"down", "j"}, "↓/j", "down")
	keyEnter = kb([]string{"enter"}, "enter", "open")
	keyBack  = kb([]string{"esc"}, "esc", "back")
	keyQuit  = kb([]string{"q", "ctrl+c"}, "q", "quit")
	// keyQuitScreen is q where it leaves a screen rather than the app.
	keyQuitScreen = kb([]string{"q"}, "q", "back")
	keyHelp       = kb([]string{"?"}, "?", "keys")
	keyNew        = kb([]string{"n"}, "n", "new event")
	keyDemo       = kb([]string{"d"}, "d", "add the demo event")
	keySummary    = kb([]string{"s"}, "s", "summary")
	keyProgramme  = kb([]string{"p"}, "p", "programme")

	// Dot vote.
	keyVoter     = kb([]string{"left", "right"}, "←/→", "voter")
	keyAddDot    = kb([]string{"+", "=", "space"}, "space", "add dot")
	keyDropDot   = kb([]string{"-", "backspace"}, "-", "remove a dot")
	keyCast      = kb([]string{"enter"}, "enter", "save, next")
	keyResults   = kb([]string{"r"}, "r", "ranked results")
	keyCloseVote = kb([]string{"c"}, "c", "close vote")
	keyReopen    = kb([]string{"o"}, "o", "new round")

	// Forms.
	keyField    = kb([]string{"tab"}, "tab", "next field")
	keyFormSave = kb([]string{"ctrl+s"}, "ctrl+s", "save")
	keyChoose   = kb([]string{"up", "down"}, "↑/↓", "choose")
	keyUse      = kb([]string{"ctrl+o"}, "ctrl+o", "put it in this field")
	keyCancel   = kb([]string{"esc"}, "esc", "cancel (asks if typed)")
	keyScroll   = kb([]string{"up", "down", "pgup", "pgdown"}, "↑/↓/pgup/pgdn", "scroll")
)

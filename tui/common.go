package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"forum/sessions"
)

// common is the small context every screen works with, instead of the
// whole App: the terminal's size, the styles, the clock, the engine with
// the seat's context and who is acting, and the seat itself (nil for a
// local terminal). The keys are package-level keymaps, one per screen.
// App embeds it, so a screen can be handed just this.
type common struct {
	width, height int
	st            Styles
	now           time.Time
	eng           *sessions.Engine
	ctx           context.Context
	actor         string
	seat          *sessions.Seat
}

// navMsg asks the App to show another screen and reload what it shows:
// screens navigate by returning it rather than by changing the App.
type navMsg struct {
	to screen
	// status is the status line to show there ("" clears it).
	status string
	// load, when set, reads what the screen shows (else the App reloads
	// the screen as after any change).
	load tea.Cmd
}

// navigate returns the command that moves to another screen.
func navigate(to screen, status string) tea.Cmd {
	return func() tea.Msg { return navMsg{to: to, status: status} }
}

// navigateLoad moves to another screen and runs load there.
func navigateLoad(to screen, load tea.Cmd) tea.Cmd {
	return func() tea.Msg { return navMsg{to: to, load: load} }
}

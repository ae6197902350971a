package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// consoleKey handles the facilitator's keys on the notes list: the timer,
// the stage lock, the facilitator notes, the bell and the maturity
// self-assessment. It reports whether it used the key.
func (t *tableModel) consoleKey(a *App, s string) (tea.Cmd, bool) {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	switch s {
	case "t":
		return func() tea.Msg {
			paused, err := eng.PauseTimer(ctx, actor, g)
			if err != nil {
				return doneMsg{err: err}
			}
			if paused {
				return doneMsg{status: "⏸ Timer paused: t resumes it.", reload: true}
			}
			return doneMsg{status: "▶ Timer running again.", reload: true}
		}, true
	case "+", "=":
		return func() tea.Msg {
			extra, err := eng.ExtendTimer(ctx, actor, g, 5)
			if err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{status: fmt.Sprintf("+5 minutes (this stage now has %d extra).", extra), reload: true}
		}, true
	case "l":
		stage, lock := t.view.Stage, !t.view.Group.Locked(t.view.Stage.Key)
		status := "Unlocked: " + stage.Title + " takes notes again."
		if lock {
			status = "Locked: nothing more is captured in " + stage.Title + "."
		}
		return do(status, func() error { return eng.LockStage(ctx, actor, g, stage.Key, lock) }), true
	case "f":
		t.showNotes = !t.showNotes
		if t.view.Stage.Notes == "" {
			a.setStatus("The template has no facilitator notes for this stage.", nil)
		}
	case "B":
		a.bellOff = !a.bellOff
		a.setStatus(map[bool]string{true: "The time-up bell is off (B turns it on).", false: "The time-up bell is on."}[a.bellOff], nil)
	case "a":
		return a.openMaturity(), true
	case "c":
		return a.openScale(), true
	default:
		return nil, false
	}
	return nil, true
}

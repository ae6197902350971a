package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// clockKey starts the stage's clock, the first time; after that it pauses
// and resumes it. Opening a table never starts its clock.
func (t *tableModel) clockKey(a *App) tea.Cmd {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	if t.view.Group.StageStartedAt.IsZero() {
		title := t.view.Stage.Title
		return func() tea.Msg {
			if _, err := eng.StartStage(ctx, actor, g); err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{status: "▶ " + title + " started: its clock runs for every seat.", reload: true}
		}
	}
	return func() tea.Msg {
		paused, err := eng.PauseTimer(ctx, actor, g)
		if err != nil {
			return doneMsg{err: err}
		}
		if paused {
			return doneMsg{status: "⏸ Timer paused: ctrl+t resumes it.", reload: true}
		}
		return doneMsg{status: "▶ Timer running again.", reload: true}
	}
}

// extend gives the stage five more minutes.
func (t *tableModel) extend(a *App) tea.Cmd {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	return func() tea.Msg {
		extra, err := eng.ExtendTimer(ctx, actor, g, 5)
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: fmt.Sprintf("+5 minutes (this stage now has %d extra).", extra), reload: true}
	}
}

// lockKey locks the stage (after a y) or unlocks it.
func (t *tableModel) lockKey(a *App) tea.Cmd {
	eng, ctx, actor, g := a.eng, a.ctx, a.actor, t.view.Group.ID
	stage, lock := t.view.Stage, !t.view.Group.Locked(t.view.Stage.Key)
	if !lock {
		return do("Unlocked: "+stage.Title+" takes notes again.", func() error { return eng.LockStage(ctx, actor, g, stage.Key, false) })
	}
	a.ask("Lock "+stage.Title+"? Nothing more can be captured in it until it is unlocked.", "Not locked.",
		do("Locked: nothing more is captured in "+stage.Title+" (ctrl+l unlocks it).", func() error { return eng.LockStage(ctx, actor, g, stage.Key, true) }))
	return nil
}

// facNotes shows or hides the template's facilitator notes.
func (t *tableModel) facNotes(a *App) tea.Cmd {
	t.showNotes = !t.showNotes
	if t.view.Stage.Notes == "" {
		a.setStatus("The template has no facilitator notes for this stage.", nil)
	}
	return nil
}

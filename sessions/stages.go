package sessions

import (
	"context"
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// MoveStage moves a table delta stages on (+1) or back (-1) and restarts the
// stage's clock. It returns the stage the table is now at, and the Undo
// that puts the table back at the stage it left, with that stage's clock as
// it was.
func (e *Engine) MoveStage(ctx context.Context, actor string, groupID model.ID, delta int) (model.Stage, Undo, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return model.Stage{}, Undo{}, err
	}
	var to model.Stage
	undo := Undo{Label: "the stage change", Table: groupID}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, ev, err := tableEvent(tx, groupID)
		if err != nil {
			return err
		}
		to, err = model.StageStep(ev.Stages, g.StageKey, delta)
		if err != nil {
			return err
		}
		from := g.StageKey
		undo.stage = clockOf(g)
		g.StageKey, g.StageStartedAt, g.UpdatedAt = to.Key, e.Now(), e.Now()
		g.PausedAt, g.PausedFor, g.ExtraMinutes = time.Time{}, 0, 0 // each stage has its own clock
		if err := tx.UpdateGroup(g); err != nil {
			return err
		}
		return tx.Note("stage", "table", g.ID, fmt.Sprintf(`{"from":%q,"to":%q}`, from, to.Key))
	})
	if err != nil {
		return to, Undo{}, fmt.Errorf("stage not changed: %w", err)
	}
	return to, undo, nil
}

// StartStage starts the clock of the table's current stage. Opening or
// looking at a table never starts it: until someone who runs the table
// starts it deliberately, every seat shows the stage as not started. It
// reports whether the clock was started now (false: it already runs).
func (e *Engine) StartStage(ctx context.Context, actor string, groupID model.ID) (bool, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return false, err
	}
	started := false
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, err := liveGroup(tx, groupID)
		if err != nil || !g.StageStartedAt.IsZero() {
			return err
		}
		started = true
		g.StageStartedAt, g.UpdatedAt = e.Now(), e.Now()
		return tx.UpdateGroup(g)
	})
	if err != nil {
		return false, fmt.Errorf("stage clock not started: %w", err)
	}
	return started, nil
}

// SetRoles records who facilitates, scribes and reports, and how many
// participants the table has (1 to 100).
func (e *Engine) SetRoles(ctx context.Context, actor string, groupID model.ID, r Roles) (string, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return "", err
	}
	c, err := cleanRoles(r)
	if err != nil {
		return "", err
	}
	err = e.changeGroup(ctx, actor, groupID, func(g *model.Group) error {
		c.apply(g)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("roles not saved: %w", err)
	}
	return notices(c.cleaned[:]...), nil
}

// cleanedRoles are roles checked and cleaned, ready to store.
type cleanedRoles struct {
	cleaned      [3]model.Cleaned // facilitator, scribe, reporter
	participants int
}

func (c cleanedRoles) apply(g *model.Group) {
	g.Facilitator, g.Scribe, g.Reporter = c.cleaned[0].Text, c.cleaned[1].Text, c.cleaned[2].Text
	g.Participants = c.participants
}

func cleanRoles(r Roles) (cleanedRoles, error) {
	out := cleanedRoles{participants: r.Participants}
	if r.Participants < 1 || r.Participants > model.MaxParticipants {
		return out, fmt.Errorf("not saved: participants must be a number from 1 to %d, not %d", model.MaxParticipants, r.Participants)
	}
	for i, s := range []string{r.Facilitator, r.Scribe, r.Reporter} {
		c, err := clean(s, model.NameRule)
		if err != nil {
			return out, err
		}
		out.cleaned[i] = c
	}
	return out, nil
}

// SetVision records the table's vision statement (empty clears it).
func (e *Engine) SetVision(ctx context.Context, actor string, groupID model.ID, text string) (string, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return "", err
	}
	c, err := clean(text, model.VisionRule)
	if err != nil {
		return "", err
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, err := liveGroup(tx, groupID)
		if err != nil {
			return err
		}
		g.Vision, g.UpdatedAt = c.Text, e.Now()
		return tx.UpdateGroup(g)
	})
	if err != nil {
		return "", fmt.Errorf("vision not saved: %w", err)
	}
	return c.Notice(), nil
}

// MoveProgramme moves the event's "now" marker delta items along its
// programme (-1 from the first item clears it). It returns the new position.
func (e *Engine) MoveProgramme(ctx context.Context, actor string, eventID model.ID, delta int) (int, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return 0, err
	}
	var at int
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		ev, err := tx.Event(eventID)
		if err != nil {
			return err
		}
		at = ev.ProgrammeAt + delta
		if len(ev.Programme) == 0 {
			return fmt.Errorf("the event has no programme")
		}
		if at < -1 || at >= len(ev.Programme) {
			return fmt.Errorf("the marker is already at the end of the programme")
		}
		ev.ProgrammeAt, ev.UpdatedAt = at, e.Now()
		return tx.UpdateEvent(ev)
	})
	if err != nil {
		return at, fmt.Errorf("programme marker not moved: %w", err)
	}
	return at, nil
}

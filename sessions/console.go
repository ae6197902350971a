package sessions

import (
	"context"
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// MaxExtraMinutes bounds how far a stage can be extended in all.
const MaxExtraMinutes = 60

// PauseTimer pauses the table's stage timer, or resumes it if paused. It
// returns whether the timer is now paused. The state is stored, so every
// seat and a restart see the same clock.
func (e *Engine) PauseTimer(ctx context.Context, actor string, groupID model.ID) (bool, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return false, err
	}
	paused := false
	err := e.changeGroup(ctx, actor, groupID, func(g *model.Group) error {
		now := e.Now()
		if g.StageStartedAt.IsZero() {
			g.StageStartedAt = now
		}
		if g.PausedAt.IsZero() {
			g.PausedAt, paused = now, true
			return nil
		}
		g.PausedFor += now.Sub(g.PausedAt)
		g.PausedAt = time.Time{}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("timer not changed: %w", err)
	}
	return paused, nil
}

// ExtendTimer gives the table's current stage more minutes (up to
// MaxExtraMinutes in all). It returns the extension now in force.
func (e *Engine) ExtendTimer(ctx context.Context, actor string, groupID model.ID, minutes int) (int, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return 0, err
	}
	extra := 0
	err := e.changeGroup(ctx, actor, groupID, func(g *model.Group) error {
		if minutes < 1 || g.ExtraMinutes+minutes > MaxExtraMinutes {
			return fmt.Errorf("a stage can be extended by at most %d minutes in all (now %d)", MaxExtraMinutes, g.ExtraMinutes)
		}
		g.ExtraMinutes += minutes
		extra = g.ExtraMinutes
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("timer not extended: %w", err)
	}
	return extra, nil
}

// LockStage locks a stage at a table, so nothing more is captured there,
// or unlocks it.
func (e *Engine) LockStage(ctx context.Context, actor string, groupID model.ID, stageKey string, lock bool) error {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return err
	}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, ev, err := tableEvent(tx, groupID)
		if err != nil {
			return err
		}
		if model.StageIndex(ev.Stages, stageKey) < 0 {
			return fmt.Errorf("the event has no stage %q", stageKey)
		}
		var keep []string
		for _, k := range g.LockedStages {
			if k != stageKey {
				keep = append(keep, k)
			}
		}
		if lock {
			keep = append(keep, stageKey)
		}
		g.LockedStages, g.UpdatedAt = keep, e.Now()
		return tx.UpdateGroup(g)
	})
	if err != nil {
		return fmt.Errorf("stage not locked: %w", err)
	}
	return nil
}

// RateMaturity stores one rater's levels at a table: levels[d] is the
// level (1-based) chosen on dimension d, 0 for not rated.
func (e *Engine) RateMaturity(ctx context.Context, actor string, groupID model.ID, rater string, levels []int) error {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return err
	}
	if rater == "" {
		return fmt.Errorf("not saved: a rater code is needed")
	}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		_, ev, err := tableEvent(tx, groupID)
		if err != nil {
			return err
		}
		m := EventMaturity(ev)
		if m.Empty() {
			return fmt.Errorf("this event's template has no maturity model")
		}
		if len(levels) > len(m.Dimensions) {
			return fmt.Errorf("%d levels for %d dimensions", len(levels), len(m.Dimensions))
		}
		var rs []model.Rating
		for d, l := range levels {
			if l == 0 {
				continue
			}
			if l < 1 || l > len(m.Levels) {
				return fmt.Errorf("level %d on %q: choose 1 to %d", l, m.Dimensions[d].Name, len(m.Levels))
			}
			rs = append(rs, model.Rating{ID: model.NewID(), GroupID: groupID, Rater: rater, Dimension: d, Level: l, Stamp: model.NewStamp(e.Now())})
		}
		return tx.ReplaceRatings(groupID, rater, rs)
	})
	if err != nil {
		return fmt.Errorf("ratings not saved: %w", err)
	}
	return nil
}

// RaterCodes are the anonymous codes of a table's raters, R1…Rn.
func RaterCodes(n int) []string {
	out := make([]string, min(max(n, 0), model.MaxParticipants))
	for i := range out {
		out[i] = fmt.Sprintf("R%d", i+1)
	}
	return out
}

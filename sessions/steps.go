package sessions

import (
	"context"
	"fmt"
	"slices"

	"forum/model"
	"forum/storage"
)

// AddNextStep stores a next step; the action is required, the rest optional.
func (e *Engine) AddNextStep(ctx context.Context, actor string, groupID model.ID, in NextStepInput) (Saved[model.NextStep], error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return Saved[model.NextStep]{}, err
	}
	var cs []model.Cleaned
	field := func(s string, r model.TextRule) (string, error) {
		c, err := clean(s, r)
		cs = append(cs, c)
		return c.Text, err
	}
	step := model.NextStep{ID: model.NewID(), GroupID: groupID, PriorityID: in.PriorityID, Stamp: model.NewStamp(e.Now())}
	var err error
	if step.Action, err = field(in.Action, model.ActionRule); err != nil {
		return Saved[model.NextStep]{}, err
	}
	if step.Owner, err = field(in.Owner, model.TextRule{Field: "owner", Max: 200}); err != nil {
		return Saved[model.NextStep]{}, err
	}
	if step.ByWhen, err = field(in.ByWhen, model.TextRule{Field: "by when", Max: 100}); err != nil {
		return Saved[model.NextStep]{}, err
	}
	if step.Assist, err = field(in.Assist, model.TextRule{Field: "what would assist", Max: 500}); err != nil {
		return Saved[model.NextStep]{}, err
	}
	if in.Enabler != "" && !slices.Contains(model.Enablers, in.Enabler) {
		return Saved[model.NextStep]{}, fmt.Errorf("not saved: enabler %q is not one of %v", in.Enabler, model.Enablers)
	}
	step.Enabler = in.Enabler
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if _, err := liveGroup(tx, groupID); err != nil {
			return err
		}
		if step.PriorityID != "" {
			p, err := tx.Contribution(step.PriorityID)
			if err != nil || p.GroupID != groupID || p.Deleted() {
				return fmt.Errorf("the priority it serves is not a note of this table")
			}
		}
		return tx.InsertNextStep(step)
	})
	if err != nil {
		return Saved[model.NextStep]{}, fmt.Errorf("next step not saved: %w", err)
	}
	return Saved[model.NextStep]{Record: step, Notice: notices(cs...)}, nil
}

// DeleteNextStep marks a next step deleted (kept in the database).
func (e *Engine) DeleteNextStep(ctx context.Context, actor string, step model.NextStep) error {
	if err := allow(ctx, needWrite, step.GroupID); err != nil {
		return err
	}
	step.DeletedAt, step.UpdatedAt = e.Now(), e.Now()
	if err := e.store.Update(ctx, actor, func(tx *storage.Tx) error { return tx.UpdateNextStep(step) }); err != nil {
		return fmt.Errorf("next step not deleted: %w", err)
	}
	return nil
}

package sessions

import (
	"context"
	"errors"
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// TableSetup is what the set-up screen edits of a table: its name, the
// people in its roles and how many participants it has.
type TableSetup struct {
	Name string
	Roles
}

// EditTable renames a table and sets its roles (see SetRoles).
func (e *Engine) EditTable(ctx context.Context, actor string, groupID model.ID, t TableSetup) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	name, err := clean(t.Name, model.TextRule{Field: "table name", Max: 60, Required: true})
	if err != nil {
		return "", err
	}
	r, err := cleanRoles(t.Roles)
	if err != nil {
		return "", err
	}
	err = e.changeGroup(ctx, actor, groupID, func(g *model.Group) error {
		g.Name = name.Text
		r.apply(g)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("table not saved: %w", err)
	}
	return notices(append(r.cleaned[:], name)...), nil
}

// RemoveTable removes a table from the event's set-up. Its notes, votes and
// next steps stay in the file, and RestoreTable brings them back.
func (e *Engine) RemoveTable(ctx context.Context, actor string, groupID model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	err := e.changeGroup(ctx, actor, groupID, func(g *model.Group) error {
		g.RemovedAt = e.Now()
		return nil
	})
	if err != nil {
		return fmt.Errorf("table not removed: %w", err)
	}
	return nil
}

// RestoreTable brings back a removed table with everything captured at it.
func (e *Engine) RestoreTable(ctx context.Context, actor string, groupID model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, err := tx.Group(groupID)
		if err != nil {
			return err
		}
		if a, err := tx.Area(g.AreaID); err != nil || !a.RemovedAt.IsZero() {
			return errors.Join(err, errors.New("its area is removed; restore the area first"))
		}
		g.RemovedAt, g.UpdatedAt = time.Time{}, e.Now()
		return tx.UpdateGroup(g)
	})
	if err != nil {
		return fmt.Errorf("table not restored: %w", err)
	}
	return nil
}

// changeGroup reads a table that is in use (not removed, nor its area),
// changes it and stores it, in one transaction.
func (e *Engine) changeGroup(ctx context.Context, actor string, groupID model.ID, change func(*model.Group) error) error {
	return e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, err := liveGroup(tx, groupID)
		if err != nil {
			return err
		}
		if err := change(&g); err != nil {
			return err
		}
		g.UpdatedAt = e.Now()
		return tx.UpdateGroup(g)
	})
}

// ErrRemoved is returned for a write to a table that was removed from the
// event's set-up (or whose area was).
var ErrRemoved = errors.New("the table was removed from the event's set-up; an organiser can restore it from the set-up screen")

// liveGroup reads a table inside a transaction, refusing one that was
// removed, so that nothing is captured where nobody will see it.
func liveGroup(tx *storage.Tx, groupID model.ID) (model.Group, error) {
	g, err := tx.Group(groupID)
	if err != nil {
		return g, err
	}
	if !g.RemovedAt.IsZero() {
		return g, fmt.Errorf("%s: %w", g.Name, ErrRemoved)
	}
	a, err := tx.Area(g.AreaID)
	if err != nil {
		return g, err
	}
	if !a.RemovedAt.IsZero() {
		return g, fmt.Errorf("%s (%s): %w", g.Name, a.Code, ErrRemoved)
	}
	return g, nil
}

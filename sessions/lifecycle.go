package sessions

import (
	"context"
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// RenameEvent changes an event's title.
func (e *Engine) RenameEvent(ctx context.Context, actor string, id model.ID, title string) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	c, err := clean(title, model.TitleRule)
	if err != nil {
		return "", err
	}
	err = e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		ev.Title = c.Text
		return nil
	})
	return c.Notice(), err
}

// ArchiveEvent archives an event (kept, listed last), or brings it back.
func (e *Engine) ArchiveEvent(ctx context.Context, actor string, id model.ID, archived bool) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	return e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		ev.ArchivedAt = time.Time{}
		if archived {
			ev.ArchivedAt = e.Now()
		}
		return nil
	})
}

// DeleteEvent removes an event from every list. Its records stay in the
// database file (recoverable), and the deletion is in the audit log.
func (e *Engine) DeleteEvent(ctx context.Context, actor string, id model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	return e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		if !ev.DeletedAt.IsZero() {
			return fmt.Errorf("the event is already deleted")
		}
		ev.DeletedAt = e.Now()
		return nil
	})
}

func (e *Engine) changeEvent(ctx context.Context, actor string, id model.ID, change func(*model.Event) error) error {
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		ev, err := tx.Event(id)
		if err != nil {
			return err
		}
		if err := change(&ev); err != nil {
			return err
		}
		ev.UpdatedAt = e.Now()
		return tx.UpdateEvent(ev)
	})
	if err != nil {
		return fmt.Errorf("event not changed: %w", err)
	}
	return nil
}

// NextYear is the date a year after d (YYYY-MM-DD), or "" if d is not one.
func NextYear(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return ""
	}
	return t.AddDate(1, 0, 0).Format("2006-01-02")
}

// DuplicateEvent starts a new event with the same script, programme, aims,
// vote rules, areas and tables as an existing one, but none of its captured
// content: no notes, votes, next steps, key messages or role holders, and
// every table back at the first stage. Title and date default to the
// original's title and the date a year later.
func (e *Engine) DuplicateEvent(ctx context.Context, actor string, id model.ID, opts NewEvent) (model.ID, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	snap, err := e.store.Snapshot(ctx, id)
	if err != nil {
		return "", fmt.Errorf("reading the event to copy: %w", err)
	}
	now := e.Now()
	ev := snap.Event
	ev.ID, ev.Stamp, ev.ProgrammeAt, ev.ArchivedAt, ev.DeletedAt = model.NewID(), model.NewStamp(now), -1, time.Time{}, time.Time{}
	if opts.Title != "" {
		c, err := clean(opts.Title, model.TitleRule)
		if err != nil {
			return "", err
		}
		ev.Title = c.Text
	}
	if err := model.CheckDate(opts.Date); err != nil {
		return "", fmt.Errorf("date: %w", err)
	}
	ev.Date = opts.Date
	if ev.Date == "" {
		ev.Date = NextYear(snap.Event.Date)
	}
	out := Snapshot{Event: ev}
	areaIDs := map[model.ID]model.ID{}
	for _, a := range snap.Areas {
		areaIDs[a.ID] = model.NewID()
		a.ID, a.EventID, a.Stamp = areaIDs[a.ID], ev.ID, model.NewStamp(now)
		out.Areas = append(out.Areas, a)
	}
	first := ""
	if len(ev.Stages) > 0 {
		first = ev.Stages[0].Key
	}
	for _, g := range snap.Groups {
		out.Groups = append(out.Groups, model.Group{ID: model.NewID(), EventID: ev.ID, AreaID: areaIDs[g.AreaID], Name: g.Name,
			Participants: g.Participants, StageKey: first, Stamp: model.NewStamp(now)})
	}
	if err := e.store.Update(ctx, actor, func(tx *storage.Tx) error { return insertSnapshot(tx, out) }); err != nil {
		return "", fmt.Errorf("copying the event: %w", err)
	}
	return ev.ID, nil
}

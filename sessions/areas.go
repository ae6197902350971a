package sessions

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"forum/model"
	"forum/storage"
)

// AreaInput is what the set-up screen collects for an area.
type AreaInput struct {
	Code string
	Name string
	// Places lists the boroughs or places the area covers.
	Places []string
}

// Holdings counts what was captured at a table or in an area: what would
// be hidden by removing it.
type Holdings struct {
	Tables, Notes, Votes, NextSteps int
}

// Empty reports whether nothing was captured.
func (h Holdings) Empty() bool { return h.Notes == 0 && h.Votes == 0 && h.NextSteps == 0 }

// String is "12 notes, 30 votes, 2 next steps", leaving out what is 0
// ("nothing captured" when all are).
func (h Holdings) String() string {
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{{h.Notes, "note", "notes"}, {h.Votes, "vote", "votes"}, {h.NextSteps, "next step", "next steps"}} {
		if p.n > 0 {
			parts = append(parts, count(p.n, p.one, p.many))
		}
	}
	if len(parts) == 0 {
		return "nothing captured"
	}
	return strings.Join(parts, ", ")
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// HoldingsOf counts what the tables for which in(table) is true hold.
func HoldingsOf(snap Snapshot, in func(model.Group) bool) Holdings {
	var h Holdings
	tables := map[model.ID]bool{}
	for _, g := range snap.Groups {
		if in(g) {
			tables[g.ID] = true
			h.Tables++
		}
	}
	for _, c := range snap.Contributions {
		if tables[c.GroupID] && !c.Deleted() {
			h.Notes++
		}
	}
	for _, v := range snap.Votes {
		if tables[v.GroupID] {
			h.Votes++
		}
	}
	for _, n := range snap.NextSteps {
		if tables[n.GroupID] && n.DeletedAt.IsZero() {
			h.NextSteps++
		}
	}
	return h
}

// cleanArea checks an area's code and name.
func cleanArea(in AreaInput) (model.Area, string, error) {
	if err := model.CheckAreaCode(in.Code); err != nil {
		return model.Area{}, "", fmt.Errorf("not saved: %w", err)
	}
	name, err := clean(in.Name, model.TextRule{Field: "area name", Max: 120, Required: true})
	if err != nil {
		return model.Area{}, "", err
	}
	a := model.Area{Code: model.AreaCode(in.Code), Name: name.Text}
	cleaned := []model.Cleaned{name}
	for _, p := range in.Places {
		c, err := clean(p, model.TextRule{Field: "place", Max: 120})
		if err != nil {
			return a, "", err
		}
		if c.Text != "" {
			a.Places = append(a.Places, c.Text)
			cleaned = append(cleaned, c)
		}
	}
	return a, notices(cleaned...), nil
}

// codeTaken refuses a code another area of the event already has, naming
// a removed area so that the organiser can restore it instead.
func codeTaken(snap Snapshot, code string, self model.ID) error {
	for _, a := range snap.Areas {
		if a.Code == code && a.ID != self {
			return fmt.Errorf("not saved: %s is already the code of %s; each area needs its own", code, a.Name)
		}
	}
	for _, a := range snap.RemovedAreas {
		if a.Code == code && a.ID != self {
			return fmt.Errorf("not saved: %s is the code of the removed area %s; restore that area, or choose another code", code, a.Name)
		}
	}
	return nil
}

// AddArea adds an area at the end of the event's areas, with tables new
// tables (0 or more), and returns its id.
func (e *Engine) AddArea(ctx context.Context, actor string, eventID model.ID, in AreaInput, tables int) (model.ID, string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", "", err
	}
	a, notice, err := cleanArea(in)
	if err != nil {
		return "", "", err
	}
	if tables < 0 || tables > model.MaxTablesPerArea {
		return "", "", fmt.Errorf("not saved: tables must be from 0 to %d, not %d", model.MaxTablesPerArea, tables)
	}
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return "", "", fmt.Errorf("area not added: %w", err)
	}
	if err := codeTaken(snap, a.Code, ""); err != nil {
		return "", "", err
	}
	now := e.Now()
	a.ID, a.EventID, a.Stamp = model.NewID(), eventID, model.NewStamp(now)
	for _, o := range append(snap.Areas, snap.RemovedAreas...) {
		a.Position = max(a.Position, o.Position+1)
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if err := tx.InsertArea(a); err != nil {
			return err
		}
		for i := 0; i < tables; i++ {
			if err := tx.InsertGroup(e.newGroup(snap, a.ID, i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", "", fmt.Errorf("area not added: %w", err)
	}
	return a.ID, notice, nil
}

// EditArea changes an area's code, name and places.
func (e *Engine) EditArea(ctx context.Context, actor string, areaID model.ID, in AreaInput) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	a, notice, err := cleanArea(in)
	if err != nil {
		return "", err
	}
	return notice, e.changeArea(ctx, actor, areaID, func(snap Snapshot, old *model.Area) error {
		if err := codeTaken(snap, a.Code, old.ID); err != nil {
			return err
		}
		old.Code, old.Name, old.Places = a.Code, a.Name, a.Places
		return nil
	})
}

// RemoveArea removes an area and its tables from the event's set-up. Its
// records and everything captured at its tables stay in the file, and
// RestoreArea brings them back.
func (e *Engine) RemoveArea(ctx context.Context, actor string, areaID model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	return e.changeArea(ctx, actor, areaID, func(snap Snapshot, a *model.Area) error {
		if !a.RemovedAt.IsZero() {
			return errors.New("the area is already removed")
		}
		if len(snap.Areas) == 1 {
			return errors.New("an event needs at least one area; add another before removing this one")
		}
		a.RemovedAt = e.Now()
		return nil
	})
}

// RestoreArea brings back a removed area with its tables and their notes.
func (e *Engine) RestoreArea(ctx context.Context, actor string, areaID model.ID) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	return e.changeArea(ctx, actor, areaID, func(_ Snapshot, a *model.Area) error {
		a.RemovedAt = time.Time{}
		return nil
	})
}

func (e *Engine) changeArea(ctx context.Context, actor string, areaID model.ID, change func(Snapshot, *model.Area) error) error {
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		a, err := tx.Area(areaID)
		if err != nil {
			return err
		}
		snap, err := e.store.Snapshot(ctx, a.EventID)
		if err != nil {
			return err
		}
		if err := change(snap, &a); err != nil {
			return err
		}
		a.UpdatedAt = e.Now()
		return tx.UpdateArea(a)
	})
	if err != nil {
		return fmt.Errorf("area not changed: %w", err)
	}
	return nil
}

// newGroup is the i-th new table for an area, numbered after every table
// the event has (removed ones included, so a number is never reused).
func (e *Engine) newGroup(snap Snapshot, areaID model.ID, i int) model.Group {
	n := 0
	for _, g := range append(snap.Groups, snap.RemovedGroups...) {
		if k, err := strconv.Atoi(strings.TrimPrefix(g.Name, "Table ")); err == nil {
			n = max(n, k)
		}
	}
	n = max(n, len(snap.Groups)+len(snap.RemovedGroups))
	first := ""
	if len(snap.Event.Stages) > 0 {
		first = snap.Event.Stages[0].Key
	}
	return model.Group{ID: model.NewID(), EventID: snap.Event.ID, AreaID: areaID, Name: fmt.Sprintf("Table %d", n+1+i),
		Participants: 8, StageKey: first, Stamp: model.NewStamp(e.Now())}
}

// AddTable adds a table to an area and returns it.
func (e *Engine) AddTable(ctx context.Context, actor string, areaID model.ID) (model.Group, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return model.Group{}, err
	}
	var g model.Group
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		a, err := tx.Area(areaID)
		if err != nil {
			return err
		}
		if !a.RemovedAt.IsZero() {
			return errors.New("the area is removed; restore it first")
		}
		snap, err := e.store.Snapshot(ctx, a.EventID)
		if err != nil {
			return err
		}
		if HoldingsOf(snap, func(g model.Group) bool { return g.AreaID == areaID }).Tables >= model.MaxTablesPerArea {
			return fmt.Errorf("an area can have at most %d tables", model.MaxTablesPerArea)
		}
		g = e.newGroup(snap, areaID, 0)
		return tx.InsertGroup(g)
	})
	if err != nil {
		return g, fmt.Errorf("table not added: %w", err)
	}
	return g, nil
}

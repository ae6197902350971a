package sessions

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"forum/model"
	"forum/storage"
)

// ErrPackExists is returned when a pack would overwrite a file.
var ErrPackExists = errors.New("the file exists")

// Pack writes a table's pack: a new forum database at path holding the
// whole event, which may change only the given tables (not the event's
// set-up, not the other tables). The laptop that opens it works at its
// tables; its file comes back to the organiser for forum merge.
func (e *Engine) Pack(ctx context.Context, eventID model.ID, tables []model.ID, path string) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	if len(tables) == 0 {
		return errors.New("name at least one table for the pack")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w; choose another name, or move it away", path, ErrPackExists)
	}
	snap, err := e.store.SnapshotAll(ctx, eventID)
	if err != nil {
		return fmt.Errorf("reading the event to pack: %w", err)
	}
	known := map[model.ID]bool{}
	for _, g := range snap.Groups {
		known[g.ID] = true
	}
	for _, t := range tables {
		if !known[t] {
			return fmt.Errorf("the event has no table %s", t.Short())
		}
	}
	dst, err := storage.Open(ctx, path, storage.Options{})
	if err != nil {
		return err
	}
	err = dst.Update(ctx, "pack", func(tx *storage.Tx) error {
		tx.Raw()
		if err := insertSnapshot(tx, snap); err != nil {
			return err
		}
		if err := tx.SetScope(storage.Scope{Event: eventID, Tables: tables}); err != nil {
			return err
		}
		return tx.Note("pack", "event", eventID, jsonText(map[string]any{"tables": tables}))
	})
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		return fmt.Errorf("pack not written: %w", err)
	}
	return nil
}

// PackSeat is the seat a table's pack opens as (its facilitator, at its
// tables), or nil for an organiser's database.
func (e *Engine) PackSeat(ctx context.Context) (*Seat, error) {
	sc, err := e.store.Scope(ctx)
	if err != nil || !sc.Packed() {
		return nil, err
	}
	s := NewSeat(RoleFacilitator, sc.Event, sc.Tables[0])
	s.Tables, s.Pack = sc.Tables, true
	return s, nil
}

// restrictTo keeps, of a pack's snapshot, only what the pack may change:
// its tables' records; the rest is taken from base (the receiving side).
func restrictTo(src Snapshot, base Snapshot, tables []model.ID) Snapshot {
	in := map[model.ID]bool{}
	for _, t := range tables {
		in[t] = true
	}
	out := src
	out.Event, out.Areas, out.Links = base.Event, base.Areas, base.Links
	out.Groups = keep(src.Groups, func(g model.Group) bool { return in[g.ID] })
	out.Contributions = keep(src.Contributions, func(c model.Contribution) bool { return in[c.GroupID] })
	out.Votes = keep(src.Votes, func(v model.Vote) bool { return in[v.GroupID] })
	out.NextSteps = keep(src.NextSteps, func(n model.NextStep) bool { return in[n.GroupID] })
	out.KeyMessages = keep(src.KeyMessages, func(k model.KeyMessage) bool { return in[k.GroupID] })
	out.Ratings = keep(src.Ratings, func(r model.Rating) bool { return in[r.GroupID] })
	out.Themes = keep(src.Themes, func(t model.Theme) bool { return in[t.GroupID] })
	out.Rounds = keep(src.Rounds, func(r model.VoteRound) bool { return in[r.GroupID] })
	notes := map[model.ID]bool{}
	for _, c := range out.Contributions {
		notes[c.ID] = true
	}
	out.Revisions = keep(src.Revisions, func(c model.Contribution) bool { return notes[c.ID] })
	out.History = nil
	return out
}

func keep[T any](xs []T, ok func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

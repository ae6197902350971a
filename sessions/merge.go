package sessions

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"forum/model"
	"forum/storage"
)

// MergeSource is one laptop's copy of an event, read for a merge.
type MergeSource struct {
	Name string
	Snap Snapshot
	// Tables, for a table's pack, are the tables it may change: the
	// merge takes nothing else from it.
	Tables []model.ID
}

// MergeReport says what a merge did: per source, per table, what it
// added, changed and left alone, every conflict and every ballot it did
// not count. Changed is false when nothing was written.
type MergeReport struct {
	Lines   []string
	Changed bool
}

// ErrOtherEvent is returned for a merge file of another event.
var ErrOtherEvent = errors.New("the file holds another event")

// ReadMergeSource reads a JSON export or a forum database file (through a
// migrated copy: the file itself is never changed) holding eventID.
func ReadMergeSource(ctx context.Context, path string, eventID model.ID) (MergeSource, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return MergeSource{}, fmt.Errorf("%s: %w", path, err)
	}
	if bytes.HasPrefix(data, []byte("SQLite format 3\x00")) {
		store, done, err := storage.OpenCopy(ctx, path)
		if err != nil {
			return MergeSource{}, err
		}
		defer done()
		sc, err := store.Scope(ctx)
		if err != nil {
			return MergeSource{}, fmt.Errorf("%s: %w", path, err)
		}
		snap, err := store.SnapshotAll(ctx, eventID)
		if errors.Is(err, storage.ErrNotFound) {
			return MergeSource{}, fmt.Errorf("%s: %w: it does not hold this database's event (id %s); merge only files of the same event", path, ErrOtherEvent, eventID)
		}
		if err != nil {
			return MergeSource{}, fmt.Errorf("%s: %w", path, err)
		}
		return MergeSource{Name: path, Snap: snap, Tables: sc.Tables}, nil
	}
	x, err := ParseExchange(data)
	if err != nil {
		return MergeSource{}, fmt.Errorf("%s: %w", path, err)
	}
	if x.Event.ID != eventID {
		return MergeSource{}, fmt.Errorf("%s: %w (%q, id %s), not this database's (id %s); merge only files of the same event, or import it with forum import",
			path, ErrOtherEvent, x.Event.Title, x.Event.ID, eventID)
	}
	return MergeSource{Name: path, Snap: snapshotOf(x)}, nil
}

// Merge brings the sources' records of an event into this database, in
// one transaction, by the rule in merge_rule.go. Nothing is written when
// nothing changed, or when any source or the merged event fails a check.
func (e *Engine) Merge(ctx context.Context, actor string, eventID model.ID, sources []MergeSource) (MergeReport, error) {
	if err := allowMerge(ctx, sources); err != nil {
		return MergeReport{}, err
	}
	for _, src := range sources {
		if src.Snap.Event.ID != eventID {
			return MergeReport{}, fmt.Errorf("%s: %w", src.Name, ErrOtherEvent)
		}
	}
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = s.Name
	}
	var rep MergeReport
	// The event is read inside the write transaction: a note saved by a
	// seat while the merge runs is either in what it reads or waits for it.
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		rep = MergeReport{}
		local, err := tx.SnapshotAll(eventID)
		if err != nil {
			return fmt.Errorf("reading this database's event: %w", err)
		}
		merged, dirty := local, false
		for _, src := range sources {
			l := &mergeLog{counts: map[model.ID]*tally{}, names: map[model.ID]string{}}
			in := src.Snap
			if len(src.Tables) > 0 {
				in = restrictTo(in, merged, src.Tables)
			}
			merged = mergeSnapshots(l, merged, in)
			dirty = dirty || l.dirty
			rep.Lines = append(rep.Lines, l.lines(src.Name, merged)...)
		}
		if err := checkExchange(exchangeOf(merged)); err != nil {
			return fmt.Errorf("the merged event would not be valid (%w)", err)
		}
		if !dirty {
			rep.Lines = append(rep.Lines, "Nothing changed: this database already held everything.")
			return nil
		}
		tx.Raw()
		if err := tx.ClearEvent(eventID); err != nil {
			return err
		}
		if err := tx.UpdateEvent(merged.Event); err != nil {
			return err
		}
		if err := insertRecords(tx, merged); err != nil {
			return err
		}
		rep.Changed = true
		return tx.Note("merge", "event", eventID, jsonText(map[string]any{"files": names}))
	})
	if err != nil {
		return MergeReport{}, fmt.Errorf("merge: %w; nothing was merged", err)
	}
	return rep, nil
}

// lines prints one source's part of the report.
func (l *mergeLog) lines(name string, snap Snapshot) []string {
	out := []string{"From " + name + ":"}
	order := []model.ID{""}
	for _, g := range snap.Groups {
		order = append(order, g.ID)
	}
	for id := range l.counts {
		found := false
		for _, o := range order {
			found = found || o == id
		}
		if !found {
			order = append(order, id)
		}
	}
	for _, id := range order {
		t := l.counts[id]
		if t == nil {
			continue
		}
		out = append(out, fmt.Sprintf("  %s: %d added, %d changed, %d left alone", l.where(id), t.Added, t.Changed, t.Same))
	}
	sort.Strings(l.conflicts)
	for _, c := range l.conflicts {
		out = append(out, "  conflict: "+c)
	}
	for _, c := range l.notCounted {
		out = append(out, "  not counted: "+c)
	}
	if len(l.conflicts) == 0 && len(l.notCounted) == 0 {
		out = append(out, "  no conflicts")
	}
	return out
}

// jsonText is v as JSON text for an audit note.
func jsonText(v any) string {
	var b strings.Builder
	if err := jsonEncode(&b, v); err != nil {
		return "{}"
	}
	return strings.TrimSpace(b.String())
}

func jsonEncode(w *strings.Builder, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Write(b)
	return nil
}

// allowMerge lets the organiser merge anything, and a table's seat merge
// sources restricted to tables it works at.
func allowMerge(ctx context.Context, sources []MergeSource) error {
	if allow(ctx, needOrganise, "") == nil {
		return nil
	}
	for _, s := range sources {
		if len(s.Tables) == 0 {
			return allow(ctx, needOrganise, "")
		}
		for _, t := range s.Tables {
			if err := allow(ctx, needWrite, t); err != nil {
				return err
			}
		}
	}
	return nil
}

package sessions

import (
	"context"
	"fmt"
	"time"

	"forum/model"
)

// Version is one state a note has had: its wording, when it was written
// and by whom (the seat or actor recorded in the audit log).
type Version struct {
	Text    string
	Tags    []string
	Stage   string
	Deleted bool
	At      time.Time
	By      string
}

// NoteHistory lists every version of a note (current is the note as a
// table view shows it), oldest first, the current one last: each edit keeps
// the earlier wording, so none is ever lost.
func (e *Engine) NoteHistory(ctx context.Context, current model.Contribution) ([]Version, error) {
	id := current.ID
	revs, err := e.store.Revisions(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("history not read: %w", err)
	}
	audit, err := e.store.Audit(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("history not read: %w", err)
	}
	states := append(revs, current)
	out := make([]Version, 0, len(states))
	for i, s := range states {
		v := Version{Text: s.Text, Tags: s.Tags, Stage: s.StageKey, Deleted: s.Deleted(), At: s.UpdatedAt}
		// The audit log has one row per write of the note: the i-th wrote
		// the i-th state.
		if i < len(audit) {
			v.By = audit[i].Actor
			if v.At.IsZero() {
				v.At = audit[i].At
			}
		}
		out = append(out, v)
	}
	return out, nil
}

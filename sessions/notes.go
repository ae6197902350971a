package sessions

import (
	"context"
	"fmt"
	"strings"

	"forum/model"
	"forum/storage"
)

// Capture stores a new note at the table's current stage. The note is saved
// when Capture returns without error; Notice says if the text was cleaned.
func (e *Engine) Capture(ctx context.Context, actor string, groupID model.ID, text string, tags []string, author string) (Saved[model.Contribution], error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return Saved[model.Contribution]{}, err
	}
	c, err := clean(text, model.NoteRule)
	if err != nil {
		return Saved[model.Contribution]{}, err
	}
	a, _ := model.Clean(author, model.NameRule)
	note := model.Contribution{ID: model.NewID(), GroupID: groupID, Text: c.Text,
		Tags: model.NormalizeTags(tags), Author: a.Text, Stamp: model.NewStamp(e.Now())}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, err := liveGroup(tx, groupID)
		if err != nil {
			return err
		}
		if g.Locked(g.StageKey) {
			return fmt.Errorf("the stage is locked, so nothing more is captured in it; the facilitator can unlock it")
		}
		note.StageKey = g.StageKey
		return tx.InsertContribution(note)
	})
	if err != nil {
		return Saved[model.Contribution]{}, fmt.Errorf("note not saved: %w", err)
	}
	return Saved[model.Contribution]{Record: note, Notice: notices(c, a)}, nil
}

// EditNote replaces a note's text; the earlier text is kept as a revision.
// The Saved's Undo puts the earlier text back.
func (e *Engine) EditNote(ctx context.Context, actor string, id model.ID, text string) (Saved[model.Contribution], error) {
	c, err := clean(text, model.NoteRule)
	if err != nil {
		return Saved[model.Contribution]{}, err
	}
	var note, before model.Contribution
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		n, err := tx.Contribution(id)
		before = n
		if err != nil {
			return err
		}
		if err := allow(ctx, needWrite, n.GroupID); err != nil {
			return err
		}
		if n.Deleted() {
			return fmt.Errorf("the note was deleted; restore it first")
		}
		n.Text, n.UpdatedAt = c.Text, e.Now()
		note = n
		return tx.UpdateContribution(n)
	})
	if err != nil {
		return Saved[model.Contribution]{}, fmt.Errorf("edit not saved: %w", err)
	}
	return Saved[model.Contribution]{Record: note, Notice: c.Notice(), Undo: noteUndo("the edit", before)}, nil
}

// TagNote replaces a note's tags; the Undo puts the earlier tags back.
func (e *Engine) TagNote(ctx context.Context, actor string, id model.ID, tags []string) (Undo, error) {
	return e.changeNote(ctx, actor, id, "the tags", func(n *model.Contribution) error {
		n.Tags = model.NormalizeTags(tags)
		return nil
	})
}

// DeleteNote marks a note deleted. Nothing is erased: the Undo (or
// RestoreNote) brings it back.
func (e *Engine) DeleteNote(ctx context.Context, actor string, id model.ID) (Undo, error) {
	return e.changeNote(ctx, actor, id, "the delete", func(n *model.Contribution) error {
		if n.Deleted() {
			return fmt.Errorf("the note is already deleted")
		}
		n.DeletedAt = e.Now()
		return nil
	})
}

// RestoreNote brings back a deleted note.
func (e *Engine) RestoreNote(ctx context.Context, actor string, id model.ID) error {
	_, err := e.changeNote(ctx, actor, id, "the restore", func(n *model.Contribution) error {
		n.DeletedAt = model.Contribution{}.DeletedAt
		return nil
	})
	return err
}

// changeNote changes one note and returns the Undo (labelled label) that
// puts it back.
func (e *Engine) changeNote(ctx context.Context, actor string, id model.ID, label string, change func(*model.Contribution) error) (Undo, error) {
	var before model.Contribution
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		n, err := tx.Contribution(id)
		if err != nil {
			return err
		}
		before = n
		if err := allow(ctx, needWrite, n.GroupID); err != nil {
			return err
		}
		if err := change(&n); err != nil {
			return err
		}
		n.UpdatedAt = e.Now()
		return tx.UpdateContribution(n)
	})
	if err != nil {
		return Undo{}, fmt.Errorf("note not changed: %w", err)
	}
	return noteUndo(label, before), nil
}

// MoveNote moves a note to another stage of its table (its text, tags and
// history stay); the Undo moves it back.
func (e *Engine) MoveNote(ctx context.Context, actor string, id model.ID, stageKey string) (Undo, error) {
	var before model.Contribution
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		n, err := tx.Contribution(id)
		if err != nil {
			return err
		}
		before = n
		if err := allow(ctx, needWrite, n.GroupID); err != nil {
			return err
		}
		_, ev, err := tableEvent(tx, n.GroupID)
		if err != nil {
			return err
		}
		if model.StageIndex(ev.Stages, stageKey) < 0 {
			return fmt.Errorf("the event has no stage %q", stageKey)
		}
		if n.Deleted() {
			return fmt.Errorf("the note was deleted; restore it first")
		}
		n.StageKey, n.UpdatedAt = stageKey, e.Now()
		return tx.UpdateContribution(n)
	})
	if err != nil {
		return Undo{}, fmt.Errorf("note not moved: %w", err)
	}
	return noteUndo("the move", before), nil
}

// SetAuthor records who said a note: a role or initials, never required
// (empty clears it).
func (e *Engine) SetAuthor(ctx context.Context, actor string, id model.ID, author string) (string, error) {
	c, err := clean(author, model.TextRule{Field: "who said it", Max: 40})
	if err != nil {
		return "", err
	}
	_, err = e.changeNote(ctx, actor, id, "who said it", func(n *model.Contribution) error {
		n.Author = c.Text
		return nil
	})
	return c.Notice(), err
}

// CaptureLines saves each non-empty line of a paste as its own note, in
// order, and returns how many were saved (all or, on an error, those
// before it).
func (e *Engine) CaptureLines(ctx context.Context, actor string, groupID model.ID, text string) (int, error) {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if _, err := e.Capture(ctx, actor, groupID, line, nil, ""); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

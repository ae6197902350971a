package sessions

import (
	"context"
	"fmt"

	"forum/model"
	"forum/storage"
)

// ThemeView is a theme with its live notes.
type ThemeView struct {
	Theme model.Theme
	Notes []model.Contribution
}

// themeRule is the rule for a theme's name.
var themeRule = model.TextRule{Field: "theme name", Max: 120, Required: true}

// GroupNotes gathers notes of one table into a new theme called name (a
// note already in another theme moves to the new one). It returns the
// theme's id, and the Undo that puts the notes back where they were.
func (e *Engine) GroupNotes(ctx context.Context, actor string, groupID model.ID, notes []model.ID, name string) (model.ID, string, Undo, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return "", "", Undo{}, err
	}
	c, err := clean(name, themeRule)
	if err != nil {
		return "", "", Undo{}, err
	}
	if len(notes) == 0 {
		return "", "", Undo{}, fmt.Errorf("not grouped: choose the notes first (space marks them)")
	}
	undo := Undo{Label: "the grouping", Table: groupID}
	th := model.Theme{ID: model.NewID(), GroupID: groupID, Name: c.Text, Stamp: model.NewStamp(e.Now())}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if _, err := liveGroup(tx, groupID); err != nil {
			return err
		}
		for i, id := range notes {
			n, err := tx.Contribution(id)
			if err != nil {
				return err
			}
			if n.GroupID != groupID || n.Deleted() {
				return fmt.Errorf("a chosen note is not a live note of this table")
			}
			undo.notes = append(undo.notes, n)
			if i == 0 {
				th.StageKey = n.StageKey
				if err := tx.PutTheme(th); err != nil {
					return err
				}
			}
			n.ThemeID, n.UpdatedAt = th.ID, e.Now()
			if err := tx.UpdateContribution(n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", "", Undo{}, fmt.Errorf("notes not grouped: %w", err)
	}
	return th.ID, c.Notice(), undo, nil
}

// RenameTheme renames a theme; the Undo puts the earlier name back.
func (e *Engine) RenameTheme(ctx context.Context, actor string, themeID model.ID, name string) (string, Undo, error) {
	c, err := clean(name, themeRule)
	if err != nil {
		return "", Undo{}, err
	}
	u, err := e.changeTheme(ctx, actor, themeID, "the rename", func(tx *storage.Tx, th *model.Theme) error {
		th.Name = c.Text
		return nil
	})
	return c.Notice(), u, err
}

// Ungroup dissolves a theme: its notes stand alone again; the theme is kept
// in the history, marked deleted. The Undo regroups them.
func (e *Engine) Ungroup(ctx context.Context, actor string, themeID model.ID) (Undo, error) {
	var was []model.Contribution
	u, err := e.changeTheme(ctx, actor, themeID, "the ungrouping", func(tx *storage.Tx, th *model.Theme) error {
		notes, err := tx.Contributions(th.GroupID)
		if err != nil {
			return err
		}
		for _, n := range notes {
			if n.ThemeID == th.ID {
				was = append(was, n)
				n.ThemeID, n.UpdatedAt = "", e.Now()
				if err := tx.UpdateContribution(n); err != nil {
					return err
				}
			}
		}
		th.DeletedAt = e.Now()
		return nil
	})
	u.notes = was
	return u, err
}

// TakeOut takes notes out of their themes (to split a theme: take some
// out, then group them under a new name).
func (e *Engine) TakeOut(ctx context.Context, actor string, notes []model.ID) (Undo, error) {
	var undo Undo
	for _, id := range notes {
		u, err := e.changeNote(ctx, actor, id, "taking out of the theme", func(n *model.Contribution) error {
			n.ThemeID = ""
			return nil
		})
		if err != nil {
			return undo, err
		}
		undo.Label, undo.Table = u.Label, u.Table
		undo.notes = append(undo.notes, u.notes...)
	}
	return undo, nil
}

// changeTheme changes one theme and returns the Undo (labelled label)
// that puts it back.
func (e *Engine) changeTheme(ctx context.Context, actor string, themeID model.ID, label string, change func(*storage.Tx, *model.Theme) error) (Undo, error) {
	var before model.Theme
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		th, err := tx.Theme(themeID)
		if err != nil {
			return err
		}
		before = th
		if err := allow(ctx, needWrite, th.GroupID); err != nil {
			return err
		}
		if !th.DeletedAt.IsZero() {
			return fmt.Errorf("the theme was ungrouped")
		}
		if err := change(tx, &th); err != nil {
			return err
		}
		th.UpdatedAt = e.Now()
		return tx.PutTheme(th)
	})
	if err != nil {
		return Undo{}, fmt.Errorf("theme not changed: %w", err)
	}
	return Undo{Label: label, Table: before.GroupID, themes: []model.Theme{before}}, nil
}

// themesOf lists a table's live themes that hold live notes, in creation
// order, each with its notes.
func themesOf(snap Snapshot, groupID model.ID, notes []model.Contribution) []ThemeView {
	var out []ThemeView
	at := map[model.ID]int{}
	for _, th := range snap.Themes {
		if th.GroupID == groupID && th.DeletedAt.IsZero() {
			at[th.ID] = len(out)
			out = append(out, ThemeView{Theme: th})
		}
	}
	for _, n := range notes {
		if i, ok := at[n.ThemeID]; ok {
			out[i].Notes = append(out[i].Notes, n)
		}
	}
	kept := out[:0]
	for _, tv := range out {
		if len(tv.Notes) > 0 {
			kept = append(kept, tv)
		}
	}
	return kept
}

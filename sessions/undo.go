package sessions

import (
	"context"
	"errors"
	"fmt"
	"time"

	"forum/model"
	"forum/storage"
)

// ErrUndoVoted is returned for an undo that would change a note a closed
// vote round counted: a closed round is never changed behind its voters.
var ErrUndoVoted = errors.New("not undone: a closed vote round counted this note; reopen the vote for a new round to change it")

// Undo is the inverse of one change a seat made at a table: the operations
// that can be undone (EditNote, TagNote, DeleteNote, MoveNote, SetAuthor,
// MoveStage, TakeOut) return one, and Engine.Undo applies it. The seat keeps
// its own undos, newest last, for as long as it is open; another seat's
// change is undone by that seat.
type Undo struct {
	// Label says what is undone, for the status line ("the edit").
	Label string
	// Table is the table the change was made at.
	Table model.ID
	// notes are the notes as they were before the change.
	notes []model.Contribution
	// themes are the themes as they were (a rename, an ungrouping).
	themes []model.Theme
	// stage is the table's stage and clock as they were (a stage move).
	stage *stageClock
}

// stageClock is the part of a table a stage move changes.
type stageClock struct {
	key               string
	started, pausedAt time.Time
	pausedFor         time.Duration
	extraMinutes      int
}

func clockOf(g model.Group) *stageClock {
	return &stageClock{key: g.StageKey, started: g.StageStartedAt, pausedAt: g.PausedAt, pausedFor: g.PausedFor, extraMinutes: g.ExtraMinutes}
}

func (c *stageClock) apply(g *model.Group) {
	g.StageKey, g.StageStartedAt, g.PausedAt, g.PausedFor, g.ExtraMinutes = c.key, c.started, c.pausedAt, c.pausedFor, c.extraMinutes
}

// Empty reports whether u undoes nothing.
func (u Undo) Empty() bool { return len(u.notes) == 0 && len(u.themes) == 0 && u.stage == nil }

func noteUndo(label string, before ...model.Contribution) Undo {
	u := Undo{Label: label, notes: before}
	if len(before) > 0 {
		u.Table = before[0].GroupID
	}
	return u
}

// Undo puts back what u's change replaced, and returns the undo of the
// undo (so undoing twice is a redo). It never changes a vote round: an undo
// that would change a note a closed round counted is refused (ErrUndoVoted).
func (e *Engine) Undo(ctx context.Context, actor string, u Undo) (Undo, error) {
	if u.Empty() {
		return Undo{}, fmt.Errorf("nothing to undo")
	}
	if err := allow(ctx, needWrite, u.Table); err != nil {
		return Undo{}, err
	}
	redo := Undo{Label: u.Label, Table: u.Table}
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if u.stage != nil {
			g, err := liveGroup(tx, u.Table)
			if err != nil {
				return err
			}
			redo.stage = clockOf(g)
			from := g.StageKey
			u.stage.apply(&g)
			g.UpdatedAt = e.Now()
			if err := tx.UpdateGroup(g); err != nil {
				return err
			}
			if err := tx.Note("stage", "table", g.ID, fmt.Sprintf(`{"from":%q,"to":%q,"undo":true}`, from, g.StageKey)); err != nil {
				return err
			}
		}
		for _, was := range u.themes {
			now, err := tx.Theme(was.ID)
			if err != nil {
				return err
			}
			redo.themes = append(redo.themes, now)
			th := now
			th.Name, th.DeletedAt, th.UpdatedAt = was.Name, was.DeletedAt, e.Now()
			if err := tx.PutTheme(th); err != nil {
				return err
			}
		}
		if len(u.notes) == 0 {
			return nil
		}
		rounds, err := tx.Rounds(u.Table)
		if err != nil {
			return err
		}
		for _, was := range u.notes {
			now, err := tx.Contribution(was.ID)
			if err != nil {
				return err
			}
			if votedOn(rounds, was.StageKey) || votedOn(rounds, now.StageKey) {
				return ErrUndoVoted
			}
			redo.notes = append(redo.notes, now)
			n := now
			n.Text, n.Tags, n.StageKey, n.Author, n.ThemeID, n.DeletedAt = was.Text, was.Tags, was.StageKey, was.Author, was.ThemeID, was.DeletedAt
			n.UpdatedAt = e.Now()
			if err := tx.UpdateContribution(n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Undo{}, fmt.Errorf("not undone: %w", err)
	}
	return redo, nil
}

// votedOn reports whether a vote at the stage stands closed: its latest
// round (of any method) is closed, so its count is final.
func votedOn(rounds []model.VoteRound, stage string) bool {
	latest := map[string]model.VoteRound{}
	for _, r := range rounds {
		if r.StageKey == stage && r.Round >= latest[r.Method].Round {
			latest[r.Method] = r
		}
	}
	for _, r := range latest {
		if r.Status == model.RoundClosed {
			return true
		}
	}
	return false
}

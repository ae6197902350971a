package storage

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"forum/model"
)

// TableRows reads what is stored for one table, in one read transaction: a
// Snapshot with only Groups (the table itself, removed or not, always read)
// and, of the kinds in rows, the table's Contributions, Votes, NextSteps,
// KeyMessages, Ratings, Themes and Rounds, each in the order Snapshot gives
// them. Event, Areas and Links are left empty: they belong to the event.
// With notes given (see Changes.Notes), Contributions holds only those of
// them still stored, in the same order; merge them into the table's notes
// with MergeNotes.
func (s *Store) TableRows(ctx context.Context, groupID model.ID, rows Rows, notes []model.ID) (Snapshot, error) {
	tx, err := begin(ctx, s.r, s.rs, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Snapshot{}, mapErr(s.file, err)
	}
	defer tx.end()
	defer tx.Rollback()
	var snap Snapshot
	g, err := one(ctx, tx, scanGroup, "table", groupID, `SELECT `+groupCols+` FROM breakout_tables WHERE id = ?`)
	if err != nil {
		return snap, err
	}
	snap.Groups = []model.Group{g}
	id := string(groupID)
	if rows&RowsNotes != 0 {
		q, args := `SELECT `+noteCols+` FROM contributions WHERE table_id = ?`, []any{id}
		if notes != nil {
			q += ` AND id IN (` + strings.TrimSuffix(strings.Repeat("?,", len(notes)), ",") + `)`
			for _, n := range notes {
				args = append(args, string(n))
			}
		}
		if snap.Contributions, err = all(ctx, tx, scanNote, q+` ORDER BY created_at, id`, args...); err != nil {
			return snap, err
		}
	}
	if rows&RowsVotes != 0 {
		if snap.Votes, err = all(ctx, tx, scanVote, `SELECT `+voteCols+` FROM votes WHERE table_id = ? ORDER BY stage_key, voter, round_id, item_id, id`, id); err != nil {
			return snap, err
		}
	}
	if rows&RowsSteps != 0 {
		if snap.NextSteps, err = all(ctx, tx, scanStep, `SELECT `+stepCols+` FROM next_steps WHERE table_id = ? ORDER BY created_at, id`, id); err != nil {
			return snap, err
		}
	}
	if rows&RowsRounds != 0 {
		if snap.Rounds, err = all(ctx, tx, scanRound, `SELECT `+roundCols+` FROM vote_rounds WHERE table_id = ? ORDER BY stage_key, method, round`, id); err != nil {
			return snap, err
		}
	}
	if rows&RowsThemes != 0 {
		if snap.Themes, err = all(ctx, tx, scanTheme, `SELECT `+themeCols+` FROM themes WHERE table_id = ? ORDER BY created_at, id`, id); err != nil {
			return snap, err
		}
	}
	if rows&RowsRatings != 0 {
		if snap.Ratings, err = all(ctx, tx, scanRating, `SELECT `+ratingCols+` FROM maturity_ratings WHERE table_id = ? ORDER BY rater, dimension`, id); err != nil {
			return snap, err
		}
	}
	if rows&RowsMessages == 0 {
		return snap, nil
	}
	snap.KeyMessages, err = all(ctx, tx, scanMsg, `SELECT `+msgCols+` FROM key_messages WHERE event_id = ? AND table_id = ? ORDER BY position, id`, string(g.EventID), id)
	return snap, err
}

// MergeNotes is a table's notes (old, as TableRows read them) with fresh
// (notes re-read by ID) put in: a note already there is replaced where it
// stands, a new one goes where TableRows would have placed it (by its
// stored creation time, then ID). old is not changed.
func MergeNotes(old, fresh []model.Contribution) []model.Contribution {
	out := make([]model.Contribution, len(old), len(old)+len(fresh)) // room for the new ones
	copy(out, old)
	key := func(c model.Contribution) string { return ts(c.CreatedAt) + "\x00" + string(c.ID) }
	for _, c := range fresh {
		if i := slices.IndexFunc(out, func(o model.Contribution) bool { return o.ID == c.ID }); i >= 0 {
			out[i] = c
			continue
		}
		k := key(c)
		i, _ := slices.BinarySearchFunc(out, k, func(o model.Contribution, k string) int { return strings.Compare(key(o), k) })
		out = slices.Insert(out, i, c)
	}
	return out
}

package storage

import (
	"context"
	"database/sql"

	"forum/model"
)

// TableRows reads what is stored for one table, in one read transaction: a
// Snapshot with only Groups (the table itself, removed or not, always read)
// and, of the kinds in rows, the table's Contributions, Votes, NextSteps,
// KeyMessages, Ratings, Themes and Rounds, each in the order Snapshot gives
// them. Event, Areas and Links are left empty: they belong to the event.
func (s *Store) TableRows(ctx context.Context, groupID model.ID, rows Rows) (Snapshot, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Snapshot{}, mapErr(s.file, err)
	}
	defer tx.Rollback()
	var snap Snapshot
	g, err := one(ctx, tx, scanGroup, "table", groupID, `SELECT `+groupCols+` FROM breakout_tables WHERE id = ?`)
	if err != nil {
		return snap, err
	}
	snap.Groups = []model.Group{g}
	id := string(groupID)
	if rows&RowsNotes != 0 {
		if snap.Contributions, err = all(ctx, tx, scanNote, `SELECT `+noteCols+` FROM contributions WHERE table_id = ? ORDER BY created_at, id`, id); err != nil {
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

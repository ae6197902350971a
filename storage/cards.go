package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"forum/model"
)

const cardCols = `code, event_id, table_id, voter, voided_at, created_at`

func scanCard(s scanner) (model.Card, error) {
	var c model.Card
	var voided, created string
	err := s.Scan(&c.Code, &c.EventID, &c.GroupID, &c.Voter, &voided, &created)
	c.VoidedAt, c.CreatedAt = parseTS(voided), parseTS(created)
	return c, err
}

// InsertCards stores new participant cards. The audit log records how
// many, per table, never their codes.
func (tx *Tx) InsertCards(table model.ID, cards []model.Card) error {
	for _, c := range cards {
		if _, err := tx.exec(`INSERT INTO participant_cards(`+cardCols+`) VALUES (?,?,?,?,?,?)`,
			c.Code, string(c.EventID), string(c.GroupID), c.Voter, ts(c.VoidedAt), ts(c.CreatedAt)); err != nil {
			return err
		}
	}
	return tx.audit("cards", "table", table, fmt.Sprintf(`{"issued":%d}`, len(cards)))
}

// VoidCard marks a card void and takes its voter's ballots out of every
// open round of its table (closed rounds never change). The audit log
// records that a card of the table was voided, not which.
func (tx *Tx) VoidCard(c model.Card, at time.Time) error {
	if _, err := tx.exec(`UPDATE participant_cards SET voided_at=? WHERE code=?`, ts(at), c.Code); err != nil {
		return err
	}
	if _, err := tx.exec(`DELETE FROM votes WHERE table_id=? AND voter=? AND round_id=''`, string(c.GroupID), c.Voter); err != nil {
		return err
	}
	tx.touchTable(c.GroupID, RowsVotes)
	return tx.audit("void-card", "table", c.GroupID, "{}")
}

// TableCards reads a table's cards inside the transaction.
func (tx *Tx) TableCards(table model.ID) ([]model.Card, error) {
	return all(tx.ctx, tx.tx, scanCard, `SELECT `+cardCols+` FROM participant_cards WHERE table_id=? ORDER BY code`, string(table))
}

// Cards lists an event's participant cards, by table and code.
func (s *Store) Cards(ctx context.Context, event model.ID) ([]model.Card, error) {
	return all(ctx, s.r, scanCard, `SELECT `+cardCols+` FROM participant_cards WHERE event_id=? ORDER BY table_id, code`, string(event))
}

// Card reads one card by its code, or ErrNotFound.
func (s *Store) Card(ctx context.Context, code string) (model.Card, error) {
	c, err := scanCard(s.r.QueryRowContext(ctx, `SELECT `+cardCols+` FROM participant_cards WHERE code=?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("no such card: %w", ErrNotFound)
	}
	return c, mapErr(s.file, err)
}

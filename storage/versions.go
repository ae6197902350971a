package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"forum/model"
)

// Origin is this database's own name in version vectors, made when the
// schema that holds it was first applied; a pack gets a new one.
func (t *txImpl) origin() (string, error) {
	if t.origin_ != "" {
		return t.origin_, nil
	}
	err := t.tx.QueryRowContext(t.ctx, `SELECT origin FROM replica LIMIT 1`).Scan(&t.origin_)
	if err != nil {
		return "", fmt.Errorf("reading the database's origin: %w", err)
	}
	return t.origin_, nil
}

// fresh is the version and clock of a new record: as given in raw mode,
// otherwise the first change, made here.
func (t *txImpl) fresh(s model.Stamp) (int64, string, error) {
	if t.raw {
		return max(s.Version, 1), string(s.Vector), nil
	}
	o, err := t.origin()
	if err != nil {
		return 0, "", err
	}
	return 1, string(model.Vector("").Bump(o)), nil
}

// next is the version and clock of a change to the stored row that q
// selects (version, clock): as given in raw mode, otherwise one more than
// the stored one, made here. A row that is not there is a new record.
func (t *txImpl) next(s model.Stamp, q string, args ...any) (int64, string, error) {
	if t.raw {
		return max(s.Version, 1), string(s.Vector), nil
	}
	var v sql.NullInt64
	var c sql.NullString
	err := t.tx.QueryRowContext(t.ctx, q, args...).Scan(&v, &c)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !v.Valid) {
		return t.fresh(s)
	}
	if err != nil {
		return 0, "", err
	}
	o, err := t.origin()
	if err != nil {
		return 0, "", err
	}
	return v.Int64 + 1, string(model.Vector(c.String).Bump(o)), nil
}

// nextByID is next for a table's row with that id.
func (t *txImpl) nextByID(table string, s model.Stamp, id model.ID) (int64, string, error) {
	return t.next(s, `SELECT version, clock FROM `+table+` WHERE id = ?`, string(id))
}

// Raw makes the rest of the transaction store records exactly as given,
// versions and clocks included, with one audit entry for the whole (an
// import or a merge writes its own with Note).
func (tx *Tx) Raw() { tx.raw = true }

// Origin is this database's name in the version vectors.
func (tx *Tx) Origin() (string, error) { return tx.origin() }

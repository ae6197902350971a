package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"forum/model"
)

// SeatKey is a public key listed for an event, with the role (and, for
// table roles, the table) it joins as.
type SeatKey struct {
	Event     model.ID
	PublicKey string // authorized_keys form: "ssh-ed25519 AAAA…"
	Role      string
	Table     model.ID
	Comment   string
}

// SetPasscode stores the salted hash of an event's passcode for a role,
// replacing any earlier one. The audit log records that it changed, never
// the passcode.
func (tx *Tx) SetPasscode(event model.ID, role string, salt, hash []byte) error {
	if _, err := tx.exec(`INSERT INTO seat_passcodes(event_id, role, salt, hash, created_at) VALUES (?,?,?,?,?)
		ON CONFLICT(event_id, role) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, created_at = excluded.created_at`,
		string(event), role, salt, hash, ts(time.Now())); err != nil {
		return err
	}
	return tx.audit("passcode", "event", event, fmt.Sprintf(`{"role":%q}`, role))
}

// AddSeatKey lists a public key for an event.
func (tx *Tx) AddSeatKey(k SeatKey) error {
	if _, err := tx.exec(`INSERT INTO seat_keys(event_id, public_key, role, table_id, comment, created_at) VALUES (?,?,?,?,?,?)
		ON CONFLICT(event_id, public_key) DO UPDATE SET role = excluded.role, table_id = excluded.table_id, comment = excluded.comment`,
		string(k.Event), k.PublicKey, k.Role, string(k.Table), k.Comment, ts(time.Now())); err != nil {
		return err
	}
	return tx.audit("seat-key", "event", k.Event, fmt.Sprintf(`{"role":%q,"table":%q,"comment":%q}`, k.Role, k.Table, k.Comment))
}

// Passcode reads the salt and hash of an event's passcode for a role, or
// ErrNotFound when none was set.
func (s *Store) Passcode(ctx context.Context, event model.ID, role string) (salt, hash []byte, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT salt, hash FROM seat_passcodes WHERE event_id = ? AND role = ?`, string(event), role).Scan(&salt, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("no %s passcode for this event: %w", role, ErrNotFound)
	}
	return salt, hash, mapErr(s.file, err)
}

// SeatKeys lists the public keys listed for an event.
func (s *Store) SeatKeys(ctx context.Context, event model.ID) ([]SeatKey, error) {
	return all(ctx, s.r, func(r scanner) (SeatKey, error) {
		var k SeatKey
		err := r.Scan(&k.Event, &k.PublicKey, &k.Role, &k.Table, &k.Comment)
		return k, err
	}, `SELECT event_id, public_key, role, table_id, comment FROM seat_keys WHERE event_id = ? ORDER BY created_at, public_key`, string(event))
}

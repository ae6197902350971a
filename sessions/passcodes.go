package sessions

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
	gossh "golang.org/x/crypto/ssh"

	"forum/model"
	"forum/storage"
)

// passcodeAlphabet leaves out letters and digits that are easy to confuse
// when read aloud or off a projector (0/o, 1/l/i).
const passcodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// NewPasscode is a random passcode, "k7dp-3mxq-9tfa": 12 characters from 31
// (about 59 bits), in groups of four to read out.
func NewPasscode() string {
	b := make([]byte, 12)
	rand.Read(b) // never fails (crypto/rand)
	var s strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			s.WriteByte('-')
		}
		s.WriteByte(passcodeAlphabet[int(c)%len(passcodeAlphabet)])
	}
	return s.String()
}

// hashPasscode is argon2id with the OWASP minimum settings (19 MiB, two
// passes): slow enough to make a stolen hash expensive to guess, fast
// enough for a login.
func hashPasscode(pass string, salt []byte) []byte {
	return argon2.IDKey([]byte(normalisePasscode(pass)), salt, 2, 19*1024, 1, 32)
}

// normalisePasscode forgives case, spaces and dashes typed by a person.
func normalisePasscode(p string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(p)))
}

// SetPasscode makes a new passcode for an event's role, stores only its
// salted hash, and returns it (the one time it can be shown).
func (e *Engine) SetPasscode(ctx context.Context, actor string, event model.ID, role Role) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	pass := NewPasscode()
	salt := make([]byte, 16)
	rand.Read(salt)
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if _, err := tx.Event(event); err != nil {
			return err
		}
		return tx.SetPasscode(event, string(role), salt, hashPasscode(pass, salt))
	})
	if err != nil {
		return "", fmt.Errorf("passcode not set: %w", err)
	}
	return pass, nil
}

// CheckPasscode reports whether pass is the event's passcode for role,
// comparing hashes in constant time.
func (e *Engine) CheckPasscode(ctx context.Context, event model.ID, role Role, pass string) bool {
	salt, hash, err := e.store.Passcode(ctx, event, string(role))
	if err != nil {
		hashPasscode(pass, make([]byte, 16)) // the same work whether or not the role has a passcode
		return false
	}
	return subtle.ConstantTimeCompare(hashPasscode(pass, salt), hash) == 1
}

// HasPasscode reports whether a role has a passcode for the event.
func (e *Engine) HasPasscode(ctx context.Context, event model.ID, role Role) bool {
	_, _, err := e.store.Passcode(ctx, event, string(role))
	return err == nil
}

// AddSeatKey lists a public key (one line of an authorized_keys file) for
// an event: whoever holds its private key joins as role, at table for the
// table roles.
func (e *Engine) AddSeatKey(ctx context.Context, actor string, event model.ID, role Role, table model.ID, line string) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	pub, comment, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return "", fmt.Errorf("not a public key (expected one line such as \"ssh-ed25519 AAAA… name\"): %w", err)
	}
	if role.AtTable() && table == "" {
		return "", fmt.Errorf("a %s key needs its table (--table)", role)
	}
	key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub)))
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if table != "" {
			g, err := liveGroup(tx, table)
			if err != nil {
				return err
			}
			if g.EventID != event {
				return errors.New("the table is not in this event")
			}
		}
		return tx.AddSeatKey(storage.SeatKey{Event: event, PublicKey: key, Role: string(role), Table: table, Comment: model.Safe(comment, false)})
	})
	if err != nil {
		return "", fmt.Errorf("key not added: %w", err)
	}
	return gossh.FingerprintSHA256(pub), nil
}

// SeatForKey finds the seat a public key joins as, or nil.
func (e *Engine) SeatForKey(ctx context.Context, event model.ID, key gossh.PublicKey) *Seat {
	keys, err := e.store.SeatKeys(ctx, event)
	if err != nil {
		return nil
	}
	want := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key)))
	for _, k := range keys {
		if subtle.ConstantTimeCompare([]byte(k.PublicKey), []byte(want)) == 1 {
			return NewSeat(Role(k.Role), event, k.Table)
		}
	}
	return nil
}

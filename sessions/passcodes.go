package sessions

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"sync"

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
// At most hashSlots hashes run at once: each takes 19 MiB, and forty seats
// signing in together would otherwise need 760 MB for a moment (the
// process keeps that memory long after).
func hashPasscode(pass string, salt []byte) []byte {
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(normalisePasscode(pass)), salt, 2, 19*1024, 1, 32)
}

var hashSlots = make(chan struct{}, 2)

// verified remembers passcodes already checked against a stored hash, by
// a SHA-256 of salt, hash and passcode, so a room of seats sharing one
// passcode pays for one argon2 hash, not one each. Only successes are
// kept: a wrong guess always costs the full hash.
type verified struct {
	mu   sync.Mutex
	seen map[[32]byte]bool
}

func (v *verified) key(salt, hash []byte, pass string) [32]byte {
	h := sha256.New()
	h.Write(salt)
	h.Write(hash)
	h.Write([]byte(normalisePasscode(pass)))
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func (v *verified) has(k [32]byte) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.seen[k]
}

func (v *verified) add(k [32]byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen == nil || len(v.seen) > 256 {
		v.seen = map[[32]byte]bool{}
	}
	v.seen[k] = true
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
	k := e.passes.key(salt, hash, pass)
	if e.passes.has(k) {
		return true
	}
	ok := subtle.ConstantTimeCompare(hashPasscode(pass, salt), hash) == 1
	if ok {
		e.passes.add(k)
	}
	return ok
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

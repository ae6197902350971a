package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// The audit log is a hash chain, one per database file: each entry's hash
// covers its own fields and the hash of the entry before it, so editing or
// removing an entry breaks every link after it. Entries written before the
// chain existed are sealed by the first link: its prev is a digest of all
// of them.

// rawEntry is an audit row as stored, the time as its text.
type rawEntry struct {
	seq                                   int64
	at, actor, action, entity, id, detail string
	prev, hash                            string
}

// entryHash is the hex SHA-256 of an entry's fields and prev, written as a
// JSON array so that no two entries can share an encoding.
func entryHash(e rawEntry) string {
	b, _ := json.Marshal([]any{e.seq, e.at, e.actor, e.action, e.entity, e.id, e.detail, e.prev})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// sealer digests the entries written before the chain, in order.
type sealer struct {
	h interface {
		Write([]byte) (int, error)
		Sum([]byte) []byte
	}
	n int
}

func newSealer() *sealer { return &sealer{h: sha256.New()} }

func (s *sealer) add(e rawEntry) {
	b, _ := json.Marshal([]any{e.seq, e.at, e.actor, e.action, e.entity, e.id, e.detail})
	s.h.Write(append(b, '\n'))
	s.n++
}

// digest is the seal: "seal:" and the hex digest of the sealed entries.
func (s *sealer) digest() string { return "seal:" + hex.EncodeToString(s.h.Sum(nil)) }

const rawCols = `seq, at, actor, action, entity, entity_id, detail, prev, hash`

func scanRaw(r scanner) (rawEntry, error) {
	var e rawEntry
	err := r.Scan(&e.seq, &e.at, &e.actor, &e.action, &e.entity, &e.id, &e.detail, &e.prev, &e.hash)
	return e, err
}

// chainHead is where the next entry links: its seq and the hash before it.
type chainHead struct {
	next int64
	prev string
}

// head reads where the chain ends, sealing the entries from before the
// chain when this is the first link.
func head(ctx context.Context, q querier) (chainHead, error) {
	var counter, lastSeq int64
	var lastHash string
	var any bool
	err := q.QueryRowContext(ctx, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0),
		coalesce((SELECT seq FROM audit ORDER BY seq DESC LIMIT 1), 0),
		coalesce((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), ''),
		EXISTS (SELECT 1 FROM audit)`).Scan(&counter, &lastSeq, &lastHash, &any)
	if err != nil {
		return chainHead{}, err
	}
	h := chainHead{next: max(counter, lastSeq) + 1, prev: lastHash}
	if any && lastHash == "" { // the first link: seal what came before
		s := newSealer()
		rows, err := all(ctx, q, scanRaw, `SELECT `+rawCols+` FROM audit ORDER BY seq`)
		if err != nil {
			return chainHead{}, err
		}
		for _, e := range rows {
			s.add(e)
		}
		h.prev = s.digest()
	}
	return h, nil
}

// AuditCheck is what VerifyAudit found.
type AuditCheck struct {
	// Entries counts the audit entries; Sealed those from before the chain.
	Entries, Sealed int
	// HeadSeq and Head are the last entry and its hash: a copy of them
	// kept elsewhere shows later that nothing was cut off the end.
	HeadSeq int64
	Head    string
	// Problem names the first bad entry and what is wrong, or is "".
	Problem string
	// BadSeq is the first bad entry's number (0: none, or the whole log).
	BadSeq int64
	// Integrity is SQLite's integrity check: "ok", or its first findings.
	Integrity string
}

// OK reports whether the chain and the database are both sound.
func (c AuditCheck) OK() bool { return c.Problem == "" && c.Integrity == "ok" }

// VerifyAudit checks the database file (PRAGMA integrity_check) and walks
// the audit chain from its first entry, naming the first that was changed,
// removed or added around the chain, and whether its guards were dropped.
func (s *Store) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	var c AuditCheck
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return c, mapErr(s.file, err)
	}
	defer tx.Rollback()
	var found []string
	rows, err := tx.QueryContext(ctx, `PRAGMA integrity_check(20)`)
	if err != nil {
		return c, mapErr(s.file, err)
	}
	for rows.Next() {
		var line string
		rows.Scan(&line)
		found = append(found, line)
	}
	rows.Close()
	c.Integrity = strings.Join(found, "; ")
	for _, trig := range []string{"audit_no_update", "audit_no_delete", "audit_chained"} {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, trig).Scan(&n); err != nil {
			return c, mapErr(s.file, err)
		}
		if n == 0 && c.Problem == "" {
			c.Problem = fmt.Sprintf("the audit log's guard %s was removed, so entries may have been changed or deleted", trig)
		}
	}
	entries, err := all(ctx, tx, scanRaw, `SELECT `+rawCols+` FROM audit ORDER BY seq`)
	if err != nil {
		return c, mapErr(s.file, err)
	}
	c.Entries = len(entries)
	seal := newSealer()
	var prev *rawEntry
	bad := func(seq int64, format string, a ...any) {
		if c.BadSeq == 0 && (c.Problem == "" || strings.HasPrefix(c.Problem, "the audit log's guard")) {
			c.BadSeq, c.Problem = seq, fmt.Sprintf("entry %d: ", seq)+fmt.Sprintf(format, a...)
		}
	}
	for i := range entries {
		e := entries[i]
		switch {
		case e.hash == "" && prev == nil:
			seal.add(e)
			c.Sealed++
			continue
		case e.hash == "":
			bad(e.seq, "has no link: it was written around the chain (after entry %d)", prev.seq)
		case prev == nil && e.prev != linkBefore(seal):
			bad(e.seq, "does not follow the entries before it: one of the first %d entries was changed or removed", seal.n)
		case prev != nil && e.seq != prev.seq+1:
			bad(prev.seq+1, "is missing: removed after it was written (the next entry is %d)", e.seq)
		case prev != nil && e.prev != prev.hash:
			bad(e.seq, "does not follow entry %d: that entry was changed", prev.seq)
		case entryHash(e) != e.hash:
			bad(e.seq, "does not match its hash: it was changed after it was written (%s %s %s by %s)", e.action, e.entity, e.id, e.actor)
		}
		prev = &entries[i]
	}
	if prev != nil {
		c.HeadSeq, c.Head = prev.seq, prev.hash
		var counter int64
		tx.QueryRowContext(ctx, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0)`).Scan(&counter)
		if counter > prev.seq {
			bad(prev.seq+1, "is missing: the last %d entries were removed", counter-prev.seq)
		}
	}
	return c, nil
}

// linkBefore is the prev of the first chained entry: the seal of the
// entries before it, or "" when there were none.
func linkBefore(s *sealer) string {
	if s.n == 0 {
		return ""
	}
	return s.digest()
}

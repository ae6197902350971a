package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"forum/model"
)

func (t *Tx) replaceRatings(g model.ID, rater string, rs []model.Rating) error {
	if err := t.guard(g); err != nil {
		return err
	}
	var s model.Stamp
	if len(rs) > 0 {
		s = rs[0].Stamp
	}
	ver, clock, err := t.next(s, `SELECT version, clock FROM maturity_ratings WHERE table_id=? AND rater=? ORDER BY version DESC LIMIT 1`, string(g), rater)
	if err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM maturity_ratings WHERE table_id=? AND rater=?`, string(g), rater); err != nil {
		return err
	}
	for _, r := range rs {
		if _, err := t.exec(`INSERT INTO maturity_ratings(id, table_id, rater, dimension, level, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?)`,
			string(r.ID), string(g), rater, r.Dimension, r.Level, ts(r.CreatedAt), ts(r.UpdatedAt), ver, clock); err != nil {
			return err
		}
	}
	return t.audit("replace", "maturity", g, map[string]any{"rater": rater, "ratings": rs})
}

func (t *Tx) putTheme(th model.Theme) error {
	if err := t.guard(th.GroupID); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("themes", th.Stamp, th.ID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO themes(id, table_id, stage_key, name, deleted_at, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET stage_key=excluded.stage_key, name=excluded.name, deleted_at=excluded.deleted_at, updated_at=excluded.updated_at, version=excluded.version, clock=excluded.clock`,
		string(th.ID), string(th.GroupID), th.StageKey, th.Name, ts(th.DeletedAt), ts(th.CreatedAt), ts(th.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit("put", "theme", th.ID, th)
}

func (t *Tx) putLink(l model.ThemeLink) error {
	if err := t.guard(""); err != nil {
		return err
	}
	ver, clock, err := t.next(l.Stamp, `SELECT version, clock FROM theme_links WHERE theme_a = ? AND theme_b = ?`, string(l.A), string(l.B))
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO theme_links(id, event_id, theme_a, theme_b, status, score, name, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(theme_a, theme_b) DO UPDATE SET status=excluded.status, score=excluded.score, name=excluded.name, updated_at=excluded.updated_at, version=excluded.version, clock=excluded.clock`,
		string(l.ID), string(l.EventID), string(l.A), string(l.B), l.Status, l.Score, l.Name, ts(l.CreatedAt), ts(l.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit(l.Status, "theme-link", l.ID, l)
}

func (t *Tx) rounds(g model.ID) ([]model.VoteRound, error) {
	return all(t.ctx, t.tx, scanRound, `SELECT `+roundCols+` FROM vote_rounds WHERE table_id = ? ORDER BY stage_key, method, round`, string(g))
}

func (t *Tx) putRound(r model.VoteRound) error {
	if err := t.writeRound(r, r.Status, `status=excluded.status, budget=excluded.budget, cap=excluded.cap, spend_all=excluded.spend_all, voters=excluded.voters, updated_at=excluded.updated_at, version=excluded.version, clock=excluded.clock`); err != nil {
		return err
	}
	t.touchTable(r.GroupID, RowsRounds|RowsVotes)
	if r.Status != model.RoundClosed || t.raw { // an import's votes already name their rounds
		return t.audit(r.Status, "vote-round", r.ID, r)
	}
	// The open ballots now belong to this round. Ballots are not in the
	// audit log one by one (that would date them and give their order);
	// the round's close records how many there were and a digest of them.
	open, err := all(t.ctx, t.tx, scanVote, `SELECT `+voteCols+` FROM votes WHERE table_id=? AND stage_key=? AND method=? AND round_id='' ORDER BY voter, item_id`,
		string(r.GroupID), r.StageKey, r.Method)
	if err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE votes SET round_id=? WHERE table_id=? AND stage_key=? AND method=? AND round_id=''`,
		string(r.ID), string(r.GroupID), r.StageKey, r.Method); err != nil {
		return err
	}
	ballots, digest := BallotDigest(open)
	return t.audit(r.Status, "vote-round", r.ID, map[string]any{"round": r, "ballots": ballots, "digest": digest})
}

// startRound stores a round opened by its first ballot. It appends nothing
// to the audit log: the entry would date that ballot.
func (t *Tx) startRound(r model.VoteRound) error {
	if err := t.writeRound(r, model.RoundOpen, `budget=excluded.budget, cap=excluded.cap, spend_all=excluded.spend_all, voters=excluded.voters, version=excluded.version, clock=excluded.clock`); err != nil {
		return err
	}
	t.touchTable(r.GroupID, RowsRounds)
	return nil
}

// writeRound inserts a round with status, or on a round already stored
// sets what update says (SQL "col=excluded.col, …"), with its next version.
func (t *Tx) writeRound(r model.VoteRound, status, update string) error {
	if err := t.guard(r.GroupID); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("vote_rounds", r.Stamp, r.ID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO vote_rounds(id, table_id, stage_key, method, round, status, budget, cap, spend_all, voters, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET `+update,
		string(r.ID), string(r.GroupID), r.StageKey, r.Method, r.Round, status, r.Rules.Budget, r.Rules.Cap, boolInt(r.Rules.SpendAll), r.Voters, ts(r.CreatedAt), ts(r.UpdatedAt), ver, clock)
	return err
}

// BallotDigest is the number of ballots (distinct voters) among votes and
// the SHA-256, in hex, of their lines "voter TAB item TAB value" sorted:
// what the audit log keeps of a closed round, so that its ballots can be
// checked later without the log having dated each one.
func BallotDigest(votes []model.Vote) (int, string) {
	lines := make([]string, 0, len(votes))
	voters := map[string]bool{}
	for _, v := range votes {
		voters[v.Voter] = true
		lines = append(lines, fmt.Sprintf("%s\t%s\t%d\n", v.Voter, v.ItemID, v.Value))
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
	}
	return len(voters), hex.EncodeToString(h.Sum(nil))
}

// openVotes reads the ballots of the open round of a table's stage.
func (t *Tx) openVotes(g model.ID, stage string) ([]model.Vote, error) {
	return all(t.ctx, t.tx, scanVote, `SELECT `+voteCols+` FROM votes WHERE table_id=? AND stage_key=? AND round_id='' ORDER BY voter, item_id`, string(g), stage)
}

func (t *Tx) purgeEvent(id model.ID, keepEvent bool) error {
	if err := t.guard(""); err != nil {
		return err
	}
	inEvent := `(SELECT id FROM breakout_tables WHERE event_id = ?)`
	for _, q := range []string{
		`DELETE FROM record_history WHERE event_id = ?`,
		`DELETE FROM theme_links WHERE event_id = ?`,
		`DELETE FROM area_parts WHERE event_id = ?`,
		`DELETE FROM event_area_rounds WHERE event_id = ?`,
		`DELETE FROM themes WHERE table_id IN ` + inEvent,
		`DELETE FROM maturity_ratings WHERE table_id IN ` + inEvent,
		`DELETE FROM contribution_revisions WHERE contribution_id IN (SELECT id FROM contributions WHERE table_id IN ` + inEvent + `)`,
		`DELETE FROM contributions WHERE table_id IN ` + inEvent,
		`DELETE FROM votes WHERE table_id IN ` + inEvent,
		`DELETE FROM vote_rounds WHERE table_id IN ` + inEvent,
		`DELETE FROM next_steps WHERE table_id IN ` + inEvent,
		`DELETE FROM key_messages WHERE event_id = ?`,
		`DELETE FROM breakout_tables WHERE event_id = ?`,
		`DELETE FROM areas WHERE event_id = ?`,
		`DELETE FROM seat_passcodes WHERE event_id = ?`, // from here on, not when a merge rewrites the event
		`DELETE FROM seat_keys WHERE event_id = ?`,
		`DELETE FROM participant_cards WHERE event_id = ?`, // "seat_" above stops a merge first
		`DELETE FROM events WHERE id = ?`,
	} {
		if keepEvent && strings.Contains(q, "seat_") {
			break
		}
		if _, err := t.exec(q, string(id)); err != nil {
			return err
		}
	}
	return t.audit("purge", "event", id, nil)
}

// putRevision stores a note's earlier version as given (an import or a
// merge); the same version twice is stored once.
func (t *Tx) putRevision(c model.Contribution) error {
	_, err := t.exec(`INSERT INTO contribution_revisions(contribution_id, stage_key, text, tags, author, deleted_at, updated_at, replaced_at, version, theme_id)
		SELECT ?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM contribution_revisions WHERE contribution_id=? AND version=? AND updated_at=? AND text=?
		AND stage_key=? AND tags=? AND author=? AND deleted_at=? AND theme_id=?)`,
		string(c.ID), c.StageKey, c.Text, js(c.Tags), c.Author, ts(c.DeletedAt), ts(c.UpdatedAt), ts(c.UpdatedAt), c.Version, string(c.ThemeID),
		string(c.ID), c.Version, ts(c.UpdatedAt), c.Text, c.StageKey, js(c.Tags), c.Author, ts(c.DeletedAt), string(c.ThemeID))
	return err
}

// putKept stores a record's losing version in its history.
func (t *Tx) putKept(eventID model.ID, k model.Kept) error {
	_, err := t.exec(`INSERT INTO record_history(event_id, entity, record_id, version, hash, data) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING`,
		string(eventID), k.Entity, string(k.RecordID), k.Version, k.Hash, string(k.Data))
	return err
}

func scanKept(s scanner) (model.Kept, error) {
	var k model.Kept
	var data string
	err := s.Scan(&k.Entity, &k.RecordID, &k.Version, &k.Hash, &data)
	k.Data = []byte(data)
	return k, err
}

package storage

import "forum/model"

// Ballots and key messages are sets of rows replaced as one; the rows of a
// set share one version and vector, one more than the set they replace.

func (t *Tx) replaceBallot(g model.ID, stage, method, voter string, votes []model.Vote) error {
	if err := t.guard(g); err != nil {
		return err
	}
	ver, clock, err := t.next(model.Stamp{}, `SELECT version, clock FROM votes WHERE table_id=? AND stage_key=? AND method=? AND voter=? AND round_id='' ORDER BY version DESC LIMIT 1`,
		string(g), stage, method, voter)
	if err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM votes WHERE table_id=? AND stage_key=? AND method=? AND voter=? AND round_id=''`, string(g), stage, method, voter); err != nil {
		return err
	}
	for _, v := range votes {
		v.GroupID, v.StageKey, v.Method, v.Voter, v.RoundID = g, stage, method, voter, ""
		v.Version, v.Vector = ver, model.Vector(clock)
		if err := t.insertVote(v); err != nil {
			return err
		}
	}
	t.touchTable(g, RowsVotes)
	return nil // no audit entry per ballot (it would date it): a round's close records its ballots' count and digest
}

// insertVote stores a vote with the version and clock it is given (a
// ballot's votes share its version).
func (t *Tx) insertVote(v model.Vote) error {
	_, err := t.exec(`INSERT INTO votes(id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		string(v.ID), string(v.GroupID), v.StageKey, v.Method, v.Voter, string(v.ItemID), v.Value, string(v.RoundID), ts(v.CreatedAt), ts(v.UpdatedAt), max(v.Version, 1), string(v.Vector))
	return err
}

func (t *Tx) replaceKeyMessages(e, g model.ID, msgs []model.KeyMessage) error {
	if err := t.guard(g); err != nil {
		return err
	}
	var s model.Stamp
	if len(msgs) > 0 {
		s = msgs[0].Stamp
	}
	ver, clock, err := t.next(s, `SELECT version, clock FROM key_messages WHERE event_id=? AND table_id=? ORDER BY version DESC LIMIT 1`, string(e), string(g))
	if err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM key_messages WHERE event_id=? AND table_id=?`, string(e), string(g)); err != nil {
		return err
	}
	for _, m := range msgs {
		if _, err := t.exec(`INSERT INTO key_messages(id, event_id, table_id, position, kind, text, sources, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			string(m.ID), string(e), string(g), m.Position, string(m.Kind), m.Text, js(m.Sources), ts(m.CreatedAt), ts(m.UpdatedAt), ver, clock); err != nil {
			return err
		}
	}
	id := g
	if id == "" {
		id = e
		t.touchEvent(e)
	} else {
		t.touchTable(g, RowsMessages)
	}
	return t.audit("replace", "key-messages", id, msgs)
}

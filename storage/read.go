package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"forum/model"
)

func (s *Store) path() string { return s.file }

func (s *Store) event(ctx context.Context, id model.ID) (model.Event, error) {
	return one(ctx, s.r, scanEvent, "event", id, `SELECT `+eventCols+` FROM events WHERE id = ?`)
}

func (s *Store) group(ctx context.Context, id model.ID) (model.Group, error) {
	return one(ctx, s.r, scanGroup, "table", id, `SELECT `+groupCols+` FROM breakout_tables WHERE id = ?`)
}

func (t *Tx) event(id model.ID) (model.Event, error) {
	return one(t.ctx, t.tx, scanEvent, "event", id, `SELECT `+eventCols+` FROM events WHERE id = ?`)
}

func (t *Tx) group(id model.ID) (model.Group, error) {
	return one(t.ctx, t.tx, scanGroup, "table", id, `SELECT `+groupCols+` FROM breakout_tables WHERE id = ?`)
}

func (t *Tx) area(id model.ID) (model.Area, error) {
	return one(t.ctx, t.tx, scanArea, "area", id, `SELECT `+areaCols+` FROM areas WHERE id = ?`)
}

func (t *Tx) contribution(id model.ID) (model.Contribution, error) {
	return one(t.ctx, t.tx, scanNote, "note", id, `SELECT `+noteCols+` FROM contributions WHERE id = ?`)
}

func (t *Tx) theme(id model.ID) (model.Theme, error) {
	return one(t.ctx, t.tx, scanTheme, "theme", id, `SELECT `+themeCols+` FROM themes WHERE id = ?`)
}

func (t *Tx) themes(g model.ID) ([]model.Theme, error) {
	return all(t.ctx, t.tx, scanTheme, `SELECT `+themeCols+` FROM themes WHERE table_id = ? ORDER BY created_at, id`, string(g))
}

func (t *Tx) nextStep(id model.ID) (model.NextStep, error) {
	return one(t.ctx, t.tx, scanStep, "next step", id, `SELECT `+stepCols+` FROM next_steps WHERE id = ?`)
}

func (t *Tx) contributions(g model.ID) ([]model.Contribution, error) {
	return all(t.ctx, t.tx, scanNote, `SELECT `+noteCols+` FROM contributions WHERE table_id = ? ORDER BY created_at, id`, string(g))
}

// lastChange is the newest updated_at of an event and everything in it;
// per table, each newest row is one seek in a *_changed index.
const lastChange = `(SELECT max(u) FROM (
	SELECT e.updated_at AS u
	UNION ALL SELECT max(updated_at) FROM areas WHERE event_id = e.id
	UNION ALL SELECT max(updated_at) FROM breakout_tables WHERE event_id = e.id
	UNION ALL SELECT max((SELECT max(updated_at) FROM contributions WHERE table_id = b.id)) FROM breakout_tables b WHERE b.event_id = e.id
	UNION ALL SELECT max((SELECT max(updated_at) FROM votes WHERE table_id = b.id)) FROM breakout_tables b WHERE b.event_id = e.id
	UNION ALL SELECT max((SELECT max(updated_at) FROM next_steps WHERE table_id = b.id)) FROM breakout_tables b WHERE b.event_id = e.id
	UNION ALL SELECT max(updated_at) FROM key_messages WHERE event_id = e.id))`

func (s *Store) events(ctx context.Context) ([]EventSummary, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.title, e.date, e.illustrative, e.archived_at != '',
		(SELECT count(*) FROM breakout_tables b JOIN areas a ON a.id = b.area_id WHERE b.event_id = e.id AND b.removed_at = '' AND a.removed_at = ''), `+lastChange+` AS last
		FROM events e WHERE e.deleted_at = '' ORDER BY e.archived_at != '', e.date DESC, last DESC, e.id`)
	if err != nil {
		return nil, mapErr(s.file, err)
	}
	defer rows.Close()
	var out []EventSummary
	for rows.Next() {
		var e EventSummary
		var illus int
		var last sql.NullString
		if err := rows.Scan(&e.ID, &e.Title, &e.Date, &illus, &e.Archived, &e.Tables, &last); err != nil {
			return nil, err
		}
		e.Illustrative, e.LastChange = illus != 0, parseTS(last.String)
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) latestEventID(ctx context.Context) (model.ID, error) {
	var id model.ID
	err := s.r.QueryRowContext(ctx, `SELECT e.id FROM events e WHERE e.deleted_at = '' ORDER BY `+lastChange+` DESC, e.id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("the database has no events: %w", ErrNotFound)
	}
	return id, mapErr(s.file, err)
}

func (s *Store) snapshot(ctx context.Context, id model.ID, everything bool) (Snapshot, error) {
	tx, err := begin(ctx, s.r, s.rs, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Snapshot{}, mapErr(s.file, err)
	}
	defer tx.end()
	defer tx.Rollback()
	return readSnapshot(ctx, tx, id, everything)
}

// readSnapshot reads an event through q (a read or a write transaction).
func readSnapshot(ctx context.Context, tx querier, id model.ID, everything bool) (Snapshot, error) {
	var snap Snapshot
	var err error
	if snap.Event, err = one(ctx, tx, scanEvent, "event", id, `SELECT `+eventCols+` FROM events WHERE id = ?`); err != nil {
		return snap, err
	}
	ev := string(id)
	tables := liveTables
	if everything {
		tables = `SELECT id FROM breakout_tables WHERE event_id = ?`
	}
	inTables := ` WHERE table_id IN (` + tables + `)`
	inEvent := inTables + ` ORDER BY created_at, id`
	areas, err := all(ctx, tx, scanArea, `SELECT `+areaCols+` FROM areas WHERE event_id = ? ORDER BY position, code`, ev)
	if err != nil {
		return snap, err
	}
	groups, err := all(ctx, tx, scanGroup, `SELECT `+prefixed("b", groupCols)+` FROM breakout_tables b JOIN areas a ON a.id = b.area_id
		WHERE b.event_id = ? ORDER BY a.position, length(b.name), b.name, b.id`, ev)
	if err != nil {
		return snap, err
	}
	if everything {
		snap.Areas, snap.Groups = areas, groups
	}
	removedArea := map[model.ID]bool{}
	for _, a := range areas {
		if everything {
			break
		}
		if a.RemovedAt.IsZero() {
			snap.Areas = append(snap.Areas, a)
		} else {
			snap.RemovedAreas = append(snap.RemovedAreas, a)
			removedArea[a.ID] = true
		}
	}
	for _, g := range groups {
		if everything {
			break
		}
		switch {
		case !g.RemovedAt.IsZero():
			snap.RemovedGroups = append(snap.RemovedGroups, g)
		case !removedArea[g.AreaID]:
			snap.Groups = append(snap.Groups, g)
		}
	}
	if snap.Contributions, err = all(ctx, tx, scanNote, `SELECT `+noteCols+` FROM contributions`+inEvent, ev); err != nil {
		return snap, err
	}
	if snap.Votes, err = sized(ctx, tx, scanVote, `SELECT count(*) FROM votes`+inTables,
		`SELECT `+voteCols+` FROM votes`+inTables+` ORDER BY table_id, stage_key, voter, round_id, item_id, id`, ev); err != nil {
		return snap, err
	}
	if snap.NextSteps, err = all(ctx, tx, scanStep, `SELECT `+stepCols+` FROM next_steps`+inEvent, ev); err != nil {
		return snap, err
	}
	if snap.Rounds, err = all(ctx, tx, scanRound, `SELECT `+roundCols+` FROM vote_rounds`+inTables+` ORDER BY table_id, stage_key, method, round`, ev); err != nil {
		return snap, err
	}
	if snap.Themes, err = all(ctx, tx, scanTheme, `SELECT `+themeCols+` FROM themes`+inEvent, ev); err != nil {
		return snap, err
	}
	if snap.Links, err = all(ctx, tx, scanLink, `SELECT `+linkCols+` FROM theme_links WHERE event_id = ? ORDER BY created_at, id`, ev); err != nil {
		return snap, err
	}
	if snap.Ratings, err = all(ctx, tx, scanRating, `SELECT `+ratingCols+` FROM maturity_ratings`+inTables+` ORDER BY table_id, rater, dimension`, ev); err != nil {
		return snap, err
	}
	if everything {
		if snap.Revisions, err = all(ctx, tx, scanNote, `SELECT contribution_id, '', stage_key, text, tags, author, deleted_at, theme_id, '', updated_at, version, ''
			FROM contribution_revisions WHERE contribution_id IN (SELECT id FROM contributions`+inTables+`)
			ORDER BY contribution_id, version, updated_at, text, stage_key, tags, author, deleted_at, theme_id`, ev); err != nil {
			return snap, err
		}
		if snap.History, err = all(ctx, tx, scanKept, `SELECT entity, record_id, version, hash, data FROM record_history WHERE event_id = ?
			ORDER BY entity, record_id, version, hash`, ev); err != nil {
			return snap, err
		}
	}
	if snap.AreaParts, err = all(ctx, tx, scanAreaPart, `SELECT `+areaPartCols+` FROM area_parts WHERE event_id = ? ORDER BY area_id, kind, key`, ev); err != nil {
		return snap, err
	}
	if snap.AreaRound, err = areaRound(ctx, tx, ev); err != nil {
		return snap, err
	}
	snap.KeyMessages, err = all(ctx, tx, scanMsg, `SELECT `+msgCols+` FROM key_messages
		WHERE event_id = ? AND (table_id = '' OR table_id IN (`+tables+`)) ORDER BY table_id, position, id`, ev, ev)
	return snap, err
}

// liveTables selects the ids of an event's tables that are not removed and
// whose area is not removed (one argument: the event id).
const liveTables = `SELECT b.id FROM breakout_tables b JOIN areas a ON a.id = b.area_id
	WHERE b.event_id = ? AND b.removed_at = '' AND a.removed_at = ''`

func (s *Store) audit(ctx context.Context, id model.ID) ([]AuditEntry, error) {
	q := `SELECT seq, at, actor, action, entity, entity_id, detail, prev, hash FROM audit`
	var args []any
	if id != "" {
		q += ` WHERE entity_id = ?`
		args = append(args, string(id))
	}
	return all(ctx, s.r, func(r scanner) (AuditEntry, error) {
		var a AuditEntry
		var at string
		err := r.Scan(&a.Seq, &at, &a.Actor, &a.Action, &a.Entity, &a.EntityID, &a.Detail, &a.Prev, &a.Hash)
		a.At = parseTS(at)
		return a, err
	}, q+` ORDER BY seq`, args...)
}

func (s *Store) revisions(ctx context.Context, id model.ID) ([]model.Contribution, error) {
	return all(ctx, s.r, scanNote, `SELECT contribution_id, '', stage_key, text, tags, author, deleted_at, theme_id, updated_at, updated_at, version, ''
		FROM contribution_revisions WHERE contribution_id = ? ORDER BY seq`, string(id))
}

// prefixed qualifies each column of a list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ", ")
	for i, p := range parts {
		parts[i] = alias + "." + p
	}
	return strings.Join(parts, ", ")
}

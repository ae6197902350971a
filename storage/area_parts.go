package storage

import (
	"context"
	"errors"
	"fmt"

	"forum/model"
)

// ErrStale is returned when a part of an area's synthesis changed since
// the copy being saved was read: someone else saved it first.
var ErrStale = errors.New("changed by someone else since you opened it")

const areaPartCols = `id, event_id, area_id, kind, key, text, owner, by_when, assist, deleted, version, created_at, updated_at`

func scanAreaPart(s scanner) (model.AreaPart, error) {
	var p model.AreaPart
	var created, updated string
	var deleted int
	err := s.Scan(&p.ID, &p.EventID, &p.AreaID, &p.Kind, &p.Key, &p.Text, &p.Owner, &p.ByWhen, &p.Assist, &deleted, &p.Version, &created, &updated)
	p.Deleted = deleted != 0
	p.CreatedAt, p.UpdatedAt = parseTS(created), parseTS(updated)
	return p, err
}

// AreaParts reads the stored parts of an area's synthesis.
func (tx *Tx) AreaParts(area model.ID) ([]model.AreaPart, error) {
	return all(tx.ctx, tx.tx, scanAreaPart, `SELECT `+areaPartCols+` FROM area_parts WHERE area_id = ? ORDER BY kind, key`, string(area))
}

// PutAreaPart stores one part of an area's synthesis, new or changed, if
// the stored part (the same area, kind and key) is still at version base
// (0: there is none yet); otherwise it stores nothing and returns
// ErrStale. The part is stored at version base+1 and returned.
func (tx *Tx) PutAreaPart(p model.AreaPart, base int) (model.AreaPart, error) {
	cur, err := all(tx.ctx, tx.tx, scanAreaPart, `SELECT `+areaPartCols+` FROM area_parts WHERE area_id = ? AND kind = ? AND key = ?`, string(p.AreaID), p.Kind, p.Key)
	if err != nil {
		return p, err
	}
	now := 0
	if len(cur) > 0 {
		now = cur[0].Version
		p.ID, p.CreatedAt = cur[0].ID, cur[0].CreatedAt
	}
	if now != base {
		return p, fmt.Errorf("%s %s is at version %d, not %d: %w", p.Kind, p.Key, now, base, ErrStale)
	}
	p.Version = base + 1
	_, err = tx.exec(`INSERT INTO area_parts(`+areaPartCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(area_id, kind, key) DO UPDATE SET text=excluded.text, owner=excluded.owner, by_when=excluded.by_when,
		assist=excluded.assist, deleted=excluded.deleted, version=excluded.version, updated_at=excluded.updated_at`,
		string(p.ID), string(p.EventID), string(p.AreaID), p.Kind, p.Key, p.Text, p.Owner, p.ByWhen, p.Assist, boolInt(p.Deleted), p.Version, ts(p.CreatedAt), ts(p.UpdatedAt))
	if err != nil {
		return p, err
	}
	return p, tx.audit("put", "area-"+p.Kind, p.ID, p)
}

// InsertAreaPart stores a part as it is, version included (an import).
func (tx *Tx) InsertAreaPart(p model.AreaPart) error {
	_, err := tx.exec(`INSERT INTO area_parts(`+areaPartCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		string(p.ID), string(p.EventID), string(p.AreaID), p.Kind, p.Key, p.Text, p.Owner, p.ByWhen, p.Assist, boolInt(p.Deleted), p.Version, ts(p.CreatedAt), ts(p.UpdatedAt))
	return err
}

// PutAreaRound stores whether and how the event holds the area round.
func (tx *Tx) PutAreaRound(event model.ID, r model.AreaRound) error {
	_, err := tx.exec(`INSERT INTO event_area_rounds(event_id, held, minutes, prompts) VALUES (?,?,?,?)
		ON CONFLICT(event_id) DO UPDATE SET held=excluded.held, minutes=excluded.minutes, prompts=excluded.prompts`,
		string(event), r.Held, r.Minutes, js(r.Prompts))
	if err != nil {
		return err
	}
	return tx.audit("put", "area-round", event, r)
}

// areaRound reads the event's area round (zero when none was stored).
func areaRound(ctx context.Context, q querier, event string) (model.AreaRound, error) {
	rs, err := all(ctx, q, func(s scanner) (model.AreaRound, error) {
		var r model.AreaRound
		var prompts string
		err := s.Scan(&r.Held, &r.Minutes, &prompts)
		unjs(prompts, &r.Prompts)
		return r, err
	}, `SELECT held, minutes, prompts FROM event_area_rounds WHERE event_id = ?`, event)
	if err != nil || len(rs) == 0 {
		return model.AreaRound{}, err
	}
	return rs[0], nil
}

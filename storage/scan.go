package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"forum/model"
)

// querier is what *sql.DB, *sql.Tx and *sql.Conn share.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

const (
	eventCols  = `id, title, date, venue, chair, aims, programme, programme_at, area_label, template, illustrative, dots_budget, dots_cap, stages, maturity, tags, vote_method, dots_spend_all, paper, archived_at, deleted_at, created_at, updated_at, version, clock`
	areaCols   = `id, event_id, position, code, name, places, removed_at, created_at, updated_at, version, clock`
	groupCols  = `id, event_id, area_id, name, facilitator, scribe, reporter, participants, stage_key, stage_started_at, vision, removed_at, paused_at, paused_ms, extra_minutes, locked_stages, created_at, updated_at, version, clock`
	noteCols   = `id, table_id, stage_key, text, tags, author, deleted_at, theme_id, created_at, updated_at, version, clock`
	themeCols  = `id, table_id, stage_key, name, deleted_at, created_at, updated_at, version, clock`
	linkCols   = `id, event_id, theme_a, theme_b, status, score, name, created_at, updated_at, version, clock`
	ratingCols = `id, table_id, rater, dimension, level, created_at, updated_at, version, clock`
	voteCols   = `id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at, version, clock`
	roundCols  = `id, table_id, stage_key, method, round, status, budget, cap, spend_all, voters, created_at, updated_at, version, clock`
	stepCols   = `id, table_id, action, owner, by_when, enabler, assist, priority_id, deleted_at, created_at, updated_at, version, clock`
	msgCols    = `id, event_id, table_id, position, kind, text, sources, created_at, updated_at, version, clock`
)

func scanEvent(s scanner) (model.Event, error) {
	var e model.Event
	var aims, prog, stages, maturity, tags, archived, deleted, created, updated string
	var illus, spendAll int
	err := s.Scan(sid(&e.ID), &e.Title, &e.Date, &e.Venue, &e.Chair, &aims, &prog, &e.ProgrammeAt, &e.AreaLabel, &e.Template, &illus,
		&e.Dots.Budget, &e.Dots.Cap, &stages, &maturity, &tags, &e.VoteMethod, &spendAll, &e.Paper, &archived, &deleted, &created, &updated, &e.Version, (*string)(&e.Vector))
	e.Dots.SpendAll = spendAll != 0
	unjs(maturity, &e.Maturity)
	unjs(tags, &e.Tags)
	e.ArchivedAt, e.DeletedAt = parseTS(archived), parseTS(deleted)
	unjs(aims, &e.Aims)
	unjs(prog, &e.Programme)
	unjs(stages, &e.Stages)
	e.Illustrative = illus != 0
	e.CreatedAt, e.UpdatedAt = parseTS(created), parseTS(updated)
	model.SafeEvent(&e)
	return e, err
}

func scanArea(s scanner) (model.Area, error) {
	var a model.Area
	var places, removed, created, updated string
	err := s.Scan(sid(&a.ID), sid(&a.EventID), &a.Position, &a.Code, &a.Name, &places, &removed, &created, &updated, &a.Version, (*string)(&a.Vector))
	unjs(places, &a.Places)
	a.RemovedAt, a.CreatedAt, a.UpdatedAt = parseTS(removed), parseTS(created), parseTS(updated)
	model.SafeArea(&a)
	return a, err
}

func scanGroup(s scanner) (model.Group, error) {
	var g model.Group
	var started, removed, paused, locked, created, updated string
	var pausedMS int64
	err := s.Scan(sid(&g.ID), sid(&g.EventID), sid(&g.AreaID), &g.Name, &g.Facilitator, &g.Scribe, &g.Reporter, &g.Participants,
		&g.StageKey, &started, &g.Vision, &removed, &paused, &pausedMS, &g.ExtraMinutes, &locked, &created, &updated, &g.Version, (*string)(&g.Vector))
	g.StageStartedAt, g.RemovedAt, g.PausedAt = parseTS(started), parseTS(removed), parseTS(paused)
	g.PausedFor = time.Duration(pausedMS) * time.Millisecond
	unjs(locked, &g.LockedStages)
	g.CreatedAt, g.UpdatedAt = parseTS(created), parseTS(updated)
	model.SafeGroup(&g)
	return g, err
}

func scanRating(s scanner) (model.Rating, error) {
	var r model.Rating
	var created, updated string
	err := s.Scan(sid(&r.ID), sid(&r.GroupID), &r.Rater, &r.Dimension, &r.Level, &created, &updated, &r.Version, (*string)(&r.Vector))
	r.CreatedAt, r.UpdatedAt = parseTS(created), parseTS(updated)
	return r, err
}

func scanNote(s scanner) (model.Contribution, error) {
	var c model.Contribution
	var tags, deleted, created, updated string
	err := s.Scan(sid(&c.ID), sid(&c.GroupID), &c.StageKey, &c.Text, &tags, &c.Author, &deleted, sid(&c.ThemeID), &created, &updated, &c.Version, (*string)(&c.Vector))
	unjs(tags, &c.Tags)
	c.DeletedAt, c.CreatedAt, c.UpdatedAt = parseTS(deleted), parseTS(created), parseTS(updated)
	return c, err
}

func scanTheme(s scanner) (model.Theme, error) {
	var t model.Theme
	var deleted, created, updated string
	err := s.Scan(sid(&t.ID), sid(&t.GroupID), &t.StageKey, &t.Name, &deleted, &created, &updated, &t.Version, (*string)(&t.Vector))
	t.DeletedAt, t.CreatedAt, t.UpdatedAt = parseTS(deleted), parseTS(created), parseTS(updated)
	return t, err
}

func scanLink(s scanner) (model.ThemeLink, error) {
	var l model.ThemeLink
	var created, updated string
	err := s.Scan(sid(&l.ID), sid(&l.EventID), sid(&l.A), sid(&l.B), &l.Status, &l.Score, &l.Name, &created, &updated, &l.Version, (*string)(&l.Vector))
	l.CreatedAt, l.UpdatedAt = parseTS(created), parseTS(updated)
	return l, err
}

func scanRound(s scanner) (model.VoteRound, error) {
	var r model.VoteRound
	var created, updated string
	var spendAll int
	err := s.Scan(sid(&r.ID), sid(&r.GroupID), &r.StageKey, &r.Method, &r.Round, &r.Status, &r.Rules.Budget, &r.Rules.Cap, &spendAll, &r.Voters, &created, &updated, &r.Version, (*string)(&r.Vector))
	r.CreatedAt, r.UpdatedAt, r.Rules.SpendAll = parseTS(created), parseTS(updated), spendAll != 0
	return r, err
}

func scanVote(s scanner) (model.Vote, error) {
	var v model.Vote
	var created, updated string
	err := s.Scan(sid(&v.ID), sid(&v.GroupID), &v.StageKey, &v.Method, &v.Voter, sid(&v.ItemID), &v.Value, sid(&v.RoundID), &created, &updated, &v.Version, (*string)(&v.Vector))
	v.CreatedAt, v.UpdatedAt = parseTS(created), parseTS(updated)
	return v, err
}

func scanStep(s scanner) (model.NextStep, error) {
	var n model.NextStep
	var deleted, created, updated string
	err := s.Scan(sid(&n.ID), sid(&n.GroupID), &n.Action, &n.Owner, &n.ByWhen, &n.Enabler, &n.Assist, sid(&n.PriorityID), &deleted, &created, &updated, &n.Version, (*string)(&n.Vector))
	n.DeletedAt, n.CreatedAt, n.UpdatedAt = parseTS(deleted), parseTS(created), parseTS(updated)
	return n, err
}

func scanMsg(s scanner) (model.KeyMessage, error) {
	var m model.KeyMessage
	var kind, sources, created, updated string
	err := s.Scan(sid(&m.ID), sid(&m.EventID), sid(&m.GroupID), &m.Position, &kind, &m.Text, &sources, &created, &updated, &m.Version, (*string)(&m.Vector))
	m.Kind = model.MessageKind(kind)
	unjs(sources, &m.Sources)
	m.CreatedAt, m.UpdatedAt = parseTS(created), parseTS(updated)
	return m, err
}

// sid scans into an id as into a string: database/sql assigns a string
// to a *string directly, and to another string type by reflection.
func sid(p *model.ID) *string { return (*string)(p) }

// one reads a single row, mapping "no rows" to ErrNotFound.
func one[T any](ctx context.Context, q querier, scan func(scanner) (T, error), what string, id model.ID, query string) (T, error) {
	v, err := scan(q.QueryRowContext(ctx, query, string(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("%s %s: %w", what, id.Short(), ErrNotFound)
	}
	return v, err
}

// all reads every row of a query.
func all[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Rows are gathered in chunks and copied once into a slice of the
	// right size: growing one slice by doubling copies and clears every
	// row again at each step (for the large event's 4,000 notes and their
	// revisions; its ballots, counted first, go through sized).
	var full [][]T
	out := make([]T, 0, 64)
	total := 0
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		if len(out) == cap(out) {
			full = append(full, out)
			out = make([]T, 0, min(2*cap(out), 4096))
		}
		out = append(out, v)
		total++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if total == 0 {
		return nil, nil
	}
	if len(full) == 0 {
		return out, nil
	}
	joined := make([]T, 0, total)
	for _, c := range full {
		joined = append(joined, c...)
	}
	return append(joined, out...), nil
}

// sized is all for a query whose rows count counts (with the same
// arguments, in the same transaction): the slice is made at its size, so
// no row is ever copied. Copying the large event's 23,000 ballots from
// chunks into one slice was a fifth of their read, the collector being at
// work by then.
func sized[T any](ctx context.Context, q querier, scan func(scanner) (T, error), count, query string, args ...any) ([]T, error) {
	var n int
	if err := q.QueryRowContext(ctx, count, args...).Scan(&n); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	if n > 0 {
		out = make([]T, 0, n)
	}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

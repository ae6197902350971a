package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"forum/model"
)

type txImpl struct {
	ctx   context.Context
	tx    *stmtTx
	actor string
	path  string
	// link is where the next audit entry joins the chain, read at the
	// transaction's first entry.
	link *chainHead
	// changes collects what the transaction touched (see Changes).
	changes Changes
	// raw stores records as given and audits only notes (an import or a
	// merge); origin_ caches the database's origin.
	raw     bool
	origin_ string
	// scope caches a table's pack's scope (nil: not read yet).
	scope *Scope
}

func (s *Store) update(ctx context.Context, actor string, fn func(tx *Tx) error) error {
	sqltx, err := begin(ctx, s.w, s.ws, nil)
	if err != nil {
		return mapErr(s.file, err)
	}
	defer sqltx.end()
	tx := &Tx{txImpl{ctx: ctx, tx: sqltx, actor: actor, path: s.file}}
	if err := fn(tx); err != nil {
		sqltx.Rollback()
		return mapErr(s.file, err)
	}
	if err := sqltx.Commit(); err != nil {
		sqltx.Rollback()
		return mapErr(s.file, err)
	}
	s.committed(tx.changes)
	return nil
}

// exec runs a statement in the transaction.
func (t *txImpl) exec(q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, q, args...)
}

// audit appends one row to the audit log.
func (t *txImpl) audit(action, entity string, id model.ID, record any) error {
	t.track(action, entity, id, record)
	if t.raw {
		t.changes.All = true // an import or a merge: many rows at once
		return nil
	}
	detail := "{}"
	switch v := record.(type) {
	case nil:
	case string:
		detail = v
	default:
		if b, err := json.Marshal(v); err == nil {
			detail = string(b)
		}
	}
	if t.link == nil {
		h, err := head(t.ctx, t.tx)
		if err != nil {
			return fmt.Errorf("reading the audit chain: %w", err)
		}
		t.link = &h
	}
	e := rawEntry{seq: t.link.next, at: ts(time.Now()), actor: t.actor, action: action, entity: entity, id: string(id), detail: detail, prev: t.link.prev}
	e.hash = entryHash(e)
	_, err := t.exec(`INSERT INTO audit(`+rawCols+`) VALUES (?,?,?,?,?,?,?,?,?)`,
		e.seq, e.at, e.actor, e.action, e.entity, e.id, e.detail, e.prev, e.hash)
	if err == nil {
		t.link.next, t.link.prev = e.seq+1, e.hash
	}
	return err
}

// changed fails with ErrNotFound when an update touched no row.
func changed(res sql.Result, err error, what string, id model.ID) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s %s: %w", what, id.Short(), ErrNotFound)
	}
	return nil
}

func (t *Tx) insertEvent(e model.Event) error {
	if err := t.guard(""); err != nil {
		return err
	}
	ver, clock, err := t.fresh(e.Stamp)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO events(id, title, date, venue, chair, aims, programme, programme_at, area_label, template, illustrative, dots_budget, dots_cap, stages, maturity, tags, vote_method, dots_spend_all, paper, archived_at, deleted_at, created_at, updated_at, version, clock)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, string(e.ID), e.Title, e.Date, e.Venue, e.Chair, js(e.Aims), js(e.Programme), e.ProgrammeAt,
		e.AreaLabel, e.Template, boolInt(e.Illustrative), e.Dots.Budget, e.Dots.Cap, js(e.Stages), jsObj(e.Maturity), js(e.Tags), voteMethod(e.VoteMethod), boolInt(e.Dots.SpendAll), e.PaperSize(), ts(e.ArchivedAt), ts(e.DeletedAt), ts(e.CreatedAt), ts(e.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit("create", "event", e.ID, e)
}

func (t *Tx) updateEvent(e model.Event) error {
	if err := t.guard(""); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("events", e.Stamp, e.ID)
	if err != nil {
		return err
	}
	res, err := t.exec(`UPDATE events SET title=?, date=?, venue=?, chair=?, aims=?, programme=?, programme_at=?, area_label=?, template=?, illustrative=?, dots_budget=?, dots_cap=?, stages=?, maturity=?, tags=?, vote_method=?, dots_spend_all=?, paper=?, archived_at=?, deleted_at=?, updated_at=?, version=?, clock=? WHERE id=?`,
		e.Title, e.Date, e.Venue, e.Chair, js(e.Aims), js(e.Programme), e.ProgrammeAt, e.AreaLabel, e.Template, boolInt(e.Illustrative),
		e.Dots.Budget, e.Dots.Cap, js(e.Stages), jsObj(e.Maturity), js(e.Tags), voteMethod(e.VoteMethod), boolInt(e.Dots.SpendAll), e.PaperSize(), ts(e.ArchivedAt), ts(e.DeletedAt), ts(e.UpdatedAt), ver, clock, string(e.ID))
	if err := changed(res, err, "event", e.ID); err != nil {
		return err
	}
	action := "update"
	if !e.DeletedAt.IsZero() {
		action = "delete"
	}
	return t.audit(action, "event", e.ID, e)
}

func (t *Tx) insertArea(a model.Area) error {
	if err := t.guard(""); err != nil {
		return err
	}
	ver, clock, err := t.fresh(a.Stamp)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO areas(id, event_id, position, code, name, places, removed_at, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		string(a.ID), string(a.EventID), a.Position, a.Code, a.Name, js(a.Places), ts(a.RemovedAt), ts(a.CreatedAt), ts(a.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit("create", "area", a.ID, a)
}

func (t *Tx) updateArea(a model.Area) error {
	if err := t.guard(""); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("areas", a.Stamp, a.ID)
	if err != nil {
		return err
	}
	res, err := t.exec(`UPDATE areas SET position=?, code=?, name=?, places=?, removed_at=?, updated_at=?, version=?, clock=? WHERE id=?`,
		a.Position, a.Code, a.Name, js(a.Places), ts(a.RemovedAt), ts(a.UpdatedAt), ver, clock, string(a.ID))
	if err := changed(res, err, "area", a.ID); err != nil {
		return err
	}
	return t.audit(removal(a.RemovedAt), "area", a.ID, a)
}

// removal names an update that leaves a record removed or not.
func removal(at time.Time) string {
	if at.IsZero() {
		return "update"
	}
	return "remove"
}

func (t *Tx) insertGroup(g model.Group) error {
	if err := t.guard(""); err != nil {
		return err
	}
	ver, clock, err := t.fresh(g.Stamp)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO breakout_tables(id, event_id, area_id, name, facilitator, scribe, reporter, participants, stage_key, stage_started_at, vision, removed_at, paused_at, paused_ms, extra_minutes, locked_stages, created_at, updated_at, version, clock)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, string(g.ID), string(g.EventID), string(g.AreaID), g.Name, g.Facilitator, g.Scribe, g.Reporter,
		g.Participants, g.StageKey, ts(g.StageStartedAt), g.Vision, ts(g.RemovedAt), ts(g.PausedAt), g.PausedFor.Milliseconds(), g.ExtraMinutes, js(g.LockedStages),
		ts(g.CreatedAt), ts(g.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit("create", "table", g.ID, g)
}

func (t *Tx) updateGroup(g model.Group) error {
	if err := t.guard(g.ID); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("breakout_tables", g.Stamp, g.ID)
	if err != nil {
		return err
	}
	res, err := t.exec(`UPDATE breakout_tables SET area_id=?, name=?, facilitator=?, scribe=?, reporter=?, participants=?, stage_key=?, stage_started_at=?, vision=?, removed_at=?,
		paused_at=?, paused_ms=?, extra_minutes=?, locked_stages=?, updated_at=?, version=?, clock=? WHERE id=?`,
		string(g.AreaID), g.Name, g.Facilitator, g.Scribe, g.Reporter, g.Participants, g.StageKey, ts(g.StageStartedAt), g.Vision, ts(g.RemovedAt),
		ts(g.PausedAt), g.PausedFor.Milliseconds(), g.ExtraMinutes, js(g.LockedStages), ts(g.UpdatedAt), ver, clock, string(g.ID))
	if err := changed(res, err, "table", g.ID); err != nil {
		return err
	}
	return t.audit(removal(g.RemovedAt), "table", g.ID, g)
}

func (t *Tx) insertContribution(c model.Contribution) error {
	if err := t.guard(c.GroupID); err != nil {
		return err
	}
	ver, clock, err := t.fresh(c.Stamp)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO contributions(id, table_id, stage_key, text, tags, author, deleted_at, theme_id, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		string(c.ID), string(c.GroupID), c.StageKey, c.Text, js(c.Tags), c.Author, ts(c.DeletedAt), string(c.ThemeID), ts(c.CreatedAt), ts(c.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit("create", "note", c.ID, c)
}

func (t *Tx) updateContribution(c model.Contribution) error {
	if err := t.guard(c.GroupID); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("contributions", c.Stamp, c.ID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO contribution_revisions(contribution_id, stage_key, text, tags, author, deleted_at, updated_at, replaced_at, version, theme_id)
		SELECT id, stage_key, text, tags, author, deleted_at, updated_at, ?, version, theme_id FROM contributions WHERE id = ?`, ts(time.Now()), string(c.ID))
	if err != nil {
		return err
	}
	res, err := t.exec(`UPDATE contributions SET stage_key=?, text=?, tags=?, author=?, deleted_at=?, theme_id=?, updated_at=?, version=?, clock=? WHERE id=?`,
		c.StageKey, c.Text, js(c.Tags), c.Author, ts(c.DeletedAt), string(c.ThemeID), ts(c.UpdatedAt), ver, clock, string(c.ID))
	if err := changed(res, err, "note", c.ID); err != nil {
		return err
	}
	action := "update"
	if !c.DeletedAt.IsZero() {
		action = "delete"
	}
	return t.audit(action, "note", c.ID, c)
}

func (t *Tx) insertNextStep(n model.NextStep) error {
	if err := t.guard(n.GroupID); err != nil {
		return err
	}
	ver, clock, err := t.fresh(n.Stamp)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO next_steps(id, table_id, action, owner, by_when, enabler, assist, priority_id, deleted_at, created_at, updated_at, version, clock) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		string(n.ID), string(n.GroupID), n.Action, n.Owner, n.ByWhen, n.Enabler, n.Assist, string(n.PriorityID), ts(n.DeletedAt), ts(n.CreatedAt), ts(n.UpdatedAt), ver, clock)
	if err != nil {
		return err
	}
	return t.audit("create", "next-step", n.ID, n)
}

func (t *Tx) updateNextStep(n model.NextStep) error {
	if err := t.guard(n.GroupID); err != nil {
		return err
	}
	ver, clock, err := t.nextByID("next_steps", n.Stamp, n.ID)
	if err != nil {
		return err
	}
	res, err := t.exec(`UPDATE next_steps SET action=?, owner=?, by_when=?, enabler=?, assist=?, priority_id=?, deleted_at=?, updated_at=?, version=?, clock=? WHERE id=?`,
		n.Action, n.Owner, n.ByWhen, n.Enabler, n.Assist, string(n.PriorityID), ts(n.DeletedAt), ts(n.UpdatedAt), ver, clock, string(n.ID))
	if err := changed(res, err, "next step", n.ID); err != nil {
		return err
	}
	return t.audit("update", "next-step", n.ID, n)
}

func (t *Tx) note(action, entity string, id model.ID, detail string) error {
	if detail == "" {
		detail = "{}"
	}
	raw := t.raw
	t.raw = false
	defer func() { t.raw = raw }()
	return t.audit(action, entity, id, detail)
}

// voteMethod stores an unset method as dots.
func voteMethod(m string) string {
	if m == "" {
		return model.MethodDots
	}
	return m
}

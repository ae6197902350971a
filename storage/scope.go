package storage

import (
	"context"
	"errors"
	"fmt"

	"forum/model"
)

// ErrOutOfScope: a table's pack may change only its own tables' records.
var ErrOutOfScope = errors.New("this laptop holds a table's pack")

// Scope is what a table's pack may change: its event and tables. The
// zero Scope (an organiser's database) may change everything.
type Scope struct {
	Event  model.ID
	Tables []model.ID
}

// Packed reports whether the database is a table's pack.
func (s Scope) Packed() bool { return len(s.Tables) > 0 }

// Has reports whether the scope lets a table's records change.
func (s Scope) Has(table model.ID) bool {
	if !s.Packed() {
		return true
	}
	for _, t := range s.Tables {
		if t == table {
			return true
		}
	}
	return false
}

// Scope reads the database's scope.
func (s *Store) Scope(ctx context.Context) (Scope, error) {
	var sc Scope
	var ev, tables string
	err := s.r.QueryRowContext(ctx, `SELECT scope_event, scope_tables FROM replica LIMIT 1`).Scan(&ev, &tables)
	if err != nil {
		return sc, mapErr(s.file, err)
	}
	sc.Event = model.ID(ev)
	unjs(tables, &sc.Tables)
	return sc, nil
}

// SetScope makes the database a table's pack (or, with the zero Scope,
// the organiser's again).
func (tx *Tx) SetScope(sc Scope) error {
	_, err := tx.exec(`UPDATE replica SET scope_event = ?, scope_tables = ?`, string(sc.Event), js(sc.Tables))
	tx.scope = nil
	return err
}

// guard refuses, in a table's pack, a change outside its tables (table ""
// is the event's set-up). An import or a merge (raw) is not refused.
func (t *txImpl) guard(table model.ID) error {
	if t.raw {
		return nil
	}
	if t.scope == nil {
		var tables string
		var sc Scope
		if err := t.tx.QueryRowContext(t.ctx, `SELECT scope_tables FROM replica LIMIT 1`).Scan(&tables); err != nil {
			return fmt.Errorf("reading the database's scope: %w", err)
		}
		unjs(tables, &sc.Tables)
		t.scope = &sc
	}
	if table != "" && t.scope.Has(table) || !t.scope.Packed() {
		return nil
	}
	if table == "" {
		return fmt.Errorf("%w: the event's set-up is changed on the organiser's laptop only", ErrOutOfScope)
	}
	return fmt.Errorf("%w, and it may change only its own tables", ErrOutOfScope)
}

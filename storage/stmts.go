package storage

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts is how many statement texts a database keeps prepared. The
// queries are a few dozen fixed texts, plus "IN (?,?,…)" lists of a few
// lengths; past the bound a text simply runs unprepared.
const maxStmts = 256

// stmtCache keeps the statements a database (the writer or the readers)
// runs prepared between transactions. SQLite, translated to Go, parses a
// statement in tens of microseconds, and a note's commit and its re-read
// ran about ten, each parsed again every time.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt // nil once closed
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}}
}

// lookup is q's prepared statement, or nil.
func (c *stmtCache) lookup(q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[q]
}

// learn prepares the texts not yet kept. It runs when the transaction
// that ran them has ended: preparing on the database takes a connection,
// and the writer has only the one its transaction held. A text that fails
// to prepare is left to run unprepared.
func (c *stmtCache) learn(qs []string) {
	for _, q := range qs {
		c.mu.Lock()
		_, have := c.m[q]
		full := c.m == nil || len(c.m) >= maxStmts
		c.mu.Unlock()
		if have || full {
			continue
		}
		st, err := c.db.PrepareContext(context.Background(), q)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if _, have := c.m[q]; have || c.m == nil {
			st.Close()
		} else {
			c.m[q] = st
		}
		c.mu.Unlock()
	}
}

// close finalizes the statements, before the database closes.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// stmtTx is a transaction that runs each text the cache holds as its
// prepared statement (on the transaction's connection, prepared there
// once) and remembers the others for the cache to learn when it ends
// (end). Statements run one at a time: every caller reads a query's rows
// to the end (all, one) before running another, which a shared prepared
// statement needs.
type stmtTx struct {
	*sql.Tx
	c      *stmtCache
	unseen []string
	local  map[string]*sql.Stmt // the cache's statements on this transaction
}

func (t *stmtTx) prepared(ctx context.Context, q string) *sql.Stmt {
	if st := t.local[q]; st != nil {
		return st
	}
	st := t.c.lookup(q)
	if st == nil {
		t.unseen = append(t.unseen, q)
		return nil
	}
	if t.local == nil {
		t.local = map[string]*sql.Stmt{}
	}
	st = t.Tx.StmtContext(ctx, st)
	t.local[q] = st
	return st
}

// QueryContext is sql.Tx's, prepared.
func (t *stmtTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, q, args...)
}

// QueryRowContext is sql.Tx's, prepared.
func (t *stmtTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, q, args...)
}

// ExecContext is sql.Tx's, prepared.
func (t *stmtTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.prepared(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

// end is called once the transaction is committed or rolled back.
func (t *stmtTx) end() {
	if len(t.unseen) > 0 {
		t.c.learn(t.unseen)
		t.unseen = nil
	}
}

// begin starts a transaction on db whose statements c keeps prepared.
func begin(ctx context.Context, db *sql.DB, c *stmtCache, opts *sql.TxOptions) (*stmtTx, error) {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &stmtTx{Tx: tx, c: c}, nil
}

package sessions

import (
	"context"
	"fmt"

	"forum/storage"
)

// AuditEntry is one entry of the database's audit log, with its links in
// the log's hash chain.
type AuditEntry = storage.AuditEntry

// AuditCheck is what VerifyAudit found: the chain, its head and the
// database file's own integrity check.
type AuditCheck = storage.AuditCheck

// VerifyAudit checks the database file and the audit log's hash chain,
// naming the first entry that was changed, removed or added around it.
func (e *Engine) VerifyAudit(ctx context.Context) (AuditCheck, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return AuditCheck{}, err
	}
	c, err := e.store.VerifyAudit(ctx)
	if err != nil {
		return c, fmt.Errorf("verifying the audit log: %w", err)
	}
	return c, nil
}

// AuditLog is the whole audit log, oldest first.
func (e *Engine) AuditLog(ctx context.Context) ([]AuditEntry, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return nil, err
	}
	return e.store.Audit(ctx, "")
}

package sessions

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"forum/model"
	"forum/storage"
)

// digests keeps, per event, the last report data made (the event as
// Snapshot reads it and its data digest) with the commit count and data
// version it was made at: a process that reports again (the TUI's export,
// a server's report, 'audit verify' after an export) before anything was
// committed reads nothing and encodes nothing. Every commit of this
// process counts; another process's shows in the data version.
type digests struct {
	mu      sync.Mutex
	commits uint64
	made    map[model.ID]reportData
}

// reportData is one event's report data, made after commits commits of
// this process and at the file's data version (other processes' commits).
type reportData struct {
	commits uint64
	version int64
	snap    Snapshot
	digest  string
}

func (d *digests) committed(storage.Changes) {
	d.mu.Lock()
	d.commits++
	d.made = nil
	d.mu.Unlock()
}

// Report hands build the event as Snapshot gives it and returns its data
// digest (EventDigest), both from one read of the whole event
// (SnapshotAll: the report's part is taken from it in memory); the digest
// is worked out while build runs, and both are kept until the next commit,
// so a report made again reads nothing and encodes nothing. build may be
// nil; it must not modify the snapshot.
func (e *Engine) Report(ctx context.Context, eventID model.ID, build func(Snapshot) error) (string, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return "", err
	}
	if build == nil {
		build = func(Snapshot) error { return nil }
	}
	// Another process's commit shows in the data version at once, before
	// the change watch's next poll: a report never states stale data.
	version, verErr := e.store.DataVersion(ctx)
	e.digests.mu.Lock()
	n := e.digests.commits
	r, ok := e.digests.made[eventID]
	e.digests.mu.Unlock()
	if ok && r.commits == n && verErr == nil && r.version == version {
		return r.digest, build(r.snap)
	}
	all, err := e.store.SnapshotAll(ctx, eventID)
	if err != nil {
		return "", fmt.Errorf("reading the event to report: %w", err)
	}
	r = reportData{commits: n, version: version, snap: all.Live()}
	var digestErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.digest, digestErr = digestOf(all)
	}()
	buildErr := build(r.snap)
	<-done
	if digestErr != nil {
		return "", digestErr
	}
	e.digests.mu.Lock()
	if e.digests.commits == n && verErr == nil {
		if e.digests.made == nil {
			e.digests.made = map[model.ID]reportData{}
		}
		e.digests.made[eventID] = r
	}
	e.digests.mu.Unlock()
	return r.digest, buildErr
}

// ReportData is the event as Snapshot gives it and its data digest, as
// Report makes them. Do not modify the snapshot.
func (e *Engine) ReportData(ctx context.Context, eventID model.ID) (Snapshot, string, error) {
	var snap Snapshot
	d, err := e.Report(ctx, eventID, func(s Snapshot) error {
		snap = s
		return nil
	})
	return snap, d, err
}

// EventDigest is the digest of an event's data: "sha256:" and the first 16
// hex digits of the SHA-256 of its canonical JSON export (ExportJSON),
// which is the same for the same data, however the copies were merged. A
// published report states it on its "Data as of" line, so that the report
// can be checked against any copy of the event.
func (e *Engine) EventDigest(ctx context.Context, eventID model.ID) (string, error) {
	return e.Report(ctx, eventID, nil)
}

// digestOf is EventDigest of a complete snapshot.
func digestOf(all Snapshot) (string, error) {
	h := sha256.New()
	if err := exportTo(h, all); err != nil {
		return "", err
	}
	sum := h.Sum(nil)
	return "sha256:" + hex.EncodeToString(sum[:8]), nil
}

package storage

import (
	"context"

	"forum/model"
)

// Path is the database file's path.
func (s *Store) Path() string { return s.path() }

// Close stops the change watch and closes every connection.
func (s *Store) Close() error { return s.close() }

// Events lists the events that are not deleted: active ones first, then the
// archived; within each, newest date first (then newest change).
func (s *Store) Events(ctx context.Context) ([]EventSummary, error) { return s.events(ctx) }

// LatestEventID is the event changed most recently, or ErrNotFound.
func (s *Store) LatestEventID(ctx context.Context) (model.ID, error) { return s.latestEventID(ctx) }

// Snapshot reads everything of one event in one read transaction.
func (s *Store) Snapshot(ctx context.Context, eventID model.ID) (Snapshot, error) {
	return s.snapshot(ctx, eventID, false)
}

// SnapshotAll reads everything of one event, removed areas and tables and
// what was captured at them included (in Areas and Groups, with RemovedAt
// set), for a complete export.
func (s *Store) SnapshotAll(ctx context.Context, eventID model.ID) (Snapshot, error) {
	return s.snapshot(ctx, eventID, true)
}

// SnapshotAll reads everything of one event inside the transaction, as
// Store.SnapshotAll does (for a merge, which must not lose a change
// committed while it reads).
func (tx *Tx) SnapshotAll(eventID model.ID) (Snapshot, error) {
	return readSnapshot(tx.ctx, tx.tx, eventID, true)
}

// Event reads one event (with its stages and programme).
func (s *Store) Event(ctx context.Context, id model.ID) (model.Event, error) { return s.event(ctx, id) }

// Group reads one table.
func (s *Store) Group(ctx context.Context, id model.ID) (model.Group, error) { return s.group(ctx, id) }

// Audit lists the audit log for one entity id, or all of it when id is "".
func (s *Store) Audit(ctx context.Context, id model.ID) ([]AuditEntry, error) {
	return s.audit(ctx, id)
}

// Revisions lists earlier versions of a note, oldest first.
func (s *Store) Revisions(ctx context.Context, contributionID model.ID) ([]model.Contribution, error) {
	return s.revisions(ctx, contributionID)
}

// InsertEvent stores a new event with its stages and programme.
func (tx *Tx) InsertEvent(e model.Event) error { return tx.insertEvent(e) }

// UpdateEvent overwrites an event's own fields (not its areas or tables).
func (tx *Tx) UpdateEvent(e model.Event) error { return tx.updateEvent(e) }

// InsertArea stores a new area.
func (tx *Tx) InsertArea(a model.Area) error { return tx.insertArea(a) }

// UpdateArea overwrites an area's fields (RemovedAt set: removed, kept).
func (tx *Tx) UpdateArea(a model.Area) error { return tx.updateArea(a) }

// InsertGroup stores a new table.
func (tx *Tx) InsertGroup(g model.Group) error { return tx.insertGroup(g) }

// UpdateGroup overwrites a table's fields.
func (tx *Tx) UpdateGroup(g model.Group) error { return tx.updateGroup(g) }

// InsertContribution stores a new note.
func (tx *Tx) InsertContribution(c model.Contribution) error { return tx.insertContribution(c) }

// UpdateContribution overwrites a note (text, tags, author, stage,
// DeletedAt), keeping the previous version as a revision.
func (tx *Tx) UpdateContribution(c model.Contribution) error { return tx.updateContribution(c) }

// ReplaceBallot removes the voter's ballot in the open round of a vote (a
// table's stage and method) and stores votes instead (which may be empty).
// It appends nothing to the audit log: a round's close records its
// ballots' count and digest.
func (tx *Tx) ReplaceBallot(groupID model.ID, stageKey, method, voter string, votes []model.Vote) error {
	return tx.replaceBallot(groupID, stageKey, method, voter, votes)
}

// OpenVotes reads the ballots cast so far in the open round of a table's
// stage (any method).
func (tx *Tx) OpenVotes(groupID model.ID, stageKey string) ([]model.Vote, error) {
	return tx.openVotes(groupID, stageKey)
}

// NextStep reads a next step inside the transaction.
func (tx *Tx) NextStep(id model.ID) (model.NextStep, error) { return tx.nextStep(id) }

// Rounds reads a table's vote rounds inside the transaction.
func (tx *Tx) Rounds(groupID model.ID) ([]model.VoteRound, error) { return tx.rounds(groupID) }

// PutRound stores a vote round; a closed round takes the open ballots.
func (tx *Tx) PutRound(r model.VoteRound) error { return tx.putRound(r) }

// StartRound stores a vote round opened by its first ballot, with the
// rules it runs under, without an audit entry (which would date the
// ballot).
func (tx *Tx) StartRound(r model.VoteRound) error { return tx.startRound(r) }

// InsertNextStep stores a new next step.
func (tx *Tx) InsertNextStep(n model.NextStep) error { return tx.insertNextStep(n) }

// UpdateNextStep overwrites a next step (including DeletedAt).
func (tx *Tx) UpdateNextStep(n model.NextStep) error { return tx.updateNextStep(n) }

// ReplaceKeyMessages replaces the key messages of a table (or of the event
// when groupID is "") with msgs.
func (tx *Tx) ReplaceKeyMessages(eventID, groupID model.ID, msgs []model.KeyMessage) error {
	return tx.replaceKeyMessages(eventID, groupID, msgs)
}

// ReplaceRatings replaces one rater's maturity levels at a table.
func (tx *Tx) ReplaceRatings(groupID model.ID, rater string, rs []model.Rating) error {
	return tx.replaceRatings(groupID, rater, rs)
}

// PutTheme stores a theme, new or changed.
func (tx *Tx) PutTheme(th model.Theme) error { return tx.putTheme(th) }

// Theme reads a theme inside the transaction.
func (tx *Tx) Theme(id model.ID) (model.Theme, error) { return tx.theme(id) }

// Themes reads a table's themes (ungrouped ones included) inside the
// transaction.
func (tx *Tx) Themes(groupID model.ID) ([]model.Theme, error) { return tx.themes(groupID) }

// PutLink stores the organiser's verdict on two themes, new or changed.
func (tx *Tx) PutLink(l model.ThemeLink) error { return tx.putLink(l) }

// InsertVote stores one vote as it is (for an import).
func (tx *Tx) InsertVote(v model.Vote) error { return tx.insertVote(v) }

// PurgeEvent erases an event and everything in it (for an import that
// replaces it, as the user asked); the audit log keeps that it happened.
func (tx *Tx) PurgeEvent(id model.ID) error { return tx.purgeEvent(id, false) }

// ClearEvent erases everything in an event but the event's own row and
// its seats' passcodes and keys (for a merge, which then stores the merged
// records in the same transaction).
func (tx *Tx) ClearEvent(id model.ID) error { return tx.purgeEvent(id, true) }

// PutRevision stores a note's earlier version as given (an import or a
// merge); the same version is stored once.
func (tx *Tx) PutRevision(c model.Contribution) error { return tx.putRevision(c) }

// PutKept stores a record's losing version in the event's history.
func (tx *Tx) PutKept(eventID model.ID, k model.Kept) error { return tx.putKept(eventID, k) }

// Note appends an audit row for an action that is not a record change,
// such as moving a table to the next stage.
func (tx *Tx) Note(action, entity string, id model.ID, detail string) error {
	return tx.note(action, entity, id, detail)
}

// Event reads an event inside the transaction.
func (tx *Tx) Event(id model.ID) (model.Event, error) { return tx.event(id) }

// Area reads an area inside the transaction.
func (tx *Tx) Area(id model.ID) (model.Area, error) { return tx.area(id) }

// Group reads a table inside the transaction.
func (tx *Tx) Group(id model.ID) (model.Group, error) { return tx.group(id) }

// Contribution reads a note inside the transaction.
func (tx *Tx) Contribution(id model.ID) (model.Contribution, error) { return tx.contribution(id) }

// Contributions reads a table's notes (deleted included) inside the
// transaction, by creation time then id.
func (tx *Tx) Contributions(groupID model.ID) ([]model.Contribution, error) {
	return tx.contributions(groupID)
}

-- forum schema 12: offline tables merged into one event. Every record
-- carries a version (one more than the version it replaced) and a version
-- vector (which databases changed it, how many times), so that a merge
-- tells an update from a conflict; the losing side of a conflict is kept in
-- record_history. Each database has its own origin; a table's pack records
-- the tables it may change.
CREATE TABLE replica (
  origin TEXT NOT NULL,
  scope_event TEXT NOT NULL DEFAULT '',
  scope_tables TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO replica(origin) VALUES (lower(hex(randomblob(8))));
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE areas ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE areas ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE breakout_tables ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE breakout_tables ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE contributions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contributions ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution_revisions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contribution_revisions ADD COLUMN theme_id TEXT NOT NULL DEFAULT '';
ALTER TABLE votes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE votes ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE next_steps ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE next_steps ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE key_messages ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE key_messages ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE maturity_ratings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE maturity_ratings ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE themes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE themes ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE theme_links ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE theme_links ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE vote_rounds ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE vote_rounds ADD COLUMN clock TEXT NOT NULL DEFAULT '';
CREATE TABLE record_history (
  event_id TEXT NOT NULL REFERENCES events(id),
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (entity, record_id, version, hash)
);
CREATE INDEX record_history_event ON record_history(event_id, entity, record_id, version, hash);

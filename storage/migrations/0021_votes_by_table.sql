-- forum schema 19: ballots stored in the order they are read. Every read
-- of votes is by table, in the order (stage, voter, round, item, id); with
-- the ballots keyed by their id, each row was found through an index and
-- then looked up again by id, which made reading an event's ballots the
-- largest part of an export. Keyed in that order, the table is read
-- straight through, and the two indexes that held that order go. The id
-- stays unique. Stored order is still not the order ballots were cast in.
CREATE TABLE votes_by_table (
  id TEXT NOT NULL,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  stage_key TEXT NOT NULL,
  method TEXT NOT NULL,
  voter TEXT NOT NULL,
  item_id TEXT NOT NULL,
  value INTEGER NOT NULL,
  round_id TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  clock TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (table_id, stage_key, voter, round_id, item_id, id)
) WITHOUT ROWID;
INSERT INTO votes_by_table SELECT id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at, version, clock FROM votes;
DROP TABLE votes;
ALTER TABLE votes_by_table RENAME TO votes;
CREATE UNIQUE INDEX votes_id ON votes(id);
CREATE INDEX votes_changed ON votes(table_id, updated_at);

-- forum schema 13: ballots that nothing stored can link to a person.
-- New rows are keyed by random ids in a table without rowids (older rows
-- keep their ids, so that a file migrated twice merges as one), so their stored
-- order is the ids' order, not the order they were cast in; a ballot's
-- times are its round's; a round keeps whether it asked every dot to be
-- placed, as it keeps its dots and cap, so a later set-up change applies to
-- the next round only.
CREATE TABLE votes_unlinked (
  id TEXT NOT NULL PRIMARY KEY,
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
  clock TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO votes_unlinked(id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at, version, clock)
  SELECT id, table_id, stage_key, method, voter, item_id, value, round_id,
    coalesce((SELECT r.created_at FROM vote_rounds r WHERE r.id = v.round_id), v.created_at),
    coalesce((SELECT r.created_at FROM vote_rounds r WHERE r.id = v.round_id), v.created_at),
    version, clock
  FROM votes v;
DROP TABLE votes;
ALTER TABLE votes_unlinked RENAME TO votes;
CREATE INDEX votes_table ON votes(table_id, stage_key, voter);
CREATE INDEX votes_order ON votes(table_id, stage_key, voter, round_id, item_id, id);
ALTER TABLE vote_rounds ADD COLUMN spend_all INTEGER NOT NULL DEFAULT 0;

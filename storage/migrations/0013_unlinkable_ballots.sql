-- forum schema 13: ballots that nothing stored can link to a person.
-- Rows are keyed by random ids in a table without rowids, so their stored
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
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO votes_unlinked(id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at)
  SELECT
    substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
      substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12),
    table_id, stage_key, method, voter, item_id, value, round_id,
    coalesce((SELECT r.created_at FROM vote_rounds r WHERE r.id = v.round_id), v.created_at),
    coalesce((SELECT r.created_at FROM vote_rounds r WHERE r.id = v.round_id), v.created_at)
  FROM (SELECT lower(hex(randomblob(16))) AS h, * FROM votes) v;
DROP TABLE votes;
ALTER TABLE votes_unlinked RENAME TO votes;
CREATE INDEX votes_table ON votes(table_id, stage_key, voter);
CREATE INDEX votes_order ON votes(table_id, stage_key, voter, round_id, item_id, id);
ALTER TABLE vote_rounds ADD COLUMN spend_all INTEGER NOT NULL DEFAULT 0;

-- forum schema 10: votes run in rounds. A round is open (ballots hidden
-- from the table) until the facilitator closes and reveals it; reopening
-- starts a new round and the earlier one stays, with its ballots. A closed
-- round keeps the rules it ran under (dots each, cap, voters), so that its
-- result can be recomputed from its ballots alone.
CREATE TABLE vote_rounds (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  stage_key TEXT NOT NULL,
  method TEXT NOT NULL,
  round INTEGER NOT NULL,
  status TEXT NOT NULL,
  budget INTEGER NOT NULL DEFAULT 0,
  cap INTEGER NOT NULL DEFAULT 0,
  voters INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (table_id, stage_key, method, round)
);
ALTER TABLE votes ADD COLUMN round_id TEXT NOT NULL DEFAULT '';
-- The priorities vote's method: dots, approval or borda (ranking).
ALTER TABLE events ADD COLUMN vote_method TEXT NOT NULL DEFAULT 'dots';
-- Whether a dot vote asks every ballot to place all its dots.
ALTER TABLE events ADD COLUMN dots_spend_all INTEGER NOT NULL DEFAULT 0;

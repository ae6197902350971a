-- forum schema 7: the facilitator's console. A table's stage timer can be
-- paused and extended, and stages locked; the event keeps its maturity
-- model; raters' maturity levels are stored per table.
ALTER TABLE events ADD COLUMN maturity TEXT NOT NULL DEFAULT '{}';
ALTER TABLE breakout_tables ADD COLUMN paused_at TEXT NOT NULL DEFAULT '';
ALTER TABLE breakout_tables ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE breakout_tables ADD COLUMN extra_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE breakout_tables ADD COLUMN locked_stages TEXT NOT NULL DEFAULT '[]';
CREATE TABLE maturity_ratings (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  rater TEXT NOT NULL,
  dimension INTEGER NOT NULL,
  level INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (table_id, rater, dimension)
);
CREATE INDEX maturity_ratings_table ON maturity_ratings(table_id, rater, dimension);

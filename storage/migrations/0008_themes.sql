-- forum schema 8: themes. A table groups notes into named themes; the
-- organiser links themes that different tables raised into cross-cutting
-- themes (or rejects a proposed link, so it is not proposed again).
CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  stage_key TEXT NOT NULL,
  name TEXT NOT NULL,
  deleted_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX themes_table ON themes(table_id, created_at, id);
ALTER TABLE contributions ADD COLUMN theme_id TEXT NOT NULL DEFAULT '';
CREATE TABLE theme_links (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  theme_a TEXT NOT NULL REFERENCES themes(id),
  theme_b TEXT NOT NULL REFERENCES themes(id),
  status TEXT NOT NULL,
  score REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (theme_a, theme_b)
);

-- forum schema 4: areas and tables can be removed from an event's set-up
-- and restored later; their records, and everything captured at them, stay.
ALTER TABLE areas ADD COLUMN removed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE breakout_tables ADD COLUMN removed_at TEXT NOT NULL DEFAULT '';

-- forum schema 2: the programme item the chair has marked as current
-- (-1: none yet).
ALTER TABLE events ADD COLUMN programme_at INTEGER NOT NULL DEFAULT -1;

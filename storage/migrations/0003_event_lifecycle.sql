-- forum schema 3: events can be archived (kept, listed last) and deleted
-- (hidden from lists, kept in the file so they can be recovered).
ALTER TABLE events ADD COLUMN archived_at TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN deleted_at TEXT NOT NULL DEFAULT '';

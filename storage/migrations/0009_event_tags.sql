-- forum schema 9: an event's own tags (from its template), which scribes
-- put on notes with a key, besides the four enablers.
ALTER TABLE events ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';

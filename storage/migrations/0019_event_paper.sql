-- forum schema 19: the page size an event's report prints on. Events made
-- before it print on A4, as London's organisers do.
ALTER TABLE events ADD COLUMN paper TEXT NOT NULL DEFAULT 'A4';

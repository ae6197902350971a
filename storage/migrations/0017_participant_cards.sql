-- forum schema 17: participant cards. Each card carries a login code bound
-- to one voter code at one table; the code is the only credential. The
-- table has no rowid, so the cards' stored order is their random codes'
-- order, not the order of the voter codes. It names its event and table
-- without a foreign key: a merge rewrites an event's tables and its cards stay.
CREATE TABLE participant_cards (
  code TEXT NOT NULL PRIMARY KEY,
  event_id TEXT NOT NULL,
  table_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  voided_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (table_id, voter)
) WITHOUT ROWID;

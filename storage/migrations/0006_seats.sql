-- forum schema 6: how seats prove their role when they join over SSH: a
-- passcode per event and role (only its salted hash is stored), and public
-- keys listed for the event.
CREATE TABLE seat_passcodes (
  event_id TEXT NOT NULL REFERENCES events(id),
  role TEXT NOT NULL,
  salt BLOB NOT NULL,
  hash BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (event_id, role)
);
CREATE TABLE seat_keys (
  event_id TEXT NOT NULL REFERENCES events(id),
  public_key TEXT NOT NULL,
  role TEXT NOT NULL,
  table_id TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (event_id, public_key)
);

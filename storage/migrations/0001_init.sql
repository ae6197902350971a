-- forum schema 1. Times are RFC 3339 UTC text; '' means unset.
-- Lists (aims, programme, stages, places, tags, sources) are JSON text.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  chair TEXT NOT NULL DEFAULT '',
  aims TEXT NOT NULL DEFAULT '[]',
  programme TEXT NOT NULL DEFAULT '[]',
  area_label TEXT NOT NULL DEFAULT '',
  template TEXT NOT NULL DEFAULT '',
  illustrative INTEGER NOT NULL DEFAULT 0,
  dots_budget INTEGER NOT NULL DEFAULT 0,
  dots_cap INTEGER NOT NULL DEFAULT 0,
  stages TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE areas (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  places TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, code)
);

CREATE TABLE breakout_tables (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  name TEXT NOT NULL,
  facilitator TEXT NOT NULL DEFAULT '',
  scribe TEXT NOT NULL DEFAULT '',
  reporter TEXT NOT NULL DEFAULT '',
  participants INTEGER NOT NULL DEFAULT 0,
  stage_key TEXT NOT NULL DEFAULT '',
  stage_started_at TEXT NOT NULL DEFAULT '',
  vision TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX breakout_tables_event ON breakout_tables(event_id);

CREATE TABLE contributions (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  stage_key TEXT NOT NULL,
  text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  author TEXT NOT NULL DEFAULT '',
  deleted_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contributions_table ON contributions(table_id, created_at, id);

CREATE TABLE contribution_revisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  contribution_id TEXT NOT NULL REFERENCES contributions(id),
  stage_key TEXT NOT NULL,
  text TEXT NOT NULL,
  tags TEXT NOT NULL,
  author TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  replaced_at TEXT NOT NULL
);
CREATE INDEX contribution_revisions_note ON contribution_revisions(contribution_id, seq);

CREATE TABLE votes (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  stage_key TEXT NOT NULL,
  method TEXT NOT NULL,
  voter TEXT NOT NULL,
  item_id TEXT NOT NULL,
  value INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX votes_table ON votes(table_id, stage_key, voter);

CREATE TABLE next_steps (
  id TEXT PRIMARY KEY,
  table_id TEXT NOT NULL REFERENCES breakout_tables(id),
  action TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  by_when TEXT NOT NULL DEFAULT '',
  enabler TEXT NOT NULL DEFAULT '',
  assist TEXT NOT NULL DEFAULT '',
  priority_id TEXT NOT NULL DEFAULT '',
  deleted_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX next_steps_table ON next_steps(table_id, created_at, id);

CREATE TABLE key_messages (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  table_id TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  sources TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX key_messages_event ON key_messages(event_id, table_id, position);

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit(entity_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

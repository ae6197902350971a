-- forum schema 20: the area round. Each piece of an area's synthesis (its
-- vision, a joined priority's name, a next step, a key message, the ask)
-- is its own row with its own version, so two seats editing one area's
-- synthesis at once never overwrite each other's parts, and a write from a
-- stale copy of one part is refused.
CREATE TABLE area_parts (
  id TEXT NOT NULL PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  by_when TEXT NOT NULL DEFAULT '',
  assist TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (area_id, kind, key)
);
CREATE INDEX area_parts_event ON area_parts(event_id);
-- Whether the event holds an area round, from its template: when
-- ('never', 'multiple-tables', 'always'), its minutes and prompts (JSON).
CREATE TABLE event_area_rounds (
  event_id TEXT NOT NULL PRIMARY KEY REFERENCES events(id),
  held TEXT NOT NULL,
  minutes INTEGER NOT NULL DEFAULT 0,
  prompts TEXT NOT NULL DEFAULT '[]'
);

// The SQLite schema as a history that only grows: each version is appended, never edited, and
// PRAGMA user_version says how far a database has come. Tables are STRICT so a wrong type fails loudly.
// `table_name` stands for an operation's table (`table` is an SQL keyword). merged_rows also says who
// owns a row: a row exists there exactly when its team's log has stored an operation on it, so one
// table answers both "what is the row" and "whose is it" with one lookup per push.

export interface SqliteMigration {
  readonly version: number;
  readonly why: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    why: 'The central server (issue 17): people, devices, the teams’ operation logs and merged rows.',
    sql: `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'office', 'inspector', 'leader')),
  team_id TEXT REFERENCES teams (id),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  password_hash TEXT
) STRICT;

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  team_id TEXT REFERENCES teams (id),
  public_key TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

CREATE TABLE enrollment_codes (
  code_hash TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams (id),
  created_by TEXT NOT NULL REFERENCES people (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  device_id TEXT REFERENCES devices (id)
) STRICT;

CREATE TABLE challenges (
  challenge TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

CREATE TABLE bindings (
  binding_hash TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX bindings_by_device ON bindings (device_id);

CREATE TABLE operations (
  team_id TEXT NOT NULL REFERENCES teams (id),
  seq INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  node TEXT NOT NULL,
  value TEXT NOT NULL,
  pushed_by_device TEXT NOT NULL REFERENCES devices (id),
  pushed_by_person TEXT NOT NULL REFERENCES people (id),
  pushed_at TEXT NOT NULL,
  UNIQUE (team_id, seq),
  UNIQUE (table_name, row_id, field, hlc)
) STRICT;

CREATE TABLE operations_aside (
  id INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams (id),
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  node TEXT NOT NULL,
  value TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  pushed_by_device TEXT NOT NULL REFERENCES devices (id),
  pushed_by_person TEXT NOT NULL REFERENCES people (id),
  pushed_at TEXT NOT NULL,
  UNIQUE (table_name, row_id, field, hlc, content_hash)
) STRICT;
CREATE INDEX operations_aside_by_team ON operations_aside (team_id, id);

CREATE TABLE merged_rows (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams (id),
  row TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
) STRICT;
CREATE INDEX merged_rows_by_team ON merged_rows (team_id, table_name, row_id);

CREATE TABLE team_counters (team_id TEXT PRIMARY KEY REFERENCES teams (id), last_seq INTEGER NOT NULL) STRICT;

CREATE TABLE team_knowledge (
  team_id TEXT NOT NULL REFERENCES teams (id),
  node TEXT NOT NULL,
  hlc TEXT NOT NULL,
  PRIMARY KEY (team_id, node)
) STRICT, WITHOUT ROWID;

CREATE TABLE blob_refs (
  team_id TEXT NOT NULL REFERENCES teams (id),
  sha256 TEXT NOT NULL,
  PRIMARY KEY (team_id, sha256)
) STRICT, WITHOUT ROWID;
`,
  },
  {
    version: 2,
    why: 'Who pushed is said once per push (a pushes row, with what the laptop knew then), not on every operation; the log is keyed by (team, seq) without a rowid. A push writes one B-tree less and a third fewer bytes per operation.',
    // The old log is copied, each distinct (team, device, person, time) becoming one push; then it is
    // replaced. The foreign keys of operations now go through its push, which names the team.
    sql: `
CREATE TABLE pushes (
  id INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams (id),
  device_id TEXT NOT NULL REFERENCES devices (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  pushed_at TEXT NOT NULL,
  -- What the laptop held when it pushed (canonical JSON of a version vector); NULL when it said nothing.
  knowledge TEXT
) STRICT;

INSERT INTO pushes (team_id, device_id, person_id, pushed_at)
  SELECT team_id, pushed_by_device, pushed_by_person, pushed_at FROM operations
  GROUP BY team_id, pushed_by_device, pushed_by_person, pushed_at ORDER BY min(seq);

CREATE TABLE operations_log (
  team_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  node TEXT NOT NULL,
  value TEXT NOT NULL,
  push_id INTEGER NOT NULL REFERENCES pushes (id),
  PRIMARY KEY (team_id, seq),
  UNIQUE (table_name, row_id, field, hlc)
) STRICT, WITHOUT ROWID;

INSERT INTO operations_log (team_id, seq, table_name, row_id, field, hlc, node, value, push_id)
  SELECT o.team_id, o.seq, o.table_name, o.row_id, o.field, o.hlc, o.node, o.value, p.id
  FROM operations o JOIN pushes p ON p.team_id = o.team_id AND p.device_id = o.pushed_by_device
    AND p.person_id = o.pushed_by_person AND p.pushed_at = o.pushed_at;

DROP TABLE operations;
ALTER TABLE operations_log RENAME TO operations;
`,
  },
  {
    version: 3,
    why: 'Notice numbers never collide (issue 18): laptops reserve blocks of a team’s 整改通知书 numbers per year; the row keeps the last number given.',
    sql: `
CREATE TABLE notice_counters (
  team_id TEXT NOT NULL REFERENCES teams (id),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL CHECK (last >= 0),
  PRIMARY KEY (team_id, year)
) STRICT, WITHOUT ROWID;
`,
  },
  {
    version: 4,
    why: 'A signed visit’s signature images are blobs its team may download (issue 18), like photo originals: the references of visits already stored are added.',
    sql: `
INSERT INTO blob_refs (team_id, sha256)
SELECT DISTINCT m.team_id, json_extract(s.value, '$.imageSha256')
FROM merged_rows m, json_each(m.row, '$.signatures') s
WHERE m.table_name = 'visits'
  AND json_valid(m.row)
  AND json_type(m.row, '$.signatures') = 'array'
  AND json_type(s.value, '$.imageSha256') = 'text'
  AND length(json_extract(s.value, '$.imageSha256')) = 64
  AND json_extract(s.value, '$.imageSha256') NOT GLOB '*[^0-9a-f]*'
ON CONFLICT DO NOTHING;
`,
  },
];

// The PostgreSQL schema as a history that only grows: each version appended, never edited; the table
// schema_migrations says how far a database has come. It mirrors sqlite-schema.ts table for table.
// Clocks, ids and keys are COLLATE "C": clocks must compare as bytes (a locale's collation may skip the
// '-' in them), and byte comparison is also the cheapest for the unique indexes a push probes.

export interface PostgresMigration {
  readonly version: number;
  readonly why: string;
  readonly sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    why: 'The central server (issue 17): people, devices, the teams’ operation logs and merged rows.',
    sql: `
CREATE TABLE settings (key text COLLATE "C" PRIMARY KEY, value text NOT NULL);

CREATE TABLE teams (id text COLLATE "C" PRIMARY KEY, name text NOT NULL);

CREATE TABLE people (
  id text COLLATE "C" PRIMARY KEY,
  login text COLLATE "C" NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'office', 'inspector', 'leader')),
  team_id text COLLATE "C" REFERENCES teams (id),
  disabled boolean NOT NULL DEFAULT false,
  password_hash text
);

CREATE TABLE devices (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  team_id text COLLATE "C" REFERENCES teams (id),
  public_key text NOT NULL,
  enrolled_at text NOT NULL,
  revoked_at text
);

CREATE TABLE enrollment_codes (
  code_hash text COLLATE "C" PRIMARY KEY,
  team_id text COLLATE "C" REFERENCES teams (id),
  created_by text COLLATE "C" NOT NULL REFERENCES people (id),
  created_at text NOT NULL,
  expires_at text COLLATE "C" NOT NULL,
  used_at text,
  device_id text COLLATE "C" REFERENCES devices (id)
);

CREATE TABLE challenges (
  challenge text COLLATE "C" PRIMARY KEY,
  device_id text COLLATE "C" NOT NULL REFERENCES devices (id),
  expires_at text COLLATE "C" NOT NULL
);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

CREATE TABLE bindings (
  binding_hash text COLLATE "C" PRIMARY KEY,
  device_id text COLLATE "C" NOT NULL REFERENCES devices (id),
  person_id text COLLATE "C" NOT NULL REFERENCES people (id),
  created_at text NOT NULL,
  revoked_at text
);
CREATE INDEX bindings_by_device ON bindings (device_id);

CREATE TABLE operations (
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  seq bigint NOT NULL,
  table_name text COLLATE "C" NOT NULL,
  row_id text COLLATE "C" NOT NULL,
  field text COLLATE "C" NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  node text COLLATE "C" NOT NULL,
  value text NOT NULL,
  pushed_by_device text COLLATE "C" NOT NULL REFERENCES devices (id),
  pushed_by_person text COLLATE "C" NOT NULL REFERENCES people (id),
  pushed_at text NOT NULL,
  PRIMARY KEY (team_id, seq),
  UNIQUE (table_name, row_id, field, hlc)
);

CREATE TABLE operations_aside (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  table_name text COLLATE "C" NOT NULL,
  row_id text COLLATE "C" NOT NULL,
  field text COLLATE "C" NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  node text COLLATE "C" NOT NULL,
  value text NOT NULL,
  content_hash text COLLATE "C" NOT NULL,
  pushed_by_device text COLLATE "C" NOT NULL REFERENCES devices (id),
  pushed_by_person text COLLATE "C" NOT NULL REFERENCES people (id),
  pushed_at text NOT NULL,
  UNIQUE (table_name, row_id, field, hlc, content_hash)
);
CREATE INDEX operations_aside_by_team ON operations_aside (team_id, id);

CREATE TABLE merged_rows (
  table_name text COLLATE "C" NOT NULL,
  row_id text COLLATE "C" NOT NULL,
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  row text NOT NULL,
  PRIMARY KEY (table_name, row_id)
);
CREATE INDEX merged_rows_by_team ON merged_rows (team_id, table_name, row_id);

CREATE TABLE team_counters (team_id text COLLATE "C" PRIMARY KEY REFERENCES teams (id), last_seq bigint NOT NULL);

CREATE TABLE team_knowledge (
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  node text COLLATE "C" NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  PRIMARY KEY (team_id, node)
);

CREATE TABLE blob_refs (
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  sha256 text COLLATE "C" NOT NULL,
  PRIMARY KEY (team_id, sha256)
);
`,
  },
  {
    version: 2,
    why: 'Who pushed is said once per push (a pushes row, with what the laptop knew then), not on every operation: a third fewer bytes per operation and one foreign key to check instead of three.',
    // The old log's pusher columns become one push per distinct (team, device, person, time).
    sql: `
CREATE TABLE pushes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  device_id text COLLATE "C" NOT NULL REFERENCES devices (id),
  person_id text COLLATE "C" NOT NULL REFERENCES people (id),
  pushed_at text NOT NULL,
  -- What the laptop held when it pushed (canonical JSON of a version vector); NULL when it said nothing.
  knowledge text
);

INSERT INTO pushes (team_id, device_id, person_id, pushed_at)
  SELECT team_id, pushed_by_device, pushed_by_person, pushed_at FROM operations
  GROUP BY team_id, pushed_by_device, pushed_by_person, pushed_at ORDER BY min(seq);

ALTER TABLE operations ADD COLUMN push_id bigint REFERENCES pushes (id);
UPDATE operations o SET push_id = p.id FROM pushes p
  WHERE p.team_id = o.team_id AND p.device_id = o.pushed_by_device
    AND p.person_id = o.pushed_by_person AND p.pushed_at = o.pushed_at;
ALTER TABLE operations ALTER COLUMN push_id SET NOT NULL,
  DROP CONSTRAINT operations_team_id_fkey,
  DROP COLUMN pushed_by_device, DROP COLUMN pushed_by_person, DROP COLUMN pushed_at;
`,
  },
  {
    version: 3,
    why: 'Notice numbers never collide (issue 18): laptops reserve blocks of a team’s 整改通知书 numbers per year; the row keeps the last number given.',
    sql: `
CREATE TABLE notice_counters (
  team_id text COLLATE "C" NOT NULL REFERENCES teams (id),
  year integer NOT NULL,
  last bigint NOT NULL CHECK (last >= 0),
  PRIMARY KEY (team_id, year)
);
`,
  },
  {
    version: 4,
    why: 'A signed visit’s signature images are blobs its team may download (issue 18), like photo originals: the references of visits already stored are added.',
    sql: `
INSERT INTO blob_refs (team_id, sha256)
SELECT DISTINCT m.team_id, s.value ->> 'imageSha256'
FROM merged_rows m
CROSS JOIN LATERAL jsonb_array_elements(
  CASE WHEN jsonb_typeof(m.row::jsonb -> 'signatures') = 'array' THEN m.row::jsonb -> 'signatures' ELSE '[]'::jsonb END
) AS s(value)
WHERE m.table_name = 'visits'
  AND jsonb_typeof(s.value) = 'object'
  AND (s.value ->> 'imageSha256') ~ '^[0-9a-f]{64}$'
ON CONFLICT DO NOTHING;
`,
  },
];

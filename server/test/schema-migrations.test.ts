// A database made by an earlier server keeps everything when a newer one migrates it. Version 1 said
// who pushed on every operation; version 2 says it once per push. A log written at version 1 must
// come through with every operation, its sequence number and its pusher, and take new pushes after.
import { expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres-schema';
import { SQLITE_MIGRATIONS } from '../src/store/sqlite-schema';
import { describeEachBackend, type BlankDatabase, type StoreBackend } from './support/backends';
import { NODE_A, NODE_B, operation } from './support/store-fixtures';

const FIRST_AT = '2026-06-02T08:00:00.000Z';
const LATER_AT = '2026-06-03T09:30:00.000Z';
const ops = [
  operation({ node: NODE_A, at: 1, rowId: 'issue-1', field: 'title', value: '进水口格栅缺失' }),
  operation({ node: NODE_A, at: 2, rowId: 'issue-1', field: 'status', value: 'open' }),
  operation({ node: NODE_B, at: 3, rowId: 'issue-2', field: 'title', value: "Sludge shed's roof" }),
];
/** Who pushed each of `ops` at version 1: two pushes by two people on one laptop. */
const pushers = [
  { person: 'person-li', at: FIRST_AT },
  { person: 'person-li', at: FIRST_AT },
  { person: 'person-wang', at: LATER_AT },
];

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Schema version 1, as a server of that version left it, with a team's log of three operations. */
async function buildVersionOne(backend: StoreBackend, db: BlankDatabase): Promise<void> {
  if (backend.name === 'SQLite') {
    await db.exec(`${(SQLITE_MIGRATIONS[0] ?? { sql: '' }).sql}; PRAGMA user_version = 1;`);
  } else {
    await db.exec((POSTGRES_MIGRATIONS[0] ?? { sql: '' }).sql);
    await db.exec(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, why text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO schema_migrations VALUES (1, 'v1', now())`);
  }
  await db.exec(`
    INSERT INTO settings (key, value) VALUES ('epoch', 'epoch-of-version-one');
    INSERT INTO teams (id, name) VALUES ('team-1', '第一督查组');
    INSERT INTO people (id, login, name, role, team_id, disabled) VALUES
      ('person-li', 'li', '李明', 'inspector', 'team-1', ${backend.name === 'SQLite' ? '0' : 'false'}),
      ('person-wang', 'wang', '王芳', 'inspector', 'team-1', ${backend.name === 'SQLite' ? '0' : 'false'});
    INSERT INTO devices (id, name, team_id, public_key, enrolled_at) VALUES
      ('device-1', 'Laptop 1', 'team-1', 'key', ${quote(FIRST_AT)});
    INSERT INTO team_counters (team_id, last_seq) VALUES ('team-1', 3);`);
  const rows = ops.map((op, i) => {
    const by = pushers[i] as (typeof pushers)[number];
    return `('team-1', ${String(i + 1)}, ${quote(op.table)}, ${quote(op.rowId)}, ${quote(op.field)}, ${quote(op.hlc)},
      ${quote(op.node)}, ${quote(JSON.stringify(op.value))}, 'device-1', ${quote(by.person)}, ${quote(by.at)})`;
  });
  await db.exec(`INSERT INTO operations (team_id, seq, table_name, row_id, field, hlc, node, value,
    pushed_by_device, pushed_by_person, pushed_at) VALUES ${rows.join(', ')}`);
  await db.exec(`INSERT INTO merged_rows (table_name, row_id, team_id, row) VALUES
    ('issues', 'issue-1', 'team-1', '{}'), ('issues', 'issue-2', 'team-1', '{}'),
    ('visits', 'visit-1', 'team-1', ${quote(JSON.stringify(SIGNED_VISIT))}),
    ('visits', 'visit-2', 'team-1', '{"id":"visit-2","signatures":"not a list"}')`);
}

/** A visit signed before version 4: its signature images were referenced by no blob_refs row. */
const SIGNATURE = 'c'.repeat(64);
const SIGNED_VISIT = {
  id: 'visit-1',
  signatures: [
    { role: 'inspector', name: '李明', imageSha256: SIGNATURE },
    { role: 'owner', name: '业主', imageSha256: 'not-a-hash' },
    { role: 'unit', name: '未签' },
  ],
  _clocks: {},
};

describeEachBackend('schema migrations', (backend) => {
  it('carries a version 1 log into pushes: every operation, its seq and its pusher, and new pushes go on', async () => {
    const db = await backend.blank();
    try {
      await buildVersionOne(backend, db);
      const store = await db.open();

      expect(await store.epoch()).toBe('epoch-of-version-one');
      // The two version 1 pushes (by 李明, then by 王芳) in seq order, said to know nothing.
      expect(await store.pull('team-1', 0, 10)).toEqual(
        ops.map((op, i) => ({ seq: i + 1, operation: op, push: i < 2 ? 1 : 2 })),
      );
      expect(await store.pushes('team-1', [1, 2])).toEqual(
        new Map([
          [
            1,
            {
              at: FIRST_AT,
              deviceId: 'device-1',
              person: { id: 'person-li', name: '李明' },
              knowledge: null,
            },
          ],
          [
            2,
            {
              at: LATER_AT,
              deviceId: 'device-1',
              person: { id: 'person-wang', name: '王芳' },
              knowledge: null,
            },
          ],
        ]),
      );
      const attributed = await db.rows(
        `SELECT o.seq, p.device_id, p.person_id, p.pushed_at FROM operations o
         JOIN pushes p ON p.id = o.push_id ORDER BY o.seq`,
      );
      expect(attributed.map((r) => [Number(r.seq), r.device_id, r.person_id, r.pushed_at])).toEqual(
        pushers.map((by, i) => [i + 1, 'device-1', by.person, by.at]),
      );
      expect(await db.rows('SELECT id FROM pushes')).toHaveLength(2);
      // Version 4: a signed visit's images may be downloaded by its team, and only what is a hash.
      expect(await store.teamReferencesBlob('team-1', SIGNATURE)).toBe(true);
      expect(await db.rows('SELECT sha256 FROM blob_refs')).toEqual([{ sha256: SIGNATURE }]);

      const next = operation({ node: NODE_A, at: 9, rowId: 'issue-3', field: 'title', value: '新问题' });
      expect(
        await store.push('team-1', [next], { deviceId: 'device-1', personId: 'person-wang' }, LATER_AT),
      ).toEqual([{ fate: 'stored', seq: 4 }]);
      // A version 1 operation pushed again is known, not stored twice.
      expect(
        await store.push(
          'team-1',
          [ops[0] ?? next],
          { deviceId: 'device-1', personId: 'person-li' },
          LATER_AT,
        ),
      ).toEqual([{ fate: 'known' }]);
    } finally {
      await db.close();
    }
  });
});

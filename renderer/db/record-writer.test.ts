import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, makeRegion } from '../../test/fixtures/records';
import { encodeHlc } from '../../shared/sync/hlc';
import { DELETED_FIELD } from '../../shared/sync/operation';
import { createDatabase, type DuchaDatabase } from './database';
import { applyOperations, InvalidRecordError, writeRecords } from './record-writer';
import { createRecords, deleteRecord, updateRecord } from './repositories/records';
import { pendingOperations } from './repositories/outbox';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`writer-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const snapshot = async (db: DuchaDatabase) => {
  const { _clocks, ...project } = (await db.projects.toArray())[0] ?? { _clocks: {} };
  return { project, clocks: _clocks };
};

describe('record writer', () => {
  it('stores a new record with a clock per field and one outbox operation per field', async () => {
    const db = await freshDb();
    const project = makeProject();
    await createRecords(db, 'projects', [project], 1_000);
    const row = await db.projects.get(project.id);
    const fields = Object.keys(project).filter((f) => f !== 'id');
    expect(Object.keys(row?._clocks ?? {}).sort()).toEqual(fields.sort());
    const ops = await pendingOperations(db);
    expect(ops).toHaveLength(fields.length);
    // One tick per operation, in the order they were made.
    expect(new Set(ops.map((o) => o.hlc)).size).toBe(ops.length);
    expect(ops.map((o) => o.hlc)).toEqual(ops.map((o) => o.hlc).sort());
    expect(ops.find((o) => o.field === 'completedTotal')?.value).toBe(3_422_500_000);
  });

  it('records only the fields that changed, with a later clock', async () => {
    const db = await freshDb();
    const project = makeProject();
    await createRecords(db, 'projects', [project], 1_000);
    await updateRecord(db, 'projects', project.id, { phase: 'continuing', owner: project.owner }, 2_000);
    const ops = (await pendingOperations(db)).slice(-2);
    expect(ops.map((o) => o.field).sort()).toEqual(['phase', 'updatedAt']);
    const row = await db.projects.get(project.id);
    expect(row?.phase).toBe('continuing');
    expect(row?._clocks.phase).toBe(ops[0]?.hlc);
    expect((row?._clocks.phase ?? '') > (row?._clocks.name ?? '')).toBe(true);
  });

  it('keeps the order of one write: the later patch of a field wins, and only it is sent', async () => {
    const db = await freshDb();
    const project = makeProject();
    await createRecords(db, 'projects', [project], 1_000);
    const before = await db.outbox.count();
    // 'completed' sorts before 'continuing': a merge deciding by value would keep 'continuing'.
    await writeRecords(
      db,
      [
        { table: 'projects', id: project.id, fields: { phase: 'continuing' } },
        { table: 'projects', id: project.id, fields: { phase: 'completed' } },
      ],
      2_000,
    );
    expect((await db.projects.get(project.id))?.phase).toBe('completed');
    const sent = (await pendingOperations(db)).slice(before);
    expect(sent.map((o) => [o.field, o.value])).toEqual([['phase', 'completed']]);
    // Another laptop receiving what was sent ends the same.
    const other = await freshDb();
    await applyOperations(other, await pendingOperations(db), 3_000);
    expect((await other.projects.get(project.id))?.phase).toBe('completed');
  });

  it('refuses an invalid record and leaves the rows, the outbox and the clock as they were', async () => {
    const db = await freshDb();
    await createRecords(db, 'projects', [makeProject()], 1_000);
    const before = {
      rows: await db.projects.toArray(),
      outbox: await db.outbox.count(),
      meta: await db.meta.toArray(),
    };
    await expect(
      writeRecords(db, [
        { table: 'regions', id: 'region-ok', fields: makeRegion({ id: 'region-ok' }) },
        { table: 'projects', id: makeProject().id, fields: { totalInvestment: 1.5 as never } },
      ]),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.projects.toArray()).toEqual(before.rows);
    expect(await db.regions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await db.meta.toArray()).toEqual(before.meta);
  });

  it('deletes by tombstone, which is itself an operation', async () => {
    const db = await freshDb();
    await createRecords(db, 'projects', [makeProject()], 1_000);
    await deleteRecord(db, 'projects', makeProject().id, 2_000);
    const row = await db.projects.get(makeProject().id);
    expect(row?._deleted).toBe(true);
    expect((await pendingOperations(db)).at(-1)?.field).toBe(DELETED_FIELD);
  });
});

describe('two laptops exchanging operations', () => {
  it('converge after concurrent edits, and a second import changes nothing', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const project = makeProject();
    await createRecords(a, 'projects', [project], 1_000);
    expect(await applyOperations(b, await pendingOperations(a), 1_100)).toBe(1);

    // Both edit while apart; B's clock runs a little ahead, A edits a different field later.
    await updateRecord(a, 'projects', project.id, { phase: 'completed' }, 5_000);
    await updateRecord(b, 'projects', project.id, { phase: 'continuing', notes: '道路未通' }, 5_200);
    await updateRecord(a, 'projects', project.id, { owner: '普洱市水务产业投资公司' }, 6_000);

    const fromA = await pendingOperations(a);
    const fromB = await pendingOperations(b);
    await applyOperations(b, fromA, 7_000);
    await applyOperations(a, fromB, 7_000);
    const [stateA, stateB] = [await snapshot(a), await snapshot(b)];
    expect(stateA).toEqual(stateB);
    expect(stateA.project).toMatchObject({
      phase: 'continuing',
      notes: '道路未通',
      owner: '普洱市水务产业投资公司',
    });

    expect(await applyOperations(a, fromB, 8_000)).toBe(0);
    expect(await snapshot(a)).toEqual(stateA);
  });

  it('orders a later local edit after a remote clock from a laptop whose clock runs ahead', async () => {
    const a = await freshDb();
    const b = await freshDb();
    await createRecords(a, 'projects', [makeProject()], 10_000_000);
    await applyOperations(b, await pendingOperations(a), 1_000); // B's clock is far behind
    await updateRecord(b, 'projects', makeProject().id, { phase: 'completed' }, 1_001);
    await applyOperations(
      a,
      (await pendingOperations(b)).filter((o) => o.field === 'phase'),
      10_000_001,
    );
    expect((await a.projects.get(makeProject().id))?.phase).toBe('completed');
  });
});

describe('a large batch of remote operations', () => {
  const NODE = '00000000000000e5';
  const regionOps = (ids: string[], name: string, wall: number) =>
    ids.map((id) => ({
      table: 'regions' as const,
      rowId: id,
      field: 'name',
      value: name,
      hlc: encodeHlc({ wall, counter: 0, node: NODE }),
      node: NODE,
    }));
  const ids = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `region-${String(from + i).padStart(4, '0')}`);

  it('merges with the rows stored in its range, whether few or many of them are stored', async () => {
    const db = await freshDb();
    // Stored: 0–99 named "new" at a later clock, and 300–1299 (a table dense with other rows).
    await applyOperations(db, regionOps(ids(0, 100), 'new', 2_000));
    await applyOperations(db, regionOps(ids(300, 1300), 'new', 2_000));
    // A page overlapping the first stretch (half stored), then ids spread over the dense stretch:
    // an older value must lose to every stored row and win everywhere else.
    expect(await applyOperations(db, regionOps(ids(50, 250), 'old', 1_000))).toBe(150);
    const spread = ids(300, 1300).filter((_, i) => i % 10 === 0);
    expect(await applyOperations(db, regionOps([...spread, ...ids(1300, 1310)], 'old', 1_000))).toBe(10);
    const names = new Map((await db.regions.toArray()).map((row) => [row.id, row.name]));
    expect(ids(0, 100).every((id) => names.get(id) === 'new')).toBe(true);
    expect(ids(100, 250).every((id) => names.get(id) === 'old')).toBe(true);
    expect(ids(300, 1300).every((id) => names.get(id) === 'new')).toBe(true);
    expect(ids(1300, 1310).every((id) => names.get(id) === 'old')).toBe(true);
  });
});

// This laptop's knowledge: its own changes up to its clock, and what each imported bundle's source held
// (relayed devices included) — including changes since overwritten, which the rows no longer show.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver } from '../../../../test/fixtures/hand-over';
import { makeProject } from '../../../../test/fixtures/records';
import { decodeHlc } from '../../../../shared/sync/hlc';
import { createDatabase, type DuchaDatabase } from '../../database';
import { ensureDevice } from '../../device-clock';
import { createRecords, updateRecord } from '../records';
import { localKnowledge } from './local-knowledge';

let counter = 0;
const open: DuchaDatabase[] = [];
async function laptop(): Promise<DuchaDatabase> {
  const db = createDatabase(`local-knowledge-test-${String(++counter)}`);
  await db.open();
  await ensureDevice(db);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const project = makeProject();
const clockOf = async (db: DuchaDatabase, field: string) =>
  (await db.projects.get(project.id))?._clocks[field];
/** The latest clock on the project's row: the last change written there. */
const lastClock = async (db: DuchaDatabase) =>
  Object.values((await db.projects.get(project.id))?._clocks ?? {})
    .sort()
    .at(-1) as string;

describe('localKnowledge', () => {
  it('is empty on a laptop that has written and received nothing', async () => {
    expect(await localKnowledge(await laptop())).toEqual({});
  });

  it('holds its own changes up to its last clock', async () => {
    const a = await laptop();
    await createRecords(a, 'projects', [project], 1_000);
    await updateRecord(a, 'projects', project.id, { phase: 'continuing' }, 2_000);
    const last = await lastClock(a);
    expect(await localKnowledge(a)).toEqual({ [decodeHlc(last).node]: last });
  });

  it('holds what a source held, relayed devices included, and keeps a change it overwrote since', async () => {
    const a = await laptop();
    const b = await laptop();
    const c = await laptop();
    await createRecords(a, 'projects', [project], 1_000);
    await handOver(a, b);
    await updateRecord(b, 'projects', project.id, { owner: '乙方' }, 5_000);
    const bOwner = (await clockOf(b, 'owner')) as string;
    await handOver(b, c);
    // C overwrites B's only change: no row of C shows B's clock any more, yet C holds it.
    await updateRecord(c, 'projects', project.id, { owner: '丙方' }, 6_000);
    expect(Object.values((await c.projects.get(project.id))?._clocks ?? {})).not.toContain(bOwner);
    const held = await localKnowledge(c);
    const aNode = decodeHlc((await clockOf(a, 'name')) as string).node;
    const cNode = decodeHlc((await clockOf(c, 'owner')) as string).node;
    expect(held[decodeHlc(bOwner).node]! >= bOwner).toBe(true);
    expect(held[aNode]).toBe(await lastClock(a));
    expect(held[cNode]! >= ((await clockOf(c, 'owner')) as string)).toBe(true);
    // And C's bundle says so, so that B does not take its own overwritten change for news.
    const fromC = await handOver(c, b);
    expect(fromC.snapshot.knowledge[decodeHlc(bOwner).node]! >= bOwner).toBe(true);
    expect(fromC.preview.conflicts).toEqual([]);
  });
});

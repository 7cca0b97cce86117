import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject } from '../../../../test/fixtures/records';
import { encodeHlc } from '../../../../shared/sync/hlc';
import { rowKey } from '../../../../shared/sync/merge';
import { createDatabase, type DuchaDatabase, type SyncConflictRow } from '../../database';
import { writeRecords } from '../../record-writer';
import { ConflictGoneError, decideConflict, listConflicts, openConflictsOf } from './conflict-decisions';
import { conflictsOfPage } from './conflicts';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`conflict-decisions-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const PROJECT = makeProject().id;
const MERGED_AT = Date.parse('2026-12-07T10:00:00.000Z');
/** The other laptop's value that lost, written a minute before this laptop's. */
const OTHER_CLOCK = encodeHlc({ wall: MERGED_AT - 60_000, counter: 0, node: 'b0b0b0b0b0b0b0b0' });

/** A project whose notes this laptop wrote; the other laptop's notes lost to them and wait here. */
async function laptopWithConflict(): Promise<{ db: DuchaDatabase; id: number }> {
  const db = await freshDb();
  await writeRecords(
    db,
    [{ table: 'projects', id: PROJECT, fields: makeProject({ notes: '甲' }) }],
    MERGED_AT,
  );
  const row = await db.projects.get(PROJECT);
  const conflict: SyncConflictRow = {
    table: 'projects',
    rowId: PROJECT,
    field: 'notes',
    label: row?.name ?? '',
    winner: { value: '甲', hlc: row?._clocks.notes ?? '', who: '李明', at: null, here: true },
    loser: { value: '乙', hlc: OTHER_CLOCK, who: '王芳', at: null, here: false },
    via: 'sync',
    detectedAt: new Date(MERGED_AT).toISOString(),
    decided: null,
  };
  return { db, id: Number(await db.syncConflicts.add(conflict)) };
}

describe('a conflict settled on another laptop', () => {
  it('is open while the field holds the value the merge kept', async () => {
    const { db } = await laptopWithConflict();
    expect((await listConflicts(db)).map((c) => c.decided)).toEqual([null]);
    expect(await openConflictsOf(db, 'projects', PROJECT)).toHaveLength(1);
  });

  it("is listed as decided once the other value came back with a later clock (that laptop's choice)", async () => {
    const { db, id } = await laptopWithConflict();
    // What "Keep this value" on the other laptop sends: the value that lost, written again later.
    const decidedAt = MERGED_AT + 5 * 60_000;
    await writeRecords(db, [{ table: 'projects', id: PROJECT, fields: { notes: '乙' } }], decidedAt);
    const [listed] = await listConflicts(db);
    expect(listed?.decided).toEqual({ kept: 'loser', by: null, at: new Date(decidedAt).toISOString() });
    expect(await openConflictsOf(db, 'projects', PROJECT)).toEqual([]);
    // Nothing stored changed; and it cannot be decided again here.
    expect((await db.syncConflicts.get(id))?.decided).toBeNull();
    await expect(decideConflict(db, id, 'winner', '李明')).rejects.toThrow(ConflictGoneError);
  });

  it('stays open when the field was changed since to a third value', async () => {
    const { db } = await laptopWithConflict();
    await writeRecords(db, [{ table: 'projects', id: PROJECT, fields: { notes: '丙' } }], MERGED_AT + 60_000);
    expect(await openConflictsOf(db, 'projects', PROJECT)).toHaveLength(1);
  });
});

describe("an issue's status changed apart", () => {
  it('is left to the history, which names the two steps for the office', async () => {
    const { db } = await laptopWithConflict();
    const issueId = '019a0000-0000-7000-8000-0000000000i1';
    await db.syncConflicts.add({
      table: 'issues',
      rowId: issueId,
      field: 'status',
      label: '渣土车辆未密闭运输',
      winner: { value: 'extensionRequested', hlc: OTHER_CLOCK, who: '王芳', at: null, here: false },
      loser: { value: 'inProgress', hlc: OTHER_CLOCK, who: '李明', at: null, here: true },
      via: 'sync',
      detectedAt: new Date(MERGED_AT).toISOString(),
      decided: null,
    });
    expect((await listConflicts(db)).map((c) => `${c.table}.${c.field}`)).toEqual(['projects.notes']);
    expect(await openConflictsOf(db, 'issues', issueId)).toEqual([]);
  });
});

describe('a conflict found as a page arrives', () => {
  it("says when this laptop's value was written, from its clock", () => {
    const here = 'a0a0a0a0a0a0a0a0';
    const localClock = encodeHlc({ wall: MERGED_AT, counter: 0, node: here });
    const row = { id: PROJECT, notes: '甲', _clocks: { notes: localClock } };
    const [found] = conflictsOfPage(
      new Map([[rowKey('projects', PROJECT), row]]),
      [
        {
          table: 'projects',
          rowId: PROJECT,
          field: 'notes',
          value: '乙',
          hlc: OTHER_CLOCK,
          node: OTHER_CLOCK.slice(-16),
        },
      ],
      [{ person: { id: 'p2', name: '王芳' }, deviceId: 'd2', at: '2026-12-07T10:05:00.000Z', knowledge: {} }],
      { node: here, person: '李明', held: {} },
      '2026-12-07T10:06:00.000Z',
    );
    expect(found?.winner).toMatchObject({ value: '甲', who: '李明', at: new Date(MERGED_AT).toISOString() });
    expect(found?.loser).toMatchObject({ value: '乙', who: '王芳', at: '2026-12-07T10:05:00.000Z' });
  });
});

// The city office's laptop (enrolled for no team) follows every team's log: it holds both teams'
// records after a sync, and a change it makes goes back into the log of the team the record came
// from, so that team's laptops get it and the other team's do not. A leader's laptop reads all, writes
// nothing and sends nothing.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import { createDatabase, liveRecord, type Stored } from '../../../renderer/db/database';
import { writeRecords } from '../../../renderer/db/record-writer';
import { ReadOnlyPersonError } from '../../../renderer/db/repositories/sync/read-only';
import { SOUTH } from '../../../server/test/support/http-city';
import { makeIssue, makeProject } from '../../fixtures/records';
import { fetchTransport, type Laptop, LaptopCity } from './laptop-city';

const NORTH_PROJECT = '019a0000-0000-7000-8000-00000000cc01';
const SOUTH_PROJECT = '019a0000-0000-7000-8000-00000000cc02';
const OFFICE_ISSUE = '019a0000-0000-7000-8000-00000000cc03';

let city: LaptopCity;
beforeAll(async () => {
  city = await LaptopCity.start();
});
afterAll(async () => {
  await city.close();
});

const notesOf = async (laptop: Laptop, id: string): Promise<string | null> =>
  liveRecord((await laptop.db.table('projects').get(id)) as Stored<Project> | undefined)?.notes ?? null;

describe('the city office and leaders', () => {
  it("sees every team's records, and its change goes back to the record's own team only", async () => {
    const north = await city.laptop('north-1');
    const south = await city.laptop('south-1', SOUTH);
    await writeRecords(north.db, [
      { table: 'projects', id: NORTH_PROJECT, fields: makeProject({ id: NORTH_PROJECT, notes: '北' }) },
    ]);
    await writeRecords(south.db, [
      { table: 'projects', id: SOUTH_PROJECT, fields: makeProject({ id: SOUTH_PROJECT, notes: '南' }) },
    ]);
    await north.engine.syncNow();
    await south.engine.syncNow();

    const office = await city.laptop('office-1', null, fetchTransport, 'office');
    await office.engine.syncNow();
    expect(await notesOf(office, NORTH_PROJECT)).toBe('北');
    expect(await notesOf(office, SOUTH_PROJECT)).toBe('南');

    await writeRecords(office.db, [
      { table: 'projects', id: SOUTH_PROJECT, fields: { notes: '督查办批示：限期整改' } },
    ]);
    const sent = await office.engine.syncNow();
    expect(sent?.pushed).toBe(1);
    expect(sent?.refused).toBe(0);
    await south.engine.syncNow();
    await north.engine.syncNow();
    expect(await notesOf(south, SOUTH_PROJECT)).toBe('督查办批示：限期整改');
    expect(await notesOf(north, SOUTH_PROJECT)).toBeNull();
  });

  it("gives a leader every team's records and sends nothing from the leader's laptop", async () => {
    const leader = await city.laptop('leader-1', null, fetchTransport, 'leader');
    await leader.engine.syncNow();
    expect(await notesOf(leader, NORTH_PROJECT)).toBe('北');
    expect(await notesOf(leader, SOUTH_PROJECT)).toBe('督查办批示：限期整改');
    // The laptop refuses a leader's write itself (renderer/db/repositories/sync/read-only.ts)…
    await expect(
      writeRecords(leader.db, [{ table: 'projects', id: NORTH_PROJECT, fields: { notes: '领导不写' } }]),
    ).rejects.toThrow(ReadOnlyPersonError);
    expect(await notesOf(leader, NORTH_PROJECT)).toBe('北');
    // …and an operation waiting from before the leader signed in is not sent in the leader's name.
    const scratch = createDatabase('office-sync-before-the-leader');
    const made = await writeRecords(scratch, [
      { table: 'projects', id: NORTH_PROJECT, fields: makeProject({ id: NORTH_PROJECT, notes: '登录前' }) },
    ]);
    scratch.close();
    const waiting = made.find((op) => op.field === 'notes');
    if (!waiting) throw new Error('no operation to leave waiting');
    await leader.db.outbox.add(waiting);
    const round = await leader.engine.syncNow();
    expect(round?.pushed).toBe(0);
    expect(leader.engine.current().phase).toBe('idle');
    expect(await leader.db.outbox.count()).toBe(1);
  });

  it("sends an issue the office records on a team's project into that team's log only", async () => {
    const office = await city.laptop('office-2', null, fetchTransport, 'office');
    await office.engine.syncNow();
    const issue = makeIssue({ id: OFFICE_ISSUE, projectId: SOUTH_PROJECT, title: '督查办发现：围挡破损' });
    await writeRecords(office.db, [{ table: 'issues', id: issue.id, fields: issue }]);
    const sent = await office.engine.syncNow();
    expect(sent?.refused).toBe(0);
    const south = await city.laptop('south-2', SOUTH);
    const north = await city.laptop('north-2');
    await south.engine.syncNow();
    await north.engine.syncNow();
    expect((await south.db.issues.get(OFFICE_ISSUE))?.title).toBe('督查办发现：围挡破损');
    expect(await north.db.issues.get(OFFICE_ISSUE)).toBeUndefined();
  });
});

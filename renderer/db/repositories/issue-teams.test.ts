import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Team } from '../../../shared/domain/organization';
import { rowKey } from '../../../shared/sync/merge';
import { makeIssue, makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { issueTeams } from './issue-teams';
import { createRecords, deleteRecord } from './records';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`issue-teams-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const team = (id: string, name: string, createdAt: string): Team => ({
  id,
  createdAt,
  updatedAt: createdAt,
  name,
  leaderId: null,
  memberIds: [],
  documentPrefix: '督查',
});
const id = (n: number) => `019a0000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;

describe('the team of each issue, on a laptop holding several teams', () => {
  it("names the visit's team, else the team record of the log the issue came from, else none", async () => {
    const db = await freshDb();
    const north = team(id(1), '孟连督查组', '2026-11-01T08:00:00.000Z');
    const south = team(id(2), '西盟督查组', '2026-11-02T08:00:00.000Z');
    await createRecords(db, 'teams', [north, south]);
    const project = makeProject();
    await createRecords(db, 'projects', [project]);
    const visit = makeVisit({ id: id(10), projectId: project.id, teamId: north.id });
    await createRecords(db, 'visits', [visit]);
    const found = makeIssue({ id: id(20), projectId: project.id, visitId: visit.id });
    const fromSouthLog = makeIssue({ id: id(21), projectId: project.id, visitId: null });
    const unknown = makeIssue({ id: id(22), projectId: project.id, visitId: null });
    const gone = makeIssue({ id: id(23), projectId: project.id, visitId: visit.id });
    await createRecords(db, 'issues', [found, fromSouthLog, unknown, gone]);
    await deleteRecord(db, 'issues', gone.id);
    // An office laptop's sync noted where these rows came from.
    await db.syncRowTeams.bulkPut([
      { key: rowKey('teams', north.id), teamId: 'server-north' },
      { key: rowKey('teams', south.id), teamId: 'server-south' },
      { key: rowKey('issues', fromSouthLog.id), teamId: 'server-south' },
    ]);

    expect(await issueTeams(db)).toEqual(
      new Map([
        [found.id, north.id],
        [fromSouthLog.id, south.id],
      ]),
    );
  });
});

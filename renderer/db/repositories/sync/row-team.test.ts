import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIssue, makeProject, makeVisit } from '../../../../test/fixtures/records';
import { rowKey } from '../../../../shared/sync/merge';
import { createDatabase, type DuchaDatabase } from '../../database';
import { createRecords } from '../records';
import { teamOfRowOrParent } from './row-team';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`row-team-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe("an office laptop's new row goes to the team of what it hangs on", () => {
  it('sends an issue recorded on team B’s project, and its visit’s, to team B; a new project to no team', async () => {
    const db = await freshDb();
    const project = makeProject();
    const visit = makeVisit({ id: '019a0000-0000-7000-8000-0000000000b1', projectId: project.id });
    await createRecords(db, 'projects', [project]);
    await createRecords(db, 'visits', [visit]);
    // The project came from team B's log (as an office laptop's pull notes it); the visit is new here.
    await db.syncRowTeams.put({ key: rowKey('projects', project.id), teamId: 'team-b' });
    const onProject = makeIssue({
      id: '019a0000-0000-7000-8000-0000000000c1',
      projectId: project.id,
      visitId: null,
    });
    const onVisit = makeIssue({
      id: '019a0000-0000-7000-8000-0000000000c2',
      projectId: project.id,
      visitId: visit.id,
    });
    await createRecords(db, 'issues', [onProject, onVisit]);

    expect(await teamOfRowOrParent(db, 'issues', onProject.id)).toBe('team-b');
    expect(await teamOfRowOrParent(db, 'issues', onVisit.id)).toBe('team-b');
    expect(await teamOfRowOrParent(db, 'visits', visit.id)).toBe('team-b');

    const fresh = makeProject({ id: '019a0000-0000-7000-8000-0000000000d1' });
    await createRecords(db, 'projects', [fresh]);
    expect(await teamOfRowOrParent(db, 'projects', fresh.id)).toBeNull();
  });

  it('keeps a row that came from a log in that log, whatever it hangs on', async () => {
    const db = await freshDb();
    const project = makeProject();
    const issue = makeIssue({ projectId: project.id, visitId: null });
    await createRecords(db, 'projects', [project]);
    await createRecords(db, 'issues', [issue]);
    await db.syncRowTeams.bulkPut([
      { key: rowKey('projects', project.id), teamId: 'team-b' },
      { key: rowKey('issues', issue.id), teamId: 'team-a' },
    ]);
    expect(await teamOfRowOrParent(db, 'issues', issue.id)).toBe('team-a');
  });
});

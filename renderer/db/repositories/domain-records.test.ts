// The data layer hands the app live domain records: tombstones are left out once, here, and a record
// read on its own carries none of the row's bookkeeping (clocks, tombstone, derived index fields).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIssue, makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { writeRecords } from '../record-writer';
import { readDashboardIssues } from './dashboard';
import { listIssues } from './issue-list';
import { meetingIssues } from './meeting';
import { getProject, listProjects } from './projects';
import { createRecords, deleteRecord } from './records';
import { getVisit, issuesOfVisit, visitsOfProject } from './visits';

const open: DuchaDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
let counter = 0;
async function seeded(): Promise<DuchaDatabase> {
  const db = createDatabase(`domain-records-${String(++counter)}`);
  await db.open();
  open.push(db);
  await createRecords(db, 'projects', [
    makeProject(),
    makeProject({ id: 'project-gone', name: '已删除项目' }),
  ]);
  await createRecords(db, 'visits', [makeVisit(), makeVisit({ id: 'visit-gone' })]);
  const flagged = { needsCoordination: true, visitId: makeVisit().id };
  await createRecords(db, 'issues', [makeIssue(flagged), makeIssue({ ...flagged, id: 'issue-gone' })]);
  for (const [table, id] of [
    ['projects', 'project-gone'],
    ['visits', 'visit-gone'],
    ['issues', 'issue-gone'],
  ] as const)
    await deleteRecord(db, table, id);
  return db;
}

const bookkeeping = (record: object): string[] => Object.keys(record).filter((k) => k.startsWith('_'));

describe('domain records out of the data layer', () => {
  it('leaves deleted records out of every read', async () => {
    const db = await seeded();
    const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await listProjects(db))).toEqual([makeProject().id]);
    expect(await getProject(db, 'project-gone')).toBeNull();
    expect(ids(await visitsOfProject(db, makeProject().id))).toEqual([makeVisit().id]);
    expect(await getVisit(db, 'visit-gone')).toBeNull();
    expect(ids(await issuesOfVisit(db, makeVisit().id))).toEqual(['issue-1']);
    expect(ids(await meetingIssues(db))).toEqual(['issue-1']);
    expect(ids(await readDashboardIssues(db))).toEqual(['issue-1']);
    expect(
      ids(await listIssues(db, {}, { key: 'deadline', order: 'asc' }, '2026-11-01', 'Asia/Shanghai')),
    ).toEqual(['issue-1']);
  });

  it('gives records read on their own without clocks, tombstone or derived fields', async () => {
    const db = await seeded();
    expect(bookkeeping((await getProject(db, makeProject().id))!)).toEqual([]);
    expect(bookkeeping((await getVisit(db, makeVisit().id))!)).toEqual([]);
    for (const issue of await issuesOfVisit(db, makeVisit().id)) expect(bookkeeping(issue)).toEqual([]);
    for (const visit of await visitsOfProject(db, makeProject().id)) expect(bookkeeping(visit)).toEqual([]);
  });

  it('never writes a bookkeeping field a record spread from a large read still carries', async () => {
    const db = await seeded();
    const [row] = await listProjects(db); // not copied: the row's clocks are still on it
    const before = await db.outbox.count();
    await writeRecords(db, [{ table: 'projects', id: row!.id, fields: { ...row!, notes: '新备注' } }]);
    const sent = (await db.outbox.toArray()).slice(before);
    expect(sent.map((op) => op.field).sort()).toEqual(['notes']);
    expect((await db.projects.get(row!.id))?._clocks.notes).toBe(sent[0]?.hlc);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import { makeProject } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { InvalidRecordError } from '../record-writer';
import { pendingOperations } from './outbox';
import { ImportConflictError, importProjects } from './projects-import';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`projects-import-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const projects: Project[] = [1, 2, 3].map((n) =>
  makeProject({ id: `019a0000-0000-7000-8000-00000000000${n}`, name: `导入项目${n}` }),
);
const fieldsPerProject = Object.keys(projects[0] as Project).length - 1; // all but the id

describe('importProjects', () => {
  it('stores every project and one operation per field, each with its own increasing clock', async () => {
    const db = await freshDb();
    expect(await importProjects(db, projects, 5_000)).toBe(3);
    expect((await db.projects.toArray()).map((p) => p.name).sort()).toEqual([
      '导入项目1',
      '导入项目2',
      '导入项目3',
    ]);
    const ops = await pendingOperations(db);
    expect(ops).toHaveLength(3 * fieldsPerProject);
    expect(new Set(ops.map((o) => o.hlc)).size).toBe(ops.length);
    expect(ops.map((o) => o.hlc)).toEqual(ops.map((o) => o.hlc).sort());
    expect(ops.find((o) => o.rowId === projects[0]?.id && o.field === 'completedTotal')?.value).toBe(
      3_422_500_000,
    );
  });

  it('stores nothing when one project is invalid', async () => {
    const db = await freshDb();
    const broken = [...projects.slice(0, 2), { ...(projects[2] as Project), name: '' }];
    await expect(importProjects(db, broken)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.projects.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('never overwrites a stored project and refuses an id given twice', async () => {
    const db = await freshDb();
    await importProjects(db, projects.slice(0, 1), 1_000);
    const before = await db.outbox.count();
    const again = [{ ...(projects[0] as Project), name: '改名' }, projects[1] as Project];
    await expect(importProjects(db, again, 2_000)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await db.projects.count()).toBe(1);
    expect((await db.projects.get(projects[0]?.id ?? ''))?.name).toBe('导入项目1');
    expect(await db.outbox.count()).toBe(before);
    const twice = [projects[1] as Project, projects[1] as Project];
    await expect(importProjects(db, twice)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await db.projects.count()).toBe(1);
  });

  it('does nothing for an empty list', async () => {
    const db = await freshDb();
    expect(await importProjects(db, [])).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

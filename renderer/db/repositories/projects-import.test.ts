import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Region, Unit } from '../../../shared/domain/organization';
import type { Project } from '../../../shared/domain/project';
import { makeProject, makeRegion } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { InvalidRecordError, writeRecords } from '../record-writer';
import { pendingOperations } from './outbox';
import { DuplicateNameError } from './organization-edit';
import { ImportConflictError, importProjects, type ListsToAdd } from './projects-import';

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

describe('importProjects with the names the list adds', () => {
  const at = new Date(3_000).toISOString();
  const county: Region = makeRegion({
    id: '019a0000-0000-7000-8000-0000000000c1',
    name: '孟连县',
    level: 'county',
    parentId: null,
    createdAt: at,
    updatedAt: at,
  });
  const town: Region = makeRegion({
    id: '019a0000-0000-7000-8000-0000000000c2',
    name: '娜允镇',
    level: 'town',
    parentId: county.id,
    createdAt: at,
    updatedAt: at,
  });
  const unit: Unit = {
    id: '019a0000-0000-7000-8000-0000000000a1',
    createdAt: at,
    updatedAt: at,
    name: '孟连县住建局',
    shortName: '孟连县住建局',
    kind: 'other',
    regionId: county.id,
  };
  const lists: ListsToAdd = {
    regions: [county, town],
    units: [unit],
    restoredRegions: [],
    restoredUnits: [],
  };
  const listed = projects.map((p) => ({ ...p, regionId: town.id, responsibleUnitIds: [unit.id] }));

  it('adds the county, town and unit with the projects, each synced through the outbox', async () => {
    const db = await freshDb();
    expect(await importProjects(db, listed, 3_000, lists)).toBe(3);
    expect(await db.regions.toArray()).toMatchObject([county, town]);
    expect(await db.units.toArray()).toMatchObject([unit]);
    expect((await db.projects.toArray()).map((p) => p.regionId)).toEqual([town.id, town.id, town.id]);
    const ops = await pendingOperations(db);
    expect(ops.filter((o) => o.table === 'regions' && o.field === 'name').map((o) => o.value)).toEqual([
      '孟连县',
      '娜允镇',
    ]);
    expect(ops.some((o) => o.table === 'units' && o.rowId === unit.id && o.field === 'name')).toBe(true);
  });

  it('restores a retired county instead of adding it', async () => {
    const db = await freshDb();
    await writeRecords(
      db,
      [{ table: 'regions', id: county.id, fields: { ...county, retired: true } }],
      1_000,
    );
    const restore: ListsToAdd = { regions: [], units: [], restoredRegions: [county], restoredUnits: [] };
    await importProjects(db, [{ ...(projects[0] as Project), regionId: county.id }], 4_000, restore);
    expect(await db.regions.count()).toBe(1);
    expect((await db.regions.get(county.id))?.retired).toBe(false);
  });

  it('leaves the database exactly as it was when the write fails (a full disk)', async () => {
    const db = await freshDb();
    vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));
    await expect(importProjects(db, listed, 3_000, lists)).rejects.toThrow('disk full');
    expect(await db.regions.count()).toBe(0);
    expect(await db.units.count()).toBe(0);
    expect(await db.projects.count()).toBe(0);
  });

  it('refuses a county added meanwhile under the same name, and adds nothing', async () => {
    const db = await freshDb();
    const other = '019a0000-0000-7000-8000-0000000000c9';
    await writeRecords(db, [{ table: 'regions', id: other, fields: { ...county, id: other } }], 1_000);
    await expect(importProjects(db, listed, 3_000, lists)).rejects.toBeInstanceOf(DuplicateNameError);
    expect(await db.regions.count()).toBe(1);
    expect(await db.units.count()).toBe(0);
    expect(await db.projects.count()).toBe(0);
  });
});

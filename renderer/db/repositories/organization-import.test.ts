import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person, Region, Unit } from '../../../shared/domain/organization';
import { createDatabase, type DuchaDatabase } from '../database';
import { writeRecords } from '../record-writer';
import { DuplicateNameError } from './organization-edit';
import { importLists } from './organization-import';
import { pendingOperations } from './outbox';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`organization-import-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const at = new Date(2_000).toISOString();
const county: Region = {
  id: '019a0000-0000-7000-8000-0000000000c1',
  createdAt: at,
  updatedAt: at,
  name: '孟连县',
  level: 'county',
  parentId: null,
};
const unit: Unit = {
  id: '019a0000-0000-7000-8000-0000000000a1',
  createdAt: at,
  updatedAt: at,
  name: '孟连县住房和城乡建设局',
  shortName: '孟连住建局',
  kind: 'construction',
  regionId: county.id,
  parentId: null,
};
const person: Person = {
  id: '019a0000-0000-7000-8000-0000000000b1',
  createdAt: at,
  updatedAt: at,
  name: '岩温',
  title: '局长',
  phone: '',
  unitId: unit.id,
  teamId: null,
};

describe('importLists', () => {
  it('adds every entry in one write, each synced through the outbox', async () => {
    const db = await freshDb();
    expect(await importLists(db, { regions: [county], units: [unit], people: [person] }, 2_000)).toEqual({
      regions: 1,
      units: 1,
      people: 1,
    });
    expect(await db.units.toArray()).toMatchObject([unit]);
    const tables = new Set((await pendingOperations(db)).map((o) => o.table));
    expect([...tables].sort()).toEqual(['people', 'regions', 'units']);
  });

  it('adds nothing when one name was taken meanwhile', async () => {
    const db = await freshDb();
    const other = { ...person, id: '019a0000-0000-7000-8000-0000000000b9' };
    await writeRecords(db, [{ table: 'people', id: other.id, fields: other }], 1_000);
    await expect(
      importLists(db, { regions: [county], units: [unit], people: [person] }, 2_000),
    ).rejects.toBeInstanceOf(DuplicateNameError);
    expect(await db.regions.count()).toBe(0);
    expect(await db.units.count()).toBe(0);
    expect(await db.people.count()).toBe(1);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../database';
import {
  addPerson,
  addRegion,
  addTeam,
  addUnit,
  DuplicateNameError,
  updatePerson,
  updateRegion,
  updateUnit,
} from './organization-edit';
import { readOrganization } from './organization';

const NOW = Date.parse('2026-12-07T02:00:00Z');

const open = async (name: string) => {
  const db = createDatabase(name);
  await db.open();
  return db;
};

const unitFields = { shortName: '孟连住建', kind: 'construction' as const, regionId: null, parentId: null };
const personFields = { title: '', phone: '', unitId: null };

describe('the team’s own lists', () => {
  it('refuse a county name already under the same city, and write nothing', async () => {
    const db = await open('org-dup-region');
    const city = await addRegion(db, { name: '普洱市', level: 'city', parentId: null }, NOW);
    await addRegion(db, { name: '孟连县', level: 'county', parentId: city.id }, NOW);
    const outboxBefore = await db.outbox.count();

    const again = addRegion(db, { name: ' 孟连县 ', level: 'county', parentId: city.id }, NOW + 1);
    await expect(again).rejects.toBeInstanceOf(DuplicateNameError);
    await expect(again).rejects.toMatchObject({ list: 'regions', duplicate: '孟连县' });
    expect(await db.regions.count()).toBe(2);
    expect(await db.outbox.count()).toBe(outboxBefore);

    // A town of the same name under another parent is a different place.
    const county = (await db.regions.toArray()).find((r) => r.name === '孟连县')!;
    await addRegion(db, { name: '孟连县', level: 'town', parentId: county.id }, NOW + 2);
    expect(await db.regions.count()).toBe(3);
    db.close();
  });

  it('refuse renaming a unit or a person to another entry’s name, leaving both as they were', async () => {
    const db = await open('org-dup-rename');
    const unit = await addUnit(db, { name: '孟连县住房和城乡建设局', ...unitFields }, NOW);
    const other = await addUnit(
      db,
      { name: '孟连县自然资源局', ...unitFields, shortName: '孟连资源', kind: 'landResources' },
      NOW,
    );
    await expect(updateUnit(db, other.id, { name: '孟连县住房和城乡建设局' }, NOW + 1)).rejects.toMatchObject(
      {
        name: 'DuplicateNameError',
        list: 'units',
      },
    );
    expect((await db.units.get(other.id))?.name).toBe('孟连县自然资源局');
    expect((await db.units.get(unit.id))?.name).toBe('孟连县住房和城乡建设局');

    const a = await addPerson(db, { name: '张明', ...personFields }, NOW);
    await addPerson(db, { name: '李华', ...personFields }, NOW);
    await expect(updatePerson(db, a.id, { name: '李华' }, NOW + 1)).rejects.toBeInstanceOf(
      DuplicateNameError,
    );
    await expect(addPerson(db, { name: '李华', ...personFields }, NOW + 1)).rejects.toBeInstanceOf(
      DuplicateNameError,
    );
    expect((await db.people.toArray()).map((p) => p.name).sort()).toEqual(['张明', '李华'].sort());
    db.close();
  });

  it('refuse a second team of the same name', async () => {
    const db = await open('org-dup-team');
    const team = { leaderId: null, memberIds: [], documentPrefix: '督查' };
    await addTeam(db, { name: '第一督查组', ...team }, NOW);
    await expect(addTeam(db, { name: '第一督查组', ...team }, NOW + 1)).rejects.toBeInstanceOf(
      DuplicateNameError,
    );
    expect(await db.teams.count()).toBe(1);
    db.close();
  });

  it('retire an entry: the record and its name stay, pickers no longer offer it, and it can be restored', async () => {
    const db = await open('org-retire');
    const county = await addRegion(db, { name: '孟连县', level: 'county', parentId: null }, NOW);
    const unit = await addUnit(db, { name: '孟连县住房和城乡建设局', ...unitFields }, NOW);
    const person = await addPerson(db, { name: '张明', ...personFields }, NOW);

    await updateRegion(db, county.id, { retired: true }, NOW + 1);
    await updateUnit(db, unit.id, { retired: true }, NOW + 1);
    await updatePerson(db, person.id, { retired: true }, NOW + 1);

    expect(await db.regions.get(county.id)).toMatchObject({ name: '孟连县', retired: true });
    const org = await readOrganization(db);
    expect(org.regions).toEqual([]);
    expect(org.units).toEqual([]);
    expect(org.people).toEqual([]);
    expect(org.all.regions.map((r) => r.name)).toEqual(['孟连县']);
    expect(org.regionNames.get(county.id)).toBe('孟连县');
    expect(org.unitNames.get(unit.id)).toBe('孟连住建');
    expect(org.personNames.get(person.id)).toBe('张明');

    // A retired name still holds its place on the list: a new entry cannot take it.
    await expect(
      addRegion(db, { name: '孟连县', level: 'county', parentId: null }, NOW + 2),
    ).rejects.toBeInstanceOf(DuplicateNameError);

    await updateRegion(db, county.id, { retired: false }, NOW + 3);
    expect((await readOrganization(db)).regions.map((r) => r.name)).toEqual(['孟连县']);
    db.close();
  });

  it('keep a department under its unit', async () => {
    const db = await open('org-department');
    const unit = await addUnit(db, { name: '孟连县住房和城乡建设局', ...unitFields }, NOW);
    const department = await addUnit(
      db,
      { name: '孟连县住房和城乡建设局质量安全股', ...unitFields, shortName: '质安股', parentId: unit.id },
      NOW,
    );
    expect(await db.units.get(department.id)).toMatchObject({ parentId: unit.id, shortName: '质安股' });
    db.close();
  });
});

// The team's own setup: adding, renaming and retiring regions, units, people and teams. Nothing here
// deletes: a county, a unit or a person that a record names is retired instead, so every old record
// still reads right and nothing is offered for new ones.
import type { Person, Region, Team, Unit } from '../../../shared/domain/organization';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { type DuchaDatabase, liveRecords } from '../database';
import { writeRecords } from '../record-writer';
import { updateRecord } from './records';

/** Another live entry of the same list already has this name; nothing was written. */
export class DuplicateNameError extends Error {
  override name = 'DuplicateNameError';
  constructor(
    readonly list: 'regions' | 'units' | 'people' | 'teams',
    readonly duplicate: string,
  ) {
    super(`${list}: "${duplicate}" is already on the list`);
  }
}

type NewOf<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

const stamp = (now: number) => {
  const at = new Date(now).toISOString();
  return { id: uuidv7(now), createdAt: at, updatedAt: at };
};

/** Regions are unique by name under the same parent; units by full name; people and teams by name. */
function sameName<T extends { id: string; name: string }>(
  rows: readonly T[],
  name: string,
  except: string | null,
  alsoSame: (row: T) => boolean = () => true,
): boolean {
  const wanted = name.trim();
  return rows.some((row) => row.id !== except && row.name.trim() === wanted && alsoSame(row));
}

async function checkRegionName(
  db: DuchaDatabase,
  name: string,
  parentId: string | null,
  except: string | null,
) {
  const rows = liveRecords<Region>(await db.regions.toArray());
  if (sameName(rows, name, except, (r) => r.parentId === parentId))
    throw new DuplicateNameError('regions', name);
}

async function checkUnitName(db: DuchaDatabase, name: string, except: string | null) {
  if (sameName(liveRecords<Unit>(await db.units.toArray()), name, except))
    throw new DuplicateNameError('units', name);
}

async function checkPersonName(db: DuchaDatabase, name: string, except: string | null) {
  if (sameName(liveRecords<Person>(await db.people.toArray()), name, except))
    throw new DuplicateNameError('people', name);
}

export async function addRegion(db: DuchaDatabase, fields: NewOf<Region>, now = Date.now()): Promise<Region> {
  const region: Region = { ...stamp(now), ...fields, name: fields.name.trim() };
  await db.transaction('rw', [db.regions, db.outbox, db.meta], async () => {
    await checkRegionName(db, region.name, region.parentId, null);
    await writeRecords(db, [{ table: 'regions', id: region.id, fields: region }], now);
  });
  return region;
}

export async function addUnit(db: DuchaDatabase, fields: NewOf<Unit>, now = Date.now()): Promise<Unit> {
  const unit: Unit = {
    ...stamp(now),
    ...fields,
    name: fields.name.trim(),
    shortName: fields.shortName.trim(),
  };
  await db.transaction('rw', [db.units, db.outbox, db.meta], async () => {
    await checkUnitName(db, unit.name, null);
    await writeRecords(db, [{ table: 'units', id: unit.id, fields: unit }], now);
  });
  return unit;
}

export async function addPerson(db: DuchaDatabase, fields: NewOf<Person>, now = Date.now()): Promise<Person> {
  const person: Person = { ...stamp(now), ...fields, name: fields.name.trim() };
  await db.transaction('rw', [db.people, db.outbox, db.meta], async () => {
    await checkPersonName(db, person.name, null);
    await writeRecords(db, [{ table: 'people', id: person.id, fields: person }], now);
  });
  return person;
}

export async function addTeam(db: DuchaDatabase, fields: NewOf<Team>, now = Date.now()): Promise<Team> {
  const team: Team = { ...stamp(now), ...fields, name: fields.name.trim() };
  await db.transaction('rw', [db.teams, db.outbox, db.meta], async () => {
    if (sameName(liveRecords<Team>(await db.teams.toArray()), team.name, null))
      throw new DuplicateNameError('teams', team.name);
    await writeRecords(db, [{ table: 'teams', id: team.id, fields: team }], now);
  });
  return team;
}

export async function updateRegion(
  db: DuchaDatabase,
  id: string,
  changes: Partial<NewOf<Region>>,
  now = Date.now(),
) {
  await db.transaction('rw', [db.regions, db.outbox, db.meta], async () => {
    const row = await db.regions.get(id);
    if (changes.name !== undefined && row)
      await checkRegionName(db, changes.name, changes.parentId ?? row.parentId, id);
    await updateRecord(db, 'regions', id, changes, now);
  });
}

export async function updateUnit(
  db: DuchaDatabase,
  id: string,
  changes: Partial<NewOf<Unit>>,
  now = Date.now(),
) {
  await db.transaction('rw', [db.units, db.outbox, db.meta], async () => {
    if (changes.name !== undefined) await checkUnitName(db, changes.name, id);
    await updateRecord(db, 'units', id, changes, now);
  });
}

export async function updatePerson(
  db: DuchaDatabase,
  id: string,
  changes: Partial<NewOf<Person>>,
  now = Date.now(),
) {
  await db.transaction('rw', [db.people, db.outbox, db.meta], async () => {
    if (changes.name !== undefined) await checkPersonName(db, changes.name, id);
    await updateRecord(db, 'people', id, changes, now);
  });
}

export async function updateTeam(
  db: DuchaDatabase,
  id: string,
  changes: Partial<NewOf<Team>>,
  now = Date.now(),
) {
  await db.transaction('rw', [db.teams, db.outbox, db.meta], async () => {
    if (changes.name !== undefined && sameName(liveRecords<Team>(await db.teams.toArray()), changes.name, id))
      throw new DuplicateNameError('teams', changes.name);
    await updateRecord(db, 'teams', id, changes, now);
  });
}

// The team's lists from a workbook (导入名录): every new county, town, unit and person in one
// transaction, through writeRecords so they sync like any other record. All or nothing: a name that
// became taken meanwhile (another window, a sync) or a failed write leaves the lists as they were.
import type { Person, Region, Unit } from '../../../shared/domain/organization';
import { type DuchaDatabase, liveRecords } from '../database';
import { type RecordPatch, writeRecords } from '../record-writer';
import { DuplicateNameError } from './organization-edit';

export interface ListsToImport {
  regions: readonly Region[];
  units: readonly Unit[];
  people: readonly Person[];
}

/** Stores the new entries; returns how many of each. Throws DuplicateNameError and stores nothing. */
export async function importLists(
  db: DuchaDatabase,
  lists: ListsToImport,
  now: number = Date.now(),
): Promise<{ regions: number; units: number; people: number }> {
  await db.transaction('rw', [db.regions, db.units, db.people, db.outbox, db.meta], async () => {
    const regions = liveRecords<Region>(await db.regions.toArray());
    for (const r of lists.regions) {
      if (regions.some((o) => o.name.trim() === r.name && o.parentId === r.parentId && o.level === r.level))
        throw new DuplicateNameError('regions', r.name);
    }
    const units = liveRecords<Unit>(await db.units.toArray());
    for (const u of lists.units) {
      if (units.some((o) => o.name.trim() === u.name)) throw new DuplicateNameError('units', u.name);
    }
    const people = liveRecords<Person>(await db.people.toArray());
    for (const p of lists.people) {
      if (people.some((o) => o.name.trim() === p.name)) throw new DuplicateNameError('people', p.name);
    }
    await writeRecords(
      db,
      [
        ...lists.regions.map((r): RecordPatch => ({ table: 'regions', id: r.id, fields: r })),
        ...lists.units.map((u): RecordPatch => ({ table: 'units', id: u.id, fields: u })),
        ...lists.people.map((p): RecordPatch => ({ table: 'people', id: p.id, fields: p })),
      ],
      now,
    );
  });
  return { regions: lists.regions.length, units: lists.units.length, people: lists.people.length };
}

// Adding the projects of an imported list (项目台账 from an .xlsx) to the ledger: all of them or none.
// One writeRecords call is one transaction, so a failure on the 200th project (an invalid record, a
// full disk) leaves the ledger as it was — never half an import, never a list imported twice over
// because the user retried after a partial failure. The counties, towns and units the list names that
// the laptop did not know (accepted by the user) are added in that same transaction: a failure leaves
// neither the projects nor the new names.
import type { Region, Unit } from '../../../shared/domain/organization';
import type { Project } from '../../../shared/domain/project';
import { type DuchaDatabase, liveRecords } from '../database';
import { type RecordPatch, writeRecords } from '../record-writer';
import { DuplicateNameError } from './organization-edit';

/** Entries of the team's lists to add (new records) or bring back (retired ones) with an import. */
export interface ListsToAdd {
  regions: readonly Region[];
  units: readonly Unit[];
  restoredRegions: readonly Region[];
  restoredUnits: readonly Unit[];
}

const NOTHING_TO_ADD: ListsToAdd = { regions: [], units: [], restoredRegions: [], restoredUnits: [] };

/** An import that would change projects already stored instead of adding new ones; nothing is kept. */
export class ImportConflictError extends Error {
  override name = 'ImportConflictError';
  constructor(readonly ids: readonly string[]) {
    super(`import would overwrite existing or repeated project ids: ${ids.slice(0, 3).join(', ')}`);
  }
}

/**
 * Stores new projects, with one operation per field in the outbox as every local write. Returns how
 * many were added. Throws InvalidRecordError (a project breaks the schema) or ImportConflictError
 * (an id is repeated or already stored), DuplicateNameError (a new county or unit was added
 * meanwhile under the same name), and then stores nothing.
 */
export async function importProjects(
  db: DuchaDatabase,
  projects: readonly Project[],
  now: number = Date.now(),
  lists: ListsToAdd = NOTHING_TO_ADD,
): Promise<number> {
  if (projects.length === 0) return 0;
  const ids = projects.map((p) => p.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) throw new ImportConflictError(repeated);
  const at = new Date(now).toISOString();
  const restore = (table: 'regions' | 'units', id: string): RecordPatch => ({
    table,
    id,
    fields: { retired: false, updatedAt: at },
  });
  // writeRecords joins this transaction, so the checks and the write are one atomic step.
  await db.transaction('rw', [db.projects, db.regions, db.units, db.outbox, db.meta], async () => {
    const stored = await db.projects.bulkGet(ids);
    const taken = ids.filter((_, i) => stored[i] !== undefined);
    if (taken.length > 0) throw new ImportConflictError(taken);
    await checkNewNames(db, lists);
    await writeRecords(
      db,
      [
        ...lists.regions.map((r): RecordPatch => ({ table: 'regions', id: r.id, fields: r })),
        ...lists.restoredRegions.map((r) => restore('regions', r.id)),
        ...lists.units.map((u): RecordPatch => ({ table: 'units', id: u.id, fields: u })),
        ...lists.restoredUnits.map((u) => restore('units', u.id)),
        ...projects.map((project): RecordPatch => ({ table: 'projects', id: project.id, fields: project })),
      ],
      now,
    );
  });
  return projects.length;
}

/** New entries must still be new: another window or a sync may have added the name meanwhile. */
async function checkNewNames(db: DuchaDatabase, lists: ListsToAdd): Promise<void> {
  if (lists.regions.length > 0) {
    const regions = liveRecords<Region>(await db.regions.toArray());
    for (const r of lists.regions) {
      if (regions.some((o) => o.name.trim() === r.name && o.parentId === r.parentId && o.level === r.level))
        throw new DuplicateNameError('regions', r.name);
    }
  }
  if (lists.units.length > 0) {
    const units = liveRecords<Unit>(await db.units.toArray());
    for (const u of lists.units) {
      if (units.some((o) => o.name.trim() === u.name)) throw new DuplicateNameError('units', u.name);
    }
  }
  const missing = [
    ...(await db.regions.bulkGet(lists.restoredRegions.map((r) => r.id))),
    ...(await db.units.bulkGet(lists.restoredUnits.map((u) => u.id))),
  ].some((row) => row === undefined);
  if (missing) throw new ImportConflictError([]);
}

// The office's targets for a year (目标任务): read with the defaults when none are stored, written as a
// synced record through the record writer like every other record.
import {
  defaultTargetValues,
  type TargetValues,
  type Targets,
  targetsIdOf,
} from '../../../shared/domain/targets';
import { type DuchaDatabase, isLive, recordOfStored } from '../database';
import { writeRecords } from '../record-writer';
import { changedFields, type RecordEdit, saveEdits, type SaveEditsResult } from './edits';

export interface YearTargets extends TargetValues {
  year: number;
  /** Whether the office has set them; false: the defaults. */
  stored: boolean;
}

export async function readTargets(db: DuchaDatabase, year: number): Promise<YearTargets> {
  const rows = (await db.targets.where('year').equals(year).toArray()).filter(isLive);
  // One id per year (targetsIdOf), so there is one row; should a record made otherwise turn up, the
  // year's own id wins, then the latest change.
  const row =
    rows.find((r) => r.id === targetsIdOf(year)) ??
    rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!row) return { year, ...defaultTargetValues(year), stored: false };
  const { id: _id, createdAt: _created, updatedAt: _updated, ...values } = recordOfStored(row);
  return { ...values, stored: true };
}

/**
 * Sets a year's targets: the values the person changed from those the form showed (`base`), like every
 * form (see edits.ts) — a target another laptop changed meanwhile is kept, and one both changed comes
 * back as a conflict. The first save of a year stores the whole record. Throws InvalidRecordError,
 * changing nothing, when the targets break the schema.
 */
export async function saveTargets(
  db: DuchaDatabase,
  year: number,
  edit: RecordEdit<TargetValues>,
  now: number = Date.now(),
): Promise<SaveEditsResult> {
  const at = new Date(now).toISOString();
  const id = targetsIdOf(year);
  return db.transaction('rw', [db.targets, db.outbox, db.meta, db.devices], async () => {
    const existing = await db.targets.get(id);
    if (existing && isLive(existing)) return saveEdits(db, 'targets', id, edit, { now });
    const record: Targets = {
      id,
      createdAt: at,
      updatedAt: at,
      year,
      ...defaultTargetValues(year),
      ...edit.base,
      ...edit.edited,
    };
    await writeRecords(db, [{ table: 'targets', id, fields: record }], now);
    return { ok: true, changedFields: changedFields(edit.base, edit.edited) };
  });
}

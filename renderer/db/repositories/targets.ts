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

/** Sets a year's targets. Throws InvalidRecordError, changing nothing, when they break the schema. */
export async function saveTargets(
  db: DuchaDatabase,
  year: number,
  values: TargetValues,
  now: number = Date.now(),
): Promise<void> {
  const at = new Date(now).toISOString();
  const id = targetsIdOf(year);
  await db.transaction('rw', [db.targets, db.outbox, db.meta], async () => {
    const existing = await db.targets.get(id);
    const record: Targets =
      existing && isLive(existing)
        ? { ...recordOfStored(existing), ...values, updatedAt: at }
        : { id, createdAt: at, updatedAt: at, year, ...values };
    await writeRecords(db, [{ table: 'targets', id, fields: record }], now);
  });
}

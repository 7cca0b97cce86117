// Create, change and delete any synced record; the table-specific repositories build on these.
import type { RecordOf } from '../../../shared/domain/records';
import { DELETED_FIELD } from '../../../shared/sync/operation';
import type { SyncedTable } from '../../../shared/sync/tables';
import type { DuchaDatabase } from '../database';
import { type RecordPatch, writeRecords } from '../record-writer';

export const createRecords = async <T extends SyncedTable>(
  db: DuchaDatabase,
  table: T,
  records: readonly RecordOf<T>[],
  now?: number,
): Promise<void> => {
  await writeRecords(
    db,
    records.map((record) => ({ table, id: record.id, fields: record })),
    now,
  );
};

export const updateRecord = async <T extends SyncedTable>(
  db: DuchaDatabase,
  table: T,
  id: string,
  fields: Partial<RecordOf<T>>,
  now: number = Date.now(),
): Promise<void> => {
  const existing: unknown = await db.table(table).get(id);
  if (!existing) throw new Error(`${table} ${id} does not exist`);
  await writeRecords(db, [{ table, id, fields: { ...fields, updatedAt: new Date(now).toISOString() } }], now);
};

export const deleteRecord = async (db: DuchaDatabase, table: SyncedTable, id: string, now?: number) => {
  const patch: RecordPatch = { table, id, fields: { [DELETED_FIELD]: true } };
  await writeRecords(db, [patch], now);
};

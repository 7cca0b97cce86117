// A person settles a conflict: confirming the value the merge kept changes no record; picking the one
// that lost writes it again as a new change (a new operation, with a clock later than both), which
// every laptop then takes by the same merge. Either way the conflict is marked decided, by whom, when.
import type { DuchaDatabase, SyncConflictRow } from '../../database';
import { writeRecords } from '../../record-writer';

export class ConflictGoneError extends Error {
  override name = 'ConflictGoneError';
}

export async function decideConflict(
  db: DuchaDatabase,
  id: number,
  kept: 'winner' | 'loser',
  by: string | null,
  now: number = Date.now(),
): Promise<void> {
  const tables = [db.table('syncConflicts'), db.outbox, db.meta];
  await db.transaction('rw', [...tables, ...(await tablesOf(db, id))], async () => {
    const conflict = await db.syncConflicts.get(id);
    if (!conflict || conflict.decided)
      throw new ConflictGoneError(`conflict ${String(id)} is no longer open`);
    if (kept === 'loser') {
      await writeRecords(
        db,
        [{ table: conflict.table, id: conflict.rowId, fields: { [conflict.field]: conflict.loser.value } }],
        now,
      );
    }
    await db.syncConflicts.update(id, { decided: { kept, by, at: new Date(now).toISOString() } });
  });
}

async function tablesOf(db: DuchaDatabase, id: number) {
  const conflict = await db.syncConflicts.get(id);
  return conflict ? [db.table(conflict.table)] : [];
}

/** Open conflicts first (newest first), then the decided ones of the last weeks. */
export async function listConflicts(db: DuchaDatabase): Promise<SyncConflictRow[]> {
  const all = await db.syncConflicts.orderBy('detectedAt').reverse().limit(500).toArray();
  return [...all.filter((c) => !c.decided), ...all.filter((c) => c.decided)];
}

/** The open conflicts of one record: shown on the record's own page. */
export async function openConflictsOf(
  db: DuchaDatabase,
  table: string,
  rowId: string,
): Promise<SyncConflictRow[]> {
  const rows = await db.syncConflicts.where('[table+rowId]').equals([table, rowId]).toArray();
  return rows.filter((c) => !c.decided);
}

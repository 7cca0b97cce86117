// A person settles a conflict: the value kept — the one the merge kept, or the one that lost — is
// written again as a new change (a new operation, with a clock later than both), which every laptop
// takes by the same merge; the conflict is marked decided, by whom, when. On the other laptops that
// listed it, that new change of the kept value is what tells them it was settled.
import { canonicalJson, type Json } from '../../../../shared/sync/canonical-json';
import { compareHlc, isEncodedHlc, wallOfEncodedHlc } from '../../../../shared/sync/hlc';
import type { SyncedRow } from '../../../../shared/sync/merge';
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
    if (!conflict || (await withSettledElsewhere(db, [conflict]))[0]?.decided)
      throw new ConflictGoneError(`conflict ${String(id)} is no longer open`);
    if (kept === 'loser') {
      await writeRecords(
        db,
        [{ table: conflict.table, id: conflict.rowId, fields: { [conflict.field]: conflict.loser.value } }],
        now,
      );
    } else {
      // The winner confirmed: written again, so the other laptops see the conflict settled too. Only
      // while the field still holds it — a value written since is not overwritten by a confirmation.
      const row = (await db.table(conflict.table).get(conflict.rowId)) as Record<string, unknown> | undefined;
      if (canonicalJson((row?.[conflict.field] ?? null) as Json) === canonicalJson(conflict.winner.value)) {
        await writeRecords(
          db,
          [
            {
              table: conflict.table,
              id: conflict.rowId,
              fields: { [conflict.field]: conflict.winner.value },
              reassert: true,
            },
          ],
          now,
        );
      }
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
  const all = await withSettledElsewhere(
    db,
    (await db.syncConflicts.orderBy('detectedAt').reverse().limit(500).toArray()).filter(
      (c) => !decidedInHistory(c),
    ),
  );
  return [...all.filter((c) => !c.decided), ...all.filter((c) => c.decided)];
}

/** The open conflicts of one record: shown on the record's own page. */
export async function openConflictsOf(
  db: DuchaDatabase,
  table: string,
  rowId: string,
): Promise<SyncConflictRow[]> {
  const rows = await db.syncConflicts.where('[table+rowId]').equals([table, rowId]).toArray();
  return (await withSettledElsewhere(db, rows)).filter((c) => !c.decided && !decidedInHistory(c));
}

/**
 * An issue's status moves only by a step of its history, so two statuses set apart are two steps taken
 * apart that contradict: the history already names them for the office (on the issue and the joint
 * meeting's page), who decides with a step of its own. Listed here too, "Keep this value" would set a
 * status that no step of the history leads to.
 */
const decidedInHistory = (conflict: SyncConflictRow): boolean =>
  conflict.table === 'issues' && conflict.field === 'status';

/**
 * How a conflict was settled on another laptop, or null. "Keep this value" there wrote one of the two
 * values again, with a clock later than both; once that change is here, the field's clock says so.
 * Nothing is stored for it: the field itself is the record of the decision, read afresh each time. A
 * later change to a third value settles nothing here (were it made in ignorance of this one, it is a
 * conflict of its own).
 */
export function settledElsewhere(
  conflict: SyncConflictRow,
  row: SyncedRow | undefined,
): SyncConflictRow['decided'] {
  const clock = row?._clocks[conflict.field];
  if (!row || !clock || !isEncodedHlc(clock)) return null;
  if (compareHlc(clock, conflict.winner.hlc) <= 0 || compareHlc(clock, conflict.loser.hlc) <= 0) return null;
  const now = canonicalJson((row[conflict.field] ?? null) as Json);
  const kept =
    now === canonicalJson(conflict.loser.value)
      ? 'loser'
      : now === canonicalJson(conflict.winner.value)
        ? 'winner'
        : null;
  return kept && { kept, by: null, at: new Date(wallOfEncodedHlc(clock)).toISOString() };
}

/** The conflicts, those settled on another laptop marked decided as they would be there. */
async function withSettledElsewhere(
  db: DuchaDatabase,
  conflicts: readonly SyncConflictRow[],
): Promise<SyncConflictRow[]> {
  return Promise.all(
    conflicts.map(async (conflict) => {
      if (conflict.decided) return conflict;
      const row = (await db.table(conflict.table).get(conflict.rowId)) as SyncedRow | undefined;
      return { ...conflict, decided: settledElsewhere(conflict, row) };
    }),
  );
}

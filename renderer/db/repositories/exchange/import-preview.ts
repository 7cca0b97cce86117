// What an import would do, worked out before anything is written: the rows it adds and changes, the
// fields both laptops changed without knowing of each other (conflicts, with the side the merge keeps),
// and records the merge would leave invalid, which stop the import.
import { isKnown } from '../../../../shared/bundle/knowledge';
import type { Manifest } from '../../../../shared/bundle/manifest';
import { RECORD_SCHEMAS } from '../../../../shared/domain/records';
import { canonicalJson, type Json } from '../../../../shared/sync/canonical-json';
import { compareHlc } from '../../../../shared/sync/hlc';
import { applyOperation, type SyncedRow } from '../../../../shared/sync/merge';
import type { Operation } from '../../../../shared/sync/operation';
import type { SyncedTable } from '../../../../shared/sync/tables';
import { describeIssues } from '../../../../shared/contract/result';
import type { DuchaDatabase } from '../../database';
import { groupByTable } from '../../record-writer';

export interface ImportConflict {
  readonly table: SyncedTable;
  readonly rowId: string;
  /** The row's title or name, to show. */
  readonly label: string;
  readonly field: string;
  readonly localValue: Json;
  readonly incomingValue: Json;
  readonly winner: 'local' | 'incoming';
}

export interface InvalidRecord {
  readonly table: SyncedTable;
  readonly rowId: string;
  readonly problem: string;
}

export interface ImportPreview {
  readonly operations: number;
  readonly newRows: number;
  readonly changedRows: number;
  readonly unchangedRows: number;
  readonly byTable: Partial<Record<SyncedTable, { newRows: number; changedRows: number }>>;
  readonly conflicts: ImportConflict[];
  readonly invalid: InvalidRecord[];
  /** Photos of the bundle this laptop does not hold yet, and those it already has. */
  readonly newPhotos: string[];
  readonly knownPhotos: number;
}

const labelOf = (row: SyncedRow | undefined): string => {
  const value = row?.title ?? row?.name ?? row?.fileName ?? '';
  return typeof value === 'string' ? value : '';
};

const recordOf = (row: SyncedRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_')));

const sameValues = (a: SyncedRow, b: SyncedRow): boolean =>
  Object.keys(b._clocks).every(
    (field) => canonicalJson((a[field] ?? null) as Json) === canonicalJson((b[field] ?? null) as Json),
  );

export async function previewImport(
  db: DuchaDatabase,
  manifest: Manifest,
  operations: readonly Operation[],
): Promise<ImportPreview> {
  let newRows = 0;
  let changedRows = 0;
  let unchangedRows = 0;
  const byTable: Partial<Record<SyncedTable, { newRows: number; changedRows: number }>> = {};
  const conflicts: ImportConflict[] = [];
  const invalid: InvalidRecord[] = [];
  for (const [table, tableOps] of groupByTable(operations)) {
    const store = db.table<SyncedRow, string>(table);
    const ids = [...new Set(tableOps.map((op) => op.rowId))];
    const existing = await store.bulkGet(ids);
    const before = new Map(ids.map((id, i) => [id, existing[i]]));
    const after = new Map(before);
    for (const op of tableOps) {
      const local = before.get(op.rowId);
      const localClock = local?._clocks[op.field];
      if (
        local &&
        localClock !== undefined &&
        localClock !== op.hlc &&
        !isKnown(manifest.knowledge, localClock) &&
        canonicalJson((local[op.field] ?? null) as Json) !== canonicalJson(op.value)
      ) {
        conflicts.push({
          table,
          rowId: op.rowId,
          label: labelOf(local),
          field: op.field,
          localValue: (local[op.field] ?? null) as Json,
          incomingValue: op.value,
          winner: compareHlc(op.hlc, localClock) > 0 ? 'incoming' : 'local',
        });
      }
      after.set(op.rowId, applyOperation(after.get(op.rowId), op));
    }
    const counts = { newRows: 0, changedRows: 0 };
    for (const id of ids) {
      const was = before.get(id);
      const now = after.get(id);
      // A row whose fields only take a later clock with the same value (both laptops wrote the same
      // built-in template) is stored with that clock but is not news to the user.
      if (now === was || !now || (was && sameValues(was, now))) {
        unchangedRows++;
        continue;
      }
      if (was) counts.changedRows++;
      else counts.newRows++;
      if (now._deleted === true) continue;
      const checked = RECORD_SCHEMAS[table].safeParse(recordOf(now));
      if (!checked.success) invalid.push({ table, rowId: id, problem: describeIssues(checked.error) });
    }
    newRows += counts.newRows;
    changedRows += counts.changedRows;
    if (counts.newRows + counts.changedRows > 0) byTable[table] = counts;
  }
  const blobs = manifest.files.filter((f) => f.role === 'blob').map((f) => f.sha256);
  const distinct = [...new Set(blobs)];
  const held = await db.photoBlobs.bulkGet(distinct);
  const newPhotos = distinct.filter((_, i) => !held[i]);
  return {
    operations: operations.length,
    newRows,
    changedRows,
    unchangedRows,
    byTable,
    conflicts,
    invalid,
    newPhotos,
    knownPhotos: distinct.length - newPhotos.length,
  };
}

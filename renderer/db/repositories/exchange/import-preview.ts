// What an import would do, worked out before anything is written: the rows it adds and changes (per
// record, field by field), the fields both laptops changed without knowing of each other (conflicts,
// with the side the merge keeps), and records the merge would leave invalid, which stop the import.
import { isKnown } from '../../../../shared/bundle/knowledge';
import type { Manifest } from '../../../../shared/bundle/manifest';
import { RECORD_SCHEMAS } from '../../../../shared/domain/records';
import { canonicalJson, type Json } from '../../../../shared/sync/canonical-json';
import { compareHlc } from '../../../../shared/sync/hlc';
import { mergeOperations, rowKey, splitRowKey, type SyncedRow } from '../../../../shared/sync/merge';
import type { Operation } from '../../../../shared/sync/operation';
import type { SyncedTable } from '../../../../shared/sync/tables';
import { describeIssues } from '../../../../shared/contract/result';
import { type DuchaDatabase, type ImportConflict, recordOfStored } from '../../database';

export type { ImportConflict };
import { readRows } from '../../record-writer';
import { recordChanges, type RecordChange } from './import-changes';
import { localKnowledge } from './local-knowledge';

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
  /** Per record what would change: the records here that would be overwritten first, then new ones. */
  readonly changes: RecordChange[];
}

const labelOf = (row: SyncedRow | undefined): string => {
  const value = row?.title ?? row?.name ?? row?.fileName ?? '';
  return typeof value === 'string' ? value : '';
};

const sameValues = (a: SyncedRow, b: SyncedRow): boolean =>
  Object.keys(b._clocks).every(
    (field) => canonicalJson((a[field] ?? null) as Json) === canonicalJson((b[field] ?? null) as Json),
  );

export async function previewImport(
  db: DuchaDatabase,
  manifest: Manifest,
  operations: readonly Operation[],
): Promise<ImportPreview> {
  const conflicts: ImportConflict[] = [];
  const conflictFields = new Map<string, Set<string>>();
  const held = await localKnowledge(db);
  const before = await readRows(db, operations);
  const after = new Map(before);
  // The same merge the apply runs; the observer sees each incoming field against the local row. A
  // conflict needs both sides to have changed the field since their common knowledge: the incoming
  // change is one this laptop never had, and the local one is not among what the bundle's source held.
  // Either alone is a one-sided edit the merge settles without asking (an old bundle re-imported, or
  // a change made only here since the bundle was written).
  mergeOperations(after, operations, (op) => {
    if (isKnown(held, op.hlc)) return;
    const key = rowKey(op.table, op.rowId);
    const local = before.get(key);
    const localClock = local?._clocks[op.field];
    if (
      local &&
      localClock !== undefined &&
      localClock !== op.hlc &&
      !isKnown(manifest.knowledge, localClock) &&
      canonicalJson((local[op.field] ?? null) as Json) !== canonicalJson(op.value)
    ) {
      const winner = compareHlc(op.hlc, localClock) > 0 ? 'incoming' : 'local';
      conflicts.push({
        table: op.table,
        rowId: op.rowId,
        label: labelOf(local),
        field: op.field,
        localValue: (local[op.field] ?? null) as Json,
        incomingValue: op.value,
        winner,
      });
      if (winner === 'incoming') {
        const fields = conflictFields.get(key) ?? new Set<string>();
        fields.add(op.field);
        conflictFields.set(key, fields);
      }
    }
  });
  let newRows = 0;
  let changedRows = 0;
  let unchangedRows = 0;
  const byTable: Partial<Record<SyncedTable, { newRows: number; changedRows: number }>> = {};
  const invalid: InvalidRecord[] = [];
  const seen = new Set<string>();
  const changedKeys: string[] = [];
  for (const op of operations) {
    const key = rowKey(op.table, op.rowId);
    if (seen.has(key)) continue;
    seen.add(key);
    const was = before.get(key);
    const now = after.get(key);
    // A row whose fields only take a later clock with the same value (both laptops wrote the same
    // built-in template) is stored with that clock but is not news to the user.
    if (now === was || !now || (was && sameValues(was, now))) {
      unchangedRows++;
      continue;
    }
    changedKeys.push(key);
    const counts = (byTable[op.table] ??= { newRows: 0, changedRows: 0 });
    if (was) {
      counts.changedRows++;
      changedRows++;
    } else {
      counts.newRows++;
      newRows++;
    }
    if (now._deleted === true) continue;
    const checked = RECORD_SCHEMAS[op.table].safeParse(recordOfStored(now));
    if (!checked.success)
      invalid.push({ table: op.table, rowId: op.rowId, problem: describeIssues(checked.error) });
  }
  const blobs = manifest.files.filter((f) => f.role === 'blob').map((f) => f.sha256);
  const distinct = [...new Set(blobs)];
  const heldPhotos = await db.photoBlobs.bulkGet(distinct);
  const newPhotos = distinct.filter((_, i) => !heldPhotos[i]);
  const changes = await recordChanges(db, changedKeys, before, after, conflictFields, (key) => {
    const { table, rowId } = splitRowKey(key);
    return { table: table as SyncedTable, rowId };
  });
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
    changes,
  };
}

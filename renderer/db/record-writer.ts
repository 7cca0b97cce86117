// Every write to a synced table goes through here: in one transaction it turns the change into one
// operation per changed field, applies them with the shared merge, stores the row with its field
// clocks, and appends the operations to the outbox. Remote operations come in through the same merge.
import { RECORD_SCHEMAS, type RecordOf } from '../../shared/domain/records';
import { canonicalJson, type Json } from '../../shared/sync/canonical-json';
import { encodeHlc } from '../../shared/sync/hlc';
import { applyOperation, type SyncedRow } from '../../shared/sync/merge';
import type { DELETED_FIELD, Operation } from '../../shared/sync/operation';
import type { SyncedTable } from '../../shared/sync/tables';
import { describeIssues } from '../../shared/contract/result';
import type { DuchaDatabase } from './database';
import { withDerivedFields } from './derived-fields';
import { nextLocalClock, observeRemoteClock } from './device-clock';

export interface RecordPatch<T extends SyncedTable = SyncedTable> {
  readonly table: T;
  readonly id: string;
  /** Fields to set; on a new row, the whole record. */
  readonly fields: Partial<RecordOf<T>> | { readonly [DELETED_FIELD]: boolean };
}

/** A write that would store a record breaking its schema; nothing of the write is kept. */
export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
  constructor(
    readonly table: SyncedTable,
    readonly id: string,
    detail: string,
  ) {
    super(`${table} ${id}: ${detail}`);
  }
}

/** The record a row holds: without its clocks, tombstone and this device's derived fields. */
const recordOf = (row: SyncedRow): Record<string, unknown> => {
  const { _clocks: _ignoredClocks, _deleted: _ignoredTombstone, ...record } = row;
  for (const key of Object.keys(record)) if (key.startsWith('_')) delete record[key];
  return record;
};

function validate(table: SyncedTable, row: SyncedRow): void {
  if (row._deleted === true) return;
  const result = RECORD_SCHEMAS[table].safeParse(recordOf(row));
  if (!result.success) throw new InvalidRecordError(table, row.id, describeIssues(result.error));
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a !== undefined && b !== undefined && canonicalJson(a as Json) === canonicalJson(b as Json);

/** Items by their table, in order: one store access per table. */
export function groupByTable<T extends { table: SyncedTable }>(items: readonly T[]): Map<SyncedTable, T[]> {
  const groups = new Map<SyncedTable, T[]>();
  for (const item of items) {
    const group = groups.get(item.table);
    if (group) group.push(item);
    else groups.set(item.table, [item]);
  }
  return groups;
}

const tablesOf = (db: DuchaDatabase, names: Iterable<SyncedTable>) =>
  [...names].map((name) => db.table(name));

/**
 * Writes local changes. Returns the operations appended to the outbox (none when nothing changed).
 * Throws InvalidRecordError, leaving the database as it was, if any resulting record is invalid.
 */
export async function writeRecords(
  db: DuchaDatabase,
  patches: readonly RecordPatch[],
  now: number = Date.now(),
): Promise<Operation[]> {
  const groups = groupByTable(patches);
  return db.transaction('rw', [...tablesOf(db, groups.keys()), db.outbox, db.meta], async () => {
    const clock = await nextLocalClock(db, now);
    const hlc = encodeHlc(clock);
    const operations: Operation[] = [];
    for (const [table, tablePatches] of groups) {
      const store = db.table<SyncedRow, string>(table);
      const ids = [...new Set(tablePatches.map((p) => p.id))];
      const existing = await store.bulkGet(ids);
      const rows = new Map<string, SyncedRow | undefined>(ids.map((id, i) => [id, existing[i]]));
      const changed = new Map<string, SyncedRow>();
      for (const patch of tablePatches) {
        let row = changed.get(patch.id) ?? rows.get(patch.id);
        for (const [field, value] of Object.entries(patch.fields)) {
          if (field === 'id' || value === undefined || (row && sameValue(row[field], value))) continue;
          const op: Operation = {
            table,
            rowId: patch.id,
            field,
            value: value as Json,
            hlc,
            node: clock.node,
          };
          row = applyOperation(row, op);
          operations.push(op);
        }
        if (row && row !== rows.get(patch.id)) changed.set(patch.id, row);
      }
      for (const row of changed.values()) validate(table, row);
      await store.bulkPut([...changed.values()].map((row) => withDerivedFields(table, row)));
    }
    await db.outbox.bulkAdd(operations);
    return operations;
  });
}

/**
 * Applies operations from another device (a bundle or the server). Idempotent and order-free: the
 * merge keeps, per field, the highest clock. Returns how many rows changed.
 */
export async function applyOperations(
  db: DuchaDatabase,
  operations: readonly Operation[],
  now: number = Date.now(),
): Promise<number> {
  if (operations.length === 0) return 0;
  const groups = groupByTable(operations);
  return db.transaction('rw', [...tablesOf(db, groups.keys()), db.meta], async () => {
    let latest = operations[0]?.hlc ?? '';
    let changedRows = 0;
    for (const [table, tableOps] of groups) {
      const store = db.table<SyncedRow, string>(table);
      const ids = [...new Set(tableOps.map((op) => op.rowId))];
      const existing = await store.bulkGet(ids);
      const rows = new Map<string, SyncedRow | undefined>(ids.map((id, i) => [id, existing[i]]));
      const changed = new Set<string>();
      for (const op of tableOps) {
        if (op.hlc > latest) latest = op.hlc;
        const before = rows.get(op.rowId);
        const after = applyOperation(before, op);
        if (after !== before) {
          rows.set(op.rowId, after);
          changed.add(op.rowId);
        }
      }
      await store.bulkPut([...changed].map((id) => withDerivedFields(table, rows.get(id) as SyncedRow)));
      changedRows += changed.size;
    }
    await observeRemoteClock(db, latest, now);
    return changedRows;
  });
}

// Every write to a synced table goes through here: in one transaction it turns the change into one
// operation per changed field, each with its own clock, applies them with the shared merge
// (shared/sync/merge.ts), stores the rows with their field clocks, and appends the operations to the
// outbox. Remote operations come in through the same merge.
import { RECORD_SCHEMAS, type RecordOf } from '../../shared/domain/records';
import { canonicalJson, type Json } from '../../shared/sync/canonical-json';
import { encodeHlc } from '../../shared/sync/hlc';
import { mergeOperations, rowKey, splitRowKey, type SyncedRow } from '../../shared/sync/merge';
import { DELETED_FIELD, type Operation } from '../../shared/sync/operation';
import type { SyncedTable } from '../../shared/sync/tables';
import { describeIssues } from '../../shared/contract/result';
import { type DuchaDatabase, recordOfStored } from './database';
import { withDerivedFields } from './derived-fields';
import { localClockSequence, observeRemoteClock } from './device-clock';
import { refuseReadOnlyWrite } from './repositories/sync/read-only';

export interface RecordPatch<T extends SyncedTable = SyncedTable> {
  readonly table: T;
  readonly id: string;
  /** Fields to set; on a new row, the whole record. */
  readonly fields: Partial<RecordOf<T>> | { readonly [DELETED_FIELD]: boolean };
  /**
   * Write the fields even where they hold these values already: a person confirming a value against
   * another laptop's (a conflict decided) says so with a new operation the other laptops receive.
   */
  readonly reassert?: boolean;
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

function validate(table: SyncedTable, row: SyncedRow): void {
  if (row._deleted === true) return;
  const result = RECORD_SCHEMAS[table].safeParse(recordOfStored(row));
  if (!result.success) throw new InvalidRecordError(table, row.id, describeIssues(result.error));
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a !== undefined && b !== undefined && canonicalJson(a as Json) === canonicalJson(b as Json);

/**
 * Whether a patch's field is the record's to write: not the id, and none of the row's bookkeeping
 * (clocks, derived fields) — only the tombstone among the '_' fields. A record spread from a large
 * read still carries its row's bookkeeping (see liveRows), and it must never travel as operations.
 */
const isRecordField = (field: string): boolean =>
  field !== 'id' && (field === DELETED_FIELD || !field.startsWith('_'));

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

/** Below this many rows of a table, reading them one by one costs less than asking which exist. */
const RANGE_PROBE_FROM = 64;

/**
 * Of these row ids, those that may be stored. A snapshot page holds thousands of rows, adjacent by
 * id and on a new laptop none of them stored yet: one request for the keys stored between its first
 * and last id spares a read per row (the browser's IndexedDB process is what bounds a first sync).
 * A batch spread over a table full of other rows (a pull on a laptop in use) stops at a limit and
 * reads them all, as before.
 */
async function storedOf(db: DuchaDatabase, table: SyncedTable, ids: string[]): Promise<string[]> {
  if (ids.length < RANGE_PROBE_FROM) return ids;
  let low = ids[0] as string;
  let high = low;
  // Row ids are strings; IndexedDB orders them by UTF-16 code units, as JavaScript's < does.
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const limit = ids.length * 2;
  const keys = await db
    .table<SyncedRow, string>(table)
    .where(':id')
    .between(low, high, true, true)
    .limit(limit)
    .primaryKeys();
  if (keys.length >= limit) return ids;
  const wanted = new Set(ids);
  return keys.filter((key) => wanted.has(key));
}

/** The stored rows of the given records, keyed by rowKey: what the merge works on. */
export async function readRows(
  db: DuchaDatabase,
  refs: readonly { table: SyncedTable; rowId: string }[],
): Promise<Map<string, SyncedRow>> {
  const rows = new Map<string, SyncedRow>();
  for (const [table, group] of groupByTable(refs)) {
    const ids = await storedOf(db, table, [...new Set(group.map((ref) => ref.rowId))]);
    const existing = await db.table<SyncedRow, string>(table).bulkGet(ids);
    ids.forEach((id, i) => {
      const row = existing[i];
      if (row) rows.set(rowKey(table, id), row);
    });
  }
  return rows;
}

/** Stores the rows the merge changed, with this device's derived fields, one bulkPut per table. */
async function storeRows(db: DuchaDatabase, rows: Map<string, SyncedRow>, changed: Set<string>) {
  const byTable = new Map<SyncedTable, SyncedRow[]>();
  for (const key of changed) {
    const table = splitRowKey(key).table as SyncedTable;
    const row = rows.get(key) as SyncedRow;
    const group = byTable.get(table);
    if (group) group.push(row);
    else byTable.set(table, [row]);
  }
  for (const [table, group] of byTable)
    await db.table<SyncedRow, string>(table).bulkPut(group.map((row) => withDerivedFields(table, row)));
}

/** Of several operations on one field in one write, only the last is news to anyone else. */
function latestPerField(operations: readonly Operation[]): Operation[] {
  const last = new Map<string, number>();
  operations.forEach((op, i) => last.set(`${rowKey(op.table, op.rowId)}\u0000${op.field}`, i));
  return operations.filter((op, i) => last.get(`${rowKey(op.table, op.rowId)}\u0000${op.field}`) === i);
}

/**
 * Writes local changes. Returns the operations appended to the outbox (none when nothing changed).
 * Throws InvalidRecordError, leaving the database as it was, if any resulting record is invalid, and
 * ReadOnlyPersonError, before anything is written, while a leader is signed in on this laptop.
 */
export async function writeRecords(
  db: DuchaDatabase,
  patches: readonly RecordPatch[],
  now: number = Date.now(),
): Promise<Operation[]> {
  const tables = groupByTable(patches).keys();
  return db.transaction('rw', [...tablesOf(db, tables), db.outbox, db.meta], async () => {
    await refuseReadOnlyWrite(db);
    const rows = await readRows(
      db,
      patches.map((p) => ({ table: p.table, rowId: p.id })),
    );
    const clocks = await localClockSequence(db, now);
    const operations: Operation[] = [];
    const changed = new Set<string>();
    for (const patch of patches) {
      const key = rowKey(patch.table, patch.id);
      for (const [field, value] of Object.entries(patch.fields)) {
        if (!isRecordField(field) || value === undefined) continue;
        if (!patch.reassert && sameValue(rows.get(key)?.[field], value)) continue;
        // Each operation its own tick: a later patch of the same field in this write wins by clock.
        const clock = clocks.tick();
        const op: Operation = {
          table: patch.table,
          rowId: patch.id,
          field,
          value: value as Json,
          hlc: encodeHlc(clock),
          node: clock.node,
        };
        for (const k of mergeOperations(rows, [op])) changed.add(k);
        operations.push(op);
      }
    }
    for (const key of changed) validate(splitRowKey(key).table as SyncedTable, rows.get(key) as SyncedRow);
    await storeRows(db, rows, changed);
    await clocks.save();
    const news = latestPerField(operations);
    await db.outbox.bulkAdd(news);
    return news;
  });
}

/**
 * Applies operations from another device (a bundle or the server) through the one merge. Idempotent
 * and order-free: per field the highest clock wins. Returns how many rows changed.
 */
export async function applyOperations(
  db: DuchaDatabase,
  operations: readonly Operation[],
  now: number = Date.now(),
): Promise<number> {
  if (operations.length === 0) return 0;
  const tables = groupByTable(operations).keys();
  return db.transaction('rw', [...tablesOf(db, tables), db.meta], async () => {
    const rows = await readRows(db, operations);
    const changed = mergeOperations(rows, operations);
    await storeRows(db, rows, changed);
    let latest = operations[0]?.hlc ?? '';
    for (const op of operations) if (op.hlc > latest) latest = op.hlc;
    await observeRemoteClock(db, latest, now);
    return changed.size;
  });
}

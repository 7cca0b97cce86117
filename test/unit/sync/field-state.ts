// The merged state of a laptop or of the server as fields: per (table, row, field) the clock that won
// it and its value. Comparing fields rather than whole rows lets a fault run say exactly which field of
// which record differs, and tell a difference the server refused (a laptop keeps its own refused change,
// which no other laptop has) from one that was lost.
import { canonicalJson, type Json } from '../../../shared/sync/canonical-json';
import { mergeOperations, type SyncedRow } from '../../../shared/sync/merge';
import type { Operation } from '../../../shared/sync/operation';
import { SYNCED_TABLES } from '../../../shared/sync/tables';
import type { DuchaDatabase } from '../../../renderer/db/database';

export interface FieldValue {
  readonly hlc: string;
  /** The value as canonical JSON. */
  readonly value: string;
}

/** Fields by `table␀row␀field`. */
export type FieldState = Map<string, FieldValue>;

export const fieldKey = (table: string, rowId: string, field: string): string =>
  `${table}\u0000${rowId}\u0000${field}`;

/** An operation's identity, as the server stores each once: its field and its clock. */
export const identityOf = (op: Operation): string =>
  `${fieldKey(op.table, op.rowId, op.field)}\u0000${op.hlc}`;

function addRow(state: FieldState, table: string, row: SyncedRow): void {
  for (const [field, hlc] of Object.entries(row._clocks))
    state.set(fieldKey(table, row.id, field), { hlc, value: canonicalJson((row[field] ?? null) as Json) });
}

/** What a laptop's synced tables hold (derived fields have no clock and are left out). */
export async function laptopFields(db: DuchaDatabase): Promise<FieldState> {
  const state: FieldState = new Map();
  for (const table of SYNCED_TABLES)
    for (const row of await db.table<SyncedRow, string>(table).toArray()) addRow(state, table, row);
  return state;
}

/** The one merge of a set of operations (the server's log, or its snapshot). */
export function mergedFields(operations: Iterable<Operation>): FieldState {
  const rows = new Map<string, SyncedRow>();
  mergeOperations(rows, operations);
  const state: FieldState = new Map();
  for (const [key, row] of rows) addRow(state, key.slice(0, key.indexOf('\u0000')), row);
  return state;
}

export interface Differences {
  /** Fields where the laptop differs from the server in a way no refusal explains. */
  readonly wrong: string[];
  /** Fields where the laptop keeps a change the server refused (over the server's value, or alone). */
  readonly refusedWinners: number;
}

const describe = (key: string): string => key.replaceAll('\u0000', ' ');

/**
 * The laptop against the server's merged state. A field may differ only where the laptop's winner is
 * an operation the server refused (`refused`, by identity): then the laptop keeps its own value,
 * which beats the server's by clock. Anything else different or missing is wrong.
 */
export function compareWithServer(
  laptop: FieldState,
  server: FieldState,
  refused: ReadonlyMap<string, Operation>,
): Differences {
  const wrong: string[] = [];
  let refusedWinners = 0;
  const refusedWinner = (key: string, mine: FieldValue): boolean => {
    const op = refused.get(`${key}\u0000${mine.hlc}`);
    return op !== undefined && canonicalJson(op.value) === mine.value;
  };
  for (const [key, theirs] of server) {
    const mine = laptop.get(key);
    if (mine === undefined) wrong.push(`${describe(key)}: missing (server ${theirs.hlc})`);
    else if (mine.hlc === theirs.hlc && mine.value === theirs.value) continue;
    else if (mine.hlc > theirs.hlc && refusedWinner(key, mine)) refusedWinners += 1;
    else
      wrong.push(
        `${describe(key)}: ${mine.hlc} ${mine.value} here, ${theirs.hlc} ${theirs.value} on the server`,
      );
  }
  for (const [key, mine] of laptop) {
    if (server.has(key)) continue;
    if (refusedWinner(key, mine)) refusedWinners += 1;
    else wrong.push(`${describe(key)}: ${mine.hlc} ${mine.value} here, nothing on the server`);
  }
  return { wrong, refusedWinners };
}

/** Two states field by field: the keys that differ (at most `limit`), for a readable failure. */
export function differingFields(a: FieldState, b: FieldState, limit = 5): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const out: string[] = [];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (x?.hlc !== y?.hlc || x?.value !== y?.value) out.push(describe(key));
    if (out.length >= limit) break;
  }
  return out;
}

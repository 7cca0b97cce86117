// A snapshot page from the rows both stores read the same way: `limit + 1` rows after the page's
// start, in (table, row id) order — the extra row only says whether another page follows.
import type { SyncedRow } from '../../../shared/sync/merge';
import type { SnapshotKey } from '../../../shared/sync/protocol';
import { rowOperations } from './push-plan';
import type { SnapshotPage, SnapshotRows } from './store';

export interface MergedRowText {
  readonly table: string;
  readonly rowId: string;
  /** The merged row as stored (JSON text). */
  readonly row: string;
}

/** The SQL's bounds for a page: the key to start after, and how many rows to read. */
export function pageBounds(page: SnapshotPage | undefined): { after: SnapshotKey | null; read: number } {
  return page ? { after: page.after, read: page.limit + 1 } : { after: null, read: -1 };
}

export function snapshotOfRows(
  seq: number,
  rows: readonly MergedRowText[],
  page: SnapshotPage | undefined,
): SnapshotRows {
  const more = page !== undefined && rows.length > page.limit;
  const taken = more ? rows.slice(0, page.limit) : rows;
  const operations = taken.flatMap((row) => rowOperations(row.table, JSON.parse(row.row) as SyncedRow));
  const last = taken.at(-1);
  return { seq, operations, next: more && last ? { table: last.table, rowId: last.rowId } : null };
}

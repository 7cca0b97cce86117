// Per record, what an import would change: computed once, in the preview, from the rows before and
// after the same merge the apply runs — so the person deciding whether to trust a laptop sees what it
// lets in (the records here it would overwrite first, then the new ones), not just counts.
import { canonicalJson, type Json } from '../../../../shared/sync/canonical-json';
import { rowKey, type SyncedRow } from '../../../../shared/sync/merge';
import { DELETED_FIELD } from '../../../../shared/sync/operation';
import type { SyncedTable } from '../../../../shared/sync/tables';
import type { DuchaDatabase } from '../../database';
import { recordTitles } from './record-titles';

export interface FieldChange {
  readonly field: string;
  /** The value here now; null for a new record. */
  readonly current: Json;
  readonly incoming: Json;
  /** Both laptops changed this field without knowing of each other; the incoming side wins. */
  readonly conflict: boolean;
}

export interface RecordChange {
  readonly table: SyncedTable;
  readonly rowId: string;
  /** Words naming the record (its name, or its parent's and its own: a visit's project and date). */
  readonly title: readonly string[];
  /** 'overwrite': the record is here and would change; 'new': the record is not here yet. */
  readonly kind: 'overwrite' | 'new';
  /** The import deletes the record here, or brings a deleted one back. */
  readonly deletion: 'deleted' | 'restored' | null;
  readonly fields: readonly FieldChange[];
}

const valueOf = (row: SyncedRow | undefined, field: string): Json => (row?.[field] ?? null) as Json;

/** The fields a row's merge changes, with their values before and after (the id and tombstone aside). */
function fieldChanges(
  was: SyncedRow | undefined,
  now: SyncedRow,
  conflicts: ReadonlySet<string>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(now._clocks)) {
    if (field === 'id' || field === DELETED_FIELD) continue;
    const current = valueOf(was, field);
    const incoming = valueOf(now, field);
    if (was && canonicalJson(current) === canonicalJson(incoming)) continue;
    out.push({ field, current: was ? current : null, incoming, conflict: conflicts.has(field) });
  }
  return out;
}

const deletionOf = (was: SyncedRow | undefined, now: SyncedRow): RecordChange['deletion'] => {
  const before = was?._deleted === true;
  const after = now._deleted === true;
  return after && !before ? 'deleted' : before && !after ? 'restored' : null;
};

/**
 * The changed rows (keys in order of first appearance) as record changes: overwrites first, then new
 * records, each group in the bundle's order. `conflictFields` are rowKey → fields listed as conflicts.
 */
export async function recordChanges(
  db: DuchaDatabase,
  changed: readonly string[],
  before: ReadonlyMap<string, SyncedRow>,
  after: ReadonlyMap<string, SyncedRow>,
  conflictFields: ReadonlyMap<string, ReadonlySet<string>>,
  keyParts: (key: string) => { table: SyncedTable; rowId: string },
): Promise<RecordChange[]> {
  const wanted = changed.map(keyParts);
  const titles = await recordTitles(db, after, wanted);
  const overwrites: RecordChange[] = [];
  const added: RecordChange[] = [];
  for (const { table, rowId } of wanted) {
    const key = rowKey(table, rowId);
    const was = before.get(key);
    const now = after.get(key);
    if (!now) continue;
    const change: RecordChange = {
      table,
      rowId,
      title: titles.get(key) ?? [],
      kind: was ? 'overwrite' : 'new',
      deletion: deletionOf(was, now),
      fields: fieldChanges(was, now, conflictFields.get(key) ?? new Set()),
    };
    (was ? overwrites : added).push(change);
  }
  return [...overwrites, ...added];
}

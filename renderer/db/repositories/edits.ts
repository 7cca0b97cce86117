// Saving what a person edited in a form: only the fields that differ from what the form started from
// are written, and a field that has itself changed in the database since then (another window; another
// laptop by USB or sync) is not overwritten silently — it comes back as a conflict for the person to
// decide, with the other value, when it was made and on which laptop.
import type { RecordOf } from '../../../shared/domain/records';
import { canonicalJson, type Json } from '../../../shared/sync/canonical-json';
import { decodeHlc, isEncodedHlc } from '../../../shared/sync/hlc';
import type { SyncedRow } from '../../../shared/sync/merge';
import type { SyncedTable } from '../../../shared/sync/tables';
import type { DuchaDatabase } from '../database';
import { deviceNodeId } from '../device-clock';
import { writeRecords } from '../record-writer';

/** A field the person changed that has also changed in the database since the form opened. */
export interface FieldConflict {
  readonly field: string;
  /** The value when the form opened. */
  readonly base: unknown;
  /** The value the person typed. */
  readonly mine: unknown;
  /** The value in the database now. */
  readonly theirs: unknown;
  /** When their value was written (from the field's clock), ISO 8601. */
  readonly theirsAt: string | null;
  /** The other laptop's name (its node id when unnamed), or null when it was this laptop. */
  readonly theirsBy: string | null;
}

export type Resolution = 'mine' | 'theirs';

export interface RecordEdit<T> {
  /** The record's values when the form opened (only the fields the form shows). */
  readonly base: Partial<T>;
  /** The values the person is saving. */
  readonly edited: Partial<T>;
  /** The person's choice for fields that came back as conflicts. */
  readonly resolutions?: Readonly<Record<string, Resolution>>;
}

export type SaveEditsResult =
  { ok: true; changedFields: string[] } | { ok: false; conflicts: FieldConflict[] };

/** The record is gone (deleted on another laptop, or never existed); nothing was written. */
export class RecordGoneError extends Error {
  override name = 'RecordGoneError';
}

const same = (a: unknown, b: unknown): boolean =>
  canonicalJson((a ?? null) as Json) === canonicalJson((b ?? null) as Json);

/** The fields whose edited value differs from the value the form started from. */
export function changedFields<T>(base: Partial<T>, edited: Partial<T>): (keyof T & string)[] {
  return (Object.keys(edited) as (keyof T & string)[]).filter(
    (field) => edited[field] !== undefined && !same(base[field], edited[field]),
  );
}

async function describeWriter(
  db: DuchaDatabase,
  clock: string | undefined,
  self: string | null,
): Promise<Pick<FieldConflict, 'theirsAt' | 'theirsBy'>> {
  if (clock === undefined || !isEncodedHlc(clock)) return { theirsAt: null, theirsBy: null };
  const { wall, node } = decodeHlc(clock);
  const at = new Date(wall).toISOString();
  if (node === self) return { theirsAt: at, theirsBy: null };
  const device = await db.devices.get(node);
  return { theirsAt: at, theirsBy: device?.name || node };
}

/**
 * Writes the fields the person changed, in one transaction with the check. `guard` sees the stored
 * row first and may throw to refuse the edit (a finalized visit). Returns the conflicts instead of
 * writing anything while any changed field has moved underneath and has no resolution.
 */
export async function saveEdits<T extends SyncedTable>(
  db: DuchaDatabase,
  table: T,
  id: string,
  edit: RecordEdit<RecordOf<T>>,
  options: { now?: number; guard?: (row: RecordOf<T>) => void } = {},
): Promise<SaveEditsResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [db.table(table), db.outbox, db.meta, db.devices], async () => {
    const row = await db.table<SyncedRow, string>(table).get(id);
    if (!row || row._deleted === true) throw new RecordGoneError(`${table} ${id} does not exist`);
    options.guard?.(row as unknown as RecordOf<T>);
    const self = await deviceNodeId(db);
    const fields: Record<string, unknown> = {};
    const conflicts: FieldConflict[] = [];
    for (const field of changedFields(edit.base, edit.edited)) {
      const mine = edit.edited[field];
      const theirs = row[field];
      const moved = !same(theirs, edit.base[field]) && !same(theirs, mine);
      const resolution = edit.resolutions?.[field];
      if (moved && resolution === undefined) {
        const writer = await describeWriter(db, row._clocks[field], self);
        conflicts.push({ field, base: edit.base[field], mine, theirs, ...writer });
        continue;
      }
      if (moved && resolution === 'theirs') continue;
      if (!same(theirs, mine)) fields[field] = mine;
    }
    if (conflicts.length > 0) return { ok: false, conflicts };
    const changed = Object.keys(fields);
    if (changed.length === 0) return { ok: true, changedFields: [] };
    if ('updatedAt' in row) fields.updatedAt = new Date(now).toISOString();
    await writeRecords(db, [{ table, id, fields }], now);
    return { ok: true, changedFields: changed };
  });
}

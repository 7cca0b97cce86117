// Fields two laptops changed without knowing of each other, found as a pull page arrives: the incoming
// change is one this laptop never had, its author's laptop did not hold the value here when it pushed
// (the push's knowledge), and the values differ. The merge still decides by clock; the value that lost
// is kept here, with who set each and when, until a person confirms one (a new operation if they pick
// the one that lost). The same rule as a USB import's (exchange/import-preview.ts).
import { isKnown } from '../../../../shared/bundle/knowledge';
import type { Knowledge } from '../../../../shared/bundle/manifest';
import type { PushAuthor } from '../../../../shared/sync/client/incoming';
import { canonicalJson, type Json } from '../../../../shared/sync/canonical-json';
import { compareHlc, isEncodedHlc, wallOfEncodedHlc } from '../../../../shared/sync/hlc';
import { rowKey, type SyncedRow } from '../../../../shared/sync/merge';
import type { Operation } from '../../../../shared/sync/operation';
import type { ConflictSide, SyncConflictRow } from '../../database';

/**
 * Fields every save writes as bookkeeping (when the record was last changed): two saves apart always
 * differ there, and no one would choose between two timestamps. The merge keeps the later one.
 */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['updatedAt']);

const labelOf = (row: SyncedRow): string => {
  const value = row.title ?? row.name ?? row.fileName ?? '';
  return typeof value === 'string' ? value : '';
};

export interface LocalSide {
  /** This laptop's node: a local value it made is "here". */
  readonly node: string;
  /** Who is signed in here (the maker of this laptop's own changes, as far as it knows). */
  readonly person: string | null;
  /** What this laptop held before the page. */
  readonly held: Knowledge;
}

/** The conflicts a page of pulled operations brings, against the rows as they were before it. */
export function conflictsOfPage(
  before: ReadonlyMap<string, SyncedRow>,
  operations: readonly Operation[],
  authors: readonly (PushAuthor | null)[],
  local: LocalSide,
  now: string,
): SyncConflictRow[] {
  const found: SyncConflictRow[] = [];
  operations.forEach((op, i) => {
    const author = authors[i];
    if (!author || BOOKKEEPING_FIELDS.has(op.field) || isKnown(local.held, op.hlc)) return;
    const row = before.get(rowKey(op.table, op.rowId));
    const localClock = row?._clocks[op.field];
    if (!row || localClock === undefined || localClock === op.hlc) return;
    if (isKnown(author.knowledge, localClock)) return;
    const localValue = (row[op.field] ?? null) as Json;
    if (canonicalJson(localValue) === canonicalJson(op.value)) return;
    const here = localClock.endsWith(local.node);
    const mine: ConflictSide = {
      value: localValue,
      hlc: localClock,
      who: here ? local.person : null,
      // When it was written: its clock's wall time (the other side's is when it reached the server).
      at: isEncodedHlc(localClock) ? new Date(wallOfEncodedHlc(localClock)).toISOString() : null,
      here,
    };
    const theirs: ConflictSide = {
      value: op.value,
      hlc: op.hlc,
      who: author.person.name,
      at: author.at,
      here: false,
    };
    const incomingWins = compareHlc(op.hlc, localClock) > 0;
    found.push({
      table: op.table,
      rowId: op.rowId,
      field: op.field,
      label: labelOf(row),
      winner: incomingWins ? theirs : mine,
      loser: incomingWins ? mine : theirs,
      via: 'sync',
      detectedAt: now,
      decided: null,
    });
  });
  return found;
}

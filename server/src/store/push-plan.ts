// The decisions of one push, apart from any database: which operations are stored (and under which
// sequence numbers), which are already known, which are kept aside, which touch another team's rows,
// and what the team's merged rows become. Both stores read what the batch touches, call planPush, and
// write the plan in the same transaction, so SQLite and PostgreSQL cannot decide differently.
import { sha256HexSync } from '../../../shared/crypto/sha256';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { applyOperationInPlace, rowKey, type SyncedRow } from '../../../shared/sync/merge';
import type { Operation } from '../../../shared/sync/operation';
import { SHA256_HEX } from '../../../shared/sync/protocol';
import { compareHlc } from '../../../shared/sync/hlc';
import type { PushOutcome } from './store';

/** An operation identity as the log holds it. */
export interface StoredIdentity {
  readonly teamId: string;
  readonly node: string;
  /** canonicalJson of the value: equal values give equal texts. */
  readonly valueJson: string;
}

/** A merged row and the team that owns it (the team whose log first stored an operation on it). */
export interface OwnedRow {
  readonly teamId: string;
  readonly row: SyncedRow;
}

/** What the plan needs to read; the stores answer from the database (SQLite) or from prefetched maps. */
export interface PushLookups {
  /**
   * Asked only for operations on a row this team owns already: a row is in merged_rows exactly when a
   * team's log has stored an operation on it, so no identity of a row nobody owns can be stored, and
   * a push of new records (the common case) reads no identity at all. Should that invariant ever be
   * broken, the log's unique index on the identity still refuses a second copy (the push fails whole).
   */
  identity(op: Operation): StoredIdentity | undefined;
  row(table: string, rowId: string): OwnedRow | undefined;
}

export interface PlannedOperation {
  readonly seq: number;
  readonly operation: Operation;
  readonly valueJson: string;
}

export interface ChangedRow {
  readonly table: string;
  readonly rowId: string;
  readonly row: SyncedRow;
  /** Not in the database before this push (the batch claims it for the team). */
  readonly isNew: boolean;
}

export interface PushPlan {
  readonly outcomes: PushOutcome[];
  /** In sequence order, numbered lastSeq + 1, lastSeq + 2, … with no gap. */
  readonly stored: PlannedOperation[];
  readonly aside: { readonly operation: Operation; readonly valueJson: string }[];
  readonly changedRows: ChangedRow[];
  /** Per node, the highest clock among the stored operations. */
  readonly knowledge: Map<string, string>;
  /** SHA-256 hashes named by stored photo (original, copies), annotation and signed-visit operations: the team may download them. */
  readonly blobs: Set<string>;
  readonly lastSeq: number;
}

/** The tables whose `sha256` field names a blob (a photo original) the team may download. */
const BLOB_TABLES: ReadonlySet<string> = new Set(['photos', 'photoAnnotations']);

/**
 * The blobs an operation names: a photo's or annotation's `sha256`, a photo's smaller copies (made by
 * the laptop that took it), a visit's signature images.
 */
function blobsNamedBy(operation: Operation): string[] {
  const { table, field, value } = operation;
  if (BLOB_TABLES.has(table) && field === 'sha256' && typeof value === 'string') return [value];
  if (table === 'photos' && field === 'copies' && typeof value === 'object' && value !== null) {
    return Object.values(value).flatMap((copy) => {
      const sha256 = (copy as { sha256?: unknown } | null)?.sha256;
      return typeof sha256 === 'string' && SHA256_HEX.test(sha256) ? [sha256] : [];
    });
  }
  if (table === 'visits' && field === 'signatures' && Array.isArray(value)) {
    return value.flatMap((signature) => {
      const sha256 = (signature as { imageSha256?: unknown } | null)?.imageSha256;
      return typeof sha256 === 'string' && SHA256_HEX.test(sha256) ? [sha256] : [];
    });
  }
  return [];
}

export const identityKey = (op: Pick<Operation, 'table' | 'rowId' | 'field' | 'hlc'>): string =>
  `${op.table}\u0000${op.rowId}\u0000${op.field}\u0000${op.hlc}`;

/**
 * What tells apart two operations kept aside under one identity: retries of the same refused operation
 * are kept once, each different content once. A hash, because PostgreSQL cannot index long values.
 */
export const asideContentHash = (node: string, valueJson: string): string =>
  sha256HexSync(new TextEncoder().encode(`${node}\n${valueJson}`));

/**
 * Decides every operation's fate in order. A row owned by another team refuses the operation before
 * its identity is looked at, so a team's pusher learns nothing of another team's log but the owner.
 * Within the batch, an identity stored earlier counts as stored and a new row's first stored operation
 * claims it, exactly as if the operations had come one push at a time.
 */
export function planPush(
  teamId: string,
  operations: readonly Operation[],
  lastSeq: number,
  lookups: PushLookups,
): PushPlan {
  const outcomes: PushOutcome[] = [];
  const stored: PlannedOperation[] = [];
  const aside: { operation: Operation; valueJson: string }[] = [];
  const knowledge = new Map<string, string>();
  const blobs = new Set<string>();
  const batchIdentities = new Map<string, StoredIdentity>();
  // The rows the batch has seen, as they stand after its stored operations so far; null = no such row yet.
  const rows = new Map<
    string,
    { table: string; rowId: string; owned: OwnedRow | null; wasNew: boolean; copied: boolean }
  >();
  const changed = new Set<string>();
  let seq = lastSeq;

  for (const operation of operations) {
    const key = rowKey(operation.table, operation.rowId);
    let seen = rows.get(key);
    if (seen === undefined) {
      const owned = lookups.row(operation.table, operation.rowId) ?? null;
      seen = { table: operation.table, rowId: operation.rowId, owned, wasNew: owned === null, copied: false };
      rows.set(key, seen);
    }
    if (seen.owned !== null && seen.owned.teamId !== teamId) {
      outcomes.push({ fate: 'otherTeam', ownerTeamId: seen.owned.teamId });
      continue;
    }
    const id = identityKey(operation);
    const existing = batchIdentities.get(id) ?? (seen.wasNew ? undefined : lookups.identity(operation));
    const valueJson = canonicalJson(operation.value);
    if (existing !== undefined) {
      if (existing.node === operation.node && existing.valueJson === valueJson) {
        outcomes.push({ fate: 'known' });
      } else {
        outcomes.push({ fate: 'differentContent', storedValue: JSON.parse(existing.valueJson) as unknown });
        aside.push({ operation, valueJson });
      }
      continue;
    }
    seq += 1;
    stored.push({ seq, operation, valueJson });
    batchIdentities.set(id, { teamId, node: operation.node, valueJson });
    outcomes.push({ fate: 'stored', seq });
    // The row is copied once, on its first stored operation of this push, and then changed in place:
    // the looked-up row stays as it was read.
    let owned = seen.owned;
    if (!seen.copied || owned === null) {
      const read = owned?.row;
      owned = {
        teamId,
        row: read ? { ...read, _clocks: { ...read._clocks } } : { id: operation.rowId, _clocks: {} },
      };
      seen.owned = owned;
      seen.copied = true;
    }
    if (applyOperationInPlace(owned.row, operation)) changed.add(key);
    const held = knowledge.get(operation.node);
    if (held === undefined || compareHlc(operation.hlc, held) > 0)
      knowledge.set(operation.node, operation.hlc);
    for (const sha256 of blobsNamedBy(operation)) blobs.add(sha256);
  }

  const changedRows: ChangedRow[] = [];
  for (const key of changed) {
    const seen = rows.get(key);
    if (seen?.owned) {
      changedRows.push({ table: seen.table, rowId: seen.rowId, row: seen.owned.row, isNew: seen.wasNew });
    }
  }
  return { outcomes, stored, aside, changedRows, knowledge, blobs, lastSeq: seq };
}

/** The characters of an encoded clock that name its node: it ends with them (encodeHlc). */
const NODE_CHARS = 16;

/**
 * A merged row as the snapshot gives it: the winning operation of every field. Each clock was checked
 * when its operation was pushed, so its node is read off its end rather than decoded (a snapshot
 * does this for every field of every row of the team).
 */
export function rowOperations(table: string, row: SyncedRow): Operation[] {
  return Object.entries(row._clocks).map(([field, hlc]) => ({
    table: table as Operation['table'],
    rowId: row.id,
    field,
    value: (row[field] ?? null) as Operation['value'],
    hlc,
    node: hlc.slice(-NODE_CHARS),
  }));
}

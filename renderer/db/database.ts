// The Dexie database. Only renderer/db touches it; the rest of the app goes through repositories.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DerivativeKind } from '../../shared/photos/prepared';
import type { Json } from '../../shared/sync/canonical-json';
import type { Operation } from '../../shared/sync/operation';
import type { HeldOperation } from '../../shared/sync/client/incoming';
import type { RecordOf } from '../../shared/domain/records';
import type { SyncedTable } from '../../shared/sync/tables';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * A stored row: the record plus the winning clock of each field, a tombstone once deleted, and this
 * device's derived index fields. Only renderer/db sees this shape; the app gets domain records.
 */
export type Stored<T> = T & { _clocks: Record<string, string>; _deleted?: boolean };

/** Whether a stored row is not a tombstone. */
export const isLive = (row: { _deleted?: boolean }): boolean => row._deleted !== true;

/**
 * The record a stored row holds, without this device's bookkeeping (clocks, tombstone, derived
 * fields): the one place that strips them.
 */
export function recordOfStored<T>(row: Stored<T>): T {
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(row))
    if (!key.startsWith('_')) record[key] = (row as Record<string, unknown>)[key];
  return record as T;
}

/** One record as the app sees it: null for a missing row or a tombstone. */
export const liveRecord = <T>(row: Stored<T> | undefined): T | null =>
  row && isLive(row) ? recordOfStored(row) : null;

/** The live records of some rows, as the app sees them (copies without bookkeeping). */
export const liveRecords = <T>(rows: readonly Stored<T>[]): T[] => {
  const out: T[] = [];
  for (const row of rows) if (isLive(row)) out.push(recordOfStored(row));
  return out;
};

/**
 * The live rows of a large read (the ledger's 2,000 projects, 200,000 issues), typed as records but
 * not copied: copying every row on each filter change would cost more than the query. Their
 * bookkeeping fields are still on the objects, invisible to the types; the writer never takes a
 * field starting with '_' (other than the tombstone) from a patch, so spreading one into a write is safe.
 */
export const liveRows = <T>(rows: readonly Stored<T>[]): T[] => rows.filter(isLive);

export interface PhotoBlobRow {
  sha256: string;
  mimeType: string;
  byteLength: number;
  /** The original bytes, bit for bit. */
  blob: Blob;
}

/** A smaller copy of a photo (see shared/photos/prepared.ts); the original stays in photoBlobs. */
export interface PhotoDerivativeRow {
  sha256: string;
  kind: DerivativeKind;
  blob: Blob;
  width: number;
  height: number;
  /** The copy's own hash, when it is the one its photo record names (made here, or fetched). */
  copySha256?: string;
}

export interface OutboxRow extends Operation {
  seq?: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Another laptop this one has exchanged bundles with. Local to this laptop; never synced. */
export interface DeviceRow {
  node: string;
  name: string;
  /** Its Ed25519 public key (raw, base64), as first seen in one of its bundles. */
  publicKey: string;
  /** Set once the user has said this key is the laptop it claims to be. */
  trusted: boolean;
  firstSeenAt: string;
  /** What it is known to hold, from the manifests of its bundles: incremental exports skip that. */
  knowledge: Record<string, string>;
  lastImportAt: string | null;
}

/** What one import brought in, kept so that it can be shown and exported. */
export interface ImportReceiptRow {
  id: string;
  importedAt: string;
  /** SHA-256 of the manifest's bytes: the bundle's identity. */
  manifestSha256: string;
  folder: string;
  source: { node: string; name: string };
  bundleKind: 'full' | 'incremental';
  bundleCreatedAt: string;
  counts: {
    operations: number;
    newRows: number;
    changedRows: number;
    conflicts: number;
    unchangedRows: number;
    newPhotos: number;
    knownPhotos: number;
  };
  /**
   * The fields both laptops changed, each with both values and the side the merge kept, so the value
   * that lost is not lost. Absent on receipts written before they were kept.
   */
  conflicts?: ImportConflict[];
}

/** A field two laptops changed without knowing of each other: both values, and which one stands. */
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

/**
 * What is being typed into one form for one record, kept as it is typed so that leaving the page, a
 * reload or a crash loses nothing. Local to this laptop; never synced: it is not a record yet.
 */
export interface DraftRow {
  /** Which form, e.g. 'visit', 'checklist', 'finding', 'project'. */
  formKey: string;
  /** The record the form edits (or, for a form that makes a new record, the record it belongs to). */
  recordId: string;
  /** The form's values as the person left them. */
  values: unknown;
  /**
   * The record's domain values the form started from: a restored draft still saves only what the
   * person changed, and still sees what changed underneath since.
   */
  base: unknown;
  savedAt: string;
}

/** An operation the sync server refused, with its reason; the Sync page lists them. */
export interface SyncRefusalRow {
  id?: number;
  operation: Operation;
  reason: string;
  detail: string;
  refusedAt: string;
}

/** One side of a conflict: a value, its clock, and who set it when (as far as this laptop knows). */
export interface ConflictSide {
  value: Json;
  hlc: string;
  /** The person's name; null when this laptop does not know it (a change relayed by another laptop). */
  who: string | null;
  /** When it reached the server (the other side) or was written (this laptop's side); null when unknown. */
  at: string | null;
  /** Made on this laptop. */
  here: boolean;
}

/**
 * A field two laptops changed without knowing of each other. The merge has kept `winner` (the later
 * clock); `loser` is kept here so that nothing is lost, until a person confirms one of them.
 */
export interface SyncConflictRow {
  id?: number;
  table: SyncedTable;
  rowId: string;
  field: string;
  /** The record's title or name when it was found, to show. */
  label: string;
  winner: ConflictSide;
  loser: ConflictSide;
  /** How the other value arrived. */
  via: 'sync' | 'usb';
  detectedAt: string;
  /** Set once a person confirmed a value: which, who, when. */
  decided: { kept: 'winner' | 'loser'; by: string | null; at: string } | null;
}

/** On an office laptop: the team whose log a row came from (its changes go back into that log). */
export interface SyncRowTeamRow {
  /** rowKey(table, rowId). */
  key: string;
  teamId: string;
}

/** An operation of a table a newer app added: kept whole until this app knows the table. */
export interface SyncHeldBackRow {
  id?: number;
  operation: HeldOperation;
}

export const DATABASE_NAME = 'ducha';

type SyncedTables = { [T in SyncedTable]: EntityTable<Stored<RecordOf<T>>, 'id'> };

export type DuchaDatabase = Dexie &
  SyncedTables & {
    photoBlobs: EntityTable<PhotoBlobRow, 'sha256'>;
    photoDerivatives: Table<PhotoDerivativeRow, [string, DerivativeKind]>;
    outbox: EntityTable<OutboxRow, 'seq'>;
    meta: EntityTable<MetaRow, 'key'>;
    devices: EntityTable<DeviceRow, 'node'>;
    importReceipts: EntityTable<ImportReceiptRow, 'id'>;
    drafts: Table<DraftRow, [string, string]>;
    syncRefusals: EntityTable<SyncRefusalRow, 'id'>;
    syncHeldBack: EntityTable<SyncHeldBackRow, 'id'>;
    syncConflicts: EntityTable<SyncConflictRow, 'id'>;
    syncRowTeams: EntityTable<SyncRowTeamRow, 'key'>;
  };

export function createDatabase(
  name: string = DATABASE_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
): DuchaDatabase {
  // Every commit waits until IndexedDB has flushed it to disk: a visit reported as saved must still be
  // there after a power cut. Chromium's default is relaxed. Dexie sets this per connection; see
  // docs/decisions.md "Durable commits" for why no path stays relaxed.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as DuchaDatabase;
  for (const migration of migrations) {
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
  return db;
}

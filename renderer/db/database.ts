// The Dexie database. Only renderer/db touches it; the rest of the app goes through repositories.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DerivativeKind } from '../../shared/photos/prepared';
import type { Operation } from '../../shared/sync/operation';
import type { RecordOf } from '../../shared/domain/records';
import type { SyncedTable } from '../../shared/sync/tables';
import { MIGRATIONS, type Migration } from './migrations';

/** A stored row: the record plus the winning clock of each field (and a tombstone once deleted). */
export type Stored<T> = T & { _clocks: Record<string, string>; _deleted?: boolean };

/** Whether a stored row is not a tombstone. */
export const isLive = (row: { _deleted?: boolean }): boolean => row._deleted !== true;

/** The record a stored row holds, without this device's bookkeeping (clocks, tombstone, derived fields). */
export function recordOfStored<T>(row: Stored<T>): T {
  const record: Record<string, unknown> = { ...row };
  for (const key of Object.keys(record)) if (key.startsWith('_')) delete record[key];
  return record as T;
}

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
}

export interface OutboxRow extends Operation {
  seq?: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'ducha';

type SyncedTables = { [T in SyncedTable]: EntityTable<Stored<RecordOf<T>>, 'id'> };

export type DuchaDatabase = Dexie &
  SyncedTables & {
    photoBlobs: EntityTable<PhotoBlobRow, 'sha256'>;
    photoDerivatives: Table<PhotoDerivativeRow, [string, DerivativeKind]>;
    outbox: EntityTable<OutboxRow, 'seq'>;
    meta: EntityTable<MetaRow, 'key'>;
  };

export function createDatabase(
  name: string = DATABASE_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
): DuchaDatabase {
  const db = new Dexie(name) as DuchaDatabase;
  for (const migration of migrations) {
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
  return db;
}

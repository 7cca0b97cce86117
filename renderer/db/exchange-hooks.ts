// Hand-over by USB for components: this laptop's identity, the other laptops, the receipts, and the
// commands of an export and an import.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Knowledge, Manifest } from '../../shared/bundle/manifest';
import type { Operation } from '../../shared/sync/operation';
import type { DuchaDatabase } from './database';
import { useDatabase } from './provider';
import { deviceIdentity, devicePublicFace, setDeviceName } from './repositories/exchange/device-identity';
import { knownDevices, trustedKeysOf } from './repositories/exchange/devices';
import { exportSnapshot, photoOriginal } from './repositories/exchange/export-snapshot';
import {
  applyImport,
  importReceipts,
  type ImportToApply,
  receiptsOfBundle,
} from './repositories/exchange/import-apply';
import { previewImport } from './repositories/exchange/import-preview';
import { leaderPageSource } from './repositories/exchange/leader-page-source';

export type { DeviceIdentity } from './repositories/exchange/device-identity';
export type { ExportBlob, ExportPhoto, ExportSnapshot } from './repositories/exchange/export-snapshot';
export type { ImportConflict, ImportPreview, InvalidRecord } from './repositories/exchange/import-preview';
export type { ImportToApply } from './repositories/exchange/import-apply';
export { InvalidImportError } from './repositories/exchange/import-apply';
export type { LeaderPageSource } from './repositories/exchange/leader-page-source';
export type { DeviceRow, ImportReceiptRow, PhotoBlobRow } from './database';

export const exchangeSources = (db: DuchaDatabase) => ({
  identity: () => deviceIdentity(db),
  setDeviceName: (name: string) => setDeviceName(db, name),
  snapshot: (since: Knowledge | null) => exportSnapshot(db, since),
  photoOriginal: (sha256: string) => photoOriginal(db, sha256),
  leaderPage: () => leaderPageSource(db),
  receipts: () => importReceipts(db),
  trustedKeys: () => trustedKeysOf(db),
  receiptsOfBundle: (manifestSha256: string) => receiptsOfBundle(db, manifestSha256),
  preview: (manifest: Manifest, operations: readonly Operation[]) => previewImport(db, manifest, operations),
  apply: (input: ImportToApply) => applyImport(db, input),
});

export function useDevicePublicFace() {
  const db = useDatabase();
  return useLiveQuery(() => devicePublicFace(db), [db]);
}

export function useKnownDevices() {
  const db = useDatabase();
  return useLiveQuery(() => knownDevices(db), [db]);
}

export function useImportReceipts() {
  const db = useDatabase();
  return useLiveQuery(() => importReceipts(db), [db]);
}

// Commands of the hand-over by USB: this laptop's identity and name, an export's snapshot and photo
// originals, the leader's page, and an import's preview and apply.
import type { Knowledge, Manifest } from '../../../../shared/bundle/manifest';
import type { Operation } from '../../../../shared/sync/operation';
import type { DuchaDatabase } from '../../database';
import { deviceIdentity, setDeviceName } from '../../repositories/exchange/device-identity';
import { trustedKeysOf } from '../../repositories/exchange/devices';
import { exportSnapshot, photoOriginal } from '../../repositories/exchange/export-snapshot';
import {
  applyImport,
  importReceipts,
  type ImportToApply,
  receiptsOfBundle,
} from '../../repositories/exchange/import-apply';
import { previewImport } from '../../repositories/exchange/import-preview';
import { leaderPageSource } from '../../repositories/exchange/leader-page-source';
import { localKnowledge } from '../../repositories/exchange/local-knowledge';

export const exchangeActions = (db: DuchaDatabase) => ({
  identity: () => deviceIdentity(db),
  setDeviceName: (name: string) => setDeviceName(db, name),
  snapshot: (since: Knowledge | null) => exportSnapshot(db, since),
  photoOriginal: (sha256: string) => photoOriginal(db, sha256),
  leaderPage: () => leaderPageSource(db),
  receipts: () => importReceipts(db),
  trustedKeys: () => trustedKeysOf(db),
  /** What this laptop holds (per device, the highest clock): an incremental bundle must not need more. */
  knowledge: () => localKnowledge(db),
  receiptsOfBundle: (manifestSha256: string) => receiptsOfBundle(db, manifestSha256),
  preview: (manifest: Manifest, operations: readonly Operation[]) => previewImport(db, manifest, operations),
  apply: (input: ImportToApply) => applyImport(db, input),
});

// Applying a verified bundle: its operations through the one merge (record-writer's applyOperations),
// the new photo originals, the source device and a receipt, all in one transaction — a failure
// anywhere (a full disk, a clock too far ahead) leaves the database exactly as it was.
import type { Manifest } from '../../../../shared/bundle/manifest';
import { uuidv7 } from '../../../../shared/ids/uuidv7';
import type { Operation } from '../../../../shared/sync/operation';
import { SYNCED_TABLES } from '../../../../shared/sync/tables';
import type {
  ConflictSide,
  DuchaDatabase,
  ImportConflict,
  ImportReceiptRow,
  PhotoBlobRow,
  SyncConflictRow,
} from '../../database';
import { applyOperations } from '../../record-writer';
import { issuesOfHistoryOperations, noteContradictions } from '../contradictions';
import { refuseReadOnlyWrite } from '../sync/read-only';
import { recordSource } from './devices';
import type { ImportPreview } from './import-preview';

export interface ImportToApply {
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  readonly folder: string;
  readonly operations: readonly Operation[];
  readonly preview: ImportPreview;
  /** The originals this laptop lacked, already checked against their hashes. */
  readonly photos: readonly PhotoBlobRow[];
  /** The user's word that the source's key is that laptop's (asked when the device is new). */
  readonly trustSource: boolean;
}

/** Operations added to the outbox per request batch while an import is applied. */
const OUTBOX_SLICE = 2_000;

export class InvalidImportError extends Error {
  override name = 'InvalidImportError';
}

export async function applyImport(
  db: DuchaDatabase,
  input: ImportToApply,
  now: Date = new Date(),
): Promise<ImportReceiptRow> {
  if (input.preview.invalid.length > 0)
    throw new InvalidImportError(`${String(input.preview.invalid.length)} records would be invalid`);
  const at = now.toISOString();
  const tables = [
    ...SYNCED_TABLES.map((t) => db.table(t)),
    db.photoBlobs,
    db.meta,
    db.devices,
    db.importReceipts,
    db.outbox,
    db.syncConflicts,
  ];
  return db.transaction('rw', tables, async () => {
    // A leader's laptop takes records from the server only: what it imported would wait to be pushed
    // for ever (a leader pushes nothing).
    await refuseReadOnlyWrite(db);
    await applyOperations(db, input.operations, now.getTime());
    // What came by stick goes on to the server from here too (stored once there: a copy it already
    // has is answered "known"), so a laptop that syncs relays the changes of one that does not.
    // In slices, each awaited: one bulkAdd of a bundle's every operation was one task of the page's
    // main thread (0.7 s for the exchange bench's bundle), during which the page could not draw.
    for (let from = 0; from < input.operations.length; from += OUTBOX_SLICE)
      await db.outbox.bulkAdd(input.operations.slice(from, from + OUTBOX_SLICE).map((op) => ({ ...op })));
    // Its conflicts join sync's, to be confirmed on the Conflicts page like any other.
    if (input.preview.conflicts.length > 0)
      await db.syncConflicts.bulkAdd(usbConflicts(input.preview.conflicts, input.manifest, at));
    // Another laptop's steps may contradict this one's (closed here, extended there): note them for the office.
    await noteContradictions(db, issuesOfHistoryOperations(input.operations));
    const held = await db.photoBlobs.bulkGet(input.photos.map((p) => p.sha256));
    const fresh = input.photos.filter((_, i) => !held[i]);
    await db.photoBlobs.bulkPut(fresh);
    await recordSource(db, input.manifest, { trust: input.trustSource, at });
    const { preview } = input;
    const receipt: ImportReceiptRow = {
      id: uuidv7(now.getTime()),
      importedAt: at,
      manifestSha256: input.manifestSha256,
      folder: input.folder,
      source: { node: input.manifest.source.node, name: input.manifest.source.name },
      bundleKind: input.manifest.kind,
      bundleCreatedAt: input.manifest.createdAt,
      counts: {
        operations: preview.operations,
        newRows: preview.newRows,
        changedRows: preview.changedRows,
        conflicts: preview.conflicts.length,
        unchangedRows: preview.unchangedRows,
        newPhotos: fresh.length,
        knownPhotos: input.photos.length - fresh.length + preview.knownPhotos,
      },
      conflicts: preview.conflicts,
    };
    await db.importReceipts.add(receipt);
    return receipt;
  });
}

function usbConflicts(
  conflicts: readonly ImportConflict[],
  manifest: Manifest,
  at: string,
): SyncConflictRow[] {
  return conflicts.map((c) => {
    const local: ConflictSide = { value: c.localValue, hlc: '', who: null, at: null, here: true };
    const incoming: ConflictSide = {
      value: c.incomingValue,
      hlc: '',
      who: manifest.source.name,
      at: manifest.createdAt,
      here: false,
    };
    const incomingWins = c.winner === 'incoming';
    return {
      table: c.table,
      rowId: c.rowId,
      field: c.field,
      label: c.label,
      winner: incomingWins ? incoming : local,
      loser: incomingWins ? local : incoming,
      via: 'usb',
      detectedAt: at,
      decided: null,
    };
  });
}

export const importReceipts = (db: DuchaDatabase): Promise<ImportReceiptRow[]> =>
  db.importReceipts.orderBy('importedAt').reverse().toArray();

/** Earlier imports of the same bundle (by its manifest's hash): importing it again changes nothing. */
export const receiptsOfBundle = (db: DuchaDatabase, manifestSha256: string): Promise<ImportReceiptRow[]> =>
  db.importReceipts.where('manifestSha256').equals(manifestSha256).toArray();

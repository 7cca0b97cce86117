// What a bundle carries, read from the rows themselves rather than from the outbox: every field of
// every row, at the clock that won it, is one operation. So a bundle also relays what this laptop got
// from others, and an incremental bundle is simply the fields whose clocks the recipient does not know.
import { isKnown, mergeKnowledge } from '../../../../shared/bundle/knowledge';
import type { Knowledge } from '../../../../shared/bundle/manifest';
import type { Json } from '../../../../shared/sync/canonical-json';
import { decodeHlc } from '../../../../shared/sync/hlc';
import type { SyncedRow } from '../../../../shared/sync/merge';
import type { Operation } from '../../../../shared/sync/operation';
import { SYNCED_TABLES } from '../../../../shared/sync/tables';
import type { Photo } from '../../../../shared/domain/photo';
import type { DuchaDatabase, Stored } from '../../database';
import { localKnowledge } from './local-knowledge';

/** A photo whose original travels with the bundle. */
export interface ExportPhoto {
  readonly sha256: string;
  readonly mimeType: string;
  readonly byteLength: number;
  readonly fileName: string;
  readonly projectId: string;
  readonly visitId: string | null;
  readonly issueId: string | null;
}

/** Bytes stored by hash that a record points at without being a photo: a signature image. */
export interface ExportBlob {
  readonly sha256: string;
  readonly mimeType: string;
  readonly byteLength: number;
}

export interface ExportSnapshot {
  readonly operations: Operation[];
  /** Per device node, the highest clock this laptop holds: what the recipient will know afterwards. */
  readonly knowledge: Knowledge;
  /** One entry per distinct original, whose bytes this laptop has. */
  readonly photos: ExportPhoto[];
  /** Other blobs the operations point at (signature images), whose bytes this laptop has. */
  readonly otherBlobs: ExportBlob[];
  /** Photos whose records travel but whose bytes this laptop does not have. */
  readonly missingPhotoBytes: number;
}

function operationsOfRow(table: (typeof SYNCED_TABLES)[number], row: SyncedRow, since: Knowledge | null) {
  const operations: Operation[] = [];
  for (const [field, hlc] of Object.entries(row._clocks)) {
    if (since && isKnown(since, hlc)) continue;
    operations.push({
      table,
      rowId: row.id,
      field,
      value: (row[field] ?? null) as Json,
      hlc,
      node: decodeHlc(hlc).node,
    });
  }
  return operations;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Every SHA-256 a value mentions: a signature's image, a checklist answer's photos. */
function hashesIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (SHA256.test(value)) into.add(value);
  } else if (Array.isArray(value)) for (const item of value) hashesIn(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) hashesIn(item, into);
}

/** Everything (since = null) or what lies beyond `since`, with the photos new to the recipient. */
export async function exportSnapshot(db: DuchaDatabase, since: Knowledge | null): Promise<ExportSnapshot> {
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.photoBlobs, db.devices, db.meta];
  return db.transaction('r', tables, async () => {
    const operations: Operation[] = [];
    const knowledge: Record<string, string> = {};
    const photoRows: Stored<Photo>[] = [];
    for (const table of SYNCED_TABLES) {
      await db.table<SyncedRow, string>(table).each((row) => {
        for (const hlc of Object.values(row._clocks)) {
          const node = hlc.slice(-16);
          if ((knowledge[node] ?? '') < hlc) knowledge[node] = hlc;
        }
        const rowOperations = operationsOfRow(table, row, since);
        for (const op of rowOperations) operations.push(op);
        // A photo's original goes along when the recipient is getting the photo itself.
        if (table === 'photos' && row._deleted !== true && rowOperations.some((op) => op.field === 'sha256'))
          photoRows.push(row as unknown as Stored<Photo>);
      });
    }
    const distinct = new Map<string, Stored<Photo>>();
    for (const photo of photoRows) if (!distinct.has(photo.sha256)) distinct.set(photo.sha256, photo);
    const held = await db.photoBlobs.bulkGet([...distinct.keys()]);
    const photos: ExportPhoto[] = [];
    let missingPhotoBytes = 0;
    [...distinct.values()].forEach((photo, i) => {
      const blob = held[i];
      if (!blob) {
        missingPhotoBytes++;
        return;
      }
      photos.push({
        sha256: photo.sha256,
        mimeType: blob.mimeType,
        byteLength: blob.blob.size,
        fileName: photo.fileName,
        projectId: photo.projectId,
        visitId: photo.visitId,
        issueId: photo.issueId,
      });
    });
    // Blobs other records point at travel too when this laptop has them (a hash that is no blob here,
    // such as a history entry's chain hash, finds nothing and is skipped).
    const mentioned = new Set<string>();
    for (const op of operations)
      if (op.table !== 'issueEvents' || op.field === 'evidencePhotoSha256') hashesIn(op.value, mentioned);
    for (const sha of distinct.keys()) mentioned.delete(sha);
    const others = [...mentioned];
    const otherRows = await db.photoBlobs.bulkGet(others);
    const otherBlobs: ExportBlob[] = [];
    otherRows.forEach((row) => {
      if (row) otherBlobs.push({ sha256: row.sha256, mimeType: row.mimeType, byteLength: row.blob.size });
    });
    // The rows' winning clocks understate what this laptop holds: a change it received and then
    // overwrote no longer shows in them. Said too low, the recipient would take that change for one
    // this laptop never saw and list a conflict that is none (issue 16).
    const holds = mergeKnowledge(knowledge, await localKnowledge(db));
    return { operations, knowledge: holds, photos, otherBlobs, missingPhotoBytes };
  });
}

/** The original bytes of one photo, for writing out. */
export async function photoOriginal(db: DuchaDatabase, sha256: string): Promise<Blob | null> {
  return (await db.photoBlobs.get(sha256))?.blob ?? null;
}

// Photos: the originals bit for bit by hash, their smaller copies, and the Photo records that link
// them to a project, a visit, an issue or a checklist item. Adding is all or nothing.
import type { Photo } from '../../../shared/domain/photo';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { PhotoIntakeError } from '../../../shared/photos/intake-errors';
import type { DerivativeKind, PreparedPhoto } from '../../../shared/photos/prepared';
import {
  type DuchaDatabase,
  type PhotoBlobRow,
  type PhotoDerivativeRow,
  isLive,
  liveRecords,
  recordOfStored,
} from '../database';
import { writeRecords } from '../record-writer';
import { updateRecord } from './records';

export type { PreparedPhoto } from '../../../shared/photos/prepared';

/** Where the photos belong. A photo of a checklist item also belongs to the item's visit. */
export interface PhotoLink {
  projectId: string;
  visitId?: string | null;
  issueId?: string | null;
  checklistItemId?: string | null;
}

export interface AddedPhoto {
  photo: Photo;
  /** False when this photo was already linked to the same place and nothing new was written. */
  created: boolean;
}

type LinkFields = Pick<Photo, 'projectId' | 'visitId' | 'issueId' | 'checklistItemId'>;

const linkFields = (link: PhotoLink): LinkFields => ({
  projectId: link.projectId,
  visitId: link.visitId ?? null,
  issueId: link.issueId ?? null,
  checklistItemId: link.checklistItemId ?? null,
});

const linkKey = (sha256: string, l: LinkFields): string =>
  JSON.stringify([sha256, l.projectId, l.visitId, l.issueId, l.checklistItemId]);

/**
 * Stores photos and links them, in one transaction: each original is stored once however often it
 * is added (a Photo record per place it is linked to), its copies are stored if missing, and the
 * Photo records go through the record writer so they travel as operations. Adding a photo to a
 * place it is already linked to changes nothing. Results come in the order of `prepared`.
 *
 * If anything fails nothing is stored. A full disk or quota becomes PhotoIntakeError 'storageFull'
 * naming the first file; other errors (InvalidRecordError, …) pass through.
 */
export async function addPhotos(
  db: DuchaDatabase,
  prepared: readonly PreparedPhoto[],
  link: PhotoLink,
  now: number = Date.now(),
): Promise<AddedPhoto[]> {
  if (prepared.length === 0) return [];
  const fields = linkFields(link);
  const at = new Date(now).toISOString();
  const tables = [db.photos, db.photoBlobs, db.photoDerivatives, db.outbox, db.meta];
  try {
    return await db.transaction('rw', tables, async () => {
      const hashes = [...new Set(prepared.map((p) => p.sha256))];
      const [blobs, linked] = await Promise.all([
        db.photoBlobs.bulkGet(hashes),
        db.photos.where('sha256').anyOf(hashes).filter(isLive).toArray(),
      ]);
      const storedBlobs = new Set(blobs.flatMap((b) => (b ? [b.sha256] : [])));
      const byLink = new Map<string, Photo>(
        linked.map((row) => {
          const photo = recordOfStored(row);
          return [linkKey(photo.sha256, photo), photo];
        }),
      );

      const copies = await derivativesOf(db, prepared);
      const newBlobs: PhotoBlobRow[] = [];
      const results: AddedPhoto[] = [];
      const records: Photo[] = [];
      for (const p of prepared) {
        if (!storedBlobs.has(p.sha256)) {
          storedBlobs.add(p.sha256);
          newBlobs.push({
            sha256: p.sha256,
            mimeType: p.metadata.mimeType,
            byteLength: p.original.size,
            blob: p.original,
          });
        }
        const key = linkKey(p.sha256, fields);
        const existing = byLink.get(key);
        if (existing) {
          results.push({ photo: existing, created: false });
          continue;
        }
        const photo: Photo = {
          id: uuidv7(now),
          createdAt: at,
          updatedAt: at,
          sha256: p.sha256,
          ...p.metadata,
          caption: '',
          ...fields,
          ...copiesNamed(p.sha256, copies.held),
        };
        byLink.set(key, photo);
        records.push(photo);
        results.push({ photo, created: true });
      }

      await db.photoBlobs.bulkAdd(newBlobs);
      await db.photoDerivatives.bulkPut(copies.missing);
      await writeRecords(
        db,
        records.map((photo) => ({ table: 'photos', id: photo.id, fields: photo })),
        now,
      );
      return results;
    });
  } catch (error) {
    if (isQuotaError(error)) {
      const [first] = prepared;
      throw new PhotoIntakeError(
        'storageFull',
        first?.metadata.fileName ?? '',
        `${prepared.length} photo(s): ${describeError(error)}`,
      );
    }
    throw error;
  }
}

const copyKey = (sha256: string, kind: DerivativeKind): string => JSON.stringify([sha256, kind]);

/**
 * The copies of the prepared originals: those this laptop holds already (kept as they are) and the
 * new ones to store, each with its own hash when the intake gave it.
 */
async function derivativesOf(
  db: DuchaDatabase,
  prepared: readonly PreparedPhoto[],
): Promise<{ missing: PhotoDerivativeRow[]; held: Map<string, PhotoDerivativeRow> }> {
  const wanted = new Map<string, PhotoDerivativeRow>();
  for (const p of prepared) {
    for (const kind of ['thumbnail', 'display'] as const) {
      const copySha256 = p.copyHashes?.[kind];
      wanted.set(copyKey(p.sha256, kind), {
        sha256: p.sha256,
        kind,
        ...p[kind],
        ...(copySha256 === undefined ? {} : { copySha256 }),
      });
    }
  }
  const rows = [...wanted.values()];
  const present = await db.photoDerivatives.bulkGet(rows.map((r) => [r.sha256, r.kind]));
  const held = new Map<string, PhotoDerivativeRow>();
  rows.forEach((row, i) => held.set(copyKey(row.sha256, row.kind), present[i] ?? row));
  return { missing: rows.filter((_, i) => present[i] === undefined), held };
}

/** The record's `copies` when both copies of the original have their hash; nothing otherwise. */
function copiesNamed(sha256: string, held: Map<string, PhotoDerivativeRow>): Pick<Photo, 'copies'> {
  const named = (kind: DerivativeKind) => {
    const row = held.get(copyKey(sha256, kind));
    return row?.copySha256 === undefined || row.blob.size === 0
      ? null
      : { sha256: row.copySha256, byteLength: row.blob.size, width: row.width, height: row.height };
  };
  const thumbnail = named('thumbnail');
  const display = named('display');
  return thumbnail && display ? { copies: { thumbnail, display } } : {};
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/**
 * IndexedDB reports a full disk as QuotaExceededError; Dexie may wrap it (AbortError with `inner`,
 * BulkError with `failures`) and the transaction's own error may be the wrapper.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  if (e.name === 'QuotaExceededError') return true;
  const failures: unknown[] = Array.isArray(e.failures)
    ? e.failures
    : typeof e.failures === 'object' && e.failures !== null
      ? Object.values(e.failures)
      : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

function describeError(error: unknown): string {
  const names: string[] = [];
  let e = error as ErrorLike | undefined;
  for (let i = 0; e && i < 8; i++) {
    names.push(`${String(e.name)}: ${String(e.message)}`);
    e = (e.inner ?? e.cause) as ErrorLike | undefined;
  }
  return names.join(' ← ');
}

export type PhotoOwner = { visitId: string } | { issueId: string } | { projectId: string };

/** The live photos of a visit, an issue or a whole project, in the order they were taken. */
export async function photosOf(db: DuchaDatabase, owner: PhotoOwner): Promise<Photo[]> {
  const [index, id] =
    'visitId' in owner
      ? (['visitId', owner.visitId] as const)
      : 'issueId' in owner
        ? (['issueId', owner.issueId] as const)
        : (['projectId', owner.projectId] as const);
  const rows = liveRecords(await db.photos.where(index).equals(id).toArray());
  // Photos without a time (EXIF stripped, as WeChat does) go last, in the order they were added.
  const time = (p: Photo) => p.takenAt ?? '\uffff';
  return rows.sort((a, b) => time(a).localeCompare(time(b)) || a.createdAt.localeCompare(b.createdAt));
}

/** The original bytes of a photo, or undefined if this device does not have them (yet). */
export async function photoBlob(db: DuchaDatabase, sha256: string): Promise<Blob | undefined> {
  return (await db.photoBlobs.get(sha256))?.blob;
}

/** Whether this laptop holds the original (its key only: the bytes are not read). */
export async function holdsOriginal(db: DuchaDatabase, sha256: string): Promise<boolean> {
  return (await db.photoBlobs.where(':id').equals(sha256).count()) > 0;
}

export async function photoDerivative(
  db: DuchaDatabase,
  sha256: string,
  kind: DerivativeKind,
): Promise<PhotoDerivativeRow | undefined> {
  return db.photoDerivatives.get([sha256, kind]);
}

/**
 * The thumbnails of many photos in one read (a gallery's visible rows), each its original where the
 * copy is missing; a photo with neither on this laptop is left out.
 */
export async function thumbnailsOf(
  db: DuchaDatabase,
  sha256s: readonly string[],
): Promise<Map<string, Blob>> {
  const unique = [...new Set(sha256s)];
  const found = new Map<string, Blob>();
  if (unique.length === 0) return found;
  return db.transaction('r', db.photoDerivatives, db.photoBlobs, async () => {
    const copies = await db.photoDerivatives.bulkGet(unique.map((sha256) => [sha256, 'thumbnail'] as const));
    copies.forEach((copy, i) => {
      if (copy) found.set(unique[i] as string, copy.blob);
    });
    const lacking = unique.filter((sha256) => !found.has(sha256));
    if (lacking.length > 0)
      (await db.photoBlobs.bulkGet(lacking)).forEach((row, i) => {
        if (row) found.set(lacking[i] as string, row.blob);
      });
    return found;
  });
}

export const MAX_CAPTION_LENGTH = 500;

/**
 * Sets what the inspector wrote under a photo (说明). It travels as an operation like any field, so
 * two laptops captioning the same photo settle on the later caption. Throws InvalidRecordError when
 * the caption is longer than MAX_CAPTION_LENGTH, leaving the photo as it was.
 */
export async function setPhotoCaption(
  db: DuchaDatabase,
  photoId: string,
  caption: string,
  now: number = Date.now(),
): Promise<void> {
  await updateRecord(db, 'photos', photoId, { caption: caption.trim() }, now);
}

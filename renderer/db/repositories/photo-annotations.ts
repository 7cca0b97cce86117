// Annotation layers (标注) over photos. The marks are a record of their own, linked to the Photo
// record; the original blob and its copies are never touched. Saving an empty layer clears it.
import type { AnnotationShape, PhotoAnnotation } from '../../../shared/domain/photo-annotation';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { type DuchaDatabase, isLive, liveRecords } from '../database';
import { writeRecords } from '../record-writer';

/** The photo's layer, or null when nothing was drawn on it. */
export async function annotationOf(db: DuchaDatabase, photoId: string): Promise<PhotoAnnotation | null> {
  const rows = liveRecords(await db.photoAnnotations.where('photoId').equals(photoId).toArray());
  // Two devices may each have started a layer for the same photo; the newest one is shown.
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}

/** Ids of the photos (among those given) that carry marks, for badges in the gallery. */
export async function annotatedPhotoIds(
  db: DuchaDatabase,
  photoIds: readonly string[],
): Promise<Set<string>> {
  const rows = await db.photoAnnotations.where('photoId').anyOf(photoIds).toArray();
  return new Set(rows.filter((r) => isLive(r) && r.shapes.length > 0).map((r) => r.photoId));
}

export async function saveAnnotation(
  db: DuchaDatabase,
  photo: { id: string; sha256: string },
  shapes: readonly AnnotationShape[],
  now: number = Date.now(),
): Promise<void> {
  const at = new Date(now).toISOString();
  await db.transaction('rw', [db.photos, db.photoAnnotations, db.outbox, db.meta], async () => {
    const stored = await db.photos.get(photo.id);
    if (!stored || !isLive(stored)) throw new Error(`photo ${photo.id} does not exist`);
    const existing = await annotationOf(db, photo.id);
    const record: PhotoAnnotation = existing
      ? { ...existing, updatedAt: at, shapes: [...shapes] }
      : {
          id: uuidv7(now),
          createdAt: at,
          updatedAt: at,
          photoId: photo.id,
          sha256: stored.sha256,
          shapes: [...shapes],
        };
    await writeRecords(db, [{ table: 'photoAnnotations', id: record.id, fields: record }], now);
  });
}

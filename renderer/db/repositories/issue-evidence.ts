// A finding's photos: the visit's photos the inspector ticked become the issue's evidence without
// copying any picture. A photo of the visit that evidences no issue yet is linked in place (the same
// record then shows on the visit and on the issue, as a re-inspection's after photos do); one that
// already evidences another issue gets a second record for this issue, pointing at the same original
// by its SHA-256 — "a Photo record per place it is linked to" (photos.ts).
import type { Photo } from '../../../shared/domain/photo';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { type DuchaDatabase, liveRecords } from '../database';
import type { RecordPatch } from '../record-writer';

/** A picked photo is not among the visit's photos (deleted meanwhile, or of another visit). */
export class EvidencePhotoMissingError extends Error {
  override name = 'EvidencePhotoMissingError';
}

/**
 * The writes that link `photoIds` (photos of `visitId`) to the issue; call inside the transaction that
 * creates the issue, over photos. Throws EvidencePhotoMissingError, writing nothing, when a photo is
 * not a live photo of that visit.
 */
export async function evidencePatches(
  db: DuchaDatabase,
  photoIds: readonly string[],
  issue: { id: string; projectId: string },
  visitId: string | null,
  now: number,
): Promise<RecordPatch[]> {
  const ids = [...new Set(photoIds)];
  if (ids.length === 0) return [];
  const found = liveRecords((await db.photos.bulkGet(ids)).flatMap((row) => (row ? [row] : [])));
  const photos = ids.map((id) => found.find((p) => p.id === id));
  const at = new Date(now).toISOString();
  return photos.map((photo, i): RecordPatch => {
    if (!photo || visitId === null || photo.visitId !== visitId)
      throw new EvidencePhotoMissingError(`photo ${ids[i] ?? ''} is not a photo of visit ${visitId ?? '—'}`);
    if (photo.issueId === null || photo.issueId === issue.id)
      return { table: 'photos', id: photo.id, fields: { issueId: issue.id, updatedAt: at } };
    const second: Photo = {
      ...photo,
      id: uuidv7(now),
      createdAt: at,
      updatedAt: at,
      projectId: issue.projectId,
      // Not the visit's: the visit already shows the picture through its own record.
      visitId: null,
      issueId: issue.id,
      checklistItemId: null,
    };
    return { table: 'photos', id: second.id, fields: second };
  });
}

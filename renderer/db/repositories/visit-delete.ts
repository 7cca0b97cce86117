// Deleting a draft visit started by mistake: the visit, its photos (and their marks) and its checklist
// answers become tombstones through the record writer, so the deletion travels like any other change.
// A finalized visit is a signed record and is never deleted; it is corrected by an amendment.
import { type DuchaDatabase, isLive } from '../database';
import { discardDraftsOfRecord } from './drafts';
import { deleteRecord } from './records';
import { getVisit, VisitLockedError } from './visits';

/** What a draft visit's deletion takes with it, for the confirmation to name. */
export async function draftVisitContents(
  db: DuchaDatabase,
  visitId: string,
): Promise<{ photos: number; checklists: number }> {
  const [photos, checklists] = await Promise.all([
    db.photos.where('visitId').equals(visitId).filter(isLive).count(),
    db.checklistResults.where('visitId').equals(visitId).filter(isLive).count(),
  ]);
  return { photos, checklists };
}

/**
 * Deletes a draft visit with its photos and checklist results, in one transaction. Throws
 * VisitLockedError for a finalized visit, leaving everything as it was. A photo's original bytes and
 * its smaller copies go too unless another live photo row (another visit, an issue) holds the same
 * bytes. Issues recorded as findings of the visit stay: they have their own history.
 */
export async function deleteDraftVisit(db: DuchaDatabase, visitId: string, now: number = Date.now()) {
  await db.transaction(
    'rw',
    [
      db.visits,
      db.photos,
      db.photoAnnotations,
      db.checklistResults,
      db.photoBlobs,
      db.photoDerivatives,
      db.outbox,
      db.meta,
      db.drafts,
    ],
    async () => {
      const visit = await getVisit(db, visitId);
      if (!visit) throw new Error(`visit ${visitId} does not exist`);
      if (visit.status !== 'draft') throw new VisitLockedError('a finalized visit is never deleted');
      const photos = (await db.photos.where('visitId').equals(visitId).toArray()).filter(isLive);
      const results = (await db.checklistResults.where('visitId').equals(visitId).toArray()).filter(isLive);
      const annotations = photos.length
        ? (
            await db.photoAnnotations
              .where('photoId')
              .anyOf(photos.map((p) => p.id))
              .toArray()
          ).filter(isLive)
        : [];

      for (const a of annotations) await deleteRecord(db, 'photoAnnotations', a.id, now);
      for (const p of photos) await deleteRecord(db, 'photos', p.id, now);
      for (const r of results) await deleteRecord(db, 'checklistResults', r.id, now);
      await deleteRecord(db, 'visits', visitId, now);

      for (const sha256 of new Set(photos.map((p) => p.sha256))) {
        const stillUsed = (await db.photos.where('sha256').equals(sha256).filter(isLive).count()) > 0;
        if (stillUsed) continue;
        await db.photoBlobs.delete(sha256);
        await db.photoDerivatives.where('[sha256+kind]').between([sha256, ''], [sha256, '\uffff']).delete();
      }
      for (const id of [visitId, ...results.map((r) => r.id)]) await discardDraftsOfRecord(db, id);
    },
  );
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../shared/domain/photo';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { readDraft, saveDraft } from './drafts';
import { createRecords } from './records';
import { signVisit } from './sign-off';
import { deleteDraftVisit, draftVisitContents } from './visit-delete';
import { createVisit, finalizeVisit, getVisit, saveChecklistResult, VisitLockedError } from './visits';

const AT = '2026-11-20T02:00:00.000Z';
const SHARED = 'a'.repeat(64);
const OWN = 'b'.repeat(64);

const photo = (id: string, sha256: string, visitId: string | null): Photo => ({
  id,
  createdAt: AT,
  updatedAt: AT,
  sha256,
  fileName: `${id}.jpg`,
  mimeType: 'image/jpeg',
  byteLength: 3,
  width: 10,
  height: 10,
  takenAt: null,
  gps: null,
  camera: null,
  orientation: null,
  caption: '',
  projectId: makeProject().id,
  visitId,
  issueId: null,
  checklistItemId: null,
});

const bytes = () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });

async function setup(name: string) {
  const db = createDatabase(name);
  await db.open();
  await createRecords(db, 'projects', [makeProject()]);
  await createVisit(db, makeVisit({ id: 'mistake' }));
  await createVisit(db, makeVisit({ id: 'other', date: '2026-11-21' }));
  await createRecords(db, 'photos', [
    photo('p1', SHARED, 'mistake'),
    photo('p2', OWN, 'mistake'),
    photo('p3', SHARED, 'other'),
  ]);
  for (const sha256 of [SHARED, OWN]) {
    await db.photoBlobs.put({ sha256, mimeType: 'image/jpeg', byteLength: 3, blob: bytes() });
    await db.photoDerivatives.put({ sha256, kind: 'thumbnail', blob: bytes(), width: 1, height: 1 });
  }
  await saveChecklistResult(db, {
    id: 'result-1',
    createdAt: AT,
    updatedAt: AT,
    visitId: 'mistake',
    templateId: 'tpl',
    templateKey: 'dust',
    templateVersion: 1,
    answers: {},
  });
  return db;
}

describe('deleting a draft visit', () => {
  it('tombstones the visit, its photos and checklist results, and keeps shared photo bytes', async () => {
    const db = await setup('delete-draft-visit');
    await saveDraft(db, { formKey: 'visit', recordId: 'mistake', values: {}, base: {} });
    await saveDraft(db, { formKey: 'checklist', recordId: 'result-1', values: {}, base: {} });
    expect(await draftVisitContents(db, 'mistake')).toEqual({ photos: 2, checklists: 1 });
    const outboxBefore = await db.outbox.count();

    await deleteDraftVisit(db, 'mistake');

    expect(await getVisit(db, 'mistake')).toBeNull();
    expect((await db.visits.get('mistake'))?._deleted).toBe(true);
    expect((await db.photos.get('p1'))?._deleted).toBe(true);
    expect((await db.photos.get('p2'))?._deleted).toBe(true);
    expect((await db.checklistResults.get('result-1'))?._deleted).toBe(true);
    // Each tombstone is an operation, so the deletion reaches the other laptops.
    const ops = (await db.outbox.toArray()).slice(outboxBefore);
    expect(ops.map((op) => `${op.table}:${op.rowId}`).sort()).toEqual([
      'checklistResults:result-1',
      'photos:p1',
      'photos:p2',
      'visits:mistake',
    ]);
    // The other visit's photo still needs the shared bytes; the deleted visit's own bytes are gone.
    expect(await db.photoBlobs.get(SHARED)).toBeDefined();
    expect(await db.photoBlobs.get(OWN)).toBeUndefined();
    expect(await db.photoDerivatives.get([OWN, 'thumbnail'])).toBeUndefined();
    expect(await db.photoDerivatives.get([SHARED, 'thumbnail'])).toBeDefined();
    expect((await db.photos.get('p3'))?._deleted).toBeUndefined();
    expect(await getVisit(db, 'other')).not.toBeNull();
    expect(await readDraft(db, 'visit', 'mistake')).toBeNull();
    expect(await readDraft(db, 'checklist', 'result-1')).toBeNull();
    db.close();
  });

  it('refuses a finalized visit and changes nothing', async () => {
    const db = await setup('delete-finalized-visit');
    await signVisit(db, 'mistake', {
      role: 'inspector',
      name: '王建国',
      image: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
    });
    await finalizeVisit(db, 'mistake');
    const outboxBefore = await db.outbox.count();

    await expect(deleteDraftVisit(db, 'mistake')).rejects.toBeInstanceOf(VisitLockedError);

    expect(await getVisit(db, 'mistake')).not.toBeNull();
    expect((await db.photos.get('p2'))?._deleted).toBeUndefined();
    expect(await db.photoBlobs.get(OWN)).toBeDefined();
    expect(await db.outbox.count()).toBe(outboxBefore);
    db.close();
  });
});

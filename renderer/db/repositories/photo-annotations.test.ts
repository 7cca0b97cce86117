import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AnnotationShape } from '../../../shared/domain/photo-annotation';
import type { Photo } from '../../../shared/domain/photo';
import { makeProject } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { annotatedPhotoIds, annotationOf, saveAnnotation } from './photo-annotations';
import { createRecords } from './records';

const AT = '2026-11-20T02:00:00.000Z';
const SHA = 'a'.repeat(64);
const photo: Photo = {
  id: 'photo-1',
  createdAt: AT,
  updatedAt: AT,
  sha256: SHA,
  fileName: 'IMG_0001.jpg',
  mimeType: 'image/jpeg',
  byteLength: 3,
  width: 4000,
  height: 3000,
  takenAt: null,
  gps: null,
  camera: null,
  orientation: null,
  caption: '',
  projectId: makeProject().id,
  visitId: null,
  issueId: null,
  checklistItemId: null,
};
const ORIGINAL = new Uint8Array([0xff, 0xd8, 0xff]);
const RING: AnnotationShape = { kind: 'ellipse', x: 0.4, y: 0.4, w: 0.2, h: 0.1, color: '#e53935' };
const NOTE: AnnotationShape = { kind: 'text', x: 0.1, y: 0.1, text: '渗漏', color: '#e53935' };

describe('photo annotations', () => {
  it('keep the marks as their own layer, edited in place, and never touch the original', async () => {
    const db = createDatabase('annotations');
    await db.open();
    await createRecords(db, 'photos', [photo]);
    await db.photoBlobs.add({
      sha256: SHA,
      mimeType: 'image/jpeg',
      byteLength: 3,
      blob: new Blob([ORIGINAL]),
    });

    await saveAnnotation(db, photo, [RING], Date.parse(AT));
    await saveAnnotation(db, photo, [RING, NOTE], Date.parse(AT) + 1000);
    const layer = await annotationOf(db, photo.id);
    expect(layer?.shapes).toEqual([RING, NOTE]);
    expect(await db.photoAnnotations.count()).toBe(1);
    expect(await annotatedPhotoIds(db, [photo.id, 'other'])).toEqual(new Set([photo.id]));

    const blob = await db.photoBlobs.get(SHA);
    expect(new Uint8Array((await blob?.blob.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(ORIGINAL);
    expect((await db.photos.get(photo.id))?.updatedAt).toBe(AT);

    await saveAnnotation(db, photo, []);
    expect(await annotatedPhotoIds(db, [photo.id])).toEqual(new Set());
    db.close();
  });

  it('refuses marks on a photo that does not exist', async () => {
    const db = createDatabase('annotations-missing');
    await db.open();
    await expect(saveAnnotation(db, { id: 'nope', sha256: SHA }, [RING])).rejects.toThrow(/does not exist/);
    expect(await db.photoAnnotations.count()).toBe(0);
    db.close();
  });
});

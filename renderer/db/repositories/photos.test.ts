import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PhotoIntakeError } from '../../../shared/photos/intake-errors';
import type { PreparedPhoto } from '../../../shared/photos/prepared';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { createDatabase, type DuchaDatabase } from '../database';
import { InvalidRecordError } from '../record-writer';
import { pendingOperations } from './outbox';
import { addPhotos, isQuotaError, photoBlob, photoDerivative, photosOf, thumbnailsOf } from './photos';

const PROJECT = 'project-simao-sewage';
const VISIT_A = 'visit-a';
const VISIT_B = 'visit-b';
const NOW = Date.UTC(2026, 2, 10, 2, 0);

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`photos-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const jpegBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
const bytesOf = async (blob: Blob | undefined) => new Uint8Array(await (blob as Blob).arrayBuffer());

async function prepared(seed: number, overrides: Partial<PreparedPhoto['metadata']> = {}) {
  const { bytes, width, height } = makeSamplePhoto({
    seed,
    width: 64,
    height: 48,
    camera: { make: 'HUAWEI', model: 'nova 9' },
    localDateTime: `2026-03-10T09:4${seed % 10}:05`,
    offset: '+08:00',
    gps: { lat: 22.78, lng: 100.97, altitude: 1320 },
  });
  const photo: PreparedPhoto = {
    sha256: await sha256Hex(bytes),
    original: jpegBlob(bytes),
    // Stand-ins for the worker's copies: any bytes do for storage.
    thumbnail: { blob: jpegBlob(Uint8Array.of(1, seed)), width: 32, height: 24 },
    display: { blob: jpegBlob(Uint8Array.of(2, seed)), width: 64, height: 48 },
    metadata: {
      fileName: `IMG_${seed}.jpg`,
      mimeType: 'image/jpeg',
      byteLength: bytes.length,
      width,
      height,
      takenAt: `2026-03-10T01:4${seed % 10}:05.000Z`,
      gps: { lat: 22.78, lng: 100.97, altitude: 1320 },
      camera: 'HUAWEI nova 9',
      orientation: 1,
      ...overrides,
    },
  };
  return { photo, bytes };
}

describe('addPhotos', () => {
  it('stores the original byte for byte, its copies, and a Photo record as operations', async () => {
    const db = await freshDb();
    const { photo, bytes } = await prepared(1);
    const [added] = await addPhotos(db, [photo], { projectId: PROJECT, visitId: VISIT_A }, NOW);

    expect(added?.created).toBe(true);
    expect(await bytesOf(await photoBlob(db, photo.sha256))).toEqual(bytes);
    expect(await sha256Hex(await bytesOf(await photoBlob(db, photo.sha256)))).toBe(photo.sha256);
    const row = await db.photoBlobs.get(photo.sha256);
    expect(row).toMatchObject({ mimeType: 'image/jpeg', byteLength: bytes.length });

    const thumbnail = await photoDerivative(db, photo.sha256, 'thumbnail');
    expect(thumbnail).toMatchObject({ sha256: photo.sha256, kind: 'thumbnail', width: 32, height: 24 });
    expect(await bytesOf(thumbnail?.blob)).toEqual(Uint8Array.of(1, 1));
    expect((await photoDerivative(db, photo.sha256, 'display'))?.width).toBe(64);

    const [record] = await photosOf(db, { visitId: VISIT_A });
    expect(record).toMatchObject({
      sha256: photo.sha256,
      fileName: 'IMG_1.jpg',
      projectId: PROJECT,
      visitId: VISIT_A,
      issueId: null,
      checklistItemId: null,
      caption: '',
      createdAt: new Date(NOW).toISOString(),
    });
    const ops = await pendingOperations(db);
    expect(new Set(ops.map((o) => o.table))).toEqual(new Set(['photos']));
    expect(ops.find((o) => o.field === 'sha256')?.value).toBe(photo.sha256);
  });

  it('stores a photo added twice once, and links it to a second visit without a second blob', async () => {
    const db = await freshDb();
    const { photo } = await prepared(2);
    const first = await addPhotos(db, [photo, photo], { projectId: PROJECT, visitId: VISIT_A }, NOW);
    expect(first.map((a) => a.created)).toEqual([true, false]);
    expect(first[1]?.photo.id).toBe(first[0]?.photo.id);
    const opsAfterFirst = (await pendingOperations(db)).length;

    const again = await addPhotos(db, [photo], { projectId: PROJECT, visitId: VISIT_A }, NOW + 1000);
    expect(again[0]).toMatchObject({ created: false, photo: { id: first[0]?.photo.id } });
    expect(again[0]?.photo).not.toHaveProperty('_clocks');
    expect((await pendingOperations(db)).length).toBe(opsAfterFirst); // the repeat wrote nothing

    const other = await addPhotos(db, [photo], { projectId: PROJECT, visitId: VISIT_B }, NOW + 2000);
    expect(other[0]?.created).toBe(true);

    expect(await db.photoBlobs.count()).toBe(1);
    expect(await db.photoDerivatives.count()).toBe(2);
    expect(await db.photos.count()).toBe(2);
    expect((await photosOf(db, { visitId: VISIT_A })).length).toBe(1);
    expect((await photosOf(db, { visitId: VISIT_B })).length).toBe(1);
    expect((await photosOf(db, { projectId: PROJECT })).length).toBe(2);
  });

  it('stores nothing at all when one record of the batch is invalid', async () => {
    const db = await freshDb();
    const good = await prepared(3);
    const bad = await prepared(4, { orientation: 9 });
    await expect(
      addPhotos(db, [good.photo, bad.photo], { projectId: PROJECT, issueId: 'issue-1' }, NOW),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    for (const table of ['photos', 'photoBlobs', 'photoDerivatives', 'outbox'] as const) {
      expect(await db.table(table).count()).toBe(0);
    }
  });

  it('turns a full disk into storageFull and stores nothing', async () => {
    const db = await freshDb();
    const { photo } = await prepared(5);
    // IndexedDB fails the write with QuotaExceededError when the disk or quota is full.
    db.photoDerivatives.hook('creating', () => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    });
    const failure = addPhotos(db, [photo], { projectId: PROJECT, visitId: VISIT_A }, NOW);
    await expect(failure).rejects.toBeInstanceOf(PhotoIntakeError);
    await expect(failure).rejects.toMatchObject({ kind: 'storageFull', fileName: 'IMG_5.jpg' });
    for (const table of ['photos', 'photoBlobs', 'photoDerivatives', 'outbox'] as const) {
      expect(await db.table(table).count()).toBe(0);
    }
  });
});

describe('photosOf', () => {
  it('lists an issue’s live photos by the time they were taken, untimed ones last', async () => {
    const db = await freshDb();
    const later = await prepared(8);
    const earlier = await prepared(6);
    const untimed = await prepared(7, { takenAt: null });
    await addPhotos(
      db,
      [untimed.photo, later.photo, earlier.photo],
      { projectId: PROJECT, issueId: 'i' },
      NOW,
    );
    const rows = await photosOf(db, { issueId: 'i' });
    expect(rows.map((r) => r.fileName)).toEqual(['IMG_6.jpg', 'IMG_8.jpg', 'IMG_7.jpg']);
    expect(await photosOf(db, { issueId: 'other' })).toEqual([]);
  });
});

describe('isQuotaError', () => {
  it('finds QuotaExceededError however Dexie wraps it', () => {
    const quota = { name: 'QuotaExceededError' };
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [{ name: 'ConstraintError' }, quota] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota } })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quota }))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('thumbnailsOf', () => {
  it("reads many photos' thumbnails at once, an original where the copy is missing, none where neither is", async () => {
    const db = await freshDb();
    const one = await prepared(11);
    const two = await prepared(12);
    await addPhotos(db, [one.photo, two.photo], { projectId: PROJECT, visitId: VISIT_A }, NOW);
    // The second photo's copies are gone (came by sync before they were made): its original stands in.
    await db.photoDerivatives.delete([two.photo.sha256, 'thumbnail']);
    const absent = 'f'.repeat(64);
    const found = await thumbnailsOf(db, [one.photo.sha256, two.photo.sha256, absent, one.photo.sha256]);
    expect([...found.keys()].sort()).toEqual([one.photo.sha256, two.photo.sha256].sort());
    expect(await bytesOf(found.get(one.photo.sha256))).toEqual(Uint8Array.of(1, 11));
    expect(await bytesOf(found.get(two.photo.sha256))).toEqual(two.bytes);
    expect((await thumbnailsOf(db, [])).size).toBe(0);
  });
});

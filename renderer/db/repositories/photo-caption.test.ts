import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreparedPhoto } from '../../../shared/photos/prepared';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { createDatabase, type DuchaDatabase } from '../database';
import { photoActions } from '../api/photos/actions';
import { InvalidRecordError } from '../record-writer';
import { pendingOperations } from './outbox';
import { MAX_CAPTION_LENGTH, photosOf, setPhotoCaption } from './photos';

const PROJECT = 'project-simao-sewage';
const NOW = Date.UTC(2026, 2, 10, 2, 0);

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`photo-caption-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function prepared(): Promise<PreparedPhoto> {
  const { bytes, width, height } = makeSamplePhoto({
    seed: 7,
    width: 48,
    height: 32,
    camera: { make: 'HUAWEI', model: 'nova 9' },
    localDateTime: '2026-03-10T09:41:05',
    offset: '+08:00',
    gps: null,
  });
  const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
  return {
    sha256: await sha256Hex(bytes),
    original: blob(bytes),
    thumbnail: { blob: blob(Uint8Array.of(1)), width: 48, height: 32 },
    display: { blob: blob(Uint8Array.of(2)), width: 48, height: 32 },
    metadata: {
      fileName: 'IMG_7.jpg',
      mimeType: 'image/jpeg',
      byteLength: bytes.length,
      width,
      height,
      takenAt: '2026-03-10T01:41:05.000Z',
      gps: null,
      camera: 'HUAWEI nova 9',
      orientation: 1,
    },
  };
}

describe('setPhotoCaption', () => {
  it('stores the caption, trimmed, as one operation on the photo', async () => {
    const db = await freshDb();
    const actions = photoActions(db);
    const [added] = await actions.add([await prepared()], { projectId: PROJECT });
    const id = added?.photo.id ?? '';
    const before = (await pendingOperations(db)).length;

    await setPhotoCaption(db, id, '  3号楼北侧裸土未覆盖 ', NOW + 60_000);

    const [photo] = await photosOf(db, { projectId: PROJECT });
    expect(photo).toMatchObject({
      caption: '3号楼北侧裸土未覆盖',
      updatedAt: new Date(NOW + 60_000).toISOString(),
    });
    const ops = (await pendingOperations(db)).slice(before);
    expect(ops.find((o) => o.field === 'caption')).toMatchObject({
      table: 'photos',
      rowId: id,
      value: '3号楼北侧裸土未覆盖',
    });
  });

  it('refuses a caption that is too long, or a photo that does not exist, changing nothing', async () => {
    const db = await freshDb();
    const actions = photoActions(db);
    const [added] = await actions.add([await prepared()], { projectId: PROJECT });
    const id = added?.photo.id ?? '';
    await actions.setCaption(id, '整改前');
    const before = (await pendingOperations(db)).length;

    await expect(actions.setCaption(id, '长'.repeat(MAX_CAPTION_LENGTH + 1))).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    await expect(actions.setCaption('no-such-photo', 'x')).rejects.toThrow(/does not exist/);

    expect((await photosOf(db, { projectId: PROJECT }))[0]?.caption).toBe('整改前');
    expect((await pendingOperations(db)).length).toBe(before);
  });
});

// What the Sync page says waits: a photo added while no round can run (offline, or automatic sync
// off) counts among the photos waiting at once, with its size, not only after the next round.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { writeRecords } from '../../../renderer/db/record-writer';
import { addPhotos } from '../../../renderer/db/repositories/photos';
import { makeProject } from '../../fixtures/records';
import { nodeDerive } from './node-derive';
import { PhotoCity } from './photo-city';

const PROJECT = '019a0000-0000-7000-8000-00000000bb09';

let city: PhotoCity;
beforeEach(async () => {
  city = await PhotoCity.start();
});
afterEach(async () => {
  await city.close();
});

describe('photos waiting', () => {
  it('counts a photo added while no round runs, with its size', async () => {
    const a = await city.laptop('waiting-a1');
    await a.engine.syncNow();
    expect(a.engine.current().photos).toEqual({ waiting: 0, waitingBytes: 0 });
    // No round from here on: the person turned automatic sync off (as a laptop out of reach has none).
    await a.engine.setAutomatic(false);
    const lastRound = a.engine.current().lastRound;
    a.engine.start();
    try {
      await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: makeProject({ id: PROJECT }) }]);
      const { bytes } = makeSamplePhoto({
        seed: 9,
        width: 640,
        height: 480,
        camera: { make: 'HUAWEI', model: 'nova 9' },
        localDateTime: '2026-03-10T09:40:05',
        offset: '+08:00',
        gps: null,
      });
      const original = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
      const copies = await nodeDerive(original);
      await addPhotos(
        a.db,
        [
          {
            sha256: await sha256Hex(bytes),
            original,
            ...copies,
            // Named by their hashes, as the intake names them: they travel, but are not photos waiting.
            copyHashes: {
              thumbnail: await sha256Hex(new Uint8Array(await copies.thumbnail.blob.arrayBuffer())),
              display: await sha256Hex(new Uint8Array(await copies.display.blob.arrayBuffer())),
            },
            metadata: {
              fileName: 'IMG_9.jpg',
              mimeType: 'image/jpeg',
              byteLength: bytes.length,
              width: 640,
              height: 480,
              takenAt: null,
              gps: null,
              camera: null,
              orientation: 1,
            },
          },
        ],
        { projectId: PROJECT },
      );
      await vi.waitFor(() =>
        expect(a.engine.current().photos).toEqual({ waiting: 1, waitingBytes: bytes.length }),
      );
      // Counted with no round: the photo's records still wait in the outbox.
      expect(a.engine.current().lastRound).toBe(lastRound);
      expect(await a.db.outbox.count()).toBeGreaterThan(0);
    } finally {
      a.engine.stop();
    }
  });
});

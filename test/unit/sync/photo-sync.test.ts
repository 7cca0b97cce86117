// Photos both ways through the real engine, the real Dexie data layer (fake-indexeddb), the host
// relay's real handlers and a real server with a photo folder: a photo added on laptop A reaches B bit
// for bit with a thumbnail; an upload broken off part-way goes on from the server's offset; a photo
// whose original the server does not have yet stays "on its way" on B until a later round brings it.
import 'fake-indexeddb/auto';
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/crypto/sha256';
import type { PreparedPhoto } from '../../../shared/photos/prepared';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { SyncFailure } from '../../../shared/sync/client/answers';
import type { PhotoTransport } from '../../../shared/sync/client/photo-transport';
import type { DuchaDatabase } from '../../../renderer/db/database';
import { writeRecords } from '../../../renderer/db/record-writer';
import { addPhotos } from '../../../renderer/db/repositories/photos';
import { makeProject } from '../../fixtures/records';
import { nodeDerive } from './node-derive';
import { PhotoCity } from './photo-city';

const PROJECT = '019a0000-0000-7000-8000-00000000bb01';

// A server of its own for each test: what one test leaves half sent does not wait on the next one's laptops.
let city: PhotoCity;
beforeEach(async () => {
  city = await PhotoCity.start();
});
afterEach(async () => {
  await city.close();
});

const bytesOf = async (blob: Blob | undefined): Promise<Uint8Array> =>
  new Uint8Array(await (blob as Blob).arrayBuffer());

/** A real site photo as the intake would prepare it (its copies made like the app's workers make them). */
async function preparedPhoto(seed: number): Promise<{ prepared: PreparedPhoto; bytes: Uint8Array }> {
  const { bytes, width, height } = makeSamplePhoto({
    seed,
    width: 640,
    height: 480,
    camera: { make: 'HUAWEI', model: 'nova 9' },
    localDateTime: '2026-03-10T09:40:05',
    offset: '+08:00',
    gps: { lat: 22.78, lng: 100.97, altitude: 1320 },
  });
  const original = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
  const copies = await nodeDerive(original);
  const prepared: PreparedPhoto = {
    sha256: await sha256Hex(bytes),
    original,
    thumbnail: copies.thumbnail,
    display: copies.display,
    // As the intake names them: the hash of each copy's bytes.
    copyHashes: {
      thumbnail: await sha256Hex(await bytesOf(copies.thumbnail.blob)),
      display: await sha256Hex(await bytesOf(copies.display.blob)),
    },
    metadata: {
      fileName: `IMG_${String(seed)}.jpg`,
      mimeType: 'image/jpeg',
      byteLength: bytes.length,
      width,
      height,
      takenAt: '2026-03-10T01:40:05.000Z',
      gps: { lat: 22.78, lng: 100.97, altitude: 1320 },
      camera: 'HUAWEI nova 9',
      orientation: 1,
    },
  };
  return { prepared, bytes };
}

async function addSitePhoto(db: DuchaDatabase, seed: number) {
  await writeRecords(db, [{ table: 'projects', id: PROJECT, fields: makeProject({ id: PROJECT }) }]);
  const { prepared, bytes } = await preparedPhoto(seed);
  await addPhotos(db, [prepared], { projectId: PROJECT });
  return { sha256: prepared.sha256, bytes };
}

describe('photos both ways over sync', () => {
  it("brings A's photo to B bit for bit, with A's own smaller copies: B decodes nothing", async () => {
    const asked: string[] = [];
    const a = await city.laptop('photo-a1', (real) => ({
      ...real,
      call: (request) => {
        asked.push(request.path);
        return real.call(request);
      },
    }));
    let derivedOnB = 0;
    const b = await city.laptop('photo-b1', undefined, (original) => {
      derivedOnB += 1;
      return nodeDerive(original);
    });
    const { sha256, bytes } = await addSitePhoto(a.db, 1);

    await a.engine.syncNow();
    expect(a.engine.current().photos).toEqual({ waiting: 0, waitingBytes: 0 });
    await b.engine.syncNow();

    expect(await b.db.photos.where('sha256').equals(sha256).count()).toBe(1);
    const original = await b.db.photoBlobs.get(sha256);
    expect(await bytesOf(original?.blob)).toEqual(bytes);
    expect(original?.mimeType).toBe('image/jpeg');
    const thumbnail = await b.db.photoDerivatives.get([sha256, 'thumbnail']);
    expect(thumbnail).toMatchObject({ width: 320, height: 240 });
    const decoded = jpeg.decode(await bytesOf(thumbnail?.blob), { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([320, 240]);
    expect(await b.db.photoDerivatives.get([sha256, 'display'])).toMatchObject({ width: 640, height: 480 });
    // The copies are A's, byte for byte, as its record names them; B made none of its own.
    const record = await b.db.photos.where('sha256').equals(sha256).first();
    for (const kind of ['thumbnail', 'display'] as const) {
      const onA = await a.db.photoDerivatives.get([sha256, kind]);
      const onB = await b.db.photoDerivatives.get([sha256, kind]);
      expect(await bytesOf(onB?.blob)).toEqual(await bytesOf(onA?.blob));
      expect(onB?.copySha256).toBe(record?.copies?.[kind].sha256);
    }
    expect(derivedOnB).toBe(0);
    expect(b.engine.current().photos).toEqual({ waiting: 0, waitingBytes: 0 });
    // B saw the photo moving down, with its size.
    const moving = b.statuses.flatMap((s) => (s.photoProgress ? [s.photoProgress] : []));
    expect(moving.at(-1)).toMatchObject({ direction: 'photoDown', sha256, total: bytes.length });
    // A does not ask about its photo again: the server confirmed it (in this epoch).
    await a.engine.syncNow();
    expect(asked.filter((path) => path.endsWith('/blobs/missing'))).toHaveLength(1);
  });

  it('goes on from where the server stands after an upload broke off part-way', async () => {
    let broken = false;
    let original = '';
    const offsets: string[] = [];
    // The connection drops after the server has taken the first 1,000 bytes of the first chunk.
    const breaking = (real: PhotoTransport): PhotoTransport => ({
      ...real,
      upload: async (chunk) => {
        if (!broken && chunk.sha256 === original) {
          broken = true;
          await real.upload({ ...chunk, bytes: chunk.bytes.slice(0, 1000) });
          return { kind: 'unreachable', code: 'ECONNRESET', detail: 'socket hang up' } as never;
        }
        const answer = await real.upload(chunk);
        if (chunk.sha256 !== original) return answer; // the copies went up whole: not this test's
        offsets.push(
          `${String(chunk.offset)}→${answer.kind === 'reply' ? String(answer.status) : answer.kind}`,
        );
        return answer;
      },
    });
    const a = await city.laptop('photo-a2', breaking);
    const { sha256, bytes } = await addSitePhoto(a.db, 2);
    original = sha256;

    const failure = await a.engine.syncNow().catch((error: unknown) => error);
    expect((failure as SyncFailure).problem).toBe('unreachable');
    expect(a.engine.current().photos).toEqual({ waiting: 1, waitingBytes: bytes.length });
    expect(await a.db.outbox.count()).toBe(0); // the records went up before the photo

    await a.engine.syncNow();
    // From 0 (no HEAD first), told 409 with the server's 1,000, then the rest from there.
    expect(offsets).toEqual(['0→409', '1000→204']);
    expect(a.engine.current().photos).toEqual({ waiting: 0, waitingBytes: 0 });

    const b = await city.laptop('photo-b2');
    await b.engine.syncNow();
    expect(await bytesOf((await b.db.photoBlobs.get(sha256))?.blob)).toEqual(bytes);
  });

  it('leaves a photo "on its way" while the server lacks it, and fetches it in a later round', async () => {
    let offline = true;
    const a = await city.laptop('photo-a3', (real) => ({
      ...real,
      upload: (chunk) =>
        offline
          ? Promise.resolve({ kind: 'unreachable', detail: 'the hotel Wi-Fi dropped' } as const)
          : real.upload(chunk),
    }));
    const b = await city.laptop('photo-b3');
    const { sha256, bytes } = await addSitePhoto(a.db, 3);
    await expect(a.engine.syncNow()).rejects.toBeInstanceOf(SyncFailure);

    // B has the record at once, and no original yet: the server answers 404 and B is not stopped.
    const first = await b.engine.syncNow();
    expect(first?.received).toBeGreaterThan(0);
    expect(b.engine.current().phase).toBe('idle');
    expect(await b.db.photos.where('sha256').equals(sha256).count()).toBe(1);
    expect(await b.db.photoBlobs.get(sha256)).toBeUndefined();
    expect(await b.db.photoDerivatives.get([sha256, 'thumbnail'])).toBeUndefined();
    expect(b.engine.current().photos).toEqual({ waiting: 1, waitingBytes: bytes.length });

    offline = false;
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await bytesOf((await b.db.photoBlobs.get(sha256))?.blob)).toEqual(bytes);
    expect(await b.db.photoDerivatives.get([sha256, 'thumbnail'])).toBeDefined();
    expect(b.engine.current().photos).toEqual({ waiting: 0, waitingBytes: 0 });
  });

  it("shows A's thumbnail on B while the original is still on its way", async () => {
    let original = '';
    // A's copies go up; its original does not (the connection drops on its first chunk).
    const a = await city.laptop('photo-a4', (real) => ({
      ...real,
      upload: (chunk) =>
        chunk.sha256 === original
          ? Promise.resolve({ kind: 'unreachable', detail: 'the phone hotspot dropped' } as const)
          : real.upload(chunk),
    }));
    const b = await city.laptop('photo-b4');
    const { sha256, bytes } = await addSitePhoto(a.db, 4);
    original = sha256;
    await expect(a.engine.syncNow()).rejects.toBeInstanceOf(SyncFailure);

    await b.engine.syncNow();
    expect(await b.db.photoBlobs.get(sha256)).toBeUndefined();
    expect(b.engine.current().photos).toEqual({ waiting: 1, waitingBytes: bytes.length });
    const thumbnail = await b.db.photoDerivatives.get([sha256, 'thumbnail']);
    expect(await bytesOf(thumbnail?.blob)).toEqual(
      await bytesOf((await a.db.photoDerivatives.get([sha256, 'thumbnail']))?.blob),
    );
    expect(await b.db.photoDerivatives.get([sha256, 'display'])).toMatchObject({ width: 640, height: 480 });
  });

  it('brings only the copies to a laptop set to fetch originals when asked, and an original once asked', async () => {
    const a = await city.laptop('photo-a5');
    const b = await city.laptop('photo-b5');
    await b.engine.setPhotoOriginals('whenAsked');
    const first = await addSitePhoto(a.db, 5);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.db.photoDerivatives.get([first.sha256, 'thumbnail'])).toBeDefined();
    expect(await b.db.photoDerivatives.get([first.sha256, 'display'])).toBeDefined();
    expect(await b.db.photoBlobs.get(first.sha256)).toBeUndefined();
    // Nothing waits: the original is not wanted until someone asks.
    expect(b.engine.current().photos).toEqual({ waiting: 0, waitingBytes: 0 });

    await b.engine.askForOriginal(first.sha256);
    await b.engine.syncNow();
    expect(await bytesOf((await b.db.photoBlobs.get(first.sha256))?.blob)).toEqual(first.bytes);

    // Back to all: the originals come by themselves again.
    await b.engine.setPhotoOriginals('all');
    const second = await addSitePhoto(a.db, 6);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await bytesOf((await b.db.photoBlobs.get(second.sha256))?.blob)).toEqual(second.bytes);
  });
});

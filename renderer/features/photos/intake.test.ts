import { describe, expect, it, vi } from 'vitest';
import { PhotoIntakeError, type PhotoIntakeErrorKind } from '../../../shared/photos/intake-errors';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { sha256Hex } from '../../../shared/crypto/sha256';
import type { DerivedImages } from '../../../shared/photos/derive-protocol';
import { clampFileName, type IntakeDeps, prepareIntake } from './intake';

const sample = makeSamplePhoto({
  seed: 31,
  width: 96,
  height: 64,
  camera: { make: 'HUAWEI', model: 'nova 9' },
  localDateTime: '2026-03-10T09:41:05',
  offset: '+08:00',
  gps: { lat: 22.787654, lng: 100.977123, altitude: 1320 },
});

const copy = (width: number, height: number) => ({ blob: new Blob([Uint8Array.of(width)]), width, height });

/** Stands in for the worker: answers with fixed copies and remembers what it was given. */
function fakeDerive(result: Partial<DerivedImages> = {}) {
  return vi.fn<IntakeDeps['derive']>(() =>
    Promise.resolve({ width: 96, height: 64, thumbnail: copy(96, 64), display: copy(96, 64), ...result }),
  );
}

const text = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

async function refusal(file: File | { name: string; bytes: Uint8Array }, deps: IntakeDeps) {
  const error: unknown = await prepareIntake(file, deps).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoIntakeError);
  const { kind, fileName, detail } = error as PhotoIntakeError;
  return { kind, fileName, detail };
}

describe('prepareIntake', () => {
  it('keeps the original bytes, hashes them, reads EXIF and takes the sizes from the decoded image', async () => {
    const derive = fakeDerive({ width: 64, height: 96 }); // as if EXIF said "rotate 90°"
    const file = new File([sample.bytes as Uint8Array<ArrayBuffer>], '施工现场 东侧围挡.jpg', { type: '' });
    const prepared = await prepareIntake(file, { derive });

    expect(await bytesOf(prepared.original)).toEqual(sample.bytes);
    expect(prepared.sha256).toBe(await sha256Hex(sample.bytes));
    expect(prepared.original.type).toBe('image/jpeg');
    // The worker was given the original bytes, untouched.
    const given = derive.mock.calls[0]?.[0];
    expect(given && (await bytesOf(given))).toEqual(sample.bytes);
    expect(prepared.metadata).toEqual({
      fileName: '施工现场 东侧围挡.jpg',
      mimeType: 'image/jpeg',
      byteLength: sample.bytes.length,
      width: 64,
      height: 96,
      takenAt: '2026-03-10T01:41:05.000Z', // 09:41:05 at +08:00
      gps: expect.objectContaining({ altitude: 1320 }) as unknown,
      camera: 'HUAWEI nova 9',
      orientation: 1,
    });
    expect(prepared.thumbnail.width).toBe(96);
  });

  it('takes bytes as well as files, and believes the bytes over the declared type', async () => {
    const prepared = await prepareIntake(
      { name: 'photo.png', bytes: sample.bytes, type: 'image/png' },
      { derive: fakeDerive() },
    );
    expect(prepared.metadata.mimeType).toBe('image/jpeg');
    expect(await bytesOf(prepared.original)).toEqual(sample.bytes);
  });

  it('refuses what cannot be a photo before decoding it, naming the file', async () => {
    const derive = fakeDerive();
    const cases: [string, Uint8Array, PhotoIntakeErrorKind][] = [
      ['empty.jpg', new Uint8Array(0), 'empty'],
      ['report.pdf', text('%PDF-1.7\n%âãÏÓ'), 'notAnImage'],
      // An iPhone photo: ftyp box, major brand heic.
      [
        'IMG_0001.HEIC',
        Uint8Array.of(0, 0, 0, 24, ...text('ftypheic'), 0, 0, 0, 0, ...text('mif1heic')),
        'unsupportedFormat',
      ],
      ['cut.jpg', sample.bytes.subarray(0, sample.bytes.length - 300), 'truncated'],
    ];
    for (const [name, bytes, kind] of cases) {
      expect(await refusal({ name, bytes }, { derive })).toMatchObject({ kind, fileName: name });
    }
    expect(derive).not.toHaveBeenCalled();
  });

  it('refuses an image over 100 megapixels from its header alone', async () => {
    // SOI, then a baseline frame header of 12,000 × 9,000 = 108 MP; no pixel data needed.
    const header = Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0x23, 0x28, 0x2e, 0xe0, 3);
    const derive = fakeDerive();
    expect(await refusal({ name: 'pano.jpg', bytes: header }, { derive })).toEqual({
      kind: 'tooLarge',
      fileName: 'pano.jpg',
      detail: '12000×9000',
    });
    expect(derive).not.toHaveBeenCalled();
  });

  it('says undecodable when the decoder refuses the image', async () => {
    const derive = vi.fn<IntakeDeps['derive']>(() =>
      Promise.reject(new Error('InvalidStateError: The source image could not be decoded.')),
    );
    expect(await refusal({ name: 'odd.jpg', bytes: sample.bytes }, { derive })).toMatchObject({
      kind: 'undecodable',
      fileName: 'odd.jpg',
      detail: expect.stringContaining('could not be decoded') as unknown,
    });
  });

  it('says unreadable when the file cannot be read', async () => {
    const file = new File([sample.bytes as Uint8Array<ArrayBuffer>], 'gone.jpg');
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => Promise.reject(new DOMException('A requested file could not be read', 'NotReadableError')),
    });
    expect(await refusal(file, { derive: fakeDerive() })).toMatchObject({
      kind: 'unreadable',
      fileName: 'gone.jpg',
    });
  });

  it('stops with the abort reason, not as a photo error, when cancelled', async () => {
    const controller = new AbortController();
    const derive = vi.fn<IntakeDeps['derive']>(() => {
      controller.abort();
      return Promise.reject(controller.signal.reason as Error);
    });
    await expect(
      prepareIntake({ name: 'a.jpg', bytes: sample.bytes }, { derive, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expect(
      prepareIntake({ name: 'a.jpg', bytes: sample.bytes }, { derive, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('clampFileName', () => {
  it('keeps names that fit and shortens long ones, keeping the extension', () => {
    expect(clampFileName('IMG_20260310_094105.jpg')).toBe('IMG_20260310_094105.jpg');
    const long = `${'现场'.repeat(200)}.jpeg`;
    const clamped = clampFileName(long);
    expect(clamped).toHaveLength(255);
    expect(clamped.endsWith('….jpeg')).toBe(true);
    expect(clampFileName('x'.repeat(300))).toHaveLength(255);
  });
});

import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { makeSamplePhoto, renderSiteScene, type SamplePhotoOptions } from './sample-photo';
import { makeSignatureImage } from './sample-signature';

const options: SamplePhotoOptions = {
  seed: 11,
  width: 320,
  height: 240,
  camera: { make: 'HUAWEI', model: 'nova 9' },
  localDateTime: '2026-03-10T09:41:05',
  offset: '+08:00',
  gps: { lat: 23.061234, lng: 101.041234, altitude: 1322 },
};

describe('makeSamplePhoto', () => {
  it('makes the same bytes for the same seed, other bytes for another', () => {
    const a = makeSamplePhoto(options);
    expect(makeSamplePhoto(options).bytes).toEqual(a.bytes);
    expect(makeSamplePhoto({ ...options, seed: 12 }).bytes).not.toEqual(a.bytes);
  });

  it('is a real JPEG of the asked size with its time and place in EXIF', async () => {
    const { bytes, width, height } = makeSamplePhoto(options);
    const decoded = jpeg.decode(bytes, { useTArray: true });
    expect([decoded.width, decoded.height, width, height]).toEqual([320, 240, 320, 240]);
    const tags = (await exifr.parse(bytes, { reviveValues: false })) as Record<string, unknown>;
    expect(tags.DateTimeOriginal).toBe('2026:03:10 09:41:05');
    expect(tags.OffsetTimeOriginal).toBe('+08:00');
    expect(Math.abs((tags.latitude as number) - 23.061234)).toBeLessThan(0.0001);
    expect(Math.abs((tags.longitude as number) - 101.041234)).toBeLessThan(0.0001);
  });

  it('shows the same spot after rectification, with the heap covered', () => {
    const before = renderSiteScene(5, 200, 150, false);
    const after = renderSiteScene(5, 200, 150, true);
    let differing = 0;
    for (let i = 0; i < before.data.length; i += 4) if (before.data[i + 1] !== after.data[i + 1]) differing++;
    const share = differing / (200 * 150);
    expect(share).toBeGreaterThan(0.01); // the heap (and the fence gap) changed …
    expect(share).toBeLessThan(0.5); // … the rest of the scene did not
    // The top of the picture (sky, crane) is identical.
    expect(before.data.subarray(0, 200 * 20 * 4)).toEqual(after.data.subarray(0, 200 * 20 * 4));
  });

  it('makes signature images deterministically', () => {
    expect(makeSignatureImage(3)).toEqual(makeSignatureImage(3));
    expect(makeSignatureImage(3)).not.toEqual(makeSignatureImage(4));
  });
});

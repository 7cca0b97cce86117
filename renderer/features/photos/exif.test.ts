import { describe, expect, it } from 'vitest';
import { buildExif } from '../../../shared/photos/exif-writer';
import { encodeJpeg } from '../../../shared/photos/jpeg-encode';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { cameraOf, exifInstant, NO_EXIF, readExif } from './exif';

const tiny = { width: 16, height: 16, data: new Uint8Array(16 * 16 * 4).fill(128) };

describe('readExif', () => {
  it('reads time, place, camera and orientation of a sample site photo', async () => {
    const { bytes } = makeSamplePhoto({
      seed: 21,
      width: 64,
      height: 48,
      camera: { make: 'HUAWEI', model: 'nova 9' },
      localDateTime: '2026-03-10T09:41:05',
      offset: '+08:00',
      gps: { lat: 22.787654, lng: 100.977123, altitude: 1320.5 },
    });
    const exif = await readExif(bytes);
    // 09:41:05 at +08:00 is 01:41:05 UTC.
    expect(exif.takenAt).toBe('2026-03-10T01:41:05.000Z');
    expect(exif.gps?.lat).toBeCloseTo(22.787654, 6);
    expect(exif.gps?.lng).toBeCloseTo(100.977123, 6);
    expect(exif.gps?.altitude).toBeCloseTo(1320.5, 5);
    expect(exif.camera).toBe('HUAWEI nova 9');
    expect(exif.orientation).toBe(1);
  });

  it('applies the offset the camera wrote, and a depth below sea level', async () => {
    const exif = buildExif({
      make: 'Canon',
      model: 'Canon PowerShot SX740 HS',
      orientation: 6,
      localDateTime: '2026-01-01 00:10:00',
      offset: '-03:00',
      gps: { lat: -33.45, lng: -70.6667, altitude: -5 },
    });
    const read = await readExif(encodeJpeg(tiny, 80, exif));
    // 00:10 at −03:00 is 03:10 UTC the same day.
    expect(read).toMatchObject({
      takenAt: '2026-01-01T03:10:00.000Z',
      camera: 'Canon PowerShot SX740 HS',
      orientation: 6,
      gps: { altitude: -5 },
    });
    expect(read.gps?.lat).toBeCloseTo(-33.45, 6);
  });

  it('gives nulls, never an error, for photos without EXIF and for files that are not photos', async () => {
    expect(await readExif(encodeJpeg(tiny, 80))).toEqual(NO_EXIF);
    expect(await readExif(new Uint8Array(0))).toEqual(NO_EXIF);
    expect(await readExif(Uint8Array.from('not a photo at all', (c) => c.charCodeAt(0)))).toEqual(NO_EXIF);
    const noGps = buildExif({
      make: 'X',
      model: 'Y',
      orientation: 1,
      localDateTime: '2026-01-01T08:00:00',
      offset: '+08:00',
      gps: null,
    });
    expect((await readExif(encodeJpeg(tiny, 80, noGps))).gps).toBeNull();
  });
});

describe('exifInstant', () => {
  it('takes China time when the camera wrote no offset', () => {
    // 2026-03-10 09:41:05 at +08:00 → 01:41:05 UTC.
    expect(exifInstant('2026:03:10 09:41:05', undefined)).toBe('2026-03-10T01:41:05.000Z');
    // 07:30 at +08:00 is the previous day, 23:30 UTC.
    expect(exifInstant('2026:03:10 07:30:00', 'garbage')).toBe('2026-03-09T23:30:00.000Z');
    expect(exifInstant('2026:03:10 09:41:05', '+05:30')).toBe('2026-03-10T04:11:05.000Z');
  });

  it('keeps sub-seconds and refuses impossible times', () => {
    expect(exifInstant('2026:03:10 09:41:05', '+08:00', '25')).toBe('2026-03-10T01:41:05.250Z');
    expect(exifInstant('0000:00:00 00:00:00', '+08:00')).toBeNull();
    expect(exifInstant('2026:02:30 10:00:00', '+08:00')).toBeNull();
    expect(exifInstant('    :  :     :  :  ', '+08:00')).toBeNull();
    expect(exifInstant(undefined, '+08:00')).toBeNull();
  });
});

describe('cameraOf', () => {
  it('joins make and model without repeating the make', () => {
    expect(cameraOf('HUAWEI', 'nova 9')).toBe('HUAWEI nova 9');
    expect(cameraOf('Canon', 'Canon EOS 5D Mark IV')).toBe('Canon EOS 5D Mark IV');
    expect(cameraOf('Apple\0', ' iPhone 15 ')).toBe('Apple iPhone 15');
    expect(cameraOf(undefined, 'ONLY MODEL')).toBe('ONLY MODEL');
    expect(cameraOf('', undefined)).toBeNull();
    expect(cameraOf('M', 'x'.repeat(200))?.length).toBe(100);
  });
});

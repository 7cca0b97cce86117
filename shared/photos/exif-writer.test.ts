import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { buildExif, type ExifFields } from './exif-writer';
import { encodeJpeg } from './jpeg-encode';

const tiny = { width: 16, height: 16, data: new Uint8Array(16 * 16 * 4).fill(128) };

async function readBack(fields: ExifFields): Promise<Record<string, unknown>> {
  const jpeg = encodeJpeg(tiny, 80, buildExif(fields));
  return (await exifr.parse(jpeg, {
    tiff: true,
    exif: true,
    gps: true,
    reviveValues: false,
    translateValues: false,
  })) as Record<string, unknown>;
}

describe('buildExif', () => {
  it('writes camera, local time with its offset, and GPS that exifr reads back', async () => {
    const tags = await readBack({
      make: 'Canon',
      model: 'Canon PowerShot SX740 HS',
      orientation: 1,
      localDateTime: '2026-03-10T09:41:05',
      offset: '+08:00',
      gps: { lat: 22.787654, lng: 100.977123, altitude: 1320.5 },
    });
    expect(tags.Make).toBe('Canon');
    expect(tags.Model).toBe('Canon PowerShot SX740 HS');
    expect(tags.DateTimeOriginal).toBe('2026:03:10 09:41:05');
    expect(tags.OffsetTimeOriginal).toBe('+08:00');
    expect(tags.GPSLatitudeRef).toBe('N');
    expect(tags.GPSLongitudeRef).toBe('E');
    expect(tags.latitude).toBeCloseTo(22.787654, 6);
    expect(tags.longitude).toBeCloseTo(100.977123, 6);
    expect(tags.GPSAltitude).toBeCloseTo(1320.5, 5);
    expect(tags.GPSDateStamp).toBe('2026:03:10');
    expect(tags.GPSTimeStamp).toEqual([1, 41, 5]); // UTC
  });

  it('handles the southern and western hemispheres, and no GPS at all', async () => {
    const south = await readBack({
      make: 'X',
      model: 'Y',
      orientation: 6,
      localDateTime: '2026-01-01 00:10:00',
      offset: '-03:00',
      gps: { lat: -33.45, lng: -70.6667, altitude: -5 },
    });
    expect(south.GPSLatitudeRef).toBe('S');
    expect(south.GPSLongitudeRef).toBe('W');
    expect(south.latitude).toBeCloseTo(-33.45, 6);
    expect(south.longitude).toBeCloseTo(-70.6667, 6);
    expect(south.GPSDateStamp).toBe('2026:01:01');
    expect(south.GPSTimeStamp).toEqual([3, 10, 0]);
    expect(south.Orientation).toBe(6);

    const none = await readBack({
      make: 'X',
      model: 'Y',
      orientation: 1,
      localDateTime: '2026-01-01T08:00:00',
      offset: '+08:00',
      gps: null,
    });
    expect(none.DateTimeOriginal).toBe('2026:01:01 08:00:00');
    expect(none.latitude).toBeUndefined();
  });

  it('rounds seconds that would reach 60 into the next minute', async () => {
    const tags = await readBack({
      make: 'X',
      model: 'Y',
      orientation: 1,
      localDateTime: '2026-01-01T08:00:00',
      offset: '+08:00',
      gps: { lat: 22.99999999, lng: 100.5, altitude: 0 },
    });
    expect(tags.GPSLatitude).toEqual([23, 0, 0]);
  });

  it('refuses what EXIF cannot hold', () => {
    const base: ExifFields = {
      make: 'X',
      model: 'Y',
      orientation: 1,
      localDateTime: '2026-01-01T08:00:00',
      offset: '+08:00',
      gps: null,
    };
    expect(() => buildExif({ ...base, make: '华为' })).toThrow(RangeError);
    expect(() => buildExif({ ...base, orientation: 9 })).toThrow(RangeError);
    expect(() => buildExif({ ...base, localDateTime: '2026-01-01' })).toThrow(RangeError);
  });
});

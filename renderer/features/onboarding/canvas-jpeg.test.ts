import { describe, expect, it } from 'vitest';
import { buildExif } from '../../../shared/photos/exif-writer';
import { encodeJpeg } from '../../../shared/photos/jpeg-encode';
import { canvasJpegEncoder, withExifSegment } from './canvas-jpeg';

const image = {
  width: 16,
  height: 8,
  data: Uint8Array.from({ length: 16 * 8 * 4 }, (_, i) => (i * 53) % 256),
};
const exif = buildExif({
  make: 'Canon',
  model: 'Canon PowerShot SX740 HS',
  orientation: 1,
  localDateTime: '2026-03-01T09:30:00',
  offset: '+08:00',
  gps: { lat: 22.78, lng: 100.97, altitude: 1302 },
});

describe('withExifSegment', () => {
  it('puts the EXIF where jpeg-js puts it, after the JFIF header, byte for byte', () => {
    const plain = encodeJpeg(image, 80, null);
    expect(withExifSegment(plain, exif)).toEqual(encodeJpeg(image, 80, exif));
  });

  it('refuses bytes that are not a JPEG', () => {
    expect(() => withExifSegment(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), exif)).toThrow(RangeError);
  });
});

describe('canvasJpegEncoder', () => {
  it('is not offered where there is no OffscreenCanvas (Node, the tests), so jpeg-js is kept', () => {
    expect(canvasJpegEncoder()).toBeNull();
  });
});

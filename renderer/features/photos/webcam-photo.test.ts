import { describe, expect, it } from 'vitest';
import { encodeJpeg } from '../../../shared/photos/jpeg-encode';
import { sniffImage } from '../../../shared/photos/sniff';
import { readExif } from './exif';
import { asciiCameraName, insertExif, localTimeOf, webcamFileName, webcamPhoto } from './webcam-photo';

const plainJpeg = () =>
  encodeJpeg({ width: 16, height: 16, data: new Uint8Array(16 * 16 * 4).fill(128) }, 80, null);

describe('webcam photos', () => {
  it('carry EXIF time and camera, read back as any camera photo’s', async () => {
    const at = new Date(Date.UTC(2026, 2, 10, 1, 41, 5));
    const file = webcamPhoto(plainJpeg(), at, 'Integrated Camera (04f2:b6d9)');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(sniffImage(bytes)).toMatchObject({ format: 'jpeg', width: 16, height: 16, truncated: false });
    const exif = await readExif(bytes);
    expect(exif.takenAt).toBe('2026-03-10T01:41:05.000Z');
    expect(exif.camera).toBe('Webcam Integrated Camera (04f2:b6d9)');
    expect(file.name).toBe(webcamFileName(at));
    expect(file.type).toBe('image/jpeg');
  });

  it('keep the rest of the JPEG byte for byte', () => {
    const jpeg = plainJpeg();
    const out = insertExif(jpeg, Uint8Array.of(1, 2, 3));
    expect([...out.subarray(0, 9)]).toEqual([0xff, 0xd8, 0xff, 0xe1, 0, 5, 1, 2, 3]);
    expect(out.subarray(9)).toEqual(jpeg.subarray(2));
    expect(() => insertExif(Uint8Array.of(1, 2, 3), Uint8Array.of(1))).toThrow(RangeError);
  });

  it('name the time in the laptop’s own zone with its offset', () => {
    const { localDateTime, offset } = localTimeOf(new Date(2026, 2, 10, 9, 41, 5));
    expect(localDateTime).toBe('2026-03-10T09:41:05');
    expect(offset).toMatch(/^[+-]\d{2}:\d{2}$/);
    expect(webcamFileName(new Date(2026, 2, 10, 9, 41, 5))).toBe('webcam-20260310-094105.jpg');
  });

  it('keep what ASCII they can of a device label', () => {
    expect(asciiCameraName('HD 网络摄像头 USB')).toBe('HD USB');
    expect(asciiCameraName('网络摄像头')).toBe('Webcam');
  });
});

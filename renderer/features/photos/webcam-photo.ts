// A webcam snapshot as a photo like a camera's: a JPEG with EXIF time (this laptop's clock and offset)
// and camera name, so that it sorts and reads like the inspector's other photos.
import { buildExif } from '../../../shared/photos/exif-writer';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock time "YYYY-MM-DDTHH:MM:SS" and its offset "+08:00" for a moment on this laptop. */
export function localTimeOf(date: Date): { localDateTime: string; offset: string } {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return {
    localDateTime:
      `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
      `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`,
    offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}

/** "webcam-20260310-094105.jpg" */
export function webcamFileName(date: Date): string {
  const { localDateTime } = localTimeOf(date);
  return `webcam-${localDateTime.replace(/[-:]/g, '').replace('T', '-')}.jpg`;
}

/** EXIF holds ASCII only: a device label such as "HD 网络摄像头" keeps what it can. */
export const asciiCameraName = (label: string): string =>
  label
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || 'Webcam';

/** The JPEG with an APP1 EXIF segment right after its start-of-image marker. */
export function insertExif(jpeg: Uint8Array, app1Payload: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new RangeError('not a JPEG');
  const length = app1Payload.length + 2;
  if (length > 0xffff) throw new RangeError('EXIF block too large for one segment');
  const out = new Uint8Array(jpeg.length + 4 + app1Payload.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set([0xff, 0xe1, length >> 8, length & 0xff], 2);
  out.set(app1Payload, 6);
  out.set(jpeg.subarray(2), 6 + app1Payload.length);
  return out;
}

export function webcamPhoto(jpeg: Uint8Array, takenAt: Date, cameraLabel: string): File {
  const exif = buildExif({
    make: 'Webcam',
    model: asciiCameraName(cameraLabel),
    orientation: 1,
    ...localTimeOf(takenAt),
    gps: null,
  });
  const bytes = insertExif(jpeg, exif) as Uint8Array<ArrayBuffer>;
  return new File([bytes], webcamFileName(takenAt), { type: 'image/jpeg', lastModified: takenAt.getTime() });
}

// Reads what a photo's EXIF says about when, where and with what it was taken. Photos without EXIF
// (WeChat strips it) or with broken EXIF give nulls, never an error: a photo is kept either way.
import exifr from 'exifr';
import type { GeoPoint } from '../../../shared/domain/common';
import type { Photo } from '../../../shared/domain/photo';

export type PhotoExif = Pick<Photo, 'takenAt' | 'gps' | 'camera' | 'orientation'>;

export const NO_EXIF: PhotoExif = { takenAt: null, gps: null, camera: null, orientation: null };

/** Cameras write local wall-clock time; without an offset tag it is taken to be China time. */
export const DEFAULT_OFFSET = '+08:00';

const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  // Raw values: dates as the camera wrote them, so the offset is applied here and not by the
  // machine's time zone.
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
};

export async function readExif(bytes: Uint8Array): Promise<PhotoExif> {
  let tags: Record<string, unknown>;
  try {
    tags = ((await exifr.parse(bytes, OPTIONS)) as Record<string, unknown> | undefined) ?? {};
  } catch {
    return NO_EXIF; // "Unknown file format" or a corrupt TIFF block
  }
  return {
    takenAt: exifInstant(
      tags.DateTimeOriginal ?? tags.CreateDate,
      tags.OffsetTimeOriginal,
      tags.SubSecTimeOriginal,
    ),
    gps: gpsOf(tags),
    camera: cameraOf(tags.Make, tags.Model),
    orientation:
      typeof tags.Orientation === 'number' && tags.Orientation >= 1 && tags.Orientation <= 8
        ? tags.Orientation
        : null,
  };
}

const EXIF_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * An EXIF date-time ("2026:03:10 09:41:05"), at the given offset ("+08:00", else China time), as an
 * ISO instant in UTC; null when absent or impossible (cameras with no clock write "0000:00:00 …").
 */
export function exifInstant(dateTime: unknown, offset: unknown, subSeconds?: unknown): string | null {
  if (typeof dateTime !== 'string') return null;
  const m = EXIF_DATE_TIME.exec(dateTime.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const o = OFFSET.exec(typeof offset === 'string' ? offset.trim() : '') ?? OFFSET.exec(DEFAULT_OFFSET);
  const offsetMinutes = (o?.[1] === '-' ? -1 : 1) * (Number(o?.[2]) * 60 + Number(o?.[3]));
  // SubSecTime is the decimal fraction's digits: "5" is .5 s, "123" is .123 s.
  const subSecondText =
    typeof subSeconds === 'string'
      ? subSeconds.trim()
      : typeof subSeconds === 'number'
        ? String(subSeconds)
        : '';
  const digits = /^\d+/.exec(subSecondText)?.[0] ?? '';
  const ms = digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (
    year < 1900 ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  return new Date(wall - offsetMinutes * 60_000).toISOString();
}

const firstNumber = (value: unknown): number | null => {
  if (typeof value === 'number') return value;
  if (value instanceof Uint8Array || Array.isArray(value)) {
    const first: unknown = value[0];
    return typeof first === 'number' ? first : null;
  }
  return null;
};

function gpsOf(tags: Record<string, unknown>): GeoPoint | null {
  const { latitude: lat, longitude: lng } = tags;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return null;
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  // Phones without a fix sometimes write 0, 0: a point in the Gulf of Guinea, not a site.
  if (lat === 0 && lng === 0) return null;
  const point: GeoPoint = { lat, lng };
  const altitude = firstNumber(tags.GPSAltitude);
  if (altitude !== null && Number.isFinite(altitude)) {
    point.altitude = firstNumber(tags.GPSAltitudeRef) === 1 ? -altitude : altitude;
  }
  return point;
}

const MAX_CAMERA_LENGTH = 100;

/** "Make Model", without the make twice ("Canon Canon EOS 5D" is "Canon EOS 5D"). */
export function cameraOf(make: unknown, model: unknown): string | null {
  const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\0/g, '').trim() : '');
  const [m, n] = [clean(make), clean(model)];
  const name = !m ? n : !n ? m : n.toLowerCase().startsWith(m.toLowerCase()) ? n : `${m} ${n}`;
  return name ? name.slice(0, MAX_CAMERA_LENGTH) : null;
}

// Builds a minimal EXIF block (the payload of a JPEG APP1 segment) so that generated sample photos carry
// what real phone photos do: the camera, the local time with its UTC offset, and GPS. The import code
// reads these back (with exifr) to place a photo on a visit's day and map, so the sample must have them.
//
// Layout (TIFF, little-endian): header, IFD0 (Make, Model, Orientation, DateTime, pointers to the Exif
// and GPS IFDs), the Exif IFD (ExifVersion, DateTimeOriginal, CreateDate, OffsetTime,
// OffsetTimeOriginal), then the GPS IFD. Values longer than 4 bytes follow each IFD, word-aligned.

const BYTE = 1;
const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const UNDEFINED = 7;

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** The value's bytes, little-endian, exactly count × size(type) long. */
  data: Uint8Array;
}

export interface ExifFields {
  make: string;
  model: string;
  /** EXIF orientation 1–8 (1 = upright). */
  orientation: number;
  /** Wall-clock time where the photo was taken: "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS". */
  localDateTime: string;
  /** That place's offset from UTC, e.g. "+08:00". */
  offset: string;
  gps: { lat: number; lng: number; altitude: number } | null;
}

const ascii = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length + 1); // NUL-terminated
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e || code < 0x20) throw new RangeError(`EXIF ASCII cannot hold ${JSON.stringify(text)}`);
    out[i] = code;
  }
  return out;
};

const asciiEntry = (tag: number, text: string): Entry => {
  const data = ascii(text);
  return { tag, type: ASCII, count: data.length, data };
};

const shortEntry = (tag: number, value: number): Entry => {
  const data = new Uint8Array(2);
  new DataView(data.buffer).setUint16(0, value, true);
  return { tag, type: SHORT, count: 1, data };
};

const longEntry = (tag: number, value: number): Entry => {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, value, true);
  return { tag, type: LONG, count: 1, data };
};

const byteEntry = (tag: number, values: number[], type = BYTE): Entry => ({
  tag,
  type,
  count: values.length,
  data: Uint8Array.from(values),
});

const rationalEntry = (tag: number, values: [number, number][]): Entry => {
  const data = new Uint8Array(values.length * 8);
  const view = new DataView(data.buffer);
  values.forEach(([num, den], i) => {
    view.setUint32(i * 8, num, true);
    view.setUint32(i * 8 + 4, den, true);
  });
  return { tag, type: RATIONAL, count: values.length, data };
};

/** Degrees as degrees/1, minutes/1, seconds/10000: about 3 mm of precision, far below GPS error. */
const dms = (degrees: number): [number, number][] => {
  const abs = Math.abs(degrees);
  let d = Math.floor(abs);
  let m = Math.floor((abs - d) * 60);
  let s10k = Math.round(((abs - d) * 60 - m) * 60 * 10_000);
  if (s10k >= 600_000) {
    s10k -= 600_000;
    m += 1;
  }
  if (m >= 60) {
    m -= 60;
    d += 1;
  }
  return [
    [d, 1],
    [m, 1],
    [s10k, 10_000],
  ];
};

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Bytes one IFD takes: entry count, 12-byte entries, next-IFD offset, then its out-of-line values. */
function ifdSize(entries: Entry[]): number {
  let size = 2 + entries.length * 12 + 4;
  for (const e of entries) if (e.data.length > 4) size += e.data.length + (e.data.length % 2);
  return size;
}

/** Writes an IFD at `start`; offsets in a TIFF count from the TIFF header, i.e. from out[0]. */
function writeIfd(out: Uint8Array, start: number, entries: Entry[]): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const sorted = [...entries].sort((a, b) => a.tag - b.tag); // TIFF requires ascending tags
  view.setUint16(start, sorted.length, true);
  let dataAt = start + 2 + sorted.length * 12 + 4;
  sorted.forEach((e, i) => {
    const at = start + 2 + i * 12;
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, e.count, true);
    if (e.data.length <= 4) {
      out.set(e.data, at + 8); // inline, left-aligned
    } else {
      view.setUint32(at + 8, dataAt, true);
      out.set(e.data, dataAt);
      dataAt += e.data.length + (e.data.length % 2);
    }
  });
  view.setUint32(start + 2 + sorted.length * 12, 0, true); // no next IFD
}

/** The APP1 payload: "Exif\0\0" followed by the TIFF structure. */
export function buildExif(fields: ExifFields): Uint8Array {
  const wall = WALL_CLOCK.exec(fields.localDateTime);
  const offset = OFFSET.exec(fields.offset);
  if (!wall || !offset) throw new RangeError('EXIF time needs YYYY-MM-DD HH:MM:SS and an offset like +08:00');
  const [, y = '', mo = '', d = '', h = '', mi = '', s = ''] = wall;
  const exifTime = `${y}:${mo}:${d} ${h}:${mi}:${s}`;
  if (!Number.isInteger(fields.orientation) || fields.orientation < 1 || fields.orientation > 8) {
    throw new RangeError(`orientation ${String(fields.orientation)} is not 1–8`);
  }

  const exifEntries: Entry[] = [
    byteEntry(0x9000, [0x30, 0x32, 0x33, 0x32], UNDEFINED), // ExifVersion "0232"
    asciiEntry(0x9003, exifTime), // DateTimeOriginal
    asciiEntry(0x9004, exifTime), // CreateDate (DateTimeDigitized)
    asciiEntry(0x9010, fields.offset), // OffsetTime
    asciiEntry(0x9011, fields.offset), // OffsetTimeOriginal
  ];

  let gpsEntries: Entry[] = [];
  if (fields.gps) {
    const { lat, lng, altitude } = fields.gps;
    // GPS time is UTC: the wall-clock time minus the offset.
    const sign = offset[1] === '-' ? -1 : 1;
    const offsetMinutes = sign * (Number(offset[2]) * 60 + Number(offset[3]));
    const utc = new Date(
      Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) -
        offsetMinutes * 60_000,
    );
    gpsEntries = [
      byteEntry(0x0000, [2, 3, 0, 0]), // GPSVersionID
      asciiEntry(0x0001, lat >= 0 ? 'N' : 'S'),
      rationalEntry(0x0002, dms(lat)),
      asciiEntry(0x0003, lng >= 0 ? 'E' : 'W'),
      rationalEntry(0x0004, dms(lng)),
      byteEntry(0x0005, [altitude >= 0 ? 0 : 1]), // GPSAltitudeRef: above / below sea level
      rationalEntry(0x0006, [[Math.round(Math.abs(altitude) * 10), 10]]),
      rationalEntry(0x0007, [
        [utc.getUTCHours(), 1],
        [utc.getUTCMinutes(), 1],
        [utc.getUTCSeconds(), 1],
      ]), // GPSTimeStamp
      asciiEntry(0x001d, utc.toISOString().slice(0, 10).replaceAll('-', ':')), // GPSDateStamp
    ];
  }

  // IFD0's pointer entries are LONGs, so its size is known before the pointed-to offsets are.
  const ifd0Entries: Entry[] = [
    asciiEntry(0x010f, fields.make),
    asciiEntry(0x0110, fields.model),
    shortEntry(0x0112, fields.orientation),
    asciiEntry(0x0132, exifTime), // DateTime (last modified)
    longEntry(0x8769, 0), // ExifIFD pointer, set below
  ];
  if (fields.gps) ifd0Entries.push(longEntry(0x8825, 0)); // GPSInfo pointer, set below

  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0Entries);
  const gpsAt = exifAt + ifdSize(exifEntries);
  const tiffLength = gpsAt + (fields.gps ? ifdSize(gpsEntries) : 0);
  ifd0Entries[4] = longEntry(0x8769, exifAt);
  if (fields.gps) ifd0Entries[5] = longEntry(0x8825, gpsAt);

  const header = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
  const out = new Uint8Array(header.length + tiffLength);
  out.set(header, 0);
  const tiff = out.subarray(header.length);
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  tiff[0] = 0x49; // "II": little-endian
  tiff[1] = 0x49;
  view.setUint16(2, 42, true);
  view.setUint32(4, ifd0At, true);
  writeIfd(tiff, ifd0At, ifd0Entries);
  writeIfd(tiff, exifAt, exifEntries);
  if (fields.gps) writeIfd(tiff, gpsAt, gpsEntries);
  return out;
}

// Recognizes an image file by its first bytes and reads its pixel size from the headers, without
// decoding it, so that a file that is not an image, or one too large to decode safely, is refused
// before the decoder ever sees it. A file's name and declared type are not trusted.

export const IMAGE_FORMATS = ['jpeg', 'png', 'gif', 'webp', 'avif', 'bmp', 'heic', 'tiff'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What the page's image decoder (Chromium's) can decode. HEIC and TIFF it cannot. */
export const DECODABLE_FORMATS: ReadonlySet<ImageFormat> = new Set([
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'bmp',
]);

/** Larger images are refused: decoding 100 megapixels already takes 400 MB of memory. */
export const MAX_PIXELS = 100_000_000;

export interface SniffedImage {
  format: ImageFormat;
  mimeType: string;
  /** Pixel size as stored (before any EXIF rotation); null when the headers do not say. */
  width: number | null;
  height: number | null;
  /** The file's structure ends before its own end marker or declared length: it was cut off. */
  truncated: boolean;
}

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  heic: 'image/heic',
  tiff: 'image/tiff',
};

type Size = { width: number | null; height: number | null; truncated: boolean };
const UNKNOWN_SIZE: Size = { width: null, height: null, truncated: true };

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  at + length > bytes.length ? '' : String.fromCharCode(...bytes.subarray(at, at + length));
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);
const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number): number => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const u32le = (b: Uint8Array, at: number): number => u16le(b, at) + u16le(b, at + 2) * 0x10000;
const positive = (n: number): number | null => (n > 0 ? n : null);

/** The image's format and size, or null when the bytes are not an image format we know. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const found = identify(bytes);
  if (!found) return null;
  return { format: found.format, mimeType: MIME[found.format], ...found.size(bytes) };
}

function identify(bytes: Uint8Array): { format: ImageFormat; size: (b: Uint8Array) => Size } | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg', size: jpegSize };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { format: 'png', size: pngSize };
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return { format: 'gif', size: gifSize };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return { format: 'webp', size: webpSize };
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brands = ftypBrands(bytes);
    // AVIF files also name the generic HEIF brand mif1, so AVIF is recognized first.
    if (brands.some((b) => AVIF_BRANDS.has(b))) return { format: 'avif', size: heifSize };
    if (brands.some((b) => HEIC_BRANDS.has(b))) return { format: 'heic', size: heifSize };
    return null;
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { format: 'tiff', size: () => ({ width: null, height: null, truncated: false }) };
  }
  if (ascii(bytes, 0, 2) === 'BM' && BMP_HEADER_SIZES.has(u32le(bytes, 14)))
    return { format: 'bmp', size: bmpSize };
  return null;
}

// JPEG: segments FF xx [length u16be including itself]; the frame header (SOFn) holds the size.
// SOF markers are C0–CF except C4 (DHT), C8 (reserved) and CC (DAC).
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(b: Uint8Array): Size {
  let at = 2;
  let width: number | null = null;
  let height: number | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return { width, height, truncated: false }; // not a marker: corrupt, let the decoder say
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return { width, height, truncated: false }; // EOI before any scan
    const length = u16be(b, at + 2);
    if (isStartOfFrame(marker) && width === null && at + 9 <= b.length) {
      height = positive(u16be(b, at + 5)); // 0 means "defined later by DNL": unknown here
      width = positive(u16be(b, at + 7));
    }
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follows, in which FF is always stuffed as FF 00, so the
      // first FF D9 after it ends the image. Data after that (a motion photo's video) is allowed.
      return { width, height, truncated: !hasEndOfImage(b, at + 2 + length) };
    }
    at += 2 + length;
  }
  return { width, height, truncated: true };
}

/**
 * Whether an FF D9 (EOI) pair starts at or after `from`. Searched from the end, where a whole file has
 * it: from the front, the search stopped at each of a 12 MP photo's ~9,000 FF bytes (~1 ms a photo
 * in Node, more in a busy worker); only a truncated file is read to the front now.
 */
function hasEndOfImage(b: Uint8Array, from: number): boolean {
  for (
    let at = b.lastIndexOf(0xff, b.length - 2);
    at >= from;
    at = at > 0 ? b.lastIndexOf(0xff, at - 1) : -1
  ) {
    if (b[at + 1] === 0xd9) return true;
  }
  return false;
}

// PNG: signature, then chunks [length u32be][type][data][crc]; IHDR first, IEND last.
function pngSize(b: Uint8Array): Size {
  if (ascii(b, 12, 4) !== 'IHDR') return UNKNOWN_SIZE;
  const width = positive(u32be(b, 16));
  const height = positive(u32be(b, 20));
  let at = 8;
  while (at + 8 <= b.length) {
    const type = ascii(b, at + 4, 4);
    const next = at + 12 + u32be(b, at);
    if (type === 'IEND') return { width, height, truncated: next > b.length };
    at = next;
  }
  return { width, height, truncated: true };
}

// GIF: logical screen size right after the signature; the file ends with the trailer 3B.
function gifSize(b: Uint8Array): Size {
  if (b.length < 10) return UNKNOWN_SIZE;
  return { width: positive(u16le(b, 6)), height: positive(u16le(b, 8)), truncated: b.at(-1) !== 0x3b };
}

// WebP: RIFF container; the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended).
function webpSize(b: Uint8Array): Size {
  const truncated = 8 + u32le(b, 4) > b.length;
  const chunk = ascii(b, 12, 4);
  const d = 20; // the chunk's data
  if (chunk === 'VP8X' && b.length >= d + 10) {
    return { width: 1 + u24le(b, d + 4), height: 1 + u24le(b, d + 7), truncated };
  }
  if (chunk === 'VP8 ' && b.length >= d + 10 && startsWith(b.subarray(d + 3), [0x9d, 0x01, 0x2a])) {
    return {
      width: positive(u16le(b, d + 6) & 0x3fff),
      height: positive(u16le(b, d + 8) & 0x3fff),
      truncated,
    };
  }
  if (chunk === 'VP8L' && b.length >= d + 5 && b[d] === 0x2f) {
    const [b1 = 0, b2 = 0, b3 = 0, b4 = 0] = b.subarray(d + 1, d + 5);
    // 14 bits of width − 1, then 14 bits of height − 1, little-endian.
    return {
      width: 1 + (((b2 & 0x3f) << 8) | b1),
      height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
      truncated,
    };
  }
  return { width: null, height: null, truncated };
}

// HEIF (HEIC, AVIF): ISO boxes. The brands are in ftyp; sizes in meta → iprp → ipco → ispe.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

function ftypBrands(b: Uint8Array): string[] {
  const size = Math.min(u32be(b, 0), b.length, 256);
  const brands = [ascii(b, 8, 4)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(b, at, 4));
  return brands;
}

interface Box {
  type: string;
  /** Where the box's content starts and ends. */
  start: number;
  end: number;
}

function* boxes(b: Uint8Array, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = u32be(b, at);
    let header = 8;
    if (size === 1) {
      size = u32be(b, at + 8) * 0x1_0000_0000 + u32be(b, at + 12); // 64-bit size
      header = 16;
    } else if (size === 0) {
      size = to - at; // to the end of the file
    }
    if (size < header) return;
    yield { type: ascii(b, at + 4, 4), start: at + header, end: at + size };
    at += size;
  }
}

function heifSize(b: Uint8Array): Size {
  let largest: { width: number; height: number } | null = null;
  let truncated = false;
  for (const top of boxes(b, 0, b.length)) {
    if (top.end > b.length) truncated = true;
    if (top.type !== 'meta') continue;
    // meta is a "full box": 4 bytes of version and flags before its children.
    for (const iprp of boxes(b, top.start + 4, Math.min(top.end, b.length))) {
      if (iprp.type !== 'iprp') continue;
      for (const ipco of boxes(b, iprp.start, Math.min(iprp.end, b.length))) {
        if (ipco.type !== 'ipco') continue;
        for (const prop of boxes(b, ipco.start, Math.min(ipco.end, b.length))) {
          if (prop.type !== 'ispe' || prop.start + 12 > b.length) continue;
          // A grid image has an ispe per tile and one for the whole; the largest is the picture.
          const width = u32be(b, prop.start + 4);
          const height = u32be(b, prop.start + 8);
          if (!largest || width * height > largest.width * largest.height) largest = { width, height };
        }
      }
    }
  }
  return { width: positive(largest?.width ?? 0), height: positive(largest?.height ?? 0), truncated };
}

// BMP: file header (14 bytes, with the file size), then a DIB header whose size names its version.
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

function bmpSize(b: Uint8Array): Size {
  if (b.length < 26) return UNKNOWN_SIZE;
  const truncated = u32le(b, 2) > b.length;
  if (u32le(b, 14) === 12)
    return { width: positive(u16le(b, 18)), height: positive(u16le(b, 20)), truncated };
  const height = new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(22, true);
  // A negative height means rows stored top-down.
  return { width: positive(u32le(b, 18)), height: positive(Math.abs(height)), truncated };
}

import { describe, expect, it } from 'vitest';
import { makeSamplePhoto } from './sample-photo';
import { MAX_PIXELS, sniffImage } from './sniff';

const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])),
  );
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u24le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngChunk = (type: string, data: number[]) => bytes(u32be(data.length), type, data, [0, 0, 0, 0]);
const png = (width: number, height: number, withEnd = true) =>
  bytes(
    PNG_SIGNATURE,
    pngChunk('IHDR', [...u32be(width), ...u32be(height), 8, 6, 0, 0, 0]),
    pngChunk('IDAT', [1, 2, 3]),
    withEnd ? pngChunk('IEND', []) : [],
  );

/** A JPEG's markers without image data: SOI, an APP0, a frame header of the given kind, a scan, EOI. */
const jpegHeaders = (sof: number, width: number, height: number) =>
  bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, 0x00, 0x10],
    'JFIF',
    [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, sof, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3],
    [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    [0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0],
    [0x12, 0xff, 0x00, 0x34], // entropy-coded data with a stuffed FF
    [0xff, 0xd9],
  );

const riff = (chunk: string, data: number[]) => {
  const body = bytes('WEBP', chunk, u32le(data.length), data);
  return bytes('RIFF', u32le(body.length), body);
};

const box = (type: string, ...content: Uint8Array[]) => {
  const length = content.reduce((n, c) => n + c.length, 8);
  return bytes(u32be(length), type, ...content);
};
const heif = (major: string, compatible: string[], sizes: [number, number][]) =>
  bytes(
    box('ftyp', bytes(major, [0, 0, 0, 0], compatible.join(''))),
    box(
      'meta',
      bytes([0, 0, 0, 0]),
      box('hdlr', bytes([0, 0, 0, 0, 0, 0, 0, 0], 'pict')),
      box(
        'iprp',
        box('ipco', ...sizes.map(([w, h]) => box('ispe', bytes([0, 0, 0, 0], u32be(w), u32be(h))))),
      ),
    ),
    box('mdat', bytes([1, 2, 3, 4])),
  );

describe('sniffImage', () => {
  it('reads a real JPEG with EXIF: format, size and a complete file', () => {
    const photo = makeSamplePhoto({
      seed: 3,
      width: 320,
      height: 200,
      camera: { make: 'HUAWEI', model: 'nova 9' },
      localDateTime: '2026-03-10T09:41:05',
      offset: '+08:00',
      gps: { lat: 23.06, lng: 101.04, altitude: 1322 },
    });
    expect(sniffImage(photo.bytes)).toEqual({
      format: 'jpeg',
      mimeType: 'image/jpeg',
      width: 320,
      height: 200,
      truncated: false,
    });
    // An interrupted copy: the end-of-image marker is gone.
    const cut = photo.bytes.subarray(0, Math.floor(photo.bytes.length * 0.7));
    expect(sniffImage(cut)).toMatchObject({ format: 'jpeg', width: 320, height: 200, truncated: true });
    // Cut inside the EXIF block, before the frame header: the size is unknown.
    expect(sniffImage(photo.bytes.subarray(0, 40))).toMatchObject({
      width: null,
      height: null,
      truncated: true,
    });
    // Data after the image (a motion photo's video) is not a truncation.
    const motion = bytes(photo.bytes, 'ftypmp42', [0, 0, 0, 0]);
    expect(sniffImage(motion)).toMatchObject({ truncated: false });
    // Cut anywhere: truncated exactly when no FF D9 is left after the scan's header (the marker is
    // searched from the end; this is the plain search from the front).
    const scanStart = photo.bytes.findIndex((b, i) => b === 0xff && photo.bytes[i + 1] === 0xda);
    const endsWhole = (b: Uint8Array) => b.some((x, i) => i > scanStart && x === 0xff && b[i + 1] === 0xd9);
    for (let length = scanStart + 4; length <= photo.bytes.length; length += 97) {
      const piece = photo.bytes.subarray(0, length);
      expect(sniffImage(piece)?.truncated, `cut at ${String(length)}`).toBe(!endsWhole(piece));
    }
    for (let length = photo.bytes.length - 3; length <= photo.bytes.length; length += 1) {
      expect(sniffImage(photo.bytes.subarray(0, length))?.truncated).toBe(length < photo.bytes.length);
    }
  });

  it('reads baseline, extended and progressive JPEG frame headers', () => {
    for (const sof of [0xc0, 0xc1, 0xc2]) {
      expect(sniffImage(jpegHeaders(sof, 4000, 3000))).toMatchObject({ width: 4000, height: 3000 });
    }
    // 12,000 × 9,000 = 108,000,000 pixels: over the limit, known without decoding.
    const huge = sniffImage(jpegHeaders(0xc2, 12_000, 9_000));
    expect((huge?.width ?? 0) * (huge?.height ?? 0)).toBeGreaterThan(MAX_PIXELS);
  });

  it('reads PNG, GIF and BMP headers', () => {
    expect(sniffImage(png(1920, 1080))).toEqual({
      format: 'png',
      mimeType: 'image/png',
      width: 1920,
      height: 1080,
      truncated: false,
    });
    expect(sniffImage(png(1920, 1080, false))).toMatchObject({ width: 1920, truncated: true });

    const gif = bytes('GIF89a', u16le(640), u16le(480), [0xf7, 0, 0], [0x3b]);
    expect(sniffImage(gif)).toMatchObject({ format: 'gif', width: 640, height: 480, truncated: false });
    expect(sniffImage(gif.subarray(0, 12))).toMatchObject({ format: 'gif', truncated: true });

    // 14-byte file header (size 58) + 40-byte BITMAPINFOHEADER (top-down: height −300) + 4 bytes of pixels.
    const bmp = bytes(
      'BM',
      u32le(58),
      [0, 0, 0, 0],
      u32le(54),
      u32le(40),
      u32le(400),
      u32le(-300 >>> 0),
      [1, 0, 24, 0],
    );
    const bmpFile = bytes(bmp, new Array<number>(58 - bmp.length).fill(0));
    expect(sniffImage(bmpFile)).toMatchObject({ format: 'bmp', width: 400, height: 300, truncated: false });
  });

  it('reads the three kinds of WebP', () => {
    // VP8X: flags, reserved, then width − 1 and height − 1 in 24 bits each.
    const extended = riff('VP8X', [0, 0, 0, 0, ...u24le(4031), ...u24le(3023)]);
    expect(sniffImage(extended)).toEqual({
      format: 'webp',
      mimeType: 'image/webp',
      width: 4032,
      height: 3024,
      truncated: false,
    });
    // VP8 (lossy): frame tag, start code 9D 01 2A, then 14-bit width and height.
    const lossy = riff('VP8 ', [0x50, 0x2f, 0x00, 0x9d, 0x01, 0x2a, ...u16le(1600), ...u16le(1200)]);
    expect(sniffImage(lossy)).toMatchObject({ width: 1600, height: 1200 });
    // VP8L (lossless): 0x2F, then width − 1 (14 bits) and height − 1 (14 bits), little-endian:
    // 799 | 599 << 14 = 799 + 9,814,016 = 9,814,815.
    const lossless = riff('VP8L', [0x2f, ...u32le(799 | (599 << 14))]);
    expect(sniffImage(lossless)).toMatchObject({ width: 800, height: 600 });
    expect(sniffImage(lossless.subarray(0, 22))).toMatchObject({
      format: 'webp',
      width: null,
      truncated: true,
    });
  });

  it('tells HEIC from AVIF and reads the largest ispe of a tiled image', () => {
    const heic = heif(
      'heic',
      ['mif1', 'heic'],
      [
        [512, 512],
        [4032, 3024],
      ],
    );
    expect(sniffImage(heic)).toEqual({
      format: 'heic',
      mimeType: 'image/heic',
      width: 4032,
      height: 3024,
      truncated: false,
    });
    expect(sniffImage(heif('mif1', ['heic'], []))).toMatchObject({ format: 'heic', width: null });
    // AVIF also names mif1, the generic HEIF brand.
    expect(sniffImage(heif('avif', ['mif1', 'miaf'], [[1000, 750]]))).toMatchObject({
      format: 'avif',
      mimeType: 'image/avif',
      width: 1000,
      height: 750,
    });
    expect(sniffImage(heic.subarray(0, heic.length - 2))).toMatchObject({ truncated: true });
    // An MP4 video has ftyp too, with other brands.
    expect(sniffImage(box('ftyp', bytes('isom', [0, 0, 2, 0], 'isomiso2mp41')))).toBeNull();
  });

  it('recognizes TIFF, and refuses what is not an image', () => {
    expect(sniffImage(bytes('II', [0x2a, 0], u32le(8)))).toMatchObject({ format: 'tiff', width: null });
    expect(sniffImage(bytes('MM', [0, 0x2a], u32be(8)))).toMatchObject({ format: 'tiff' });
    expect(sniffImage(new Uint8Array(0))).toBeNull();
    expect(sniffImage(bytes('%PDF-1.7\n'))).toBeNull();
    expect(sniffImage(bytes('PK', [3, 4]))).toBeNull(); // a .docx or .zip
    expect(sniffImage(bytes([0xff, 0xd8]))).toBeNull(); // too short to be a JPEG
  });
});

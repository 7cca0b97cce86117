// Baseline JPEG encoding with jpeg-js, returning a plain Uint8Array in Node and in the browser.
//
// jpeg-js's encoder ends with
//   if (typeof module === 'undefined') return new Uint8Array(byteout);
//   return Buffer.from(byteout);
// Bundlers (Vite/Rollup, esbuild) wrap CommonJS packages in a function that defines `module`, so in a
// browser bundle it takes the second branch and throws "Buffer is not defined". The output is built in
// a private array we cannot reach, so instead, for the duration of the synchronous encode() call only,
// we provide a global `Buffer` whose single used method, from(array), makes a Uint8Array, and remove it
// before returning. Nothing else can run in between (encode never yields), so no other code ever sees
// the stand-in. In Node the real Buffer is left untouched and its result is copied into a plain
// Uint8Array, so both environments return the same type (and deep-equal the same bytes).
import jpeg from 'jpeg-js';

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, RGBA; alpha is ignored. */
  data: Uint8Array;
}

/**
 * Encodes RGBA pixels as a baseline JPEG with an optional EXIF APP1 payload ("Exif\0\0" + TIFF). The
 * sample campaign takes one: in the app's worker the browser's own encoder is some twenty times
 * faster than jpeg-js; Node and the tests keep jpeg-js (encodeJpeg).
 */
export type JpegEncoder = (image: RgbaImage, quality: number, exif: Uint8Array | null) => Promise<Uint8Array>;

export const jpegJsEncoder: JpegEncoder = (image, quality, exif) =>
  Promise.resolve(encodeJpeg(image, quality, exif));

interface BufferStandIn {
  from(bytes: ArrayLike<number>): Uint8Array;
}

export function encodeJpeg(image: RgbaImage, quality: number, exif: Uint8Array | null = null): Uint8Array {
  if (image.data.length !== image.width * image.height * 4)
    throw new RangeError('RGBA data has the wrong size');
  const host = globalThis as { Buffer?: unknown };
  const standIn = host.Buffer === undefined;
  if (standIn) {
    const buffer: BufferStandIn = { from: (bytes) => Uint8Array.from(bytes) };
    host.Buffer = buffer;
  }
  try {
    // exifBuffer is read by jpeg-js's encoder (writeAPP1) but missing from its type declarations.
    const input: Parameters<typeof jpeg.encode>[0] & { exifBuffer?: Uint8Array } = {
      width: image.width,
      height: image.height,
      data: image.data,
    };
    if (exif) input.exifBuffer = exif;
    const encoded: Uint8Array = jpeg.encode(input, quality).data;
    return new Uint8Array(encoded); // a copy: a plain Uint8Array, never a pooled Node Buffer
  } finally {
    if (standIn) delete host.Buffer;
  }
}

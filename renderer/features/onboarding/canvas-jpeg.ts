// The browser's own JPEG encoder for the sample campaign's photos: OffscreenCanvas.convertToBlob is
// native code, some twenty times faster than jpeg-js, so the first-run sample loads in a few seconds
// on a slow laptop. The EXIF (camera, time, GPS) goes in as an APP1 segment after the JFIF header,
// where jpeg-js puts it, so the app's own EXIF reading sees the same fields either way.
import type { JpegEncoder } from '../../../shared/photos/jpeg-encode';

const SOI = 0xd8;
const APP0 = 0xe0;
const APP1 = 0xe1;

/** Inserts an APP1 segment holding `exif` ("Exif\0\0" + TIFF) after SOI and a leading APP0. */
export function withExifSegment(jpeg: Uint8Array, exif: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) throw new RangeError('not a JPEG: no start-of-image marker');
  if (exif.byteLength + 2 > 0xffff) throw new RangeError('the EXIF payload is larger than one segment');
  let at = 2;
  if (jpeg[at] === 0xff && jpeg[at + 1] === APP0)
    at += 2 + (((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0));
  const length = exif.byteLength + 2; // the length field counts itself
  const out = new Uint8Array(jpeg.byteLength + 2 + length);
  out.set(jpeg.subarray(0, at), 0);
  out.set([0xff, APP1, length >> 8, length & 0xff], at);
  out.set(exif, at + 4);
  out.set(jpeg.subarray(at), at + 2 + length);
  return out;
}

/** Null where this context has no OffscreenCanvas (the caller then keeps jpeg-js). */
export function canvasJpegEncoder(): JpegEncoder | null {
  if (typeof OffscreenCanvas === 'undefined' || typeof ImageData === 'undefined') return null;
  return async (image, quality, exif) => {
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context for the sample photos');
    // A copy: ImageData takes only an ArrayBuffer-backed array, and the pixels are dropped after this.
    const pixels = new Uint8ClampedArray(image.data);
    context.putImageData(new ImageData(pixels, image.width, image.height), 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: quality / 100 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return exif ? withExifSegment(bytes, exif) : bytes;
  };
}

// The image worker. It prepares a picked photo whole — reads the file, checks it, hashes it, reads its
// EXIF, decodes it once (turned upright by its EXIF orientation), scales it down on an OffscreenCanvas,
// encodes the copies as JPEG and hashes them — so that adding a day's photos leaves the page's main
// thread free (issue 21). It also makes the copies alone of an image that came another way. The
// original is only read.
import { DERIVATIVE_LONGEST_SIDE, type PhotoDerivative } from '../../../shared/photos/prepared';
import {
  DERIVATIVE_JPEG_QUALITY,
  type DeriveReply,
  type DeriveRequest,
  type DerivedImages,
  fitWithin,
  type PrepareReply,
  type PrepareRequest,
  type WorkerRequest,
} from '../../../shared/photos/derive-protocol';
import { isPhotoIntakeError } from '../../../shared/photos/intake-errors';
import { prepareFromBytes, readBytes } from './intake';

type Source = ImageBitmap | OffscreenCanvas;

function scaled(source: Source, longest: number): OffscreenCanvas {
  const size = fitWithin(source.width, source.height, longest);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('no 2D context for an OffscreenCanvas');
  // JPEG has no transparency: a transparent PNG shows on white, as on paper, rather than on black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, size.width, size.height);
  return canvas;
}

async function encoded(canvas: OffscreenCanvas): Promise<PhotoDerivative> {
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: DERIVATIVE_JPEG_QUALITY });
  return { blob, width: canvas.width, height: canvas.height };
}

const message = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** The copies of an image; throws what the decoder or the canvas says. */
async function derivedImages(blob: Blob): Promise<DerivedImages> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  try {
    const { width, height } = bitmap;
    const display = scaled(bitmap, DERIVATIVE_LONGEST_SIDE.display);
    bitmap.close(); // the full-size pixels are the memory that matters; free them before encoding
    // From the display copy rather than the full image: a fifth of the size, so one good step down.
    const thumbnail = scaled(display, DERIVATIVE_LONGEST_SIDE.thumbnail);
    const [displayCopy, thumbnailCopy] = await Promise.all([encoded(display), encoded(thumbnail)]);
    return { width, height, display: displayCopy, thumbnail: thumbnailCopy };
  } finally {
    bitmap.close();
  }
}

async function derive({ id, blob }: DeriveRequest): Promise<DeriveReply> {
  try {
    return { id, ok: true, ...(await derivedImages(blob)) };
  } catch (error) {
    return { id, ok: false, detail: message(error) };
  }
}

async function prepare({ id, file, name }: PrepareRequest): Promise<PrepareReply> {
  try {
    const bytes = await readBytes(file, name);
    return { id, ok: true, prepared: await prepareFromBytes(name, bytes, { derive: derivedImages }) };
  } catch (error) {
    if (isPhotoIntakeError(error)) return { id, ok: false, refused: error.kind, detail: error.detail };
    return { id, ok: false, detail: message(error) };
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  self.postMessage(request.kind === 'prepare' ? await prepare(request) : await derive(request));
};

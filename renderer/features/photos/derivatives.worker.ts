// Makes a photo's thumbnail and display copy off the main thread: decode once (turned upright by its
// EXIF orientation), scale down on an OffscreenCanvas, encode as JPEG. The original is only read.
import { DERIVATIVE_LONGEST_SIDE, type PhotoDerivative } from '../../../shared/photos/prepared';
import {
  DERIVATIVE_JPEG_QUALITY,
  type DeriveReply,
  type DeriveRequest,
  fitWithin,
} from '../../../shared/photos/derive-protocol';

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

async function derive({ id, blob }: DeriveRequest): Promise<DeriveReply> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    return { id, ok: false, detail: message(error) };
  }
  try {
    const { width, height } = bitmap;
    const display = scaled(bitmap, DERIVATIVE_LONGEST_SIDE.display);
    bitmap.close(); // the full-size pixels are the memory that matters; free them before encoding
    // From the display copy rather than the full image: a fifth of the size, so one good step down.
    const thumbnail = scaled(display, DERIVATIVE_LONGEST_SIDE.thumbnail);
    const [displayCopy, thumbnailCopy] = await Promise.all([encoded(display), encoded(thumbnail)]);
    return { id, ok: true, width, height, display: displayCopy, thumbnail: thumbnailCopy };
  } catch (error) {
    return { id, ok: false, detail: message(error) };
  } finally {
    bitmap.close();
  }
}

self.onmessage = async (event: MessageEvent<DeriveRequest>) => {
  self.postMessage(await derive(event.data));
};

// Photos made ready for print: each decoded once, scaled so its longest side is at most PRINT_SIDE
// pixels (about 170 dpi across half an A4 page — sharp on paper, small in memory, so a bulletin with
// hundreds of photos stays light), and re-encoded as a JPEG data: URL the printed HTML carries inline.
import type { PrintablePhoto } from '../../db';
import { DERIVATIVE_JPEG_QUALITY, fitWithin } from '../../../shared/photos/derive-protocol';
import { placeText, type PrintPhoto } from './templates/parts';

export const PRINT_SIDE = 900;

/** An instant as this laptop's local time to the minute: 2026-12-03 10:24. */
function localMinute(instant: string): string {
  const at = new Date(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getFullYear())}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string); // readAsDataURL gives a string
    reader.onerror = () => reject(reader.error ?? new Error('could not read the photo'));
    reader.readAsDataURL(blob);
  });
}

async function downscaled(blob: Blob, side: number): Promise<string> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, side);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('no 2D canvas');
    // As the display copies are drawn: a transparent PNG prints on white, as on paper.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await dataUrl(
      await canvas.convertToBlob({ type: 'image/jpeg', quality: DERIVATIVE_JPEG_QUALITY }),
    );
  } finally {
    bitmap.close();
  }
}

export async function toPrintPhoto(
  {
    photo,
    blob,
  }: Pick<PrintablePhoto, 'blob'> & {
    photo: Pick<PrintablePhoto['photo'], 'sha256' | 'caption' | 'fileName'> &
      Partial<Pick<PrintablePhoto['photo'], 'takenAt' | 'gps'>>;
  },
  side = PRINT_SIDE,
): Promise<PrintPhoto> {
  const base = {
    sha256: photo.sha256,
    caption: photo.caption,
    fileName: photo.fileName,
    takenAt: photo.takenAt ? localMinute(photo.takenAt) : null,
    place: placeText(photo.gps ?? null),
  };
  if (!blob) return { ...base, src: null, problem: 'missing' };
  try {
    return { ...base, src: await downscaled(blob, side), problem: null };
  } catch {
    return { ...base, src: null, problem: 'unreadable' };
  }
}

/** Prepares photos one after another (never all decoded at once), saying how far it has come. */
export async function toPrintPhotos(
  photos: readonly PrintablePhoto[],
  onEach: () => void = () => {},
): Promise<PrintPhoto[]> {
  const out: PrintPhoto[] = [];
  for (const p of photos) {
    out.push(await toPrintPhoto(p));
    onEach();
  }
  return out;
}

/** The photos a document could not show, for the notice after saving. */
export const photoProblems = (photos: Iterable<PrintPhoto>): PrintPhoto[] =>
  [...photos].filter((p) => p.problem !== null);

// Takes one file the inspector added and prepares it for storage: checks it is an image this app can
// show and safely decode, hashes the original bytes, reads its EXIF and makes its smaller copies.
// The original is kept exactly as it came; nothing here changes a byte of it. In the app all of it
// runs in the image worker that decodes the file (prepareFromBytes there, derivatives.worker.ts), so
// the page's main thread only stores what comes back; the tests run it in place with a stand-in.
import { PhotoIntakeError } from '../../../shared/photos/intake-errors';
import type { PhotoMetadata, PreparedPhoto } from '../../../shared/photos/prepared';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { DECODABLE_FORMATS, MAX_PIXELS, type SniffedImage, sniffImage } from '../../../shared/photos/sniff';
import type { DerivedImages } from '../../../shared/photos/derive-protocol';
import { type PhotoExif, readExif } from './exif';

/** A file given as bytes (from a drop of a folder, an import, a test). */
export interface IntakeSource {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

export interface IntakeDeps {
  /** Makes the copies; the worker's own decoder there, a stand-in in tests. */
  derive: (blob: Blob, signal?: AbortSignal) => Promise<DerivedImages>;
  readExif?: (bytes: Uint8Array) => Promise<PhotoExif>;
  /**
   * Does the whole preparation of a picked file elsewhere (the image worker, derive.ts); files given
   * as bytes are prepared in place.
   */
  prepareElsewhere?: (file: File, signal?: AbortSignal) => Promise<PreparedPhoto>;
  signal?: AbortSignal;
}

const MAX_FILE_NAME = 255;

/** A file name that fits the Photo record: long names lose the middle, the extension stays. */
export function clampFileName(name: string): string {
  if (name.length <= MAX_FILE_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return `${name.slice(0, MAX_FILE_NAME - extension.length - 1)}…${extension}`;
}

/**
 * Refuses, before any decoding, what cannot or must not be decoded; returns what the headers say.
 * Throws PhotoIntakeError.
 */
export function checkPhotoBytes(fileName: string, bytes: Uint8Array): SniffedImage {
  if (bytes.length === 0) throw new PhotoIntakeError('empty', fileName);
  const image = sniffImage(bytes);
  if (!image) throw new PhotoIntakeError('notAnImage', fileName);
  if (!DECODABLE_FORMATS.has(image.format))
    throw new PhotoIntakeError('unsupportedFormat', fileName, image.format);
  if (image.width !== null && image.height !== null && image.width * image.height > MAX_PIXELS) {
    throw new PhotoIntakeError('tooLarge', fileName, `${image.width}×${image.height}`);
  }
  if (image.truncated) throw new PhotoIntakeError('truncated', fileName, `${bytes.length} bytes`);
  return image;
}

/** The Photo record's fields that come from the file. Sizes are as displayed (EXIF rotation applied). */
export function photoMetadata(
  fileName: string,
  byteLength: number,
  image: SniffedImage,
  derived: Pick<DerivedImages, 'width' | 'height'>,
  exif: PhotoExif,
): PhotoMetadata {
  return {
    fileName: clampFileName(fileName),
    // What the bytes are, not what the file's name or the browser claim.
    mimeType: image.mimeType,
    byteLength,
    width: derived.width,
    height: derived.height,
    ...exif,
  };
}

/** Blob takes views of a plain ArrayBuffer only; bytes in shared memory are copied first. */
const plainBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);

/** Reads a picked file whole; one that cannot be read (gone from the card) is refused by name. */
export async function readBytes(file: Blob | IntakeSource, name: string): Promise<Uint8Array> {
  // Not `'bytes' in file`: newer engines give every Blob a bytes() method.
  if (!(file instanceof Blob)) return file.bytes;
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new PhotoIntakeError('unreadable', name, error instanceof Error ? error.message : String(error));
  }
}

export async function prepareIntake(file: File | IntakeSource, deps: IntakeDeps): Promise<PreparedPhoto> {
  deps.signal?.throwIfAborted();
  if (deps.prepareElsewhere && file instanceof Blob) return deps.prepareElsewhere(file, deps.signal);
  return prepareFromBytes(file.name, await readBytes(file, file.name), deps);
}

/** The preparation proper, given the file's bytes: wherever it runs, the same checks and results. */
export async function prepareFromBytes(
  fileName: string,
  bytes: Uint8Array,
  deps: Omit<IntakeDeps, 'prepareElsewhere'>,
): Promise<PreparedPhoto> {
  const { signal } = deps;
  const image = checkPhotoBytes(fileName, bytes);
  // A Blob of the very bytes that were checked and hashed, not the File itself: if the file on the
  // card changed or went away meanwhile, what is stored still matches its hash.
  const original = new Blob([plainBytes(bytes)], { type: image.mimeType });
  const [sha256, exif, derived] = await Promise.all([
    sha256Hex(bytes),
    (deps.readExif ?? readExif)(bytes),
    deriveOrRefuse(fileName, original, deps),
  ]);
  // The copies' own hashes (a few hundred KB): the record names them, and other laptops fetch them.
  const [thumbnailSha256, displaySha256] = await Promise.all(
    [derived.thumbnail, derived.display].map(async (copy) =>
      sha256Hex(new Uint8Array(await copy.blob.arrayBuffer())),
    ),
  );
  signal?.throwIfAborted();
  return {
    sha256,
    original,
    thumbnail: derived.thumbnail,
    display: derived.display,
    copyHashes: { thumbnail: thumbnailSha256 as string, display: displaySha256 as string },
    metadata: photoMetadata(fileName, bytes.length, image, derived, exif),
  };
}

async function deriveOrRefuse(
  fileName: string,
  original: Blob,
  deps: Pick<IntakeDeps, 'derive' | 'signal'>,
): Promise<DerivedImages> {
  try {
    return await deps.derive(original, deps.signal);
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new PhotoIntakeError('undecodable', fileName, detail);
  }
}

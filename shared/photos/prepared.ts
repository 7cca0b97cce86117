// A photo ready to be stored: checked, hashed, its EXIF read and its smaller copies made. The photo
// intake (renderer/features/photos) makes it; the photo repository (renderer/db) stores it. It lives
// here because the database layer sits below the features and cannot import them.
import type { Photo } from '../domain/photo';

export const DERIVATIVE_KINDS = ['thumbnail', 'display'] as const;
export type DerivativeKind = (typeof DERIVATIVE_KINDS)[number];

/** Longest side in pixels of each smaller copy; an image already smaller keeps its size. */
export const DERIVATIVE_LONGEST_SIDE: Readonly<Record<DerivativeKind, number>> = {
  thumbnail: 320,
  display: 1600,
};

/** A smaller JPEG copy for lists and viewing; never a substitute for the original. */
export interface PhotoDerivative {
  blob: Blob;
  width: number;
  height: number;
}

/** What a Photo record takes from the file itself. */
export type PhotoMetadata = Pick<
  Photo,
  'fileName' | 'mimeType' | 'byteLength' | 'width' | 'height' | 'takenAt' | 'gps' | 'camera' | 'orientation'
>;

export interface PreparedPhoto {
  /** SHA-256 of the original bytes: the key of the original and of its copies. */
  sha256: string;
  /** The file's own bytes, untouched. */
  original: Blob;
  thumbnail: PhotoDerivative;
  display: PhotoDerivative;
  /** SHA-256 of each copy's bytes, named by the photo record so other laptops can fetch the copies. */
  copyHashes?: Readonly<Record<DerivativeKind, string>>;
  metadata: PhotoMetadata;
}

// The messages between derive.ts and derivatives.worker.ts, and the size arithmetic they share.
import type { PhotoIntakeErrorKind } from './intake-errors';
import type { PhotoDerivative, PreparedPhoto } from './prepared';

/** Make the copies of an image (a photo that came by sync, an annotated one). */
export interface DeriveRequest {
  id: number;
  kind?: 'derive';
  blob: Blob;
}

/**
 * Prepare a picked file whole — read it, check it, hash it, read its EXIF, make the copies and hash
 * them — so that none of it runs on the page's main thread.
 */
export interface PrepareRequest {
  id: number;
  kind: 'prepare';
  file: Blob;
  /** The name the person knows it by, for the refusal's words. */
  name: string;
}

export type WorkerRequest = DeriveRequest | PrepareRequest;

export interface DerivedImages {
  /** The decoded image's size as displayed, i.e. after its EXIF orientation is applied. */
  width: number;
  height: number;
  thumbnail: PhotoDerivative;
  display: PhotoDerivative;
}

export type DeriveReply =
  ({ id: number; ok: true } & DerivedImages) | { id: number; ok: false; detail: string };

/** A prepared photo, or why not: an intake error's kind (a truncated file, not an image…) or a fault. */
export type PrepareReply =
  | { id: number; ok: true; prepared: PreparedPhoto }
  | { id: number; ok: false; detail: string; refused?: PhotoIntakeErrorKind };

export type WorkerReply = DeriveReply | PrepareReply;

/** JPEG quality of the copies: small files, no visible blocks at their size. */
export const DERIVATIVE_JPEG_QUALITY = 0.82;

/** The size that fits within `longest` pixels on its longer side, keeping the aspect; never enlarged. */
export function fitWithin(width: number, height: number, longest: number): { width: number; height: number } {
  const scale = Math.min(1, longest / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

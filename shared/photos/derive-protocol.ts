// The messages between derive.ts and derivatives.worker.ts, and the size arithmetic they share.
import type { PhotoDerivative } from './prepared';

export interface DeriveRequest {
  id: number;
  blob: Blob;
}

export interface DerivedImages {
  /** The decoded image's size as displayed, i.e. after its EXIF orientation is applied. */
  width: number;
  height: number;
  thumbnail: PhotoDerivative;
  display: PhotoDerivative;
}

export type DeriveReply =
  ({ id: number; ok: true } & DerivedImages) | { id: number; ok: false; detail: string };

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

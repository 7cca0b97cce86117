// Photo blobs by content: what the upload and download routes need of a storage, so a folder on the
// server's disk (fs-blob-store.ts) can give way to an object store without touching the routes.
// The SHA-256 is a blob's identity and its upload's id: the same photo from two laptops is one blob.
import type { Readable } from 'node:stream';

/** An upload under way: the bytes received so far, and the total the uploader declared. */
export interface PartialUpload {
  readonly offset: number;
  readonly length: number;
}

export interface AppendResult {
  /** Bytes the server holds after this chunk: where the next chunk starts. */
  readonly offset: number;
  /** The blob is verified and visible: nothing more to send. */
  readonly complete: boolean;
}

/** Why a chunk was refused. Each leaves the upload as it was, except hashMismatch, which ends it. */
export const UPLOAD_REFUSALS = [
  /** The chunk does not start at the server's offset (which the refusal carries). */
  'wrongOffset',
  /** The declared total differs from the one the upload was started (or completed) with. */
  'lengthMismatch',
  /** The chunk runs past the declared total. */
  'beyondLength',
  /** The chunk is larger than one PATCH may carry. */
  'chunkTooLarge',
  /** The declared total is larger than any photo may be. */
  'blobTooLarge',
  /** All bytes arrived and their SHA-256 is not the blob's: the partial upload is deleted. */
  'hashMismatch',
] as const;
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];

export class UploadRefused extends Error {
  constructor(
    readonly reason: UploadRefusal,
    /** The server's offset after the refusal (0 after hashMismatch: the upload starts over). */
    readonly offset: number,
    /** The declared total the server holds for this blob, when it holds one. */
    readonly length: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export interface BlobStore {
  /** The blob is complete and verified. A partial upload does not count. */
  has(sha256: string): Promise<boolean>;
  /** The size of a complete blob; null when there is none (a partial upload has none). */
  size(sha256: string): Promise<number | null>;
  /**
   * The upload under way for this blob, null when there is none (never begun, its first chunk still
   * arriving, complete, or ended by a hash mismatch). Offset and length are read together so a HEAD
   * never pairs two moments.
   */
  partial(sha256: string): Promise<PartialUpload | null>;
  /**
   * Adds a chunk at `offset`, which must be the server's offset (0 to begin). Appends to one blob
   * are serialised, never interleaved. Bytes of a chunk whose source breaks off stay, so the upload
   * resumes from them; a refused chunk leaves nothing. When the bytes reach `declaredLength` the
   * blob is verified against its SHA-256 and only then made visible.
   * @throws UploadRefused
   */
  append(
    sha256: string,
    offset: number,
    chunk: AsyncIterable<Uint8Array> | Uint8Array,
    declaredLength: number,
  ): Promise<AppendResult>;
  /** The bytes of a complete blob; null when there is none. Never part of an upload under way. */
  open(sha256: string): Promise<Readable | null>;
  /**
   * Ends the uploads nobody has added to since `idleSince` (a laptop lost, or one that gave up), so
   * abandoned partials do not fill the disk; returns their hashes. The server calls it periodically.
   */
  removeIdlePartials(idleSince: Date): Promise<string[]>;
}

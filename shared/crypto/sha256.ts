// SHA-256 hex digests, the one place the app reaches a SHA-256 implementation: photo blobs are stored
// under this digest, bundles list files by it, and the issue and visit histories chain with it.
// The async form is WebCrypto's (native, off the main thread in Node); the sync form is @noble/hashes',
// an audited library, for callers that hash many small messages where WebCrypto's per-call cost dominates.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * WebCrypto only takes views of a plain ArrayBuffer; a view of a SharedArrayBuffer is copied first.
 * (TypeScript cannot narrow the view's buffer type from the instanceof test, hence the assertion.)
 */
function plainView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** SHA-256 of the bytes as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', plainView(bytes));
  return bytesToHex(new Uint8Array(digest));
}

/**
 * SHA-256 of the first `length` bytes as 64 lowercase hex digits; equal to sha256Hex, but synchronous.
 * The length lets a caller hash the front of a reused buffer without slicing a copy.
 */
export function sha256HexSync(bytes: Uint8Array, length = bytes.length): string {
  if (length > bytes.length || length < 0) throw new RangeError('length beyond the bytes');
  return bytesToHex(sha256(bytes.subarray(0, length)));
}

// SHA-256 hex digests through WebCrypto, which both the browser and Node (globalThis.crypto) provide.
// Photo blobs are stored under this digest, and the issue history hashes chain with it.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b] ?? '';
  return out;
}

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
  return toHex(new Uint8Array(digest));
}

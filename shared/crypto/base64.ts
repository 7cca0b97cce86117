// Standard base64 (RFC 4648 §4, with padding), the one place the app reaches a base64 codec.
// Through @scure/base, an audited library that uses the engine's Uint8Array.fromBase64 where it exists
// (a printed PDF can be 60 MB) and checks strictly either way: one text for one byte string, so a key
// or signature cannot be spelled two ways.
import { base64, base64urlnopad } from '@scure/base';

export function bytesToBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/**
 * The bytes of a base64 text; throws on text that is not canonical base64 (a length not a multiple of
 * 4, a character outside the alphabet, whitespace, padding anywhere but the end, bits set that padding
 * drops).
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  // @scure/base always returns a fresh array over a plain ArrayBuffer; its typings say only Uint8Array.
  return base64.decode(text) as Uint8Array<ArrayBuffer>;
}

/** The bytes of a base64 text, or null when it is not canonical base64 (see decodeBase64). */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return decodeBase64(text);
  } catch {
    return null;
  }
}

/** base64url without padding (RFC 4648 §5): a value that fits a URL's query as it is. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

/** The bytes of a base64url text without padding, or null when it is not one (strictly, as above). */
export function base64UrlToBytes(text: string): Uint8Array | null {
  try {
    return base64urlnopad.decode(text);
  } catch {
    return null;
  }
}

// Standard base64 (RFC 4648 §4, with padding) without Buffer, so the page and Node share one codec.
// Decoding is strict: one text for one byte string, so a key or signature cannot be spelled two ways.
// Also the UTF-8 length of a text, for limits stated in bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE_OF = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

/** Six bits of a 24-bit group as one base64 character. */
const sextet = (group: number, shift: number): string => ALPHABET.charAt((group >> shift) & 63);

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const count = Math.min(3, bytes.length - i);
    const group = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += sextet(group, 18) + sextet(group, 12);
    out += count > 1 ? sextet(group, 6) : '=';
    out += count > 2 ? sextet(group, 0) : '=';
  }
  return out;
}

const valueAt = (text: string, index: number): number => {
  const code = text.charCodeAt(index);
  return code < 128 ? (VALUE_OF[code] as number) : -1;
};

/**
 * The bytes of a base64 text, or null when it is not canonical base64: a length not a multiple of 4,
 * a character outside the alphabet, padding anywhere but the end, or bits set that padding drops.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    const c = last && padding === 2 ? 0 : valueAt(text, i + 2);
    const d = last && padding >= 1 ? 0 : valueAt(text, i + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (last && padding === 2) {
      if ((n & 0xffff) !== 0) return null;
      break;
    }
    out[o++] = (n >> 8) & 255;
    if (last && padding === 1) {
      if ((n & 0xff) !== 0) return null;
      break;
    }
    out[o++] = n & 255;
  }
  return out;
}

/** How many bytes the text takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes), without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

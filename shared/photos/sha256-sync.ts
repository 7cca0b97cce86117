// A synchronous SHA-256 in plain TypeScript. WebCrypto's digest is async and, for hundreds of
// thousands of small messages (e.g. the hash chains of a large generated campaign), its per-call
// overhead dominates; this runs the same function in-line. Use sha256Hex (WebCrypto) elsewhere.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const HEX_DIGITS = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

// Scratch space reused across calls; the function never yields, so reuse is safe. Int32Array rather
// than Uint32Array: V8 keeps int32 values unboxed, and all the arithmetic below is modulo 2^32 anyway.
const W = new Int32Array(64);
const H = new Int32Array(8);
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const KI = new Int32Array(K);

function compress(block: Uint8Array, offset: number): void {
  // Module bindings copied to locals: inside the 64-round loops V8 then needs no context loads.
  const w = W;
  const k = KI;
  const h = H;
  for (let i = 0, p = offset; i < 16; i++, p += 4) {
    w[i] =
      ((block[p] as number) << 24) |
      ((block[p + 1] as number) << 16) |
      ((block[p + 2] as number) << 8) |
      (block[p + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = h[0] as number;
  let b = h[1] as number;
  let c = h[2] as number;
  let d = h[3] as number;
  let e = h[4] as number;
  let f = h[5] as number;
  let g = h[6] as number;
  let hh = h[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + (k[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] as number) + a;
  h[1] = (h[1] as number) + b;
  h[2] = (h[2] as number) + c;
  h[3] = (h[3] as number) + d;
  h[4] = (h[4] as number) + e;
  h[5] = (h[5] as number) + f;
  h[6] = (h[6] as number) + g;
  h[7] = (h[7] as number) + hh;
}

const TAIL = new Uint8Array(128);
const TAIL_VIEW = new DataView(TAIL.buffer);

/** SHA-256 of the bytes as 64 lowercase hex digits; equal to sha256Hex, but synchronous. */
export function sha256HexSync(bytes: Uint8Array, length = bytes.length): string {
  if (length > bytes.length || length < 0) throw new RangeError('length beyond the bytes');
  H.set(INITIAL);
  const fullBlocks = Math.floor(length / 64);
  for (let i = 0; i < fullBlocks; i++) compress(bytes, i * 64);
  // The padded tail: the remaining bytes, 0x80, zeros, then the bit length (big-endian, 64 bits).
  const rest = length - fullBlocks * 64;
  const tailLength = rest < 56 ? 64 : 128;
  TAIL.fill(0);
  TAIL.set(bytes.subarray(fullBlocks * 64, length));
  TAIL[rest] = 0x80;
  const bitLength = length * 8;
  TAIL_VIEW.setUint32(tailLength - 8, Math.floor(bitLength / 0x1_0000_0000));
  TAIL_VIEW.setUint32(tailLength - 4, bitLength >>> 0);
  for (let p = 0; p < tailLength; p += 64) compress(TAIL, p);
  // Built from char codes in one step (a `+=` loop would leave a 64-node rope per digest).
  const codes = new Array<number>(64);
  for (let i = 0; i < 8; i++) {
    const word = (H[i] as number) >>> 0;
    for (let k = 0; k < 8; k++) codes[i * 8 + k] = HEX_DIGITS[(word >>> (28 - 4 * k)) & 0xf] as number;
  }
  return String.fromCharCode(...codes);
}

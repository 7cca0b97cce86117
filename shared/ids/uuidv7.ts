// UUIDv7 ids made on the device: time-ordered, so new rows sort last in IndexedDB indexes.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export type RandomSource = (bytes: Uint8Array) => void;

const cryptoRandom: RandomSource = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

let lastMs = -1;
let lastSeq = 0;

/**
 * Returns a UUIDv7. Within one millisecond, a 12-bit counter in rand_a keeps ids from one device
 * strictly increasing (RFC 9562 §6.2 method 1).
 */
export function uuidv7(now: number = Date.now(), random: RandomSource = cryptoRandom): string {
  const bytes = new Uint8Array(16);
  random(bytes);
  if (now === lastMs) {
    lastSeq = (lastSeq + 1) & 0xfff;
  } else {
    lastMs = now;
    lastSeq = ((bytes[6] ?? 0) << 4) & 0x7ff; // start low enough to leave room for increments
  }
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (lastSeq >> 8);
  bytes[7] = lastSeq & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += HEX[bytes[i] ?? 0];
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

// A person's password, stored only as a slow scrypt hash: a stolen database costs an attacker ~0.1 s
// and 32 MiB of memory per guess per account, and the password itself is never written anywhere.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { base64ToBytes, bytesToBase64 } from '../../../shared/crypto/base64';

/** OWASP's scrypt floor (N=2^15, r=8, p=1) at the time of writing. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** 128·N·r bytes is exactly Node's default ceiling of 32 MiB; leave room. */
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Uint8Array, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, HASH_BYTES, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, bytesToBase64(salt), bytesToBase64(hash)].join('$');
}

interface ParsedHash {
  cost: { N: number; r: number; p: number };
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Reads a stored hash; null for anything we did not write (cost bounds keep a bad row from stalling us). */
function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = base64ToBytes(parts[4] ?? '');
  const hash = base64ToBytes(parts[5] ?? '');
  if (N === undefined || r === undefined || p === undefined || !salt || !hash) return null;
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0 && N <= 2 ** 20;
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) {
    return null;
  }
  if (hash.length !== HASH_BYTES) return null;
  return { cost: { N, r, p }, salt, hash };
}

/** Whether the password matches the stored hash, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(candidate, parsed.hash);
}

/**
 * The same work as a real check, for a login that does not exist (or has no password yet), so the
 * reply's timing does not tell an attacker which logins are real.
 */
export async function spendPasswordCheck(password: string): Promise<false> {
  await derive(password, randomBytes(SALT_BYTES), COST);
  return false;
}

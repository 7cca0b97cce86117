// Random secrets handed out once (setup code, enrollment codes, challenges, bindings, sessions) and
// the SHA-256 under which the server keeps them: a copy of the database gives no usable secret.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256HexSync } from '../../../shared/crypto/sha256';

/** 256 random bits as base64url (43 characters): unguessable, safe in headers and URLs. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the server stores of a secret: its SHA-256 in hex. A fast hash suffices: the secret is random. */
export function secretHash(secret: string): string {
  return sha256HexSync(new TextEncoder().encode(secret));
}

/** The alphabet of EnrollmentCodeSchema: no 0/O, 1/I, so a code read aloud or from paper survives. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** A one-time code of 12 characters (60 random bits): 32 letters, so `byte & 31` has no bias. */
export function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return code;
}

/** Compares two hex hashes in constant time (a hash that differs early returns no faster). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

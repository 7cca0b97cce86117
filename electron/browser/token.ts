// The launch token: a secret only the page we opened (its URL carries it) and this process know.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const createLaunchToken = (): string => randomBytes(32).toString('base64url');

/** Compares in constant time; hashing first gives equal lengths, so not even the length leaks. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

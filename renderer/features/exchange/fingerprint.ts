// A key's fingerprint for people to compare by eye: the first 80 bits of the SHA-256 of the raw public
// key, in groups of four hex digits. Both laptops show it; the user trusts a new laptop by comparing.
import { decodeBase64 } from '../../../shared/crypto/base64';
import { sha256Hex } from '../../../shared/crypto/sha256';

export async function fingerprintOf(publicKeyBase64: string): Promise<string> {
  const raw = decodeBase64(publicKeyBase64);
  const hex = await sha256Hex(raw);
  return (hex.slice(0, 20).match(/.{4}/g) ?? []).join(' ');
}

// The device key proves each connection: the device signs sessionProof(challenge, deviceId) with the
// Ed25519 key its bundles carry. Verified with node:crypto (stable on Node 20, unlike WebCrypto's Ed25519).
import { createPublicKey, verify } from 'node:crypto';
import { base64ToBytes } from '../../../shared/crypto/base64';
import { isWeakPublicKey } from '../../../shared/bundle/signing';
import { sessionProof } from '../../../shared/sync/protocol';

/** Why a public key offered at enrollment cannot be a device's credential; null when it can. */
export function publicKeyProblem(publicKey: string): string | null {
  const raw = base64ToBytes(publicKey);
  if (!raw) return 'not canonical base64';
  if (raw.length !== 32) return 'an Ed25519 public key is 32 bytes';
  // A small-order key "verifies" signatures nobody made: it would prove nothing.
  if (isWeakPublicKey(raw)) return 'a weak (small-order) key';
  return null;
}

export interface SessionProofClaim {
  readonly publicKey: string;
  readonly challenge: string;
  readonly deviceId: string;
  readonly signature: string;
}

/** Whether the signature is the device key's over sessionProof(challenge, deviceId). Never throws. */
export function verifySessionProof(claim: SessionProofClaim): boolean {
  const raw = base64ToBytes(claim.publicKey);
  const signature = base64ToBytes(claim.signature);
  if (!raw || !signature || signature.length !== 64 || isWeakPublicKey(raw)) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, sessionProof(claim.challenge, claim.deviceId), key, signature);
  } catch {
    return false;
  }
}

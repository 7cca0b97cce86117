// Device keys and the manifest's signature: Ed25519 through WebCrypto, which the page and Node share.
// What is signed is the canonical JSON of the manifest without its `signature` (docs/bundle-format.md).
import { canonicalJson, type Json } from '../sync/canonical-json';
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';
import type { Manifest, UnsignedManifest } from './manifest';

export const SIGNATURE_ALGORITHM = 'Ed25519';

/**
 * WebCrypto's key type, named through globalThis.crypto so that this file type-checks with the DOM's
 * declarations (the page) and with Node's (the host), which name the same class differently.
 */
export type SigningKey = Parameters<typeof globalThis.crypto.subtle.sign>[1];

export interface DeviceKeys {
  /** Stays inside WebCrypto: it can sign but its bytes cannot be read out (IndexedDB stores it as is). */
  privateKey: SigningKey;
  /** The raw 32-byte public key in base64, as it appears in a manifest's `source.publicKey`. */
  publicKey: string;
}

/** A new key pair for this device. The private key is not extractable; the public key always is. */
export async function generateDeviceKeys(): Promise<DeviceKeys> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: SIGNATURE_ALGORITHM }, false, [
    'sign',
    'verify',
  ]);
  // Ed25519 always makes a pair; Node's typings cannot tell that from the algorithm's name.
  if (!('privateKey' in pair)) throw new TypeError('Ed25519 key generation returned a single key');
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

export async function exportPublicKey(publicKey: SigningKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', publicKey)));
}

/**
 * A manifest as JSON: keys holding undefined are left out, as JSON.stringify leaves them out of the
 * file, so the signer and a reader of the file sign and check the same bytes.
 */
function toJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('a manifest holds only finite numbers');
    return value;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = toJson(field);
    return out;
  }
  throw new TypeError(`a manifest cannot hold a ${typeof value}`);
}

/** The bytes the signature covers: UTF-8 of the canonical JSON of the manifest without `signature`. */
export function signingPayload(unsigned: UnsignedManifest | Manifest): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...rest } = unsigned as Partial<Manifest>;
  return new TextEncoder().encode(canonicalJson(toJson(rest)));
}

export async function signManifest(unsigned: UnsignedManifest, privateKey: SigningKey): Promise<Manifest> {
  const signature = await globalThis.crypto.subtle.sign(
    SIGNATURE_ALGORITHM,
    privateKey,
    signingPayload(unsigned),
  );
  return {
    ...unsigned,
    signature: { algorithm: SIGNATURE_ALGORITHM, value: bytesToBase64(new Uint8Array(signature)) },
  };
}

// The encodings of the points of small order (ignoring the sign bit), as libsodium lists them. A key
// among them "verifies" signatures nobody made (the all-zero key accepts an all-zero signature on many
// messages), so such a key proves nothing and is refused outright.
export const SMALL_ORDER_POINTS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

export function isWeakPublicKey(raw: Uint8Array): boolean {
  if (raw.length !== 32) return true;
  const masked = Array.from(raw, (b, i) => (i === 31 ? b & 0x7f : b).toString(16).padStart(2, '0')).join('');
  return SMALL_ORDER_POINTS.includes(masked);
}

/**
 * Whether the manifest's signature was made by the key in its own `source.publicKey`. Which device
 * that key belongs to is a separate question (verifyBundle's `trust`). Never throws: anything
 * malformed is simply not a valid signature.
 */
export async function verifyManifestSignature(manifest: Manifest): Promise<boolean> {
  try {
    if (manifest.signature.algorithm !== SIGNATURE_ALGORITHM) return false;
    const raw = base64ToBytes(manifest.source.publicKey);
    const signature = base64ToBytes(manifest.signature.value);
    if (!raw || !signature || signature.length !== 64 || isWeakPublicKey(raw)) return false;
    const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: SIGNATURE_ALGORITHM }, false, [
      'verify',
    ]);
    return await globalThis.crypto.subtle.verify(
      SIGNATURE_ALGORITHM,
      key,
      signature,
      signingPayload(manifest),
    );
  } catch {
    return false;
  }
}

import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../sync/canonical-json';
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';
import type { UnsignedManifest } from './manifest';
import {
  generateDeviceKeys,
  isWeakPublicKey,
  signingPayload,
  signManifest,
  SMALL_ORDER_POINTS,
  verifyManifestSignature,
} from './signing';

const NODE = 'a1b2c3d4e5f60718';
const SHA = 'ab'.repeat(32);

function unsignedManifest(publicKey: string): UnsignedManifest {
  return {
    format: 'ducha-bundle',
    formatVersion: 1,
    createdAt: '2026-07-04T08:00:00.000Z',
    app: 'Ducha 0.1.0',
    source: { node: NODE, name: '督查一组-笔记本2', publicKey },
    team: { id: 't1', name: '督查一组' },
    kind: 'full',
    recipient: null,
    since: null,
    knowledge: {},
    clockRange: null,
    operations: { path: 'bundle/operations.ndjson', count: 0 },
    files: [
      { path: 'bundle/operations.ndjson', sha256: SHA, size: 0, role: 'operations', mimeType: undefined },
      { path: 'photos/p1/v1/a.jpg', sha256: SHA, size: 12, role: 'blob', mimeType: 'image/jpeg' },
    ],
  };
}

describe('device keys and the manifest signature', () => {
  it('makes a non-extractable private key and a 32-byte public key in base64', async () => {
    const keys = await generateDeviceKeys();
    expect(keys.privateKey.extractable).toBe(false);
    expect(keys.privateKey.algorithm.name).toBe('Ed25519');
    expect(keys.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(base64ToBytes(keys.publicKey)).toHaveLength(32);
    await expect(globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
  });

  it('signs the canonical JSON without the signature and without undefined fields', async () => {
    const keys = await generateDeviceKeys();
    const unsigned = unsignedManifest(keys.publicKey);
    const payload = new TextDecoder().decode(signingPayload(unsigned));
    expect(payload).toBe(canonicalJson(JSON.parse(JSON.stringify(unsigned)) as never));
    expect(payload).not.toContain('undefined');
    expect(payload.startsWith('{"app":"Ducha 0.1.0","clockRange":null,"createdAt":')).toBe(true);
    const signed = await signManifest(unsigned, keys.privateKey);
    expect(signed.signature.algorithm).toBe('Ed25519');
    expect(base64ToBytes(signed.signature.value)).toHaveLength(64);
    // The signed manifest's payload is the same: its signature is left out.
    expect(signingPayload(signed)).toEqual(signingPayload(unsigned));
    // As written to the file and read back.
    expect(await verifyManifestSignature(JSON.parse(JSON.stringify(signed)) as typeof signed)).toBe(true);
  });

  it('refuses any change, another key, and garbage, without throwing', async () => {
    const keys = await generateDeviceKeys();
    const other = await generateDeviceKeys();
    const signed = await signManifest(unsignedManifest(keys.publicKey), keys.privateKey);
    expect(await verifyManifestSignature(signed)).toBe(true);
    expect(await verifyManifestSignature({ ...signed, app: 'Ducha 0.1.1' })).toBe(false);
    expect(
      await verifyManifestSignature({ ...signed, source: { ...signed.source, publicKey: other.publicKey } }),
    ).toBe(false);
    const byOther = await signManifest(unsignedManifest(keys.publicKey), other.privateKey);
    expect(await verifyManifestSignature(byOther)).toBe(false);
    const garbage = { ...signed, signature: { algorithm: 'Ed25519' as const, value: 'A'.repeat(86) + '==' } };
    expect(await verifyManifestSignature(garbage)).toBe(false);
    const badKey = { ...signed, source: { ...signed.source, publicKey: '!'.repeat(43) + '=' } };
    expect(await verifyManifestSignature(badKey)).toBe(false);
  });

  it('refuses small-order public keys, which "verify" signatures nobody made', async () => {
    const zeroKey = bytesToBase64(new Uint8Array(32));
    const forged = {
      ...unsignedManifest(zeroKey),
      signature: { algorithm: 'Ed25519' as const, value: bytesToBase64(new Uint8Array(64)) },
    };
    expect(await verifyManifestSignature(forged)).toBe(false);
    expect(isWeakPublicKey(new Uint8Array(32))).toBe(true);
    const identityWithSignBit = new Uint8Array(32);
    identityWithSignBit[0] = 1;
    identityWithSignBit[31] = 0x80;
    expect(isWeakPublicKey(identityWithSignBit)).toBe(true);
    expect(isWeakPublicKey(base64ToBytes((await generateDeviceKeys()).publicKey)!)).toBe(false);
  });

  it('refuses every one of the 14 small-order encodings (7 points, either sign bit), whatever the signature', async () => {
    const signatures = [
      new Uint8Array(64),
      Uint8Array.from({ length: 64 }, (_, i) => (i < 32 ? 0 : i === 32 ? 1 : 0)),
    ];
    for (const point of SMALL_ORDER_POINTS) {
      for (const signBit of [0, 0x80]) {
        const raw = Uint8Array.from(point.match(/../g) ?? [], (pair) => parseInt(pair, 16));
        raw[31] = (raw[31] ?? 0) | signBit;
        expect(isWeakPublicKey(raw)).toBe(true);
        for (const signature of signatures) {
          const manifest = {
            ...unsignedManifest(bytesToBase64(raw)),
            signature: { algorithm: 'Ed25519' as const, value: bytesToBase64(signature) },
          };
          expect(await verifyManifestSignature(manifest)).toBe(false);
        }
      }
    }
  });
});

describe('the worked example of docs/bundle-format.md', () => {
  // RFC 8032 §7.1 test 1: a published secret key, so anyone can reproduce the example's signature
  // (Ed25519 signatures are deterministic). Never a real device's key.
  const RFC8032_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
  const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';
  const hexBytes = (hex: string): Uint8Array<ArrayBuffer> =>
    Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  const PUBLIC_KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
  const EXAMPLE: UnsignedManifest = {
    format: 'ducha-bundle',
    formatVersion: 1,
    createdAt: '2026-07-04T08:00:05.000Z',
    app: 'Ducha 0.1.0',
    source: { node: NODE, name: '督查一组-笔记本2', publicKey: PUBLIC_KEY },
    team: { id: 'team-1', name: '市委督查一组' },
    kind: 'full',
    recipient: null,
    since: null,
    knowledge: { [NODE]: `001783152000000-000001-${NODE}` },
    clockRange: { from: `001783152000000-000000-${NODE}`, to: `001783152000000-000001-${NODE}` },
    operations: { path: 'bundle/operations.ndjson', count: 2 },
    files: [
      {
        path: 'bundle/operations.ndjson',
        sha256: 'd5718d3ccb1141ce1b3a6a0864093223601d4d63beeadf2a8653ae261589a65d',
        size: 364,
        role: 'operations',
      },
      {
        path: 'index.html',
        sha256: 'a15930f908453940bfe3c96fe51d722580af576bf482d71c7157ed89f808cdc5',
        size: 59,
        role: 'page',
      },
    ],
  };
  const PAYLOAD =
    '{"app":"Ducha 0.1.0","clockRange":{"from":"001783152000000-000000-a1b2c3d4e5f60718","to":"001783152000000-000001-a1b2c3d4e5f60718"},"createdAt":"2026-07-04T08:00:05.000Z","files":[{"path":"bundle/operations.ndjson","role":"operations","sha256":"d5718d3ccb1141ce1b3a6a0864093223601d4d63beeadf2a8653ae261589a65d","size":364},{"path":"index.html","role":"page","sha256":"a15930f908453940bfe3c96fe51d722580af576bf482d71c7157ed89f808cdc5","size":59}],"format":"ducha-bundle","formatVersion":1,"kind":"full","knowledge":{"a1b2c3d4e5f60718":"001783152000000-000001-a1b2c3d4e5f60718"},"operations":{"count":2,"path":"bundle/operations.ndjson"},"recipient":null,"since":null,"source":{"name":"督查一组-笔记本2","node":"a1b2c3d4e5f60718","publicKey":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="},"team":{"id":"team-1","name":"市委督查一组"}}';
  const SIGNATURE =
    'dsT5jDOZ6cN8XaT3fgNFocKDyWFWKPd3xS1wzsOGG+WoIQCtWXM6UbBj79cQR0vmS0f2W222ga9R8ClTxRrgBQ==';

  it('signs exactly the canonical bytes shown, giving the signature shown', async () => {
    const payload = signingPayload(EXAMPLE);
    expect(new TextDecoder().decode(payload)).toBe(PAYLOAD);
    expect(payload).toHaveLength(846);
    const secret = hexBytes(PKCS8_ED25519_PREFIX + RFC8032_SECRET);
    const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', secret, { name: 'Ed25519' }, false, [
      'sign',
    ]);
    const signed = await signManifest(EXAMPLE, privateKey);
    expect(signed.signature.value).toBe(SIGNATURE);
    expect(await verifyManifestSignature(signed)).toBe(true);
  });
});

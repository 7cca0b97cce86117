// This laptop's identity in hand-overs: its node id (the clock's), a name people recognise, and an
// Ed25519 key pair made on first use. The private key is a non-extractable CryptoKey kept in
// IndexedDB: the page can sign with it, nothing can read it out.
import { generateDeviceKeys, type SigningKey } from '../../../../shared/bundle/signing';
import type { DuchaDatabase } from '../../database';
import { ensureDevice } from '../../device-clock';

const KEYS = 'deviceKeys';
const NAME = 'deviceName';

interface StoredKeys {
  publicKey: string;
  privateKey: SigningKey;
}

export interface DeviceIdentity {
  readonly node: string;
  readonly name: string;
  readonly publicKey: string;
  readonly privateKey: SigningKey;
}

export const defaultDeviceName = (node: string): string => `Ducha-${node.slice(0, 6)}`;

/** The identity, making the keys the first time (outside a transaction: key generation is async work). */
export async function deviceIdentity(db: DuchaDatabase): Promise<DeviceIdentity> {
  const node = await ensureDevice(db);
  let keys = (await db.meta.get(KEYS))?.value as StoredKeys | undefined;
  if (!keys) {
    const made = await generateDeviceKeys();
    // Two windows may race here: the first key written wins and both use it.
    keys = await db.transaction('rw', db.meta, async () => {
      const existing = (await db.meta.get(KEYS))?.value as StoredKeys | undefined;
      if (existing) return existing;
      const fresh = { publicKey: made.publicKey, privateKey: made.privateKey };
      await db.meta.put({ key: KEYS, value: fresh });
      return fresh;
    });
  }
  return { node, name: await deviceName(db, node), publicKey: keys.publicKey, privateKey: keys.privateKey };
}

async function deviceName(db: DuchaDatabase, node: string): Promise<string> {
  const stored = (await db.meta.get(NAME))?.value;
  return typeof stored === 'string' && stored.trim() !== '' ? stored : defaultDeviceName(node);
}

/** Read-only, for live queries: the name and public key, or null before the keys exist. */
export async function devicePublicFace(
  db: DuchaDatabase,
): Promise<{ node: string; name: string; publicKey: string | null } | null> {
  const device = (await db.meta.get('device'))?.value as { nodeId: string } | undefined;
  if (!device) return null;
  const keys = (await db.meta.get(KEYS))?.value as StoredKeys | undefined;
  return {
    node: device.nodeId,
    name: await deviceName(db, device.nodeId),
    publicKey: keys?.publicKey ?? null,
  };
}

export const MAX_DEVICE_NAME_LENGTH = 100;

export async function setDeviceName(db: DuchaDatabase, name: string): Promise<void> {
  await db.meta.put({ key: NAME, value: name.trim().slice(0, MAX_DEVICE_NAME_LENGTH) });
}

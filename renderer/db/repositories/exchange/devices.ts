// The other laptops: first seen in a bundle, trusted when the user says so, and what each is known
// to hold. Knowledge comes only from their own manifests, never from what we sent them: a bundle that
// never arrived must not make a later incremental export leave its changes out.
import { mergeKnowledge } from '../../../../shared/bundle/knowledge';
import type { Knowledge, Manifest } from '../../../../shared/bundle/manifest';
import type { DeviceRow, DuchaDatabase } from '../../database';

export const knownDevices = (db: DuchaDatabase): Promise<DeviceRow[]> => db.devices.toArray();

/** The trusted key of a device, for verifying its bundles; null when it is unknown or untrusted. */
export async function trustedKeysOf(db: DuchaDatabase): Promise<Map<string, string>> {
  const devices = await db.devices.toArray();
  return new Map(devices.filter((d) => d.trusted).map((d) => [d.node, d.publicKey]));
}

/** Inside the import's transaction: remember the source, its key if now trusted, and what it holds. */
export async function recordSource(
  db: DuchaDatabase,
  manifest: Manifest,
  options: { trust: boolean; at: string },
): Promise<void> {
  const { source } = manifest;
  const existing = await db.devices.get(source.node);
  const sameKey = existing?.publicKey === source.publicKey;
  const knowledge: Knowledge = mergeKnowledge(sameKey ? (existing?.knowledge ?? {}) : {}, manifest.knowledge);
  await db.devices.put({
    node: source.node,
    name: source.name,
    publicKey: source.publicKey,
    trusted: options.trust || (sameKey && existing?.trusted === true),
    firstSeenAt: sameKey && existing ? existing.firstSeenAt : options.at,
    knowledge,
    lastImportAt: options.at,
  });
}

// The manifest of an export: who made it, for whom, what the recipient will know afterwards, and every
// file as written — signed with this laptop's key over its canonical JSON.
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type Knowledge,
  type ManifestFile,
  OPERATIONS_PATH,
  type UnsignedManifest,
} from '../../../../shared/bundle/manifest';
import { signManifest } from '../../../../shared/bundle/signing';
import type { Operation } from '../../../../shared/sync/operation';
import type { DeviceIdentity } from '../../../db';

export interface ManifestFacts {
  readonly identity: DeviceIdentity;
  readonly appVersion: string;
  readonly team: { id: string; name: string } | null;
  readonly recipient: { node: string; name: string } | null;
  readonly since: Knowledge | null;
  readonly knowledge: Knowledge;
  readonly operations: readonly Operation[];
  readonly createdAt: string;
}

function clockRange(operations: readonly Operation[]): UnsignedManifest['clockRange'] {
  if (operations.length === 0) return null;
  let from = operations[0]?.hlc ?? '';
  let to = from;
  for (const op of operations) {
    if (op.hlc < from) from = op.hlc;
    if (op.hlc > to) to = op.hlc;
  }
  return { from, to };
}

export async function manifestText(facts: ManifestFacts, files: ManifestFile[]): Promise<string> {
  const unsigned: UnsignedManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: facts.createdAt,
    app: `Ducha ${facts.appVersion}`,
    source: { node: facts.identity.node, name: facts.identity.name, publicKey: facts.identity.publicKey },
    team: facts.team,
    kind: facts.since ? 'incremental' : 'full',
    recipient: facts.recipient,
    since: facts.since,
    knowledge: facts.knowledge,
    clockRange: clockRange(facts.operations),
    operations: { path: OPERATIONS_PATH, count: facts.operations.length },
    files,
  };
  const manifest = await signManifest(unsigned, facts.identity.privateKey);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

// The reader's check of an export folder, from the host's scan: is it a bundle of a version we read,
// signed by the key it names, with every listed file present bit for bit, nothing unsafe, and clocks
// we can accept? Nothing of the folder is applied before this says ok. It never throws.
import { z } from 'zod';
import type { ImportScannedSchema, ScannedFile } from '../contract/exchange-channels';
import { sha256Hex } from '../crypto/sha256';
import { decodeHlc, MAX_DRIFT_MS } from '../sync/hlc';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  ManifestFileSchema,
  ManifestHeadSchema,
  ManifestSchema,
  MANIFEST_PATH,
  MAX_BUNDLE_FILES,
  MAX_MANIFEST_BYTES,
  type Manifest,
} from './manifest';
import { bundlePathProblem } from './paths';
import { verifyManifestSignature } from './signing';
import { utf8ByteLength } from './utf8-length';

/** The most the listed files may add up to: a 64 GiB stick's worth, far beyond any team's photos. */
export const MAX_BUNDLE_TOTAL_BYTES = 64 * 1024 * 1024 * 1024;

/** In the order the checks run. The page names each in the user's language. */
export const BUNDLE_PROBLEM_CODES = [
  'tooLarge',
  'notJson',
  'notABundle',
  'futureVersion',
  'unsigned',
  'malformedManifest',
  'badSignature',
  'unsafePath',
  'link',
  'missingFile',
  'sizeMismatch',
  'hashMismatch',
  'duplicatePath',
  'operationsMissing',
  'clockAhead',
] as const;
export type BundleProblemCode = (typeof BUNDLE_PROBLEM_CODES)[number];

export type BundleProblem =
  /** The manifest text, or the files it lists taken together, beyond the limit. */
  | { code: 'tooLarge'; what: 'manifest' | 'files'; limit: number; actual: number }
  | { code: 'notJson'; detail: string }
  /** JSON, but not a Ducha bundle's manifest (no or another `format`). */
  | { code: 'notABundle' }
  /** Made by a newer Ducha: this version cannot read it and says so rather than guessing. */
  | { code: 'futureVersion'; version: number }
  | { code: 'unsigned' }
  | { code: 'malformedManifest'; issues: string }
  /** The signature does not match the manifest and the key it names: altered after signing. */
  | { code: 'badSignature' }
  | { code: 'unsafePath'; path: string; reason: string }
  /** A link or device file in the folder (the host refuses to follow either). */
  | { code: 'link'; path: string; kind: 'link' | 'special' }
  | { code: 'missingFile'; path: string }
  | { code: 'sizeMismatch'; path: string; expected: number; actual: number }
  | { code: 'hashMismatch'; path: string }
  /** Two entries for one file (names equal once Unicode-normalized and case-folded, as on FAT32). */
  | { code: 'duplicatePath'; path: string }
  | { code: 'operationsMissing'; path: string }
  /** A clock more than MAX_DRIFT_MS ahead of this laptop's: the source's clock, or ours, is wrong. */
  | { code: 'clockAhead'; clock: string; aheadMs: number };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _codesMatchUnion: Same<BundleProblem['code'], BundleProblemCode> = true;

/** How the key that signed compares with the one this laptop has on record for the source device. */
export type BundleTrust = 'known' | 'unknown' | 'keyChanged';

export type BundleCheck =
  | {
      ok: true;
      manifest: Manifest;
      /** 'keyChanged': the device is known under another key. The page must refuse or ask. */
      trust: BundleTrust;
      /** Files in the folder the manifest does not list (dropped in later): never read. */
      unlisted: string[];
      /** SHA-256 of the manifest's UTF-8 bytes: the bundle's identity in an import receipt. */
      manifestSha256: string;
    }
  | { ok: false; problem: BundleProblem };

type RefusedEntry = z.infer<typeof ImportScannedSchema>['refused'][number];

export interface BundleInput {
  /** bundle/manifest.json as text. */
  manifestText: string;
  /** Every regular file of the folder, as the host listed and hashed it. */
  files: readonly ScannedFile[];
  /** What the host would not list: links, devices, unsafe names. */
  refused: readonly RefusedEntry[];
  /** This laptop's clock, ms since the epoch. */
  now: number;
  /** The public key on record for a device node (base64 raw), or null for a device never seen. */
  trustedKeyOf: (node: string) => string | null;
}

// The schema without the path rule, so that a signed manifest with an unsafe path is named as such
// once its signature is checked, rather than as merely malformed. The paths are checked right after.
const ManifestShapeSchema = ManifestSchema.extend({
  operations: ManifestSchema.shape.operations.extend({ path: z.string() }),
  files: z.array(ManifestFileSchema.extend({ path: z.string() })).max(MAX_BUNDLE_FILES),
});

const fail = (problem: BundleProblem): BundleCheck => ({ ok: false, problem });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function issuesText(error: z.ZodError): string {
  const lines = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(manifest)'}: ${issue.message}`);
  if (error.issues.length > 5) lines.push(`and ${error.issues.length - 5} more`);
  return lines.join('; ').slice(0, 2000);
}

/** Names two paths the same when a FAT32 or exFAT stick, or macOS, would hold them as one file. */
const pathIdentity = (path: string): string => path.normalize('NFC').toLowerCase();

/** Checks the head of the manifest: a Ducha bundle, of a version this app reads. */
function checkHead(value: unknown): BundleProblem | null {
  if (!isRecord(value) || value.format !== BUNDLE_FORMAT) return { code: 'notABundle' };
  const version = value.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION) {
    return { code: 'futureVersion', version };
  }
  const head = ManifestHeadSchema.safeParse(value);
  if (!head.success) return { code: 'malformedManifest', issues: issuesText(head.error) };
  return null;
}

/** Checks what the schema cannot: totals and the fields that must agree with each other. */
function checkConsistency(manifest: Manifest): BundleProblem | null {
  const total = manifest.files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_BUNDLE_TOTAL_BYTES) {
    return { code: 'tooLarge', what: 'files', limit: MAX_BUNDLE_TOTAL_BYTES, actual: total };
  }
  const range = manifest.clockRange;
  if ((range === null) !== (manifest.operations.count === 0)) {
    return {
      code: 'malformedManifest',
      issues: 'clockRange: must be null exactly when there are no operations',
    };
  }
  if (range && range.from > range.to) {
    return { code: 'malformedManifest', issues: 'clockRange: from is after to' };
  }
  if (manifest.kind === 'incremental' && (manifest.since === null || manifest.recipient === null)) {
    return { code: 'malformedManifest', issues: 'since, recipient: an incremental bundle names both' };
  }
  if (manifest.files.some((file) => file.path === MANIFEST_PATH)) {
    return { code: 'malformedManifest', issues: 'files: the manifest lists itself' };
  }
  if (manifest.kind === 'full' && manifest.since !== null) {
    return { code: 'malformedManifest', issues: 'since: a full bundle holds everything, since is null' };
  }
  return null;
}

function checkPaths(manifest: Manifest, refused: readonly RefusedEntry[]): BundleProblem | null {
  for (const path of [manifest.operations.path, ...manifest.files.map((file) => file.path)]) {
    const reason = bundlePathProblem(path);
    if (reason) return { code: 'unsafePath', path, reason };
  }
  const entry = refused[0];
  if (entry?.reason === 'unsafeName') {
    return { code: 'unsafePath', path: entry.path, reason: 'an unsafe name' };
  }
  if (entry) return { code: 'link', path: entry.path, kind: entry.reason };
  return null;
}

/** Matches each listed file with the scanned one; returns the problem, or the scanned files not listed. */
function checkFiles(manifest: Manifest, scanned: readonly ScannedFile[]): BundleProblem | string[] {
  const exact = new Map(scanned.map((file) => [file.path, file]));
  const normalized = new Map(scanned.map((file) => [file.path.normalize('NFC'), file]));
  const matched = new Set<ScannedFile>();
  for (const listed of manifest.files) {
    const found = exact.get(listed.path) ?? normalized.get(listed.path.normalize('NFC'));
    if (!found) return { code: 'missingFile', path: listed.path };
    if (found.size !== listed.size) {
      return { code: 'sizeMismatch', path: listed.path, expected: listed.size, actual: found.size };
    }
    if (found.sha256 !== listed.sha256) return { code: 'hashMismatch', path: listed.path };
    matched.add(found);
  }
  const seen = new Set<string>();
  for (const listed of manifest.files) {
    const identity = pathIdentity(listed.path);
    if (seen.has(identity)) return { code: 'duplicatePath', path: listed.path };
    seen.add(identity);
  }
  return scanned.filter((file) => !matched.has(file) && file.path !== MANIFEST_PATH).map((file) => file.path);
}

function checkClocks(manifest: Manifest, now: number): BundleProblem | null {
  const clocks = [
    ...(manifest.clockRange ? [manifest.clockRange.to] : []),
    ...Object.values(manifest.knowledge),
  ];
  for (const clock of clocks) {
    const aheadMs = decodeHlc(clock).wall - now;
    if (aheadMs > MAX_DRIFT_MS) return { code: 'clockAhead', clock, aheadMs };
  }
  return null;
}

function trustOf(manifest: Manifest, trustedKeyOf: (node: string) => string | null): BundleTrust {
  const known = trustedKeyOf(manifest.source.node);
  if (known === null) return 'unknown';
  return known === manifest.source.publicKey ? 'known' : 'keyChanged';
}

async function check(input: BundleInput): Promise<BundleCheck> {
  const text = input.manifestText;
  if (
    text.length > MAX_MANIFEST_BYTES ||
    (text.length * 3 > MAX_MANIFEST_BYTES && utf8ByteLength(text) > MAX_MANIFEST_BYTES)
  ) {
    return fail({
      code: 'tooLarge',
      what: 'manifest',
      limit: MAX_MANIFEST_BYTES,
      actual: utf8ByteLength(text),
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail({
      code: 'notJson',
      detail: error instanceof Error ? error.message.slice(0, 200) : 'not JSON',
    });
  }
  const headProblem = checkHead(value);
  if (headProblem) return fail(headProblem);
  if (!isRecord(value) || value.signature === undefined || value.signature === null) {
    return fail({ code: 'unsigned' });
  }

  const shaped = ManifestShapeSchema.safeParse(value);
  if (!shaped.success) return fail({ code: 'malformedManifest', issues: issuesText(shaped.error) });
  const consistencyProblem = checkConsistency(shaped.data);
  if (consistencyProblem) return fail(consistencyProblem);
  // What is verified is the parsed manifest, the very object the import goes on to use.
  if (!(await verifyManifestSignature(shaped.data))) return fail({ code: 'badSignature' });

  const pathProblem = checkPaths(shaped.data, input.refused);
  if (pathProblem) return fail(pathProblem);
  const full = ManifestSchema.safeParse(shaped.data);
  if (!full.success) return fail({ code: 'malformedManifest', issues: issuesText(full.error) });
  const manifest = full.data;

  const unlisted = checkFiles(manifest, input.files);
  if (!Array.isArray(unlisted)) return fail(unlisted);
  const operationsEntry = manifest.files.find(
    (file) => file.path === manifest.operations.path && file.role === 'operations',
  );
  if (!operationsEntry) return fail({ code: 'operationsMissing', path: manifest.operations.path });
  const clockProblem = checkClocks(manifest, input.now);
  if (clockProblem) return fail(clockProblem);

  return {
    ok: true,
    manifest,
    trust: trustOf(manifest, input.trustedKeyOf),
    unlisted,
    manifestSha256: await sha256Hex(new TextEncoder().encode(text)),
  };
}

/** Checks an export folder as the host scanned it, in the order of docs/bundle-format.md. */
export async function verifyBundle(input: BundleInput): Promise<BundleCheck> {
  try {
    return await check(input);
  } catch (error) {
    // Every step above answers rather than throws; this is the guard for what was not foreseen.
    return fail({
      code: 'malformedManifest',
      issues: `unexpected: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

// The reader's check of an export folder, from the host's scan: is it a bundle of a version we read,
// signed by the key it names, with every listed file present bit for bit, nothing unsafe, and clocks
// we can accept? Nothing of the folder is applied before this says ok. It never throws.
import { z } from 'zod';
import type { ImportScannedSchema, ScannedFile } from '../contract/exchange-channels';
import { sha256Hex } from '../crypto/sha256';
import { compareHlc, decodeHlc, MAX_DRIFT_MS } from '../sync/hlc';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  ManifestFileSchema,
  ManifestHeadSchema,
  ManifestSchema,
  MANIFEST_PATH,
  MAX_BUNDLE_FILES,
  MAX_MANIFEST_BYTES,
  type Knowledge,
  type Manifest,
} from './manifest';
import { bundlePathProblem } from './paths';
import { verifyManifestSignature } from './signing';
import { parseStrictJson } from './strict-json';
import { utf8ByteLength } from './utf8-length';

/**
 * How deep a manifest may nest, its own object being 1. Its deepest part, a file entry, is at 3; the
 * limit keeps every recursive step after parsing (zod, canonical JSON, the signature) safe.
 */
export const MAX_MANIFEST_DEPTH = 8;

/** The most the listed files may add up to: a 64 GiB stick's worth, far beyond any team's photos. */
export const MAX_BUNDLE_TOTAL_BYTES = 64 * 1024 * 1024 * 1024;

/** In the order the checks run. The page names each in the user's language. */
export const BUNDLE_PROBLEM_CODES = [
  'tooLarge',
  'notJson',
  'repeatedKey',
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
  'incrementalGap',
] as const;
export type BundleProblemCode = (typeof BUNDLE_PROBLEM_CODES)[number];

export type BundleProblem =
  /** The manifest text, or the files it lists taken together, beyond the limit. */
  | { code: 'tooLarge'; what: 'manifest' | 'files'; limit: number; actual: number }
  | { code: 'notJson'; detail: string }
  /**
   * An object of the manifest names a key twice (§2 forbids it: readers would disagree on which
   * value counts). `field` is the object's place ('' for the top level, 'source', 'files.3'…).
   */
  | { code: 'repeatedKey'; field: string; key: string }
  /** JSON, but not a Ducha bundle's manifest (no or another `format`). */
  | { code: 'notABundle' }
  /** Made by a newer Ducha: this version cannot read it and says so rather than guessing. */
  | { code: 'futureVersion'; version: number }
  | { code: 'unsigned' }
  /**
   * The manifest breaks §2 or §3: `field` names the place ('source.publicKey', 'files.3.sha256', ''
   * for the whole), `rule` what is wrong with it, `detail` the same in English for support.
   */
  | { code: 'malformedManifest'; field: string; rule: ManifestRule; detail: string }
  /** The signature does not match the manifest and the key it names: altered after signing. */
  | { code: 'badSignature' }
  | { code: 'unsafePath'; path: string; reason: string }
  /** A link or device file in the folder (the host refuses to follow either). */
  | { code: 'link'; path: string; kind: NotARegularFile }
  | { code: 'missingFile'; path: string }
  | { code: 'sizeMismatch'; path: string; expected: number; actual: number }
  | { code: 'hashMismatch'; path: string }
  /** Two entries for one file (names equal once Unicode-normalized and case-folded, as on FAT32). */
  | { code: 'duplicatePath'; path: string }
  | { code: 'operationsMissing'; path: string }
  /** A clock more than MAX_DRIFT_MS ahead of this laptop's: the source's clock, or ours, is wrong. */
  | { code: 'clockAhead'; clock: string; aheadMs: number }
  /**
   * An incremental bundle whose `since` this laptop does not cover (§7): it was made for another
   * laptop (`forThisLaptop` false), or this laptop holds less than the source believed (restored
   * from a backup). Applying it would leave gaps; the person should ask for a full bundle.
   */
  | {
      code: 'incrementalGap';
      recipient: { node: string; name: string };
      forThisLaptop: boolean;
      /** The first device node of `since` this laptop lacks changes of, with both clocks. */
      node: string;
      needed: string;
      held: string | null;
    };

/** What is wrong with a manifest's field (malformedManifest). */
export const MANIFEST_RULES = [
  'missing', // a required field is absent
  'unknownField', // a field §2 does not list (objects are closed)
  'wrongType', // e.g. a string where a number belongs
  'badFormat', // the right type in the wrong form: not a clock, not a SHA-256, not base64…
  'outOfRange', // a number or length beyond its limits
  'tooDeep', // nested deeper than any manifest can be
  'inconsistent', // fields that must agree do not (§3)
] as const;
export type ManifestRule = (typeof MANIFEST_RULES)[number];

/** What the host found in place of a regular file (a reader never follows or opens these). */
export type NotARegularFile = 'link' | 'fifo' | 'socket' | 'device' | 'special';

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
  /** What this laptop holds (its knowledge): an incremental bundle's `since` must be within it. */
  held: Knowledge;
  /** This laptop's device node, to tell a bundle made for another laptop from one made for it. */
  self: { node: string };
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

type Issue = z.ZodError['issues'][number];

/** Whether the place an issue names is absent from the parsed manifest (a missing field). */
function isAbsent(value: unknown, path: readonly PropertyKey[]): boolean {
  let here: unknown = value;
  for (const [index, key] of path.entries()) {
    if (typeof here !== 'object' || here === null || typeof key === 'symbol') return false;
    const holder = here as Record<string | number, unknown>;
    if (!Object.hasOwn(holder, key)) return index === path.length - 1;
    here = holder[key];
  }
  return false;
}

/** zod's issue as one of MANIFEST_RULES. */
function ruleOf(issue: Issue, value: unknown): ManifestRule {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'unknownField';
    case 'invalid_type':
      return isAbsent(value, issue.path) ? 'missing' : 'wrongType';
    case 'too_big':
    case 'too_small':
      return 'outOfRange';
    case 'invalid_format':
    case 'invalid_value':
    case 'invalid_key':
    case 'invalid_union':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      // A regex or an instant, an enum or a literal, a knowledge's node id, a clock, a path: the
      // right type in the wrong form.
      return 'badFormat';
  }
}

const RULE_WORDS: Record<ManifestRule, string> = {
  missing: 'required and missing',
  unknownField: 'not a field of the manifest',
  wrongType: 'of the wrong type',
  badFormat: 'of the wrong form',
  outOfRange: 'out of range',
  tooDeep: 'nested too deep',
  inconsistent: 'inconsistent',
};

/** The first of zod's issues as a named field and rule, with an English detail for support. */
function malformed(error: z.ZodError, value: unknown): BundleProblem {
  const issue = error.issues[0];
  if (!issue) return { code: 'malformedManifest', field: '', rule: 'badFormat', detail: 'invalid' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const field = path.join('.');
  const rule = ruleOf(issue, value);
  return {
    code: 'malformedManifest',
    field,
    rule,
    detail: `${field || 'the manifest'}: ${RULE_WORDS[rule]} (${issue.message})`,
  };
}

const inconsistent = (field: string, detail: string): BundleProblem => ({
  code: 'malformedManifest',
  field,
  rule: 'inconsistent',
  detail,
});

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
  if (!head.success) return malformed(head.error, value);
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
    return inconsistent('clockRange', 'clockRange: must be null exactly when there are no operations');
  }
  if (range && range.from > range.to) {
    return inconsistent('clockRange', 'clockRange: from is after to');
  }
  if (manifest.kind === 'incremental' && (manifest.since === null || manifest.recipient === null)) {
    return inconsistent('since', 'since, recipient: an incremental bundle names both');
  }
  if (manifest.files.some((file) => file.path === MANIFEST_PATH)) {
    return inconsistent('files', 'files: the manifest lists itself');
  }
  if (manifest.kind === 'full' && manifest.since !== null) {
    return inconsistent('since', 'since: a full bundle holds everything, since is null');
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

/**
 * An incremental bundle carries only what its recipient lacked beyond `since` (§7): if this laptop
 * holds less than `since` for some node, applying it would leave gaps. Nodes are taken in ascending
 * order, so every reader names the same one whatever the key order of the file.
 */
function checkGap(manifest: Manifest, held: Knowledge, self: { node: string }): BundleProblem | null {
  const { since, recipient } = manifest;
  if (manifest.kind !== 'incremental' || !since || !recipient) return null;
  for (const node of Object.keys(since).sort()) {
    const needed = since[node] as string;
    const mine = Object.hasOwn(held, node) ? held[node] : undefined;
    if (mine === undefined || compareHlc(mine, needed) < 0) {
      return {
        code: 'incrementalGap',
        recipient,
        forThisLaptop: recipient.node === self.node,
        node,
        needed,
        held: mine ?? null,
      };
    }
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
  const parsed = parseStrictJson(text, MAX_MANIFEST_DEPTH);
  if (!parsed.ok) {
    if (parsed.problem === 'notJson') return fail({ code: 'notJson', detail: parsed.detail.slice(0, 200) });
    if (parsed.problem === 'tooDeep') {
      return fail({
        code: 'malformedManifest',
        field: parsed.place,
        rule: 'tooDeep',
        detail: `${parsed.place || 'the manifest'}: nested deeper than ${parsed.limit}`,
      });
    }
    return fail({ code: 'repeatedKey', field: parsed.place, key: parsed.key });
  }
  const value = parsed.value;
  const headProblem = checkHead(value);
  if (headProblem) return fail(headProblem);
  if (!isRecord(value) || value.signature === undefined || value.signature === null) {
    return fail({ code: 'unsigned' });
  }

  const shaped = ManifestShapeSchema.safeParse(value);
  if (!shaped.success) return fail(malformed(shaped.error, value));
  const consistencyProblem = checkConsistency(shaped.data);
  if (consistencyProblem) return fail(consistencyProblem);
  // What is verified is the parsed manifest, the very object the import goes on to use.
  if (!(await verifyManifestSignature(shaped.data))) return fail({ code: 'badSignature' });

  const pathProblem = checkPaths(shaped.data, input.refused);
  if (pathProblem) return fail(pathProblem);
  const full = ManifestSchema.safeParse(shaped.data);
  if (!full.success) return fail(malformed(full.error, shaped.data));
  const manifest = full.data;

  const unlisted = checkFiles(manifest, input.files);
  if (!Array.isArray(unlisted)) return fail(unlisted);
  const operationsEntry = manifest.files.find(
    (file) => file.path === manifest.operations.path && file.role === 'operations',
  );
  if (!operationsEntry) return fail({ code: 'operationsMissing', path: manifest.operations.path });
  const clockProblem = checkClocks(manifest, input.now);
  if (clockProblem) return fail(clockProblem);
  const gapProblem = checkGap(manifest, input.held, input.self);
  if (gapProblem) return fail(gapProblem);

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
      field: '',
      rule: 'badFormat',
      detail: `unexpected: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

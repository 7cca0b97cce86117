// Fuzz of the bundle reader: thousands of mutated hand-over folders, each held to the format's one
// invariant. verifyBundle never throws; it refuses with a known code, or it accepts a manifest that the
// owner of the key it names really signed, with every listed file present bit for bit. Reproducible:
// BUNDLE_FUZZ_SEED and BUNDLE_FUZZ_RUNS choose the run; the seed and the counts are printed.
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_PROBLEM_CODES,
  decodeOperations,
  encodeOperations,
  generateDeviceKeys,
  knowledgeOfOperations,
  MAX_BUNDLE_FILE_BYTES,
  MAX_MANIFEST_BYTES,
  MAX_MANIFEST_DEPTH,
  MAX_OPERATION_DEPTH,
  OPERATIONS_PATH,
  signingPayload,
  signManifest,
  verifyBundle,
  type BundleInput,
  type BundleProblemCode,
  OPERATIONS_PROBLEMS,
  type OperationsProblem,
  type DeviceKeys,
  type Knowledge,
  type Manifest,
  type UnsignedManifest,
} from '../../shared/bundle';
import { bytesToBase64 } from '../../shared/crypto/base64';
import { sha256Hex } from '../../shared/crypto/sha256';
import { encodeHlc } from '../../shared/sync/hlc';
import type { Operation } from '../../shared/sync/operation';

const SEED = Number(process.env.BUNDLE_FUZZ_SEED ?? 20260704);
const RUNS = Number(process.env.BUNDLE_FUZZ_RUNS ?? 2000);

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(256));
  }
}

// ---- the valid bundle every mutation starts from ----

const NODE = 'a1b2c3d4e5f60718';
const PEER = '0123456789abcdef';
const WALL = Date.parse('2026-07-04T08:00:00.000Z');
const NOW = WALL + 3_600_000;
const DAY = 86_400_000;
const at = (ms: number, counter = 0, node = NODE): string => encodeHlc({ wall: WALL + ms, counter, node });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const PHOTOS = ['photos/p1/v1/进水口.jpg', 'photos/p1/v1/after.jpg', 'photos/p2/v7/landfill.jpg'];

const OPS: Operation[] = [
  { table: 'projects', rowId: 'p1', field: 'name', value: '思茅区污水处理厂', hlc: at(0), node: NODE },
  { table: 'projects', rowId: 'p1', field: 'notes', value: '思茅区', hlc: at(0), node: NODE },
  { table: 'visits', rowId: 'v1', field: 'projectId', value: 'p1', hlc: at(1000), node: NODE },
  { table: 'issues', rowId: 'i1', field: 'status', value: 'issued', hlc: at(500, 0, PEER), node: PEER },
  { table: 'issues', rowId: 'i2', field: '_deleted', value: true, hlc: at(2000), node: NODE },
  {
    table: 'projects',
    rowId: 'p1',
    field: 'scale',
    value: {
      areaM2: 12000.5,
      completedAreaM2: null,
      households: null,
      capacity: { value: 0.85, unit: '万吨/日' },
      landMu: 35,
      description: '',
    },
    hlc: at(2000, 1),
    node: NODE,
  },
];
const OPS_TEXT = encodeOperations(OPS);

interface Keys {
  source: DeviceKeys;
  impostor: DeviceKeys;
  stranger: DeviceKeys;
}

type RefusedEntry = BundleInput['refused'][number];

interface Bundle {
  manifestText: string;
  folder: Map<string, Uint8Array>;
  refused: RefusedEntry[];
  now: number;
  /** The key this laptop has on record for NODE. */
  trusted: string | null;
  /** What this laptop holds, and its node (the bundle is made for it: PEER). */
  held: Knowledge;
  self: string;
}

/** Which public keys have signed which payload: the ground truth of what a key's owner signed. */
const signedBy = new Map<string, Set<string>>();
const payloadText = (manifest: unknown): string =>
  new TextDecoder().decode(signingPayload(manifest as UnsignedManifest));

async function signAs(unsigned: UnsignedManifest, keys: DeviceKeys): Promise<Manifest> {
  const manifest = await signManifest(unsigned, keys.privateKey);
  const payload = payloadText(unsigned);
  const signers = signedBy.get(payload) ?? new Set<string>();
  signers.add(keys.publicKey);
  signedBy.set(payload, signers);
  return manifest;
}

async function originalBundle(keys: Keys, random: Random): Promise<{ bundle: Bundle; manifest: Manifest }> {
  const folder = new Map<string, Uint8Array>();
  folder.set(OPERATIONS_PATH, utf8(OPS_TEXT));
  for (const path of PHOTOS) {
    folder.set(
      path,
      Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, ...random.bytes(random.between(20, 200)), 0xff, 0xd9),
    );
  }
  folder.set('index.html', utf8('<!doctype html><meta charset="utf-8"><title>督查一组 移交</title>'));
  folder.set('reports/督查通报.pdf', utf8('%PDF-1.7\n%%EOF\n'));
  const role = (path: string): Manifest['files'][number]['role'] =>
    path === OPERATIONS_PATH
      ? 'operations'
      : path.startsWith('photos/')
        ? 'blob'
        : path.endsWith('.pdf')
          ? 'report'
          : 'page';
  const files = await Promise.all(
    [...folder].map(async ([path, bytes]) => ({
      path,
      sha256: await sha256Hex(bytes),
      size: bytes.length,
      role: role(path),
      ...(path.startsWith('photos/') ? { mimeType: 'image/jpeg' } : {}),
    })),
  );
  const unsigned: UnsignedManifest = {
    format: 'ducha-bundle',
    formatVersion: 1,
    createdAt: '2026-07-04T09:00:00.000Z',
    app: 'Ducha 0.1.0',
    source: { node: NODE, name: '督查一组-笔记本2', publicKey: keys.source.publicKey },
    team: { id: 'team-1', name: '市委督查一组' },
    kind: 'incremental',
    recipient: { node: PEER, name: '督查办-台式机' },
    since: { [PEER]: at(100, 0, PEER) },
    knowledge: knowledgeOfOperations(OPS),
    clockRange: { from: OPS.map((op) => op.hlc).sort()[0]!, to: at(2000, 1) },
    operations: { path: OPERATIONS_PATH, count: OPS.length },
    files,
  };
  const manifest = await signAs(unsigned, keys.source);
  const bundle: Bundle = {
    manifestText: JSON.stringify(manifest, null, 2),
    folder,
    refused: [],
    now: NOW,
    trusted: keys.source.publicKey,
    held: { [PEER]: at(100, 0, PEER) },
    self: PEER,
  };
  return { bundle, manifest };
}

// ---- mutations ----

type Outcome = {
  codes: readonly BundleProblemCode[] | 'any';
  ok: 'never' | 'may' | 'must';
  opsInvalid?: true;
  /** When refused: fields the problem must have (a rule, a place, a key). */
  problem?: Readonly<Record<string, unknown>>;
  /** When accepted: the problem the operations file must be refused with. */
  opsProblem?: OperationsProblem;
};
const refuse = (...codes: BundleProblemCode[]): Outcome => ({ codes, ok: 'never' });
const ANYTHING: Outcome = { codes: 'any', ok: 'may' };
const MUST_PASS: Outcome = { codes: [], ok: 'must' };

type SignMode = 'none' | 'source' | 'impostorKeepKey' | 'impostor';
const SIGN_MODES: readonly SignMode[] = ['none', 'source', 'impostorKeepKey', 'impostor'];

interface Context {
  random: Random;
  keys: Keys;
}

type ManifestObject = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parsed(bundle: Bundle): ManifestObject | null {
  try {
    const value: unknown = JSON.parse(bundle.manifestText);
    const usable = isRecord(value) && isRecord(value.source) && entries(value).length > 0;
    return usable ? value : null;
  } catch {
    return null;
  }
}

const entries = (manifest: ManifestObject): Record<string, unknown>[] =>
  Array.isArray(manifest.files) ? manifest.files.filter(isRecord) : [];

/** Writes the manifest back, signed as the mode says (`none` keeps whatever signature it had). */
async function seal(bundle: Bundle, manifest: ManifestObject, mode: SignMode, ctx: Context): Promise<void> {
  if (mode !== 'none') {
    const signer = mode === 'source' ? ctx.keys.source : ctx.keys.impostor;
    const source = isRecord(manifest.source) ? manifest.source : {};
    const publicKey = mode === 'impostor' ? ctx.keys.impostor.publicKey : ctx.keys.source.publicKey;
    const unsigned: ManifestObject = { ...manifest, source: { ...source, publicKey } };
    delete unsigned.signature;
    manifest = await signAs(unsigned as unknown as UnsignedManifest, signer);
  }
  bundle.manifestText = ctx.random.chance(0.5) ? JSON.stringify(manifest, null, 2) : JSON.stringify(manifest);
}

/** What a change the schema accepts but a deeper check refuses gives, by how it was signed. */
const bySign = (mode: SignMode, code: BundleProblemCode): Outcome =>
  mode === 'none' || mode === 'impostorKeepKey' ? refuse('badSignature') : refuse(code);

function mutateBytes(bytes: Uint8Array, random: Random): Uint8Array {
  const out = [...bytes];
  const edits = random.between(1, 3);
  for (let i = 0; i < edits; i++) {
    const kind = random.int(3);
    const at = random.int(out.length + (kind === 1 ? 1 : 0));
    if (kind === 0 && out.length > 0) out[at] = (out[at]! ^ (1 << random.int(8))) & 255;
    else if (kind === 1 || out.length === 0) out.splice(at, 0, random.int(256));
    else out.splice(at, random.between(1, 4));
  }
  return Uint8Array.from(out);
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

let hugeAscii: string | undefined;
let hugeChinese: string | undefined;

const UNSAFE_PATHS = [
  '../x',
  '/abs',
  'C:\\x',
  'c:x',
  'a/./b',
  'a//b',
  'a/../../b',
  '',
  'photos/con.jpg',
  'photos/lpt1',
  'trailing.',
  'space ',
  'nul\u0000byte',
  'tab\tname',
  'a:b',
  'a|b',
  `${'长'.repeat(90)}.jpg`,
  'x/'.repeat(600),
];

const INVALID_OP_LINES = [
  '{"table":"secrets","rowId":"r","field":"f","value":1,"hlc":"HLC","node":"NODE"}',
  '{"table":"issues","rowId":"r","field":"id","value":1,"hlc":"HLC","node":"NODE"}',
  '{"table":"issues","rowId":"","field":"f","value":1,"hlc":"HLC","node":"NODE"}',
  '{"table":"issues","rowId":"r","field":"f","value":1,"hlc":"HLC","node":"ffffffffffffffff"}',
  '{"table":"issues","rowId":"r","field":"f","value":1,"hlc":"yesterday","node":"NODE"}',
  '{"table":"issues","rowId":"r","field":"f-g","value":1,"hlc":"HLC","node":"NODE"}',
  '{"table":"issues","rowId":"r","field":"f","hlc":"HLC","node":"NODE"}',
  '{"table":"issues","rowId":"r","field":"f","value":{"__proto__":{"admin":true}},"hlc":"HLC","node":"NODE"}',
  '{"table":"issues"',
  '',
  '   ',
  'null',
];

interface Mutation {
  name: string;
  weight: number;
  apply: (bundle: Bundle, ctx: Context) => Promise<Outcome>;
}

async function recomputeOperationsEntry(bundle: Bundle, manifest: ManifestObject): Promise<void> {
  const bytes = bundle.folder.get(OPERATIONS_PATH) ?? new Uint8Array();
  for (const entry of entries(manifest)) {
    if (entry.path === OPERATIONS_PATH) {
      entry.sha256 = await sha256Hex(bytes);
      entry.size = bytes.length;
    }
  }
}

/** The operations file changed, then the manifest kept as it was, updated, or updated and re-signed. */
async function afterOperationsChange(
  bundle: Bundle,
  ctx: Context,
  opsInvalid: boolean,
  opsProblem?: OperationsProblem,
): Promise<Outcome> {
  const mode = ctx.random.pick(['keep', 'keep', ...SIGN_MODES] as const);
  const manifest = parsed(bundle);
  if (mode === 'keep' || !manifest) return refuse('sizeMismatch', 'hashMismatch');
  await recomputeOperationsEntry(bundle, manifest);
  await seal(bundle, manifest, mode, ctx);
  if (mode === 'none' || mode === 'impostorKeepKey') return refuse('badSignature');
  // A valid signature by a key (the impostor's: keyChanged; the source's: it did sign that).
  if (opsProblem) return { ...MUST_PASS, opsInvalid: true, opsProblem };
  return opsInvalid ? { ...MUST_PASS, opsInvalid } : MUST_PASS;
}

/** Edits the parsed manifest (or gives up when an earlier mutation left no manifest to edit). */
function structural(
  name: string,
  weight: number,
  edit: (
    manifest: ManifestObject,
    bundle: Bundle,
    ctx: Context,
  ) => Promise<BundleProblemCode | 'pass'> | BundleProblemCode | 'pass',
  signing: 'any' | 'source' = 'any',
): Mutation {
  return {
    name,
    weight,
    apply: async (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return ANYTHING;
      const code = await edit(manifest, bundle, ctx);
      const mode = signing === 'source' ? 'source' : ctx.random.pick(SIGN_MODES);
      await seal(bundle, manifest, mode, ctx);
      if (code === 'pass')
        return mode === 'none' || mode === 'impostorKeepKey' ? refuse('badSignature') : MUST_PASS;
      return bySign(mode, code);
    },
  };
}

/** `[[[…]]]` nested `depth` deep: mostly a little past a limit, sometimes 10^5. */
function deepValue(random: Random, limit: number): string {
  const depth = random.chance(0.02) ? 100_000 : random.between(limit + 1, limit + 2000);
  return random.chance(0.5)
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
}

/**
 * JSON text of a value in which the object at `place` names one of its keys twice (the repeat holds
 * another value, or the same). Keys are written as JSON.stringify writes them.
 */
function withRepeatedKey(value: unknown, place: string, key: string, repeat: unknown, path = ''): string {
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => withRepeatedKey(item, place, key, repeat, path ? `${path}.${i}` : String(i))).join(',')}]`;
  }
  if (!isRecord(value)) return JSON.stringify(value) ?? 'null';
  const pairs = Object.entries(value).map(
    ([k, v]) => `${JSON.stringify(k)}:${withRepeatedKey(v, place, key, repeat, path ? `${path}.${k}` : k)}`,
  );
  if (path === place) pairs.push(`${JSON.stringify(key)}:${JSON.stringify(repeat)}`);
  return `{${pairs.join(',')}}`;
}

/** Every object of a value, by place, with its keys. */
function objectsOf(value: unknown, path = '', into: [string, string[]][] = []): [string, string[]][] {
  if (Array.isArray(value))
    value.forEach((item, i) => objectsOf(item, path ? `${path}.${i}` : String(i), into));
  else if (isRecord(value)) {
    into.push([path, Object.keys(value)]);
    for (const [k, v] of Object.entries(value)) objectsOf(v, path ? `${path}.${k}` : k, into);
  }
  return into;
}

/** The kinds of operation line a record's schema refuses, with the code each must get. */
const LINE_BREAKS: readonly {
  kind: string;
  problem: OperationsProblem;
  apply: (op: Record<string, unknown>, random: Random) => string;
}[] = [
  {
    kind: 'a key named twice',
    problem: 'repeatedKey',
    apply: (op, random) => {
      const objects = objectsOf(op).filter(([, keys]) => keys.length > 0);
      const [place, keys] = random.pick(objects);
      return withRepeatedKey(op, place, random.pick(keys), random.chance(0.5) ? 'x' : null);
    },
  },
  {
    kind: 'a field the table does not have',
    problem: 'unknownField',
    apply: (op, random) =>
      JSON.stringify({ ...op, field: random.pick(['county', 'deleted', 'isAdmin', 'values', 'Name']) }),
  },
  {
    kind: 'a tombstone that is not a boolean',
    problem: 'invalidValue',
    apply: (op, random) =>
      JSON.stringify({ ...op, field: '_deleted', value: random.pick(['yes', 1, 0, null, 'true', {}]) }),
  },
  {
    kind: 'a value of the wrong type',
    problem: 'invalidValue',
    apply: (op, random) => JSON.stringify({ ...op, value: random.pick([{ x: [1] }, [true], -1.5e300]) }),
  },
  {
    kind: 'a value nested too deep',
    problem: 'tooDeep',
    apply: (op, random) =>
      JSON.stringify({ ...op, value: 0 }).replace(
        '"value":0',
        `"value":${deepValue(random, MAX_OPERATION_DEPTH)}`,
      ),
  },
  {
    kind: 'a line ending in \\r\\n',
    problem: 'notJson',
    apply: (op) => `${JSON.stringify(op)}\r`,
  },
];

const MUTATIONS: Mutation[] = [
  {
    name: 'manifest key repeated (top level or nested)',
    weight: 4,
    apply: (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return Promise.resolve(ANYTHING);
      const objects = objectsOf(manifest).filter(([, keys]) => keys.length > 0);
      const [place, keys] = ctx.random.chance(0.4) ? objects[0]! : ctx.random.pick(objects);
      const key = ctx.random.pick(keys);
      const repeat = ctx.random.pick(['full', 'incremental', 0, null, '督查', { x: 1 }]);
      bundle.manifestText = withRepeatedKey(manifest, place, key, repeat);
      return Promise.resolve({ ...refuse('repeatedKey'), problem: { field: place, key } });
    },
  },
  {
    name: 'manifest nested too deep',
    weight: 2,
    apply: (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return Promise.resolve(ANYTHING);
      const key = ctx.random.pick(['app', 'team', 'since', 'trustMe']);
      manifest[key] = 0;
      const text = JSON.stringify(manifest);
      bundle.manifestText = text.replace(
        `"${key}":0`,
        `"${key}":${deepValue(ctx.random, MAX_MANIFEST_DEPTH)}`,
      );
      return Promise.resolve({ ...refuse('malformedManifest'), problem: { rule: 'tooDeep' } });
    },
  },
  {
    name: 'operation line breaks its record schema',
    weight: 10,
    apply: async (bundle, ctx) => {
      const lines = OPS_TEXT.split('\n').slice(0, -1);
      const at = ctx.random.int(lines.length);
      const line = JSON.parse(lines[at]!) as Record<string, unknown>;
      const breaking = ctx.random.pick(LINE_BREAKS);
      lines[at] = breaking.apply(line, ctx.random);
      bundle.folder.set(OPERATIONS_PATH, utf8(`${lines.join('\n')}\n`));
      return afterOperationsChange(bundle, ctx, true, breaking.problem);
    },
  },
  {
    name: 'this laptop lacks what the incremental bundle’s since names',
    weight: 3,
    apply: (bundle, ctx) => {
      const change = ctx.random.int(3);
      if (change === 0) bundle.held = {};
      else if (change === 1) bundle.held = { [PEER]: at(99, 0, PEER), [NODE]: at(5000) };
      else {
        bundle.held = { [NODE]: at(0) }; // another laptop that never had PEER's changes
        bundle.self = 'fedcba9876543210';
      }
      return Promise.resolve({
        ...refuse('incrementalGap'),
        problem: { node: PEER, forThisLaptop: change !== 2 },
      });
    },
  },
  structural('since names changes this laptop never had', 2, (manifest) => {
    manifest.since = { ...(manifest.since as object), [NODE]: at(1000) };
    return 'incrementalGap';
  }),
  structural('made a full bundle, for a laptop holding nothing', 2, (manifest, bundle) => {
    manifest.kind = 'full';
    manifest.since = null;
    bundle.held = {};
    return 'pass';
  }),
  {
    name: 'manifest bytes flipped, inserted, deleted',
    weight: 8,
    apply: (bundle, ctx) => {
      bundle.manifestText = new TextDecoder().decode(mutateBytes(utf8(bundle.manifestText), ctx.random));
      return Promise.resolve(ANYTHING);
    },
  },
  {
    name: 'manifest truncated',
    weight: 2,
    apply: (bundle, ctx) => {
      bundle.manifestText = bundle.manifestText.slice(0, ctx.random.int(bundle.manifestText.length));
      return Promise.resolve(refuse('notJson'));
    },
  },
  {
    name: 'manifest replaced by random bytes',
    weight: 2,
    apply: (bundle, ctx) => {
      const bytes = ctx.random.bytes(ctx.random.between(1, 3000));
      bundle.manifestText = new TextDecoder().decode(bytes);
      return Promise.resolve(refuse('notJson', 'notABundle'));
    },
  },
  {
    name: 'manifest empty',
    weight: 1,
    apply: (bundle) => {
      bundle.manifestText = '';
      return Promise.resolve(refuse('notJson'));
    },
  },
  {
    name: 'manifest huge',
    weight: 0.3,
    apply: (bundle, ctx) => {
      if (ctx.random.chance(0.5)) bundle.manifestText = hugeAscii ??= `{${' '.repeat(MAX_MANIFEST_BYTES)}}`;
      else bundle.manifestText = hugeChinese ??= `"${'督'.repeat(MAX_MANIFEST_BYTES / 3)}"`;
      return Promise.resolve(refuse('tooLarge'));
    },
  },
  {
    name: 'manifest reformatted, same content',
    weight: 2,
    apply: (bundle) => {
      const manifest = parsed(bundle);
      if (!manifest) return Promise.resolve(ANYTHING);
      const keys = Object.keys(manifest).reverse();
      bundle.manifestText = JSON.stringify(manifest, keys.concat(...collectKeys(manifest)), '\t');
      return Promise.resolve(MUST_PASS);
    },
  },
  {
    name: 'operations bytes changed',
    weight: 8,
    apply: async (bundle, ctx) => {
      const bytes = bundle.folder.get(OPERATIONS_PATH) ?? new Uint8Array();
      bundle.folder.set(OPERATIONS_PATH, mutateBytes(bytes, ctx.random));
      return afterOperationsChange(bundle, ctx, false);
    },
  },
  {
    name: 'operation line made invalid',
    weight: 6,
    apply: async (bundle, ctx) => {
      const lines = OPS_TEXT.split('\n').slice(0, -1);
      const invalid = ctx.random.pick(INVALID_OP_LINES).replaceAll('HLC', at(1500)).replaceAll('NODE', NODE);
      lines[ctx.random.int(lines.length)] = invalid;
      bundle.folder.set(OPERATIONS_PATH, utf8(`${lines.join('\n')}\n`));
      return afterOperationsChange(bundle, ctx, true);
    },
  },
  {
    name: 'operations lines swapped or dropped',
    weight: 3,
    apply: async (bundle, ctx) => {
      const lines = OPS_TEXT.split('\n').slice(0, -1);
      if (ctx.random.chance(0.5)) lines.splice(ctx.random.int(lines.length), 1);
      else lines.reverse();
      bundle.folder.set(OPERATIONS_PATH, utf8(`${lines.join('\n')}\n`));
      return afterOperationsChange(bundle, ctx, true);
    },
  },
  {
    name: 'file truncated',
    weight: 3,
    apply: (bundle, ctx) => {
      const path = ctx.random.pick([...bundle.folder.keys()]);
      const bytes = bundle.folder.get(path)!;
      if (bytes.length === 0) return Promise.resolve(ANYTHING);
      bundle.folder.set(path, bytes.slice(0, ctx.random.int(bytes.length)));
      return Promise.resolve(refuse('sizeMismatch'));
    },
  },
  {
    name: 'file content changed, same size',
    weight: 3,
    apply: (bundle, ctx) => {
      const path = ctx.random.pick([...bundle.folder.keys()]);
      const bytes = Uint8Array.from(bundle.folder.get(path)!);
      if (bytes.length === 0) return Promise.resolve(ANYTHING);
      const i = ctx.random.int(bytes.length);
      bytes[i] = (bytes[i]! + ctx.random.between(1, 255)) & 255;
      bundle.folder.set(path, bytes);
      return Promise.resolve(refuse('hashMismatch'));
    },
  },
  {
    name: 'photos swapped',
    weight: 2,
    apply: (bundle, ctx) => {
      const [a, b] = [ctx.random.pick(PHOTOS), ctx.random.pick(PHOTOS)];
      const bytesA = bundle.folder.get(a);
      const bytesB = bundle.folder.get(b);
      if (a === b || !bytesA || !bytesB) return Promise.resolve(ANYTHING);
      bundle.folder.set(a, bytesB);
      bundle.folder.set(b, bytesA);
      return Promise.resolve(refuse('sizeMismatch', 'hashMismatch'));
    },
  },
  {
    name: 'file removed from the folder',
    weight: 3,
    apply: (bundle, ctx) => {
      bundle.folder.delete(ctx.random.pick([...bundle.folder.keys()]));
      return Promise.resolve(refuse('missingFile'));
    },
  },
  {
    name: 'file renamed in the folder',
    weight: 2,
    apply: (bundle, ctx) => {
      const path = ctx.random.pick([...bundle.folder.keys()]);
      const bytes = bundle.folder.get(path)!;
      bundle.folder.delete(path);
      bundle.folder.set(ctx.random.chance(0.5) ? path.toUpperCase() : `${path}.bak`, bytes);
      return Promise.resolve(refuse('missingFile'));
    },
  },
  {
    name: 'unlisted file dropped in',
    weight: 3,
    apply: (bundle, ctx) => {
      bundle.folder.set(
        ctx.random.pick(['领导批示.docx', 'photos/extra.jpg', 'notes/readme.txt']),
        ctx.random.bytes(40),
      );
      return Promise.resolve(MUST_PASS);
    },
  },
  {
    name: 'link or unsafe name refused by the host',
    weight: 3,
    apply: (bundle, ctx) => {
      const reason = ctx.random.pick(['link', 'special', 'unsafeName'] as const);
      bundle.refused.push({ path: ctx.random.pick(['photos/p1/evil.jpg', 'bundle/x', 'con']), reason });
      return Promise.resolve(refuse(reason === 'unsafeName' ? 'unsafePath' : 'link'));
    },
  },
  {
    name: 'this laptop’s clock in the past',
    weight: 1,
    apply: (bundle, ctx) => {
      bundle.now = WALL - ctx.random.between(2, 400) * DAY;
      return Promise.resolve(refuse('clockAhead'));
    },
  },
  {
    name: 'trust on record forgotten or replaced',
    weight: 2,
    apply: (bundle, ctx) => {
      bundle.trusted = ctx.random.chance(0.5) ? null : ctx.keys.stranger.publicKey;
      return Promise.resolve(MUST_PASS);
    },
  },
  structural('listed size changed', 3, (manifest, _bundle, ctx) => {
    const entry = ctx.random.pick(entries(manifest));
    entry.size = Number(entry.size) + ctx.random.between(1, 1000);
    return 'sizeMismatch';
  }),
  structural('listed hash changed', 3, (manifest, _bundle, ctx) => {
    const entry = ctx.random.pick(entries(manifest));
    entry.sha256 = (String(entry.sha256).startsWith('0') ? '1' : '0') + String(entry.sha256).slice(1);
    return 'hashMismatch';
  }),
  structural('entry removed from the manifest', 3, (manifest, _bundle, ctx) => {
    const list = entries(manifest);
    const [removed] = list.splice(ctx.random.int(list.length), 1);
    manifest.files = list;
    return removed?.path === OPERATIONS_PATH ? 'operationsMissing' : 'pass';
  }),
  structural('entry renamed to an unsafe path', 5, (manifest, _bundle, ctx) => {
    const path = ctx.random.pick(UNSAFE_PATHS);
    if (ctx.random.chance(0.2)) manifest.operations = { ...(manifest.operations as object), path };
    else ctx.random.pick(entries(manifest)).path = path;
    return 'unsafePath';
  }),
  structural('entry duplicated', 2, (manifest, _bundle, ctx) => {
    const list = entries(manifest);
    const entry = ctx.random.pick(list);
    manifest.files = [...list, { ...entry }];
    return 'duplicatePath';
  }),
  structural('entry added under a case variant of a listed name', 1, (manifest, bundle, ctx) => {
    const list = entries(manifest);
    const entry = ctx.random.pick(list);
    const variant = String(entry.path).toUpperCase();
    const bytes = bundle.folder.get(String(entry.path));
    if (variant === entry.path || !bytes) return 'pass';
    bundle.folder.set(variant, bytes);
    manifest.files = [...list, { ...entry, path: variant }];
    return 'duplicatePath';
  }),
  structural('operations entry given another role', 2, (manifest) => {
    for (const entry of entries(manifest)) if (entry.path === OPERATIONS_PATH) entry.role = 'other';
    return 'operationsMissing';
  }),
  structural('clock range far in the future', 3, (manifest, _bundle, ctx) => {
    const ahead = ctx.random.between(2, 3650) * DAY;
    if (ctx.random.chance(0.7)) manifest.clockRange = { from: at(0), to: at(ahead) };
    else manifest.knowledge = { ...(manifest.knowledge as object), [NODE]: at(ahead) };
    return 'clockAhead';
  }),
  structural('a field changed that the schema allows', 4, (manifest, _bundle, ctx) => {
    const change = ctx.random.int(4);
    if (change === 0) manifest.app = 'Ducha 9.9.9';
    else if (change === 1) manifest.team = { id: 'team-2', name: '县督查组' };
    else if (change === 2) manifest.createdAt = '2020-01-01T00:00:00.000Z';
    else manifest.source = { ...(manifest.source as object), name: '另一台电脑' };
    return 'pass';
  }),
  structural(
    'files adding up beyond the limit',
    1,
    (manifest) => {
      const big = Array.from({ length: 17 }, (_, i) => ({
        path: `photos/big/${i}.jpg`,
        sha256: 'e'.repeat(64),
        size: MAX_BUNDLE_FILE_BYTES,
        role: 'blob',
      }));
      manifest.files = [...entries(manifest), ...big];
      return 'tooLarge';
    },
    'source',
  ),
  {
    name: 'format version bumped',
    weight: 2,
    apply: async (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return ANYTHING;
      manifest.formatVersion = ctx.random.between(2, 1000);
      await seal(bundle, manifest, ctx.random.pick(SIGN_MODES), ctx);
      return refuse('futureVersion');
    },
  },
  {
    name: 'format named wrongly or missing',
    weight: 1,
    apply: (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return Promise.resolve(ANYTHING);
      if (ctx.random.chance(0.5)) delete manifest.format;
      else manifest.format = 'ducha-bundle-x';
      bundle.manifestText = JSON.stringify(manifest);
      return Promise.resolve(refuse('notABundle'));
    },
  },
  {
    name: 'signature removed',
    weight: 2,
    apply: (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return Promise.resolve(ANYTHING);
      if (ctx.random.chance(0.7)) delete manifest.signature;
      else manifest.signature = null;
      bundle.manifestText = JSON.stringify(manifest);
      return Promise.resolve(refuse('unsigned'));
    },
  },
  {
    name: 'signature altered',
    weight: 2,
    apply: (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest || !isRecord(manifest.signature)) return Promise.resolve(ANYTHING);
      const value = String(manifest.signature.value);
      const i = ctx.random.int(86);
      const replacement = ctx.random.pick([
        ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
      ]);
      manifest.signature = {
        ...manifest.signature,
        value: value.slice(0, i) + replacement + value.slice(i + 1),
      };
      bundle.manifestText = JSON.stringify(manifest);
      return Promise.resolve(value[i] === replacement ? MUST_PASS : refuse('badSignature'));
    },
  },
  {
    name: 'small-order key with an all-zero signature',
    weight: 1,
    apply: (bundle) => {
      const manifest = parsed(bundle);
      if (!manifest) return Promise.resolve(ANYTHING);
      manifest.source = { ...(manifest.source as object), publicKey: bytesToBase64(new Uint8Array(32)) };
      manifest.signature = { algorithm: 'Ed25519', value: bytesToBase64(new Uint8Array(64)) };
      bundle.manifestText = JSON.stringify(manifest);
      return Promise.resolve(refuse('badSignature'));
    },
  },
  {
    name: 'unknown field added',
    weight: 1,
    apply: async (bundle, ctx) => {
      const manifest = parsed(bundle);
      if (!manifest) return ANYTHING;
      if (ctx.random.chance(0.5)) manifest.trustMe = true;
      else ctx.random.pick(entries(manifest)).executable = true;
      await seal(bundle, manifest, ctx.random.pick(SIGN_MODES), ctx);
      return refuse('malformedManifest');
    },
  },
];

/** Every key of every object in a value, so a replacer array keeps them all (in a new order). */
function collectKeys(value: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(value)) for (const item of value) collectKeys(item, into);
  else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      collectKeys(item, into);
    }
  }
  return [...into].sort().reverse();
}

function pickMutation(random: Random): Mutation {
  const total = MUTATIONS.reduce((sum, m) => sum + m.weight, 0);
  let roll = random.next() * total;
  for (const mutation of MUTATIONS) {
    roll -= mutation.weight;
    if (roll < 0) return mutation;
  }
  return MUTATIONS[MUTATIONS.length - 1]!;
}

// ---- the judge ----

interface Judged {
  outcome: string;
  failure: string | null;
}

async function judge(bundle: Bundle, expected: Outcome, originalPayload: string): Promise<Judged> {
  const files = await Promise.all(
    [...bundle.folder].map(async ([path, bytes]) => ({
      path,
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    })),
  );
  let result: Awaited<ReturnType<typeof verifyBundle>>;
  try {
    result = await verifyBundle({
      manifestText: bundle.manifestText,
      files,
      refused: bundle.refused,
      now: bundle.now,
      trustedKeyOf: (node) => (node === NODE ? bundle.trusted : null),
      held: bundle.held,
      self: { node: bundle.self },
    });
  } catch (error) {
    return { outcome: 'THREW', failure: `verifyBundle threw: ${String(error)}` };
  }
  if (!result.ok) {
    const { code } = result.problem;
    if (!(BUNDLE_PROBLEM_CODES as readonly string[]).includes(code))
      return { outcome: code, failure: 'unknown code' };
    if (expected.ok === 'must')
      return { outcome: code, failure: `refused (${JSON.stringify(result.problem)})` };
    if (expected.codes !== 'any' && !expected.codes.includes(code)) {
      return {
        outcome: code,
        failure: `expected ${expected.codes.join('|')}, got ${JSON.stringify(result.problem)}`,
      };
    }
    const problem = result.problem as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected.problem ?? {})) {
      if (problem[key] !== value) {
        return { outcome: code, failure: `expected ${key} ${String(value)}, got ${JSON.stringify(problem)}` };
      }
    }
    return { outcome: code, failure: null };
  }

  const { manifest, trust } = result;
  const payload = payloadText(manifest);
  // "as signed": the original manifest; "re-signed": another manifest its key's owner also signed.
  const outcome = `ok (${trust}, ${payload === originalPayload ? 'as signed' : 're-signed'})`;
  if (expected.ok === 'never') return { outcome, failure: 'accepted a bundle that must be refused' };
  // What was accepted was signed by the owner of the key the manifest names...
  if (!signedBy.get(payload)?.has(manifest.source.publicKey)) {
    return { outcome, failure: 'accepted a manifest that its key never signed' };
  }
  const onRecord = bundle.trusted;
  const expectedTrust =
    onRecord === null ? 'unknown' : onRecord === manifest.source.publicKey ? 'known' : 'keyChanged';
  if (trust !== expectedTrust) return { outcome, failure: `trust ${trust}, expected ${expectedTrust}` };
  // ...and every file it lists is in the folder bit for bit; nothing else was taken in.
  for (const entry of manifest.files) {
    const bytes = bundle.folder.get(entry.path);
    if (!bytes || bytes.length !== entry.size || (await sha256Hex(bytes)) !== entry.sha256) {
      return { outcome, failure: `accepted with ${entry.path} not as listed` };
    }
  }
  const listed = new Set(manifest.files.map((file) => file.path));
  const unlisted = [...bundle.folder.keys()].filter((path) => !listed.has(path));
  if (JSON.stringify(result.unlisted.sort()) !== JSON.stringify(unlisted.sort())) {
    return { outcome, failure: `unlisted ${result.unlisted.join(',')}, expected ${unlisted.join(',')}` };
  }
  // The operations are read only after all that, and are checked again line by line.
  const operationsBytes = bundle.folder.get(manifest.operations.path) ?? new Uint8Array();
  let decoded: ReturnType<typeof decodeOperations>;
  try {
    decoded = decodeOperations(operationsBytes, manifest.operations.count, {
      clockRange: manifest.clockRange,
    });
  } catch (error) {
    return { outcome, failure: `decodeOperations threw: ${String(error)}` };
  }
  if (payload === originalPayload || sameBytes(operationsBytes, utf8(OPS_TEXT))) {
    if (!decoded.ok || encodeOperations(decoded.operations) !== OPS_TEXT) {
      return { outcome, failure: 'the signed operations did not read back as written' };
    }
  }
  if (expected.opsInvalid && decoded.ok) return { outcome, failure: 'invalid operations were read as valid' };
  if (expected.opsProblem && (decoded.ok || decoded.problem !== expected.opsProblem)) {
    return {
      outcome,
      failure: `operations: expected ${expected.opsProblem}, got ${decoded.ok ? 'ok' : decoded.problem}`,
    };
  }
  return {
    outcome: decoded.ok ? outcome : `${outcome}, operations refused: ${decoded.problem}`,
    failure: null,
  };
}

describe('bundle fuzz', () => {
  it(`refuses or rightly accepts ${RUNS} mutated bundles (seed ${SEED})`, async () => {
    const random = new Random(SEED);
    const keys: Keys = {
      source: await generateDeviceKeys(),
      impostor: await generateDeviceKeys(),
      stranger: await generateDeviceKeys(),
    };
    const { bundle: original, manifest } = await originalBundle(keys, random);
    const originalPayload = payloadText(manifest);
    const ctx: Context = { random, keys };
    const fresh = (): Bundle => ({
      ...original,
      folder: new Map(original.folder),
      refused: [...original.refused],
    });

    const baseline = await judge(fresh(), MUST_PASS, originalPayload);
    expect(baseline).toEqual({ outcome: 'ok (known, as signed)', failure: null });

    const counts = new Map<string, number>();
    const byMutation = new Map<string, number>();
    const failures: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const bundle = fresh();
      const stacked = random.chance(0.2);
      const applied: string[] = [];
      let expected: Outcome = ANYTHING;
      for (let step = 0, steps = stacked ? random.between(2, 3) : 1; step < steps; step++) {
        const mutation = pickMutation(random);
        applied.push(mutation.name);
        expected = await mutation.apply(bundle, ctx);
      }
      if (stacked) expected = ANYTHING; // the invariants of the judge still hold
      const name = stacked ? 'stacked' : applied[0]!;
      byMutation.set(name, (byMutation.get(name) ?? 0) + 1);
      const judged = await judge(bundle, expected, originalPayload);
      counts.set(judged.outcome, (counts.get(judged.outcome) ?? 0) + 1);
      if (judged.failure) failures.push(`run ${run} [${applied.join(' + ')}]: ${judged.failure}`);
    }

    const table = (map: Map<string, number>): string =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `  ${String(n).padStart(5)}  ${key}`)
        .join('\n');
    console.log(
      `bundle fuzz: seed ${SEED} (BUNDLE_FUZZ_SEED), ${RUNS} bundles, ${failures.length} failures\n` +
        `outcomes:\n${table(counts)}\nmutations:\n${table(byMutation)}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(counts.get('THREW') ?? 0).toBe(0);
    // Coverage per code: the manifest's problems, and the operations file's once a bundle passed.
    const coverage = new Map<string, number>();
    for (const code of BUNDLE_PROBLEM_CODES) coverage.set(code, counts.get(code) ?? 0);
    for (const code of OPERATIONS_PROBLEMS) {
      let n = 0;
      for (const [outcome, count] of counts) if (outcome.endsWith(`operations refused: ${code}`)) n += count;
      coverage.set(`operations: ${code}`, n);
    }
    console.log(`bundle fuzz coverage by code:\n${table(coverage)}`);
    if (RUNS >= 1000) {
      for (const code of BUNDLE_PROBLEM_CODES) expect(coverage.get(code), code).toBeGreaterThan(0);
      for (const code of [
        'repeatedKey',
        'tooDeep',
        'unknownField',
        'invalidValue',
        'notJson',
        'invalidOperation',
      ])
        expect(coverage.get(`operations: ${code}`), code).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ScannedFile } from '../contract/exchange-channels';
import { sha256Hex } from '../crypto/sha256';
import { encodeHlc } from '../sync/hlc';
import type { Operation } from '../sync/operation';
import { knowledgeOfOperations } from './knowledge';
import {
  MAX_BUNDLE_FILE_BYTES,
  MAX_MANIFEST_BYTES,
  OPERATIONS_PATH,
  type Manifest,
  type ManifestFile,
  type UnsignedManifest,
} from './manifest';
import { encodeOperations } from './operations-ndjson';
import { generateDeviceKeys, signManifest, type DeviceKeys } from './signing';
import {
  BUNDLE_PROBLEM_CODES,
  MANIFEST_RULES,
  MAX_MANIFEST_DEPTH,
  verifyBundle,
  type BundleInput,
  type BundleProblemCode,
  type ManifestRule,
} from './verify';

const NODE = 'a1b2c3d4e5f60718';
const OTHER_NODE = '0123456789abcdef';
/** This laptop, the reader. */
const SELF = 'fedcba9876543210';
const WALL = Date.parse('2026-07-04T08:00:00.000Z');
const at = (ms: number, counter = 0, node = NODE): string => encodeHlc({ wall: WALL + ms, counter, node });

const OPS: Operation[] = [
  { table: 'projects', rowId: 'p1', field: 'name', value: '思茅区污水处理厂', hlc: at(0), node: NODE },
  { table: 'visits', rowId: 'v1', field: 'projectId', value: 'p1', hlc: at(1000), node: NODE },
  { table: 'photos', rowId: 'ph1', field: 'sha256', value: 'placeholder', hlc: at(1000, 1), node: NODE },
  { table: 'issues', rowId: 'i1', field: '_deleted', value: true, hlc: at(2000), node: NODE },
];
const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const FOLDER: Record<string, Uint8Array> = {
  [OPERATIONS_PATH]: text(encodeOperations(OPS)),
  'photos/p1/v1/before.jpg': Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9),
  'photos/p1/v1/after.jpg': Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9),
  'index.html': text('<!doctype html><title>督查</title>'),
};
const ROLES: Record<string, ManifestFile['role']> = {
  [OPERATIONS_PATH]: 'operations',
  'index.html': 'page',
};

interface Fixture {
  keys: DeviceKeys;
  unsigned: UnsignedManifest;
  manifest: Manifest;
  input: BundleInput;
}

async function scan(folder: Record<string, Uint8Array>): Promise<ScannedFile[]> {
  return Promise.all(
    Object.entries(folder).map(async ([path, bytes]) => ({
      path,
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    })),
  );
}

async function fixture(): Promise<Fixture> {
  const keys = await generateDeviceKeys();
  const files = await scan(FOLDER);
  const unsigned: UnsignedManifest = {
    format: 'ducha-bundle',
    formatVersion: 1,
    createdAt: '2026-07-04T09:00:00.000Z',
    app: 'Ducha 0.1.0',
    source: { node: NODE, name: '督查一组-笔记本2', publicKey: keys.publicKey },
    team: { id: 'team-1', name: '市委督查一组' },
    kind: 'full',
    recipient: null,
    since: null,
    knowledge: knowledgeOfOperations(OPS),
    clockRange: { from: at(0), to: at(2000) },
    operations: { path: OPERATIONS_PATH, count: OPS.length },
    files: files.map((file) => ({
      ...file,
      role: ROLES[file.path] ?? 'blob',
      ...(file.path.endsWith('.jpg') ? { mimeType: 'image/jpeg' } : {}),
    })),
  };
  const manifest = await signManifest(unsigned, keys.privateKey);
  const input: BundleInput = {
    manifestText: JSON.stringify(manifest, null, 2),
    files,
    refused: [],
    now: WALL + 3_600_000,
    trustedKeyOf: (node) => (node === NODE ? keys.publicKey : null),
    held: {},
    self: { node: SELF },
  };
  return { keys, unsigned, manifest, input };
}

/** The fixture's manifest changed and signed again by the same device. */
async function resigned(f: Fixture, change: (m: UnsignedManifest) => UnsignedManifest): Promise<string> {
  return JSON.stringify(await signManifest(change(structuredClone(f.unsigned)), f.keys.privateKey));
}

const codeOf = async (input: BundleInput): Promise<BundleProblemCode | 'ok'> => {
  const result = await verifyBundle(input);
  return result.ok ? 'ok' : result.problem.code;
};

describe('verifyBundle', () => {
  it('accepts a bundle signed by the known key, reporting files dropped in later', async () => {
    const f = await fixture();
    const result = await verifyBundle(f.input);
    expect(result).toEqual({
      ok: true,
      manifest: f.manifest,
      trust: 'known',
      unlisted: [],
      manifestSha256: await sha256Hex(text(f.input.manifestText)),
    });
    const withExtra = await verifyBundle({
      ...f.input,
      files: [
        ...f.input.files,
        { path: 'bundle/manifest.json', size: 10, sha256: 'c'.repeat(64) },
        { path: '领导批示.docx', size: 3, sha256: 'd'.repeat(64) },
      ],
    });
    expect(withExtra).toMatchObject({ ok: true, unlisted: ['领导批示.docx'] });
  });

  it('says whether the key is on record, unknown or changed', async () => {
    const f = await fixture();
    const other = await generateDeviceKeys();
    expect(await verifyBundle({ ...f.input, trustedKeyOf: () => null })).toMatchObject({
      ok: true,
      trust: 'unknown',
    });
    expect(await verifyBundle({ ...f.input, trustedKeyOf: () => other.publicKey })).toMatchObject({
      ok: true,
      trust: 'keyChanged',
    });
  });

  it('finds a file under its NFC name when the file system decomposed it', async () => {
    const f = await fixture();
    const path = 'photos/p1/v1/café.jpg';
    const bytes = Uint8Array.of(1, 2, 3);
    const sha256 = await sha256Hex(bytes);
    const manifestText = await resigned(f, (m) => ({
      ...m,
      files: [...m.files, { path, sha256, size: 3, role: 'blob' }],
    }));
    const files = [...f.input.files, { path: path.normalize('NFD'), size: 3, sha256 }];
    expect(await verifyBundle({ ...f.input, manifestText, files })).toMatchObject({ ok: true, unlisted: [] });
  });

  it('never throws, even when asked about the key throws', async () => {
    const f = await fixture();
    const result = await verifyBundle({
      ...f.input,
      trustedKeyOf: () => {
        throw new Error('database closed');
      },
    });
    expect(result).toMatchObject({ ok: false, problem: { code: 'malformedManifest' } });
  });

  describe('names each problem', () => {
    const seen = new Set<BundleProblemCode>();
    const expectCode = async (input: BundleInput, code: BundleProblemCode): Promise<void> => {
      const result = await verifyBundle(input);
      expect(result.ok ? 'ok' : result.problem.code).toBe(code);
      seen.add(code);
    };

    it('tooLarge: a manifest over the limit, in bytes rather than characters', async () => {
      const f = await fixture();
      const huge = '督'.repeat(Math.floor(MAX_MANIFEST_BYTES / 3) + 1);
      const result = await verifyBundle({ ...f.input, manifestText: huge });
      expect(result).toMatchObject({ ok: false, problem: { code: 'tooLarge', what: 'manifest' } });
      seen.add('tooLarge');
    });

    it('tooLarge: files adding up beyond the limit', async () => {
      const f = await fixture();
      const manifestText = await resigned(f, (m) => ({
        ...m,
        files: [
          ...m.files,
          ...Array.from({ length: 17 }, (_, i) => ({
            path: `photos/big${i}.jpg`,
            sha256: 'e'.repeat(64),
            size: MAX_BUNDLE_FILE_BYTES,
            role: 'blob' as const,
          })),
        ],
      }));
      await expectCode({ ...f.input, manifestText }, 'tooLarge');
    });

    it('notJson', async () => {
      const f = await fixture();
      await expectCode({ ...f.input, manifestText: '' }, 'notJson');
      await expectCode({ ...f.input, manifestText: f.input.manifestText.slice(0, -1) }, 'notJson');
      await expectCode({ ...f.input, manifestText: `\ufeff${f.input.manifestText}` }, 'notJson');
    });

    it('notABundle', async () => {
      const f = await fixture();
      for (const manifestText of ['[]', '5', 'null', '{"format":"zip"}', '{"formatVersion":1}']) {
        await expectCode({ ...f.input, manifestText }, 'notABundle');
      }
    });

    it('futureVersion, named before anything else is checked', async () => {
      const f = await fixture();
      const result = await verifyBundle({
        ...f.input,
        manifestText: '{"format":"ducha-bundle","formatVersion":2}',
      });
      expect(result).toEqual({ ok: false, problem: { code: 'futureVersion', version: 2 } });
      seen.add('futureVersion');
    });

    it('unsigned', async () => {
      const f = await fixture();
      const { signature: _signature, ...rest } = f.manifest;
      await expectCode({ ...f.input, manifestText: JSON.stringify(rest) }, 'unsigned');
      await expectCode(
        { ...f.input, manifestText: JSON.stringify({ ...rest, signature: null }) },
        'unsigned',
      );
    });

    it('malformedManifest', async () => {
      const f = await fixture();
      const cases = [
        { ...f.manifest, formatVersion: 0 },
        { ...f.manifest, formatVersion: '1' },
        { ...f.manifest, createdAt: 'yesterday' },
        { ...f.manifest, extra: true },
        { ...f.manifest, signature: { algorithm: 'RSA', value: f.manifest.signature.value } },
        { ...f.manifest, clockRange: null },
        { ...f.manifest, clockRange: { from: at(2000), to: at(0) } },
        { ...f.manifest, kind: 'incremental' },
        { ...f.manifest, since: {} },
        {
          ...f.manifest,
          files: [...f.manifest.files, { ...f.manifest.files[0]!, path: 'bundle/manifest.json' }],
        },
      ];
      for (const manifest of cases) {
        await expectCode({ ...f.input, manifestText: JSON.stringify(manifest) }, 'malformedManifest');
      }
      const result = await verifyBundle({ ...f.input, manifestText: JSON.stringify(cases[2]) });
      expect(result).toMatchObject({
        ok: false,
        problem: { field: 'createdAt', rule: 'badFormat' },
      });
    });

    it('badSignature: a field changed, or signed by a key other than the one named', async () => {
      const f = await fixture();
      const changed = { ...f.manifest, team: { id: 'team-1', name: '市委督查二组' } };
      await expectCode({ ...f.input, manifestText: JSON.stringify(changed) }, 'badSignature');
      const other = await generateDeviceKeys();
      const byOther = await signManifest(f.unsigned, other.privateKey);
      await expectCode({ ...f.input, manifestText: JSON.stringify(byOther) }, 'badSignature');
    });

    it('unsafePath: in the signed manifest, or refused by the host', async () => {
      const f = await fixture();
      for (const path of ['../x.jpg', '/etc/x.jpg', 'C:\\x.jpg', 'a/./b.jpg', 'photos/con.jpg']) {
        const manifestText = await resigned(f, (m) => ({
          ...m,
          files: [...m.files, { path, sha256: 'e'.repeat(64), size: 1, role: 'blob' }],
        }));
        const result = await verifyBundle({ ...f.input, manifestText });
        expect(result).toMatchObject({ ok: false, problem: { code: 'unsafePath', path } });
      }
      const refused = [{ path: 'photos/a:b.jpg', reason: 'unsafeName' as const }];
      await expectCode({ ...f.input, refused }, 'unsafePath');
    });

    it('link', async () => {
      const f = await fixture();
      const result = await verifyBundle({
        ...f.input,
        refused: [{ path: 'photos/p1/x.jpg', reason: 'link' }],
      });
      expect(result).toEqual({ ok: false, problem: { code: 'link', path: 'photos/p1/x.jpg', kind: 'link' } });
      await expectCode({ ...f.input, refused: [{ path: 'fifo', reason: 'special' }] }, 'link');
    });

    it('missingFile, sizeMismatch, hashMismatch', async () => {
      const f = await fixture();
      const files = f.input.files;
      const photo = 'photos/p1/v1/after.jpg';
      await expectCode({ ...f.input, files: files.filter((file) => file.path !== photo) }, 'missingFile');
      const truncated = files.map((file) => (file.path === photo ? { ...file, size: file.size - 1 } : file));
      const result = await verifyBundle({ ...f.input, files: truncated });
      expect(result).toEqual({
        ok: false,
        problem: { code: 'sizeMismatch', path: photo, expected: 9, actual: 8 },
      });
      seen.add('sizeMismatch');
      const altered = files.map((file) => (file.path === photo ? { ...file, sha256: '0'.repeat(64) } : file));
      await expectCode({ ...f.input, files: altered }, 'hashMismatch');
      // A case-variant name is another file: a Linux stick holding only it still lacks the listed one.
      const renamed = files.map((file) =>
        file.path === photo ? { ...file, path: 'photos/p1/v1/AFTER.jpg' } : file,
      );
      await expectCode({ ...f.input, files: renamed }, 'missingFile');
    });

    it('duplicatePath: the same entry twice, or names one stick cannot tell apart', async () => {
      const f = await fixture();
      const twice = await resigned(f, (m) => ({ ...m, files: [...m.files, m.files[1]!] }));
      await expectCode({ ...f.input, manifestText: twice }, 'duplicatePath');
      const entry = f.unsigned.files.find((file) => file.path === 'index.html')!;
      const upper = { ...entry, path: 'INDEX.html' };
      const byCase = await resigned(f, (m) => ({ ...m, files: [...m.files, upper] }));
      const files = [...f.input.files, { path: upper.path, size: upper.size, sha256: upper.sha256 }];
      await expectCode({ ...f.input, manifestText: byCase, files }, 'duplicatePath');
    });

    it('operationsMissing', async () => {
      const f = await fixture();
      const notOperations = await resigned(f, (m) => ({
        ...m,
        files: m.files.map((file) => (file.role === 'operations' ? { ...file, role: 'other' } : file)),
      }));
      await expectCode({ ...f.input, manifestText: notOperations }, 'operationsMissing');
      const elsewhere = await resigned(f, (m) => ({
        ...m,
        operations: { ...m.operations, path: 'ops.ndjson' },
      }));
      await expectCode({ ...f.input, manifestText: elsewhere }, 'operationsMissing');
    });

    it('clockAhead: the bundle from the future, or this laptop in the past', async () => {
      const f = await fixture();
      await expectCode({ ...f.input, now: WALL - 2 * 86_400_000 }, 'clockAhead');
      expect(await codeOf({ ...f.input, now: WALL + 2000 - 86_400_000 })).toBe('ok'); // exactly a day is allowed
      const future = at(3 * 86_400_000);
      const manifestText = await resigned(f, (m) => ({
        ...m,
        knowledge: { ...m.knowledge, [OTHER_NODE]: at(0, 0, OTHER_NODE), [NODE]: future },
      }));
      const result = await verifyBundle({ ...f.input, manifestText });
      expect(result).toMatchObject({ ok: false, problem: { code: 'clockAhead', clock: future } });
    });

    it('repeatedKey: at the top level or in a nested object, however the key is spelled', async () => {
      const f = await fixture();
      const top = f.input.manifestText.replace('"kind": "full"', '"kind": "incremental", "kind": "full"');
      expect(await verifyBundle({ ...f.input, manifestText: top })).toEqual({
        ok: false,
        problem: { code: 'repeatedKey', field: '', key: 'kind' },
      });
      seen.add('repeatedKey');
      const nested = f.input.manifestText.replace('"role": "page"', '"role": "page", "r\\u006fle": "blob"');
      expect(await verifyBundle({ ...f.input, manifestText: nested })).toMatchObject({
        ok: false,
        problem: { code: 'repeatedKey', field: expect.stringMatching(/^files\.\d$/) as string, key: 'role' },
      });
      const source = f.input.manifestText.replace('"source": {', '"source": { "name": "假冒",');
      expect(await verifyBundle({ ...f.input, manifestText: source })).toMatchObject({
        problem: { code: 'repeatedKey', field: 'source', key: 'name' },
      });
    });

    it('incrementalGap: made for another laptop, or for this one restored from an older backup', async () => {
      const f = await fixture();
      const since = { [NODE]: at(-5000), [OTHER_NODE]: at(-4000, 0, OTHER_NODE) };
      const manifestText = await resigned(f, (m) => ({
        ...m,
        kind: 'incremental',
        recipient: { node: OTHER_NODE, name: '督查二组-笔记本1' },
        since,
      }));
      // Another laptop: this one never had OTHER_NODE's changes up to since.
      expect(await verifyBundle({ ...f.input, manifestText, held: { [NODE]: at(-5000) } })).toEqual({
        ok: false,
        problem: {
          code: 'incrementalGap',
          recipient: { node: OTHER_NODE, name: '督查二组-笔记本1' },
          forThisLaptop: false,
          node: OTHER_NODE,
          needed: since[OTHER_NODE],
          held: null,
        },
      });
      seen.add('incrementalGap');
      // Made for this laptop, which was since restored from a backup that holds less.
      const forMe = await resigned(f, (m) => ({
        ...m,
        kind: 'incremental',
        recipient: { node: SELF, name: '本机' },
        since: { [NODE]: at(-5000), [SELF]: at(-3000, 0, SELF) },
      }));
      const restored = { [NODE]: at(-6000), [SELF]: at(-3000, 0, SELF) };
      expect(await verifyBundle({ ...f.input, manifestText: forMe, held: restored })).toMatchObject({
        ok: false,
        problem: {
          code: 'incrementalGap',
          forThisLaptop: true,
          node: NODE,
          needed: at(-5000),
          held: at(-6000),
        },
      });
      // A since fully covered passes; holding more is fine; a full bundle is never refused for this.
      const covered = { [NODE]: at(-5000), [SELF]: at(9000, 0, SELF), [OTHER_NODE]: at(0, 0, OTHER_NODE) };
      expect(await codeOf({ ...f.input, manifestText: forMe, held: covered })).toBe('ok');
      expect(await codeOf({ ...f.input, held: {} })).toBe('ok');
    });

    it('covers every code', () => {
      expect([...seen].sort()).toEqual([...BUNDLE_PROBLEM_CODES].sort());
    });
  });

  describe('malformedManifest names the field and the rule', () => {
    const rules = new Set<ManifestRule>();
    const expectRule = async (
      manifestText: string,
      field: string,
      rule: ManifestRule,
      input?: Partial<BundleInput>,
    ): Promise<void> => {
      const f = await fixture();
      const result = await verifyBundle({ ...f.input, ...input, manifestText });
      expect(result).toMatchObject({ ok: false, problem: { code: 'malformedManifest', field, rule } });
      if (!result.ok && result.problem.code === 'malformedManifest') {
        expect(result.problem.detail).toMatch(/^[\x20-\x7e]+$/); // English for support
      }
      rules.add(rule);
    };

    it('missing', async () => {
      const f = await fixture();
      const { app: _app, ...rest } = f.manifest;
      await expectRule(JSON.stringify(rest), 'app', 'missing');
      const { publicKey: _key, ...source } = f.manifest.source;
      await expectRule(JSON.stringify({ ...f.manifest, source }), 'source.publicKey', 'missing');
    });

    it('unknownField, named with its place', async () => {
      const f = await fixture();
      await expectRule(JSON.stringify({ ...f.manifest, extra: true }), 'extra', 'unknownField');
      const files = f.manifest.files.map((file, i) => (i === 1 ? { ...file, note: 'x' } : file));
      await expectRule(JSON.stringify({ ...f.manifest, files }), 'files.1.note', 'unknownField');
    });

    it('wrongType', async () => {
      const f = await fixture();
      await expectRule(JSON.stringify({ ...f.manifest, formatVersion: '1' }), 'formatVersion', 'wrongType');
      const files = f.manifest.files.map((file, i) => (i === 2 ? { ...file, size: '9' } : file));
      await expectRule(JSON.stringify({ ...f.manifest, files }), 'files.2.size', 'wrongType');
      await expectRule(JSON.stringify({ ...f.manifest, team: 'team-1' }), 'team', 'wrongType');
    });

    it('badFormat', async () => {
      const f = await fixture();
      await expectRule(JSON.stringify({ ...f.manifest, createdAt: 'yesterday' }), 'createdAt', 'badFormat');
      const files = f.manifest.files.map((file, i) => (i === 0 ? { ...file, sha256: 'ABC' } : file));
      await expectRule(JSON.stringify({ ...f.manifest, files }), 'files.0.sha256', 'badFormat');
      await expectRule(JSON.stringify({ ...f.manifest, kind: 'partial' }), 'kind', 'badFormat');
      const clockRange = { from: 'yesterday', to: at(2000) };
      await expectRule(JSON.stringify({ ...f.manifest, clockRange }), 'clockRange.from', 'badFormat');
      const knowledge = { NOT_A_NODE: at(0) };
      await expectRule(JSON.stringify({ ...f.manifest, knowledge }), 'knowledge.NOT_A_NODE', 'badFormat');
    });

    it('outOfRange', async () => {
      const f = await fixture();
      await expectRule(JSON.stringify({ ...f.manifest, formatVersion: 0 }), 'formatVersion', 'outOfRange');
      await expectRule(JSON.stringify({ ...f.manifest, app: 'x'.repeat(101) }), 'app', 'outOfRange');
      const operations = { ...f.manifest.operations, count: -1 };
      await expectRule(JSON.stringify({ ...f.manifest, operations }), 'operations.count', 'outOfRange');
    });

    it('tooDeep: 10^5 nested arrays or objects, without overflowing the stack', async () => {
      const f = await fixture();
      const n = 100_000;
      const arrays = f.input.manifestText.replace(
        '"app": "Ducha 0.1.0"',
        `"app": ${'['.repeat(n)}${']'.repeat(n)}`,
      );
      await expectRule(
        arrays,
        ['app', ...Array<string>(MAX_MANIFEST_DEPTH - 1).fill('0')].join('.'),
        'tooDeep',
      );
      const objects = f.input.manifestText.replace(
        '"knowledge": {',
        `"x": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}, "knowledge": {`,
      );
      await expectRule(
        objects,
        ['x', ...Array<string>(MAX_MANIFEST_DEPTH - 1).fill('a')].join('.'),
        'tooDeep',
      );
    });

    it('inconsistent', async () => {
      const f = await fixture();
      await expectRule(JSON.stringify({ ...f.manifest, clockRange: null }), 'clockRange', 'inconsistent');
      await expectRule(JSON.stringify({ ...f.manifest, kind: 'incremental' }), 'since', 'inconsistent');
    });

    it('covers every rule', () => {
      expect([...rules].sort()).toEqual([...MANIFEST_RULES].sort());
    });
  });

  it('checks in the documented order', async () => {
    const f = await fixture();
    // Unsigned and malformed: unsigned is named first.
    const { signature: _signature, ...rest } = f.manifest;
    expect(await codeOf({ ...f.input, manifestText: JSON.stringify({ ...rest, createdAt: 'x' }) })).toBe(
      'unsigned',
    );
    // A bad signature and a missing file: the signature is named first.
    const changed = JSON.stringify({ ...f.manifest, app: 'x' });
    expect(await codeOf({ ...f.input, manifestText: changed, files: [] })).toBe('badSignature');
    // A link and a missing file: the link first.
    expect(await codeOf({ ...f.input, files: [], refused: [{ path: 'l', reason: 'link' }] })).toBe('link');
    // A missing file and a clock ahead: the file first.
    expect(await codeOf({ ...f.input, files: [], now: 0 })).toBe('missingFile');
    // Not JSON and a repeated key: not JSON first; a repeated key before anything of the schema.
    const repeated = f.input.manifestText.replace('"format":', '"format": "zip", "format":');
    expect(await codeOf({ ...f.input, manifestText: `${repeated}x` })).toBe('notJson');
    expect(await codeOf({ ...f.input, manifestText: repeated })).toBe('repeatedKey');
    // A clock ahead and an incremental gap: the clock first (the gap is the last check).
    const gap = await resigned(f, (m) => ({
      ...m,
      kind: 'incremental',
      recipient: { node: OTHER_NODE, name: 'x' },
      since: { [OTHER_NODE]: at(0, 0, OTHER_NODE) },
    }));
    expect(await codeOf({ ...f.input, manifestText: gap })).toBe('incrementalGap');
    expect(await codeOf({ ...f.input, manifestText: gap, now: 0 })).toBe('clockAhead');
  });
});

// docs/example-bundle/ is read from disk as a reader would: hashed here, verified, decoded, and its
// records and history checked. It must also equal, byte for byte, what example-bundle.ts builds, so no
// byte of it changes unnoticed. After a deliberate change: WRITE_EXAMPLE_BUNDLE=1 npx vitest run
// test/unit/example-bundle.test.ts
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeOperations } from '../../shared/bundle/operations-ndjson';
import { verifyBundle } from '../../shared/bundle/verify';
import { sha256Hex } from '../../shared/crypto/sha256';
import type { IssueEvent } from '../../shared/domain/issue';
import { RECORD_SCHEMAS } from '../../shared/domain/records';
import { issueChain } from '../../shared/history/chain';
import { mergeOperations, splitRowKey, type SyncedRow } from '../../shared/sync/merge';
import type { SyncedTable } from '../../shared/sync/tables';
import { buildExampleBundle, ISSUE_ID, OTHER, PHOTO_ID, SOURCE } from './example-bundle';

const FOLDER = fileURLToPath(new URL('../../docs/example-bundle/', import.meta.url));

function readFolder(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
    }
  };
  walk(root);
  return files;
}

if (process.env.WRITE_EXAMPLE_BUNDLE === '1') {
  const built = await buildExampleBundle();
  rmSync(FOLDER, { recursive: true, force: true });
  for (const [path, bytes] of built) {
    mkdirSync(dirname(join(FOLDER, path)), { recursive: true });
    writeFileSync(join(FOLDER, path), bytes);
  }
}

describe('docs/example-bundle', () => {
  const disk = readFolder(FOLDER);

  it('is exactly the folder its records build, byte for byte', async () => {
    const built = await buildExampleBundle();
    expect([...disk.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [path, bytes] of built)
      expect(Buffer.from(disk.get(path) ?? []).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('verifies from disk as a reader reads it, and its operations decode and are valid records', async () => {
    const files = await Promise.all(
      [...disk].map(async ([path, bytes]) => ({ path, size: bytes.length, sha256: await sha256Hex(bytes) })),
    );
    const manifestText = new TextDecoder().decode(disk.get('bundle/manifest.json'));
    const check = await verifyBundle({
      manifestText,
      files,
      refused: [],
      now: Date.parse('2026-07-05T00:00:00.000Z'),
      trustedKeyOf: () => null,
      held: {},
      self: { node: 'fedcba9876543210' },
    });
    if (!check.ok) throw new Error(JSON.stringify(check.problem));
    expect(check).toMatchObject({ trust: 'unknown', unlisted: [] });
    const { manifest } = check;
    expect(Object.keys(manifest.knowledge).sort()).toEqual([OTHER, SOURCE]);

    const decoded = decodeOperations(
      disk.get(manifest.operations.path) ?? new Uint8Array(),
      manifest.operations.count,
      {
        clockRange: manifest.clockRange,
      },
    );
    if (!decoded.ok) throw new Error(JSON.stringify(decoded));
    const rows = new Map<string, SyncedRow>();
    mergeOperations(rows, decoded.operations);
    const byTable = new Map<SyncedTable, Record<string, unknown>[]>();
    for (const [key, row] of rows) {
      const { table } = splitRowKey(key);
      const { _clocks: _c, ...record } = row;
      // Each row is a whole record of its table once its operations are applied.
      const result = RECORD_SCHEMAS[table as SyncedTable].safeParse(record);
      expect(result.success, `${table} ${row.id}: ${result.error?.message ?? ''}`).toBe(true);
      byTable.set(table as SyncedTable, [...(byTable.get(table as SyncedTable) ?? []), record]);
    }
    expect([...byTable.keys()].sort()).toEqual(['issueEvents', 'issues', 'photos', 'projects']);

    // The photo's original travels as a blob listed under its hash.
    const photo = byTable.get('photos')?.find((p) => p.id === PHOTO_ID);
    const blob = manifest.files.find((file) => file.role === 'blob');
    expect(blob).toMatchObject({ sha256: photo?.sha256, size: photo?.byteLength, mimeType: 'image/jpeg' });
    expect([...(disk.get(blob?.path ?? '') ?? [])].slice(0, 3)).toEqual([0xff, 0xd8, 0xff]);

    // The history forked (two entries after the same one, at seq 2, one relayed from the other
    // laptop) and the next step joined both; it verifies as a whole.
    const history = (byTable.get('issueEvents') ?? []) as unknown as IssueEvent[];
    expect(history.every((entry) => entry.issueId === ISSUE_ID)).toBe(true);
    expect(await issueChain.verifyChain(history)).toEqual({ ok: true });
    const atTwo = history.filter((entry) => entry.seq === 2);
    expect(atTwo).toHaveLength(2);
    expect(atTwo[0]?.prevHash).toBe(atTwo[1]?.prevHash);
    const join = history.find((entry) => entry.joins !== undefined);
    expect(join?.seq).toBe(3);
    expect([join?.prevHash, ...(join?.joins ?? [])].sort()).toEqual(atTwo.map((entry) => entry.hash).sort());
    const relayed = decoded.operations.filter((op) => op.node === OTHER);
    expect(new Set(relayed.map((op) => op.table))).toEqual(new Set(['issueEvents']));
  });

  it('is refused once any byte of a listed file or of the signed manifest changes', async () => {
    const photoPath = [...disk.keys()].find((path) => path.endsWith('.jpg')) ?? '';
    const photo = Uint8Array.from(disk.get(photoPath) ?? []);
    photo[100] = (photo[100] ?? 0) ^ 1;
    const files = await Promise.all(
      [...disk].map(async ([path, bytes]) => ({
        path,
        size: bytes.length,
        sha256: await sha256Hex(path === photoPath ? photo : bytes),
      })),
    );
    const manifestText = new TextDecoder().decode(disk.get('bundle/manifest.json'));
    const base = {
      files,
      refused: [],
      now: Date.parse('2026-07-05T00:00:00.000Z'),
      trustedKeyOf: () => null,
      held: {},
      self: { node: 'fedcba9876543210' },
    };
    expect(await verifyBundle({ ...base, manifestText })).toMatchObject({
      ok: false,
      problem: { code: 'hashMismatch', path: photoPath },
    });
    const altered = manifestText.replace('"Ducha 0.1.0"', '"Ducha 0.1.1"');
    expect(await verifyBundle({ ...base, manifestText: altered })).toMatchObject({
      ok: false,
      problem: { code: 'badSignature' },
    });
  });
});

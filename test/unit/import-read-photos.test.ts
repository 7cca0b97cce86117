// Reading the originals for "Apply import", page side over the real host reader and real files: many
// photos go to one read and come back as the right bytes, each under its own hash; a file too large
// for one read comes in pieces; a photo changed on the stick after Verify stops the import by name.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManifestFile } from '../../shared/bundle/manifest';
import { MAX_READ_BYTES, type HostApi } from '../../shared/contract';
import { grantingHost, sha256Of } from '../../electron/host/exchange/test-bundle';
import {
  readGroups,
  readNewPhotos,
  type ImportApi,
} from '../../renderer/features/exchange/import/read-bundle';

const ctx = { dataDir: '/nonexistent' };
let folder = '';

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ducha-read-photos-'));
  // An export folder: the host reads files only inside one (it holds a manifest).
  mkdirSync(join(folder, 'bundle'));
  writeFileSync(join(folder, 'bundle', 'manifest.json'), '{}');
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/**
 * The host as the page sees it (its grant gate and reader), counting the calls of each channel, and
 * the bundle grant a scan of the folder gave.
 */
async function hostApi(): Promise<{ api: ImportApi; calls: Record<string, number>; bundleGrant: string }> {
  const { handlers: reader, grant } = grantingHost();
  const scanned = await reader.importScan({ grant: await grant(folder) }, ctx);
  if (scanned.status !== 'scanned') throw new Error(`not scanned: ${JSON.stringify(scanned)}`);
  const calls: Record<string, number> = { importScan: 0, importRead: 0, importReadFiles: 0 };
  const counted =
    <C extends keyof ImportApi>(channel: C, handler: (request: never, context: typeof ctx) => unknown) =>
    (request: Parameters<HostApi[C]>[0]) => {
      calls[channel] = (calls[channel] ?? 0) + 1;
      return handler(request as never, ctx) as ReturnType<HostApi[C]>;
    };
  return {
    api: {
      importScan: counted('importScan', reader.importScan),
      importRead: counted('importRead', reader.importRead),
      importReadFiles: counted('importReadFiles', reader.importReadFiles),
    },
    calls,
    bundleGrant: scanned.bundleGrant,
  };
}

/** Photos written as a bundle holds them, and their manifest entries. */
function writePhotos(sizes: readonly number[]): { files: ManifestFile[]; bytes: Map<string, Buffer> } {
  const files: ManifestFile[] = [];
  const bytes = new Map<string, Buffer>();
  for (const size of sizes) {
    const photo = randomBytes(size);
    const sha256 = sha256Of(photo);
    const path = `bundle/blobs/${sha256.slice(0, 2)}/${sha256}.jpg`;
    mkdirSync(join(folder, 'bundle', 'blobs', sha256.slice(0, 2)), { recursive: true });
    writeFileSync(join(folder, ...path.split('/')), photo);
    files.push({ path, sha256, size, role: 'blob', mimeType: 'image/jpeg' });
    bytes.set(sha256, photo);
  }
  return { files, bytes };
}

const bundleOf = (bundleGrant: string, files: ManifestFile[], newPhotos = files.map((f) => f.sha256)) => ({
  bundleGrant,
  manifest: { files },
  preview: { newPhotos },
});

describe('readNewPhotos', () => {
  it('reads many photos a read, each with its own bytes and type, and reports every byte', async () => {
    const sizes = Array.from({ length: 300 }, (_, i) => 1_000 + ((i * 7919) % 60_000));
    const { files, bytes } = writePhotos(sizes);
    const { api, calls, bundleGrant } = await hostApi();
    const progress: number[] = [];
    // One photo is already on this laptop: it is not read.
    const reading = await readNewPhotos(
      api,
      bundleOf(
        bundleGrant,
        files,
        files.slice(1).map((f) => f.sha256),
      ),
      (done) => progress.push(done),
      new AbortController().signal,
    );
    if (reading.status !== 'read') throw new Error(`not read: ${JSON.stringify(reading)}`);
    expect(reading.photos.map((p) => p.sha256).sort()).toEqual(
      files
        .slice(1)
        .map((f) => f.sha256)
        .sort(),
    );
    for (const photo of reading.photos) {
      expect(
        Buffer.from(await photo.blob.arrayBuffer()).equals(bytes.get(photo.sha256) ?? Buffer.alloc(0)),
      ).toBe(true);
      expect(photo.blob.type).toBe('image/jpeg');
      expect(photo.byteLength).toBe(photo.blob.size);
    }
    const total = sizes.slice(1).reduce((n, s) => n + s, 0);
    expect(progress.at(-1)).toBe(total);
    // 299 photos, ~9 MB: a few reads, not one per photo.
    expect(calls.importReadFiles).toBeGreaterThan(0);
    expect(calls.importReadFiles).toBeLessThan(10);
    expect(calls.importRead).toBe(0);
  });

  it('reads a file too large for one read in pieces and checks it whole', async () => {
    const { files, bytes } = writePhotos([MAX_READ_BYTES + 5, 2_000]);
    const { api, calls, bundleGrant } = await hostApi();
    const reading = await readNewPhotos(
      api,
      bundleOf(bundleGrant, files),
      () => undefined,
      new AbortController().signal,
    );
    if (reading.status !== 'read') throw new Error(`not read: ${JSON.stringify(reading)}`);
    const big = reading.photos.find((p) => p.byteLength > MAX_READ_BYTES);
    const expected = bytes.get(big?.sha256 ?? '') ?? Buffer.alloc(0);
    expect(big && Buffer.from(await big.blob.arrayBuffer()).equals(expected)).toBe(true);
    expect(calls.importRead).toBe(5); // 64 MiB + 5 bytes in 16 MiB pieces
    expect(calls.importReadFiles).toBe(1);
  });

  it('stops with the file named when a photo changed on the stick after Verify', async () => {
    const { files } = writePhotos([5_000, 6_000, 7_000]);
    const changed = files[1];
    if (!changed) throw new Error('no photo');
    writeFileSync(join(folder, ...changed.path.split('/')), randomBytes(6_000));
    const { api, bundleGrant } = await hostApi();
    const reading = await readNewPhotos(
      api,
      bundleOf(bundleGrant, files),
      () => undefined,
      new AbortController().signal,
    );
    expect(reading).toMatchObject({ status: 'failed', failure: { fault: 'verifyFailed' } });
    expect(reading.status === 'failed' && reading.failure.detail).toContain(changed.path);
  });

  it('stops with the file named when a photo on the stick is shorter than its manifest says', async () => {
    const { files } = writePhotos([5_000]);
    const [photo] = files;
    if (!photo) throw new Error('no photo');
    const { api, bundleGrant } = await hostApi();
    const reading = await readNewPhotos(
      api,
      bundleOf(bundleGrant, [{ ...photo, size: 5_001 }]),
      () => undefined,
      new AbortController().signal,
    );
    expect(reading).toMatchObject({ status: 'failed', failure: { fault: 'verifyFailed' } });
    expect(reading.status === 'failed' && reading.failure.detail).toContain(photo.path);
  });

  it('reads nothing once cancelled', async () => {
    const { files } = writePhotos([5_000, 6_000]);
    const { api, calls, bundleGrant } = await hostApi();
    const cancel = new AbortController();
    cancel.abort();
    expect(await readNewPhotos(api, bundleOf(bundleGrant, files), () => undefined, cancel.signal)).toEqual({
      status: 'cancelled',
    });
    expect(calls.importReadFiles).toBe(0);
  });
});

describe('readGroups', () => {
  const file = (size: number): ManifestFile => ({
    path: `f${String(size)}`,
    sha256: '0'.repeat(64),
    size,
    role: 'blob',
  });

  it('keeps each group within the bytes and files allowed, in order, a large file alone', () => {
    const files = [10, 20, 30, 100, 5, 5, 5, 5].map(file);
    expect(readGroups(files, 60, 3).map((g) => g.map((f) => f.size))).toEqual([
      [10, 20, 30],
      [100],
      [5, 5, 5],
      [5],
    ]);
    expect(readGroups([], 60, 3)).toEqual([]);
  });
});

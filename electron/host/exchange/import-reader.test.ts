// Reading an export folder on real files: a folder written by the export side scans back to the same
// digests; links, named pipes, sockets, devices and unsafe names are refused by kind, never followed;
// limits hold; and no read reaches outside the folder, whatever path or link it is given.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  promises as fs,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, MAX_MANIFEST_BYTES } from '../../../shared/bundle/manifest';
import { MAX_READ_BYTES } from '../../../shared/contract';
import { createExportWriter, PARTIAL_PREFIX } from './export-writer';
import { createImportReader, notARegularFile } from './import-reader';
import { describeFile, manifestFor, sha256Of, TEST_CONTEXT as ctx, writeFiles } from './test-bundle';

let root = '';
const reader = createImportReader();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ducha-import-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A hand-made export folder: the manifest and the given files. */
function makeBundle(folder: string, files: Record<string, string | Uint8Array> = {}): string {
  mkdirSync(join(folder, 'bundle'), { recursive: true });
  writeFileSync(join(folder, MANIFEST_PATH), manifestFor([]));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(folder, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(folder, ...path.split('/')), bytes);
  }
  return folder;
}

describe('importScan', () => {
  it('gives back what the export side wrote: the manifest text and every file with its digest', async () => {
    const files = new Map<string, Uint8Array>([
      ['bundle/operations.ndjson', Buffer.from('{"op":1}\n')],
      ['bundle/blobs/12/1234.jpg', randomBytes(150_000)],
      ['报告/督查通报.pdf', randomBytes(30_000)],
    ]);
    const writer = createExportWriter({ fileSystemOf: () => Promise.resolve(null) });
    const begun = await writer.exportBegin({
      targetDir: root,
      folderName: 'export',
      totalBytes: 200_000,
      largestFileBytes: 150_000,
    });
    if (begun.status !== 'started') throw new Error(begun.detail);
    await writeFiles(writer, begun.sessionId, files);
    const manifest = manifestFor([...files].map(([p, b]) => describeFile(p, b)));
    expect((await writer.exportFinish({ sessionId: begun.sessionId, manifest }, ctx)).status).toBe('done');

    const scanned = await reader.importScan({ folder: join(root, 'export') });
    expect(scanned).toEqual({
      status: 'scanned',
      folder: join(root, 'export'),
      bundleGrant: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      manifest,
      // Sorted by path; the manifest itself comes as text, not as a file.
      files: [...files]
        .map(([path, bytes]) => ({ path, size: bytes.byteLength, sha256: sha256Of(bytes) }))
        .sort((a, b) => (a.path < b.path ? -1 : 1)),
      refused: [],
    });
  });

  it('on a folder without a manifest, names the export folders one level down', async () => {
    makeBundle(join(root, 'export-2026-03-01'));
    makeBundle(join(root, '导出-思茅'));
    // Not candidates: an unfinished export, a folder without a manifest, a link to an export.
    makeBundle(join(root, `${PARTIAL_PREFIX}export-2026-03-02-0a1b2c3d`));
    mkdirSync(join(root, 'photos'));
    symlinkSync(join(root, 'export-2026-03-01'), join(root, 'linked-export'));

    const answer = await reader.importScan({ folder: root });
    expect(answer.status).toBe('notABundle');
    if (answer.status !== 'notABundle') return;
    expect(answer.candidates.map((c) => c.name).sort()).toEqual(['export-2026-03-01', '导出-思茅'].sort());
    expect(answer.candidates.find((c) => c.name === '导出-思茅')?.folder).toBe(join(root, '导出-思茅'));
  });

  it('never takes an unfinished export for a bundle, even with its manifest written', async () => {
    const partial = makeBundle(join(root, `${PARTIAL_PREFIX}export-0a1b2c3d`));
    expect(await reader.importScan({ folder: partial })).toEqual({
      status: 'notABundle',
      candidates: [],
    });
  });

  it('refuses links, special files and unsafe names, and does not walk into a linked folder', async () => {
    const folder = makeBundle(join(root, 'export'), {
      'bundle/operations.ndjson': 'ops',
      'CON.txt': 'reserved on Windows',
      'trailing.': 'dot',
      'a:b.txt': 'colon',
    });
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'secret.txt'), 'not part of the export');
    symlinkSync(join(root, 'outside', 'secret.txt'), join(folder, 'bundle', 'link.txt'));
    symlinkSync(join(root, 'outside'), join(folder, 'linked-folder'));
    symlinkSync('/etc/passwd', join(folder, 'passwd'));
    execFileSync('mkfifo', [join(folder, 'bundle', 'pipe')]);

    const answer = await reader.importScan({ folder });
    expect(answer.status).toBe('scanned');
    if (answer.status !== 'scanned') return;
    expect(answer.files.map((f) => f.path)).toEqual(['bundle/operations.ndjson']);
    expect([...answer.refused].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
      { path: 'CON.txt', reason: 'unsafeName' },
      { path: 'a:b.txt', reason: 'unsafeName' },
      { path: 'bundle/link.txt', reason: 'link' },
      { path: 'bundle/pipe', reason: 'fifo' },
      { path: 'linked-folder', reason: 'link' },
      { path: 'passwd', reason: 'link' },
      { path: 'trailing.', reason: 'unsafeName' },
    ]);
  });

  it('names what it refuses by kind: a link, a named pipe, a socket, a device', async () => {
    const folder = makeBundle(join(root, 'export'), { 'bundle/operations.ndjson': 'ops' });
    symlinkSync(join(folder, 'bundle', 'operations.ndjson'), join(folder, 'bundle', 'link'));
    execFileSync('mkfifo', [join(folder, 'bundle', 'pipe')]);
    // A real socket, listening where a file should be (closed again below).
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(folder, 'bundle', 'socket'), resolve));
    try {
      const answer = await reader.importScan({ folder });
      expect(
        answer.status === 'scanned' && [...answer.refused].sort((a, b) => (a.path < b.path ? -1 : 1)),
      ).toEqual([
        { path: 'bundle/link', reason: 'link' },
        { path: 'bundle/pipe', reason: 'fifo' },
        { path: 'bundle/socket', reason: 'socket' },
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // A device file cannot be made without root; the system's own is lstat'ed the same way.
    expect(notARegularFile(lstatSync('/dev/null'))).toBe('device');
    expect(notARegularFile(lstatSync(folder))).toBeNull();
    expect(notARegularFile(lstatSync(join(folder, 'bundle', 'operations.ndjson')))).toBeNull();
  });

  it('names the kind of a manifest that is not a regular file', async () => {
    const folder = join(root, 'export');
    mkdirSync(join(folder, 'bundle'), { recursive: true });
    execFileSync('mkfifo', [join(folder, MANIFEST_PATH)]);
    expect(await reader.importScan({ folder })).toMatchObject({
      status: 'failed',
      fault: 'unsafePath',
      detail: 'bundle/manifest.json is a named pipe (FIFO)',
    });
  });

  it('refuses a bundle folder that is a link, rather than reading a manifest through it', async () => {
    const elsewhere = makeBundle(join(root, 'elsewhere'));
    const folder = join(root, 'export');
    mkdirSync(folder);
    symlinkSync(join(elsewhere, 'bundle'), join(folder, 'bundle'));
    expect(await reader.importScan({ folder })).toMatchObject({ status: 'failed', fault: 'unsafePath' });
  });

  it('refuses a manifest over the size limit without reading it', async () => {
    const folder = makeBundle(join(root, 'export'));
    // A sparse file: one byte over the real limit, without writing 64 MiB.
    await fs.truncate(join(folder, MANIFEST_PATH), MAX_MANIFEST_BYTES + 1);
    const answer = await reader.importScan({ folder });
    expect(answer).toMatchObject({ status: 'failed', fault: 'tooLarge' });
  });

  it('refuses a folder with more files than a bundle may hold', async () => {
    const folder = makeBundle(join(root, 'export'), { a: '1', b: '2', c: '3', 'd/e': '4' });
    const small = createImportReader({ maxFiles: 3 });
    expect(await small.importScan({ folder })).toMatchObject({ status: 'failed', fault: 'tooLarge' });
    const enough = createImportReader({ maxFiles: 4 });
    expect(await enough.importScan({ folder })).toMatchObject({ status: 'scanned' });
  });

  it('refuses a relative folder, which would depend on where the host was started', async () => {
    expect(await reader.importScan({ folder: 'export' })).toMatchObject({ fault: 'unsafePath' });
    const read = await reader.importRead({ folder: 'export', path: 'a', offset: 0, length: 1 });
    expect(read).toMatchObject({ fault: 'unsafePath' });
  });

  it('answers notFound and notAFolder', async () => {
    expect(await reader.importScan({ folder: join(root, 'none') })).toMatchObject({ fault: 'notFound' });
    writeFileSync(join(root, 'file'), 'x');
    expect(await reader.importScan({ folder: join(root, 'file') })).toMatchObject({
      fault: 'notAFolder',
    });
  });
});

describe('importRead', () => {
  const photo = randomBytes(100_000);
  let folder = '';
  beforeEach(() => {
    folder = makeBundle(join(root, 'export'), { 'bundle/blobs/ab/photo.jpg': photo });
  });
  const read = (path: string, offset = 0, length = 1024 * 1024) =>
    reader.importRead({ folder, path, offset, length });

  it('gives the bytes asked for and the whole file size', async () => {
    expect(await read('bundle/blobs/ab/photo.jpg', 1000, 5000)).toEqual({
      status: 'read',
      size: 100_000,
      bytes: photo.subarray(1000, 6000),
    });
    const tail = await read('bundle/blobs/ab/photo.jpg', 99_000, 5000);
    expect(tail).toEqual({ status: 'read', size: 100_000, bytes: photo.subarray(99_000) });
    const past = await read('bundle/blobs/ab/photo.jpg', 200_000, 10);
    expect(past).toMatchObject({ status: 'read', size: 100_000 });
    expect(past.status === 'read' && past.bytes instanceof Uint8Array && past.bytes.byteLength).toBe(0);
  });

  it.each(['../export/bundle/manifest.json', '/etc/passwd', 'bundle/../../x', 'bundle\\manifest.json'])(
    'refuses the path %s',
    async (path) => {
      expect(await read(path)).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    },
  );

  it('refuses a path through a linked folder, and a linked file', async () => {
    symlinkSync('/etc', join(folder, 'etc'));
    expect(await read('etc/passwd')).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    symlinkSync('/etc/passwd', join(folder, 'bundle', 'passwd'));
    expect(await read('bundle/passwd')).toMatchObject({ status: 'failed', fault: 'unsafePath' });
  });

  it('reads through a chosen folder that is itself a link, but stays inside it', async () => {
    symlinkSync(folder, join(root, 'chosen'));
    const answer = await reader.importRead({
      folder: join(root, 'chosen'),
      path: 'bundle/blobs/ab/photo.jpg',
      offset: 0,
      length: 10,
    });
    expect(answer).toEqual({ status: 'read', size: 100_000, bytes: photo.subarray(0, 10) });
  });

  it('refuses a folder as a file, and answers notFound for a missing one', async () => {
    expect(await read('bundle/blobs')).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    expect(await read('bundle/blobs/ab/none.jpg')).toMatchObject({ status: 'failed', fault: 'notFound' });
    expect(await read('bundle/manifest.json/x')).toMatchObject({ status: 'failed', fault: 'notFound' });
  });
});

describe('importReadFiles', () => {
  const first = randomBytes(100_000);
  const second = randomBytes(3_000);
  let folder = '';
  beforeEach(() => {
    folder = makeBundle(join(root, 'export'), {
      'bundle/blobs/ab/first.jpg': first,
      'bundle/blobs/cd/second.jpg': second,
    });
  });
  const readFiles = (files: { path: string; sha256: string }[]) => reader.importReadFiles({ folder, files });
  const both = () => [
    { path: 'bundle/blobs/ab/first.jpg', sha256: sha256Of(first) },
    { path: 'bundle/blobs/cd/second.jpg', sha256: sha256Of(second) },
  ];

  it('hands over whole files one after another, with where each ends', async () => {
    expect(await readFiles(both())).toEqual({
      status: 'read',
      sizes: [100_000, 3_000],
      bytes: Buffer.concat([first, second]),
    });
  });

  it('hands over nothing when one file no longer has the SHA-256 it is asked for', async () => {
    // One byte changed on the stick after Verify: refused, and its neighbour is not handed over either.
    const changed = Buffer.from(second);
    changed[500] = (changed[500] ?? 0) ^ 0xff;
    writeFileSync(join(folder, 'bundle', 'blobs', 'cd', 'second.jpg'), changed);
    const refused = await readFiles(both());
    expect(refused).toMatchObject({ status: 'failed', fault: 'verifyFailed' });
    expect(refused.status === 'failed' && refused.detail).toMatch(/second\.jpg changed after it was checked/);
  });

  it('refuses unsafe names and links as importRead does', async () => {
    symlinkSync('/etc/passwd', join(folder, 'bundle', 'passwd'));
    const ok = both()[0] ?? { path: '', sha256: '' };
    expect(await readFiles([ok, { path: 'bundle/passwd', sha256: ok.sha256 }])).toMatchObject({
      status: 'failed',
      fault: 'unsafePath',
    });
    expect(await readFiles([{ path: '../export/bundle/manifest.json', sha256: ok.sha256 }])).toMatchObject({
      status: 'failed',
      fault: 'unsafePath',
    });
  });

  it('refuses files that together hold more than one read may', async () => {
    const big = Buffer.alloc(MAX_READ_BYTES / 2 + 1, 7);
    writeFileSync(join(folder, 'bundle', 'big1'), big);
    writeFileSync(join(folder, 'bundle', 'big2'), big);
    const answer = await readFiles([
      { path: 'bundle/big1', sha256: sha256Of(big) },
      { path: 'bundle/big2', sha256: sha256Of(big) },
    ]);
    expect(answer).toMatchObject({ status: 'failed', fault: 'tooLarge' });
  });
});

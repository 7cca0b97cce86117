// Export sessions on real folders: what a finished export looks like, what is left while one is in
// progress, and that every refusal and failure leaves nothing behind that could pass for an export.
// Faults that need a real full, read-only or pulled file system are in faults.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, MAX_BUNDLE_FILE_BYTES } from '../../../shared/bundle/manifest';
import { createExportWriter, PARTIAL_PREFIX, type ExportHandlers } from './export-writer';
import { fileSystemOf } from './file-system-of';
import { describeFile, manifestFor, sha256Of, TEST_CONTEXT as ctx, writeFiles } from './test-bundle';

let target = '';
let writer: ExportHandlers;

const noDrives = () => Promise.resolve({ drives: [], lister: null, problem: null });
const newWriter = (limits: { maxFileBytes?: number; idleMs?: number } = {}): ExportHandlers =>
  createExportWriter({
    fileSystemOf: (folder) => fileSystemOf(folder, { platform: process.platform, listDrives: noDrives }),
    ...limits,
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  target = mkdtempSync(join(tmpdir(), 'ducha-export-'));
  writer = newWriter();
});

afterEach(() => {
  rmSync(target, { recursive: true, force: true });
});

const begin = (folderName = '督查导出-2026-03-01', totalBytes = 1000, largestFileBytes = 1000) =>
  writer.exportBegin({ targetDir: target, folderName, totalBytes, largestFileBytes });

async function started(folderName?: string): Promise<string> {
  const answer = await begin(folderName);
  if (answer.status !== 'started') throw new Error(`exportBegin failed: ${answer.detail}`);
  return answer.sessionId;
}

const listTarget = () => fs.readdir(target);

const FILES = new Map<string, Uint8Array>([
  ['bundle/operations.ndjson', Buffer.from('{"op":1}\n{"op":2}\n')],
  ['bundle/blobs/ab/abcdef.jpg', randomBytes(200_000)],
  ['照片/现场 1.jpg', randomBytes(70_000)],
  ['empty.txt', new Uint8Array(0)],
]);
const described = [...FILES].map(([path, bytes]) => describeFile(path, bytes));

describe('a complete export', () => {
  it('is written under a hidden name, renamed into place, and holds exactly what was handed over', async () => {
    const answer = await begin();
    expect(answer).toMatchObject({ status: 'started', finalPath: join(target, '督查导出-2026-03-01') });
    if (answer.status !== 'started') return;
    expect(answer.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.freeBytes).toBeGreaterThan(0);
    expect(answer.fileSystem).not.toBeNull();

    const last = await writeFiles(writer, answer.sessionId, FILES, 50_000);
    expect(last).toEqual({ status: 'written', size: 0, sha256: sha256Of(new Uint8Array(0)) });
    // While in progress only the temporary folder is there.
    const during = await listTarget();
    expect(during).toHaveLength(1);
    expect(during[0]?.startsWith(`${PARTIAL_PREFIX}督查导出-2026-03-01-`)).toBe(true);

    const manifest = manifestFor(described);
    const done = await writer.exportFinish({ sessionId: answer.sessionId, manifest }, ctx);
    const totalBytes = [...FILES.values()].reduce(
      (sum, b) => sum + b.byteLength,
      Buffer.byteLength(manifest),
    );
    expect(done).toEqual({
      status: 'done',
      path: answer.finalPath,
      files: FILES.size + 1,
      bytes: totalBytes,
    });

    expect(await listTarget()).toEqual(['督查导出-2026-03-01']);
    for (const [path, bytes] of FILES) {
      const onDisk = await fs.readFile(join(answer.finalPath, ...path.split('/')));
      expect(sha256Of(onDisk)).toBe(sha256Of(bytes));
    }
    expect(await fs.readFile(join(answer.finalPath, MANIFEST_PATH), 'utf8')).toBe(manifest);
    // No temporary manifest name is left in the bundle folder.
    expect((await fs.readdir(join(answer.finalPath, 'bundle'))).sort()).toEqual([
      'blobs',
      'manifest.json',
      'operations.ndjson',
    ]);
    // The session is over.
    expect(await writer.exportAbort({ sessionId: answer.sessionId }, ctx)).toEqual({ removed: false });
  });

  it('answers each piece with the size so far, and the SHA-256 once the file is final', async () => {
    const sessionId = await started();
    const bytes = Buffer.from('整改通知书 第一页');
    const first = await writer.exportWrite(
      { sessionId, path: 'a.txt', offset: 0, final: false, bytes: bytes.subarray(0, 5) },
      ctx,
    );
    expect(first).toEqual({ status: 'written', size: 5, sha256: null });
    const second = await writer.exportWrite(
      { sessionId, path: 'a.txt', offset: 5, final: true, bytes: bytes.subarray(5) },
      ctx,
    );
    expect(second).toEqual({ status: 'written', size: bytes.byteLength, sha256: sha256Of(bytes) });
  });

  it('keeps pieces asked for all at once in the order they were asked', async () => {
    const sessionId = await started();
    const bytes = randomBytes(40_000);
    const pieces = [0, 10_000, 20_000, 30_000].map((offset) =>
      writer.exportWrite(
        {
          sessionId,
          path: 'p.bin',
          offset,
          final: offset === 30_000,
          bytes: bytes.subarray(offset, offset + 10_000),
        },
        ctx,
      ),
    );
    const answers = await Promise.all(pieces);
    expect(answers.map((a) => a.status)).toEqual(['written', 'written', 'written', 'written']);
    expect(answers[3]).toMatchObject({ sha256: sha256Of(bytes), size: 40_000 });
  });
});

describe('files side by side', () => {
  it('writes several files at once, each in the order of its pieces, and finishes after all', async () => {
    const sessionId = await started();
    const files = new Map(
      ['photos/a.jpg', 'photos/b.jpg', 'bundle/blobs/c.jpg'].map((path) => [path, randomBytes(30_000)]),
    );
    // Every piece of every file asked for at once, as the page's lanes do it.
    const pieces = [...files].flatMap(([path, bytes]) =>
      [0, 10_000, 20_000].map((offset) =>
        writer.exportWrite(
          {
            sessionId,
            path,
            offset,
            final: offset === 20_000,
            bytes: bytes.subarray(offset, offset + 10_000),
          },
          ctx,
        ),
      ),
    );
    const manifest = manifestFor([...files].map(([path, bytes]) => describeFile(path, bytes)));
    const finished = writer.exportFinish({ sessionId, manifest }, ctx);
    const answers = await Promise.all(pieces);
    expect(answers.every((a) => a.status === 'written')).toBe(true);
    expect(await finished).toMatchObject({ status: 'done', files: 4 });
    const [folder] = await listTarget();
    for (const [path, bytes] of files)
      expect(await fs.readFile(join(target, folder ?? '', ...path.split('/')))).toEqual(bytes);
  });

  it('ends the session on one file’s failure once the files beside it stop, and leaves nothing', async () => {
    writer = newWriter({ maxFileBytes: 50_000 });
    const sessionId = await started();
    const write = (path: string, size: number) =>
      writer.exportWrite({ sessionId, path, offset: 0, final: false, bytes: randomBytes(size) }, ctx);
    const [first, tooLarge, third] = await Promise.all([
      write('photos/a.jpg', 40_000),
      write('photos/b.jpg', 60_000),
      write('deep/er/c.jpg', 40_000),
    ]);
    expect(tooLarge).toMatchObject({ status: 'failed', fault: 'fileTooLarge' });
    // The others were written or found the session gone; either way nothing is left on the stick.
    for (const answer of [first, third]) expect(['written', 'failed']).toContain(answer?.status);
    expect(await listTarget()).toEqual([]);
    expect(await write('photos/d.jpg', 10)).toMatchObject({ status: 'failed', fault: 'unknownSession' });
  });
});

describe('exportBegin refuses', () => {
  it('a target that is not there, or not a folder, before making anything', async () => {
    const missing = await writer.exportBegin({
      targetDir: join(target, 'nope'),
      folderName: 'x',
      totalBytes: 1,
      largestFileBytes: 1,
    });
    expect(missing).toMatchObject({ status: 'failed', fault: 'notFound' });
    writeFileSync(join(target, 'file'), 'x');
    const file = await writer.exportBegin({
      targetDir: join(target, 'file'),
      folderName: 'x',
      totalBytes: 1,
      largestFileBytes: 1,
    });
    expect(file).toMatchObject({ status: 'failed', fault: 'notAFolder' });
    expect(await listTarget()).toEqual(['file']);
  });

  it.each(['../escape', 'a/b', '..', '.', 'con', 'name.', 'a\\b', `${PARTIAL_PREFIX}x`])(
    'an unsafe folder name: %s',
    async (name) => {
      expect(await begin(name)).toMatchObject({ status: 'failed', fault: 'unsafePath' });
      expect(await listTarget()).toEqual([]);
    },
  );

  it('a relative target, which would depend on where the host was started', async () => {
    const answer = await writer.exportBegin({
      targetDir: 'exports',
      folderName: 'x',
      totalBytes: 1,
      largestFileBytes: 1,
    });
    expect(answer).toMatchObject({ status: 'failed', fault: 'unsafePath' });
  });

  it('a folder name already there, even an empty folder', async () => {
    await fs.mkdir(join(target, 'export'));
    expect(await begin('export')).toMatchObject({ status: 'failed', fault: 'exists' });
    expect(await listTarget()).toEqual(['export']);
  });

  it('a file larger than any bundle may hold, before writing a byte', async () => {
    const answer = await begin('big', MAX_BUNDLE_FILE_BYTES + 1, MAX_BUNDLE_FILE_BYTES + 1);
    expect(answer).toMatchObject({ status: 'failed', fault: 'fileTooLarge' });
    expect(await listTarget()).toEqual([]);
  });
});

/** After a failure: nothing in the target, and the session is gone. */
async function expectEnded(sessionId: string): Promise<void> {
  expect(await listTarget()).toEqual([]);
  const next = await writer.exportWrite(
    { sessionId, path: 'z.txt', offset: 0, final: true, bytes: new Uint8Array(1) },
    ctx,
  );
  expect(next).toMatchObject({ status: 'failed', fault: 'unknownSession' });
}

describe('exportWrite', () => {
  it.each(['../x', '/etc/passwd', 'a/../../x', 'C:/Windows/x', 'a//b', 'bundle\\x'])(
    'refuses the unsafe path %s and ends the session',
    async (path) => {
      const sessionId = await started();
      const answer = await writer.exportWrite(
        { sessionId, path, offset: 0, final: true, bytes: new Uint8Array(1) },
        ctx,
      );
      expect(answer).toMatchObject({ status: 'failed', fault: 'unsafePath' });
      await expectEnded(sessionId);
    },
  );

  it('refuses the manifest, which only exportFinish writes', async () => {
    const sessionId = await started();
    const answer = await writer.exportWrite(
      { sessionId, path: MANIFEST_PATH, offset: 0, final: true, bytes: new Uint8Array(2) },
      ctx,
    );
    expect(answer).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    await expectEnded(sessionId);
  });

  it('refuses a piece out of order', async () => {
    const sessionId = await started();
    await writer.exportWrite(
      { sessionId, path: 'a', offset: 0, final: false, bytes: new Uint8Array(10) },
      ctx,
    );
    const gap = await writer.exportWrite(
      { sessionId, path: 'a', offset: 20, final: true, bytes: new Uint8Array(10) },
      ctx,
    );
    expect(gap).toMatchObject({ status: 'failed', fault: 'io' });
    await expectEnded(sessionId);
  });

  it('refuses a first piece that does not start at 0', async () => {
    const sessionId = await started();
    const answer = await writer.exportWrite(
      { sessionId, path: 'a', offset: 5, final: true, bytes: new Uint8Array(1) },
      ctx,
    );
    expect(answer).toMatchObject({ status: 'failed', fault: 'io' });
    await expectEnded(sessionId);
  });

  it('refuses two names that differ only in case, which FAT and NTFS take for one file', async () => {
    const sessionId = await started();
    await writer.exportWrite(
      { sessionId, path: 'Photo.JPG', offset: 0, final: true, bytes: new Uint8Array(1) },
      ctx,
    );
    const answer = await writer.exportWrite(
      { sessionId, path: 'photo.jpg', offset: 0, final: true, bytes: new Uint8Array(1) },
      ctx,
    );
    expect(answer).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    await expectEnded(sessionId);
  });

  it('refuses folders whose names differ only in case, and allows the same folder twice', async () => {
    const sessionId = await started();
    const write = (path: string) =>
      writer.exportWrite({ sessionId, path, offset: 0, final: true, bytes: new Uint8Array(1) }, ctx);
    expect((await write('Photos/a.jpg')).status).toBe('written');
    expect((await write('Photos/b.jpg')).status).toBe('written');
    expect(await write('photos/c.jpg')).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    await expectEnded(sessionId);
  });

  it('refuses a piece that takes a file past the largest size, and leaves nothing', async () => {
    writer = newWriter({ maxFileBytes: 1000 });
    const sessionId = await started();
    const first = await writer.exportWrite(
      { sessionId, path: 'v.mp4', offset: 0, final: false, bytes: new Uint8Array(600) },
      ctx,
    );
    expect(first.status).toBe('written');
    const second = await writer.exportWrite(
      { sessionId, path: 'v.mp4', offset: 600, final: true, bytes: new Uint8Array(401) },
      ctx,
    );
    expect(second).toMatchObject({ status: 'failed', fault: 'fileTooLarge' });
    await expectEnded(sessionId);
  });

  it('answers unknownSession for an id it never gave', async () => {
    const answer = await writer.exportWrite(
      { sessionId: 'f'.repeat(32), path: 'a', offset: 0, final: true, bytes: new Uint8Array(1) },
      ctx,
    );
    expect(answer).toMatchObject({ status: 'failed', fault: 'unknownSession' });
  });
});

describe('exportFinish', () => {
  async function writtenSession(): Promise<string> {
    const sessionId = await started();
    expect((await writeFiles(writer, sessionId, FILES))?.status).toBe('written');
    return sessionId;
  }

  it('answers a manifest that is not JSON with io, not a crash, and removes the export', async () => {
    const sessionId = await writtenSession();
    const answer = await writer.exportFinish({ sessionId, manifest: '{"format": "ducha-bundle",' }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'io' });
    expect(answer.status === 'failed' && answer.detail).toMatch(/not JSON/);
    await expectEnded(sessionId);
  });

  it('answers a manifest that breaks the bundle format with io and the reason', async () => {
    const sessionId = await writtenSession();
    const broken = JSON.stringify({ ...JSON.parse(manifestFor(described)), formatVersion: 9 });
    const answer = await writer.exportFinish({ sessionId, manifest: broken }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'io' });
    expect(answer.status === 'failed' && answer.detail).toMatch(/formatVersion/);
    await expectEnded(sessionId);
  });

  it('refuses a manifest listing a file that was not written', async () => {
    const sessionId = await writtenSession();
    const extra = [...described, describeFile('missing.bin', new Uint8Array(3))];
    const answer = await writer.exportFinish({ sessionId, manifest: manifestFor(extra) }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'verifyFailed' });
    await expectEnded(sessionId);
  });

  it('refuses a manifest whose digest differs from what was written', async () => {
    const sessionId = await writtenSession();
    const wrong = described.map((f, i) => (i === 1 ? { ...f, sha256: sha256Of('something else') } : f));
    const answer = await writer.exportFinish({ sessionId, manifest: manifestFor(wrong) }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'verifyFailed' });
    await expectEnded(sessionId);
  });

  it('refuses a file written but not listed, and a file not written to its end', async () => {
    const sessionId = await writtenSession();
    const answer = await writer.exportFinish({ sessionId, manifest: manifestFor(described.slice(1)) }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'verifyFailed' });
    await expectEnded(sessionId);

    const second = await started();
    await writeFiles(writer, second, FILES);
    await writer.exportWrite(
      { sessionId: second, path: 'half.bin', offset: 0, final: false, bytes: new Uint8Array(9) },
      ctx,
    );
    const half = await writer.exportFinish({ sessionId: second, manifest: manifestFor(described) }, ctx);
    expect(half).toMatchObject({ status: 'failed', fault: 'verifyFailed' });
    await expectEnded(second);
  });

  it('reads the export back and removes it when a file changed on disk after it was written', async () => {
    const sessionId = await writtenSession();
    const [partial] = await listTarget();
    // Something else (a virus scanner, a failing stick) changes one byte of a written photo.
    const photo = join(target, partial ?? '', '照片', '现场 1.jpg');
    const handle = await fs.open(photo, 'r+');
    await handle.write(Buffer.from([0xff ^ (FILES.get('照片/现场 1.jpg')?.[100] ?? 0)]), 0, 1, 100);
    await handle.close();

    const answer = await writer.exportFinish({ sessionId, manifest: manifestFor(described) }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'verifyFailed' });
    expect(answer.status === 'failed' && answer.detail).toMatch(/照片\/现场 1\.jpg reads back/);
    // Neither the final folder nor the temporary one is left.
    await expectEnded(sessionId);
  });

  it('refuses to rename over a folder of the same name made during the export', async () => {
    const sessionId = await started('same');
    await writeFiles(writer, sessionId, FILES);
    await fs.mkdir(join(target, 'same'));
    const answer = await writer.exportFinish({ sessionId, manifest: manifestFor(described) }, ctx);
    expect(answer).toMatchObject({ status: 'failed', fault: 'exists' });
    expect(await listTarget()).toEqual(['same']);
    expect(await fs.readdir(join(target, 'same'))).toEqual([]);
  });
});

describe('exportAbort', () => {
  it('closes the open file, removes everything written and forgets the session', async () => {
    const sessionId = await started();
    await writeFiles(writer, sessionId, new Map([['done.bin', randomBytes(1000)]]));
    await writer.exportWrite(
      { sessionId, path: 'deep/in/open.bin', offset: 0, final: false, bytes: randomBytes(1000) },
      ctx,
    );
    expect(await listTarget()).toHaveLength(1);
    expect(await writer.exportAbort({ sessionId }, ctx)).toEqual({ removed: true });
    expect(await listTarget()).toEqual([]);
    expect(await writer.exportAbort({ sessionId }, ctx)).toEqual({ removed: false });
    const late = await writer.exportFinish({ sessionId, manifest: manifestFor([]) }, ctx);
    expect(late).toMatchObject({ status: 'failed', fault: 'unknownSession' });
  });

  it('waits for a write already asked for, so the write does not land after the removal', async () => {
    const sessionId = await started();
    const write = writer.exportWrite(
      { sessionId, path: 'a.bin', offset: 0, final: false, bytes: randomBytes(500_000) },
      ctx,
    );
    const abort = writer.exportAbort({ sessionId }, ctx);
    expect((await write).status).toBe('written');
    expect(await abort).toEqual({ removed: true });
    expect(await listTarget()).toEqual([]);
  });

  it('aborts a session left alone (a page closed mid-export), closing its files and removing its folder', async () => {
    writer = newWriter({ idleMs: 400 });
    const sessionId = await started();
    const piece = (offset: number) =>
      writer.exportWrite({ sessionId, path: 'a.bin', offset, final: false, bytes: new Uint8Array(10) }, ctx);
    expect((await piece(0)).status).toBe('written');
    // Each step restarts the clock: a slow but living export is not cut off.
    for (const offset of [10, 20, 30]) {
      await sleep(150);
      expect((await piece(offset)).status).toBe('written');
    }
    await sleep(900);
    expect(await listTarget()).toEqual([]);
    expect(await piece(40)).toMatchObject({ status: 'failed', fault: 'unknownSession' });
  });
});

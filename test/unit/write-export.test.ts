// Writing an export, page side over the real host (its grant gate and writer) and a real folder: a photo of one piece is
// sent as the Blob IndexedDB gave (no slice), a larger file in pieces, and the progress bar is fed at
// most every PROGRESS_EVERY_MS with the last figure always shown.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  grantingHost,
  manifestFor,
  sha256Of,
  TEST_CONTEXT as ctx,
} from '../../electron/host/exchange/test-bundle';
import {
  PIECE_BYTES,
  PROGRESS_EVERY_MS,
  writeExport,
  type ExchangeApi,
  type ExportFile,
} from '../../renderer/features/exchange/export/write-export';

let stick = '';

beforeEach(() => {
  stick = mkdtempSync(join(tmpdir(), 'ducha-write-export-'));
});
afterEach(() => {
  rmSync(stick, { recursive: true, force: true });
});

interface Sent {
  readonly path: string;
  readonly offset: number;
  readonly bytes: Blob | Uint8Array;
}

/**
 * The host as the page sees it, keeping what each exportWrite was handed, and the grant for the
 * stick (the folder chosen in the in-app chooser).
 */
async function hostApi(): Promise<{ api: ExchangeApi; sent: Sent[]; target: string }> {
  const { handlers: writer, grant } = grantingHost();
  const sent: Sent[] = [];
  return {
    target: await grant(stick),
    api: {
      exportBegin: (request) => writer.exportBegin(request, ctx),
      exportWrite: (request) => {
        sent.push({ path: request.path, offset: request.offset, bytes: request.bytes });
        return writer.exportWrite(request, ctx);
      },
      exportFinish: (request) => writer.exportFinish(request, ctx),
      exportAbort: (request) => writer.exportAbort(request, ctx),
    },
    sent,
  };
}

function photo(index: number, size: number): { file: ExportFile; blob: Blob; bytes: Buffer } {
  const bytes = randomBytes(size);
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  const file: ExportFile = {
    path: `photos/现场-${String(index)}.jpg`,
    role: 'blob',
    size,
    mimeType: 'image/jpeg',
    sha256: sha256Of(bytes),
    content: () => Promise.resolve(blob),
  };
  return { file, blob, bytes };
}

const manifest = (files: readonly { path: string; sha256: string; size: number }[]) =>
  Promise.resolve(manifestFor(files));

describe('writeExport', () => {
  it('sends a one-piece photo as its Blob, a larger file in pieces, and every byte lands', async () => {
    const { api, sent, target } = await hostApi();
    const photos = Array.from({ length: 12 }, (_, i) => photo(i, 4096 + i));
    const large = randomBytes(PIECE_BYTES + 1000);
    const files: ExportFile[] = [
      ...photos.map((p) => p.file),
      {
        path: 'ledgers/台账.xlsx',
        role: 'ledger',
        size: large.byteLength,
        content: () => Promise.resolve(large),
      },
    ];
    const outcome = await writeExport(
      api,
      { target, folderName: '督查数据', files, manifest },
      () => undefined,
      new AbortController().signal,
    );

    expect(outcome).toMatchObject({ status: 'done', files: files.length + 1 });
    const folder = join(stick, '督查数据');
    for (const p of photos) {
      expect(readFileSync(join(folder, ...p.file.path.split('/')))).toEqual(p.bytes);
      const pieces = sent.filter((s) => s.path === p.file.path);
      expect(pieces).toHaveLength(1);
      expect(pieces[0]?.bytes).toBe(p.blob);
    }
    // By digest: comparing 8 MB element by element would take the test's whole time.
    expect(sha256Of(readFileSync(join(folder, 'ledgers', '台账.xlsx')))).toBe(sha256Of(large));
    expect(sent.filter((s) => s.path === 'ledgers/台账.xlsx').map((s) => s.offset)).toEqual([0, PIECE_BYTES]);
  });

  it('feeds the progress bar at most every PROGRESS_EVERY_MS, and always the last figure', async () => {
    const { api, target } = await hostApi();
    const photos = Array.from({ length: 150 }, (_, i) => photo(i, 2048));
    const totalBytes = photos.reduce((n, p) => n + p.file.size, 0);
    const shown: { phase: string; doneBytes: number; at: number }[] = [];
    const started = performance.now();
    const outcome = await writeExport(
      api,
      { target, folderName: 'progress', files: photos.map((p) => p.file), manifest },
      (progress) =>
        shown.push({ phase: progress.phase, doneBytes: progress.doneBytes, at: performance.now() }),
      new AbortController().signal,
    );
    const elapsed = performance.now() - started;

    expect(outcome.status).toBe('done');
    const writing = shown.filter((s) => s.phase === 'writing');
    // One redraw per interval that passed, the first and the last: far fewer than one per photo.
    expect(writing.length).toBeLessThanOrEqual(Math.ceil(elapsed / PROGRESS_EVERY_MS) + 2);
    for (let i = 1; i < writing.length - 1; i++)
      expect((writing[i]?.at ?? 0) - (writing[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(PROGRESS_EVERY_MS - 1);
    expect(writing.at(-1)?.doneBytes).toBe(totalBytes);
    expect(shown.at(-1)).toMatchObject({ phase: 'verifying', doneBytes: totalBytes });
  });
});

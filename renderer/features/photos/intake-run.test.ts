import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../shared/domain/photo';
import { PhotoIntakeError } from '../../../shared/photos/intake-errors';
import type { PreparedPhoto } from '../../../shared/photos/prepared';
import {
  advance,
  emptyProgress,
  filesPerSecond,
  type IntakeItem,
  type IntakeProgress,
  type IntakeRunOptions,
  percentDone,
  runIntake,
} from './intake-run';

const items = (count: number): IntakeItem[] =>
  Array.from({ length: count }, (_, i) => ({
    file: { name: `IMG_${i + 1}.jpg`, bytes: Uint8Array.of(i) },
    label: `DCIM/IMG_${i + 1}.jpg`,
  }));

const preparedOf = (item: IntakeItem): PreparedPhoto =>
  ({ sha256: item.label, metadata: { fileName: item.file.name } }) as unknown as PreparedPhoto;

const photoOf = (p: PreparedPhoto): Photo =>
  ({ id: `photo-${p.sha256}`, sha256: p.sha256 }) as unknown as Photo;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A stand-in for prepareIntake and the repository that records what was asked of them. */
function fakes(
  options: {
    fail?: Map<string, Error>;
    existing?: Set<string>;
    storeError?: (n: number) => Error | undefined;
  } = {},
) {
  const stored: string[][] = [];
  let active = 0;
  let maxActive = 0;
  let storeCalls = 0;
  const prepare: IntakeRunOptions['prepare'] = async (item, signal) => {
    active++;
    maxActive = Math.max(maxActive, active);
    try {
      await tick();
      signal.throwIfAborted();
      const failure = options.fail?.get(item.label);
      if (failure) throw failure;
      return preparedOf(item);
    } finally {
      active--;
    }
  };
  const store: IntakeRunOptions['store'] = async (batch) => {
    storeCalls++;
    await tick();
    const error = options.storeError?.(storeCalls);
    if (error) throw error;
    stored.push(batch.map((p) => p.sha256));
    return batch.map((p) => ({ photo: photoOf(p), created: !options.existing?.has(p.sha256) }));
  };
  return { prepare, store, stored, maxActive: () => maxActive };
}

describe('runIntake', () => {
  it('prepares four at a time and stores in batches of ten, every file once', async () => {
    const f = fakes();
    const progress: IntakeProgress[] = [];
    const summary = await runIntake(items(23), {
      ...f,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
    });
    expect(f.maxActive()).toBe(4);
    expect(f.stored.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(f.stored.flat().sort()).toEqual(
      items(23)
        .map((i) => i.label)
        .sort(),
    );
    expect(summary).toMatchObject({
      total: 23,
      done: 23,
      added: 23,
      duplicates: 0,
      failed: 0,
      stopped: null,
    });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('names each file that fails and goes on with the rest', async () => {
    const fail = new Map<string, Error>([
      ['DCIM/IMG_3.jpg', new PhotoIntakeError('truncated', 'IMG_3.jpg', '1200 bytes')],
      ['DCIM/IMG_7.jpg', new PhotoIntakeError('notAnImage', 'IMG_7.jpg')],
      ['DCIM/IMG_9.jpg', new TypeError('boom')],
    ]);
    const f = fakes({ fail });
    const summary = await runIntake(items(12), { ...f, signal: new AbortController().signal });
    expect(summary).toMatchObject({ done: 12, added: 9, failed: 3 });
    const failures = summary.outcomes.filter((o) => o.status === 'failed');
    expect(failures).toEqual(
      expect.arrayContaining([
        { status: 'failed', label: 'DCIM/IMG_3.jpg', kind: 'truncated', detail: '1200 bytes' },
        { status: 'failed', label: 'DCIM/IMG_7.jpg', kind: 'notAnImage', detail: '' },
        { status: 'failed', label: 'DCIM/IMG_9.jpg', kind: 'unexpected', detail: 'TypeError: boom' },
      ]),
    );
    expect(f.stored.flat()).toHaveLength(9);
  });

  it('tells duplicates apart from new photos', async () => {
    const f = fakes({ existing: new Set(['DCIM/IMG_1.jpg', 'DCIM/IMG_2.jpg']) });
    const summary = await runIntake(items(5), { ...f, signal: new AbortController().signal });
    expect(summary).toMatchObject({ added: 3, duplicates: 2 });
    expect(
      summary.outcomes
        .filter((o) => o.status === 'duplicate')
        .map((o) => o.label)
        .sort(),
    ).toEqual(['DCIM/IMG_1.jpg', 'DCIM/IMG_2.jpg']);
  });

  it('on cancel stops further files, keeps stored batches, and stores no part of a batch', async () => {
    const f = fakes();
    const abort = new AbortController();
    const summary = await runIntake(items(100), {
      ...f,
      signal: abort.signal,
      batchSize: 10,
      onProgress: (p) => {
        if (p.done === 20) abort.abort();
      },
    });
    expect(summary.stopped).toBe('cancelled');
    expect(summary.added).toBe(20);
    expect(f.stored).toHaveLength(2);
    expect(f.stored.every((batch) => batch.length === 10)).toBe(true);
    expect(summary.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
  });

  it('stops when storage is full, naming every file of the batch that was not saved', async () => {
    const full = new PhotoIntakeError('storageFull', 'IMG_11.jpg', 'QuotaExceededError');
    const f = fakes({ storeError: (n) => (n === 2 ? full : undefined) });
    const summary = await runIntake(items(40), { ...f, signal: new AbortController().signal });
    expect(summary.stopped).toBe('storageFull');
    expect(summary.added).toBe(10);
    const failed = summary.outcomes.filter((o) => o.status === 'failed');
    expect(failed).toHaveLength(10);
    expect(new Set(failed.map((o) => o.label)).size).toBe(10);
    expect(failed.every((o) => o.status === 'failed' && o.kind === 'storageFull')).toBe(true);
    expect(summary.done).toBeLessThan(40);
  });

  it('does nothing for no files', async () => {
    const f = fakes();
    const summary = await runIntake([], { ...f, signal: new AbortController().signal });
    expect(summary).toMatchObject({ total: 0, done: 0, stopped: null });
    expect(f.stored).toEqual([]);
  });
});

describe('progress arithmetic', () => {
  it('counts each kind of outcome and the elapsed time', () => {
    let p = emptyProgress(3, 1_000);
    p = advance(p, { status: 'added', label: 'a', photo: {} as Photo }, 1_500);
    p = advance(p, { status: 'duplicate', label: 'b', photo: {} as Photo }, 2_000);
    p = advance(p, { status: 'failed', label: 'c', kind: 'empty', detail: '' }, 3_000);
    expect(p).toEqual({
      total: 3,
      done: 3,
      added: 1,
      duplicates: 1,
      failed: 1,
      startedAt: 1_000,
      elapsedMs: 2_000,
    });
  });

  it('gives photos per second once there is something to measure', () => {
    expect(filesPerSecond({ done: 0, elapsedMs: 5_000 })).toBeNull();
    expect(filesPerSecond({ done: 3, elapsedMs: 200 })).toBeNull();
    expect(filesPerSecond({ done: 12, elapsedMs: 4_000 })).toBe(3);
  });

  it('shows 100% only when every file is done', () => {
    expect(percentDone({ done: 0, total: 20 })).toBe(0);
    expect(percentDone({ done: 7, total: 20 })).toBe(35);
    expect(percentDone({ done: 999, total: 1000 })).toBe(99);
    expect(percentDone({ done: 20, total: 20 })).toBe(100);
    expect(percentDone({ done: 0, total: 0 })).toBe(100);
  });
});

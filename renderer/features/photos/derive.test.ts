// The pool's scheduling, with stand-in workers: real decoding needs a browser and is covered end to end.
import { describe, expect, it } from 'vitest';
import { createDerivePool, DeriveError, defaultPoolSize, type WorkerLike } from './derive';
import {
  type DeriveReply,
  fitWithin,
  type WorkerReply,
  type WorkerRequest,
} from '../../../shared/photos/derive-protocol';
import { PhotoIntakeError } from '../../../shared/photos/intake-errors';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the last request. */
  reply(ok = true): void {
    const request = this.received.at(-1);
    if (!request) throw new Error('nothing to answer');
    const copy = { blob: new Blob([]), width: 1, height: 1 };
    const data: DeriveReply = ok
      ? { id: request.id, ok: true, width: 8, height: 6, thumbnail: copy, display: copy }
      : { id: request.id, ok: false, detail: 'InvalidStateError: The source image could not be decoded.' };
    this.onmessage?.({ data } as MessageEvent<DeriveReply>);
  }
  crash(): void {
    this.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
  }
}

function fakePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = createDerivePool({
    size,
    idleMs: 10,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { pool, workers };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const blob = () => new Blob([Uint8Array.of(0xff, 0xd8, 0xff)]);

describe('the derive pool', () => {
  it('runs at most `size` photos at once and hands the next to the first worker free', async () => {
    const { pool, workers } = fakePool(2);
    const results = [pool.derive(blob()), pool.derive(blob()), pool.derive(blob())];
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.received.length)).toEqual([1, 1]);

    workers[1]?.reply();
    await expect(results[1]).resolves.toMatchObject({ width: 8, height: 6 });
    expect(workers[1]?.received).toHaveLength(2); // the third photo went to the worker that was free
    workers[0]?.reply();
    workers[1]?.reply();
    await expect(Promise.all(results)).resolves.toHaveLength(3);
    pool.dispose();
  });

  it('rejects with DeriveError when the image cannot be decoded, and goes on', async () => {
    const { pool, workers } = fakePool(1);
    const bad = pool.derive(blob());
    const good = pool.derive(blob());
    workers[0]?.reply(false);
    await expect(bad).rejects.toBeInstanceOf(DeriveError);
    workers[0]?.reply();
    await expect(good).resolves.toMatchObject({ width: 8 });
    pool.dispose();
  });

  it('replaces a worker that died, failing only its photo', async () => {
    const { pool, workers } = fakePool(1);
    const lost = pool.derive(blob());
    const next = pool.derive(blob());
    workers[0]?.crash();
    await expect(lost).rejects.toThrow('out of memory');
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1]?.reply();
    await expect(next).resolves.toMatchObject({ width: 8 });
    pool.dispose();
  });

  it('cancels a queued photo without disturbing the running one, and a running one by its worker', async () => {
    const { pool, workers } = fakePool(1);
    const running = new AbortController();
    const queued = new AbortController();
    const first = pool.derive(blob(), running.signal);
    const second = pool.derive(blob(), queued.signal);
    const third = pool.derive(blob());

    queued.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.received).toHaveLength(1);

    running.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.received).toHaveLength(1); // the third photo started on a fresh worker
    workers[1]?.reply();
    await expect(third).resolves.toBeDefined();

    const already = AbortSignal.abort();
    await expect(pool.derive(blob(), already)).rejects.toMatchObject({ name: 'AbortError' });
    pool.dispose();
  });

  it('stops idle workers after a while and fails what is pending on dispose', async () => {
    const { pool, workers } = fakePool(1);
    const done = pool.derive(blob());
    workers[0]?.reply();
    await done;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(workers[0]?.terminated).toBe(true);

    const pending = pool.derive(blob());
    await tick();
    expect(workers).toHaveLength(2);
    pool.dispose();
    await expect(pending).rejects.toBeInstanceOf(DeriveError);
    expect(workers[1]?.terminated).toBe(true);
  });

  it('sizes itself by the cores, at most four: the main thread only stores', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(4)).toBe(4);
    expect(defaultPoolSize(16)).toBe(4);
    expect(defaultPoolSize(undefined)).toBe(2);
  });

  it("prepares a picked file in a worker, and keeps a refusal's reason", async () => {
    const { pool, workers } = fakePool(1);
    const file = new File([new Uint8Array([1, 2, 3])], 'IMG_0001.jpg');
    const refused = pool.prepare(file);
    await tick();
    const request = workers[0]?.received.at(-1);
    expect(request).toMatchObject({ kind: 'prepare', name: 'IMG_0001.jpg' });
    workers[0]?.onmessage?.({
      data: { id: request?.id ?? 0, ok: false, refused: 'truncated', detail: '3 bytes' },
    } as MessageEvent<WorkerReply>);
    await expect(refused).rejects.toMatchObject({ kind: 'truncated', fileName: 'IMG_0001.jpg' });
    // A worker that dies on a file could not decode it.
    const dying = pool.prepare(file);
    await tick();
    workers[0]?.crash();
    const error: unknown = await dying.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoIntakeError);
    expect(error).toMatchObject({ kind: 'undecodable', detail: 'out of memory' });
    pool.dispose();
  });
});

describe('fitWithin', () => {
  it('scales the longer side down to the limit, keeping the aspect, and never enlarges', () => {
    // 4032 × 3024 into 1600: scale 1600 / 4032, 3024 × 1600 / 4032 = 1200.
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    // Portrait 3024 × 4032 into 320: 3024 × 320 / 4032 = 240.
    expect(fitWithin(3024, 4032, 320)).toEqual({ width: 240, height: 320 });
    // 1000 × 3 into 320: 3 × 0.32 = 0.96 → rounds to 1.
    expect(fitWithin(1000, 3, 320)).toEqual({ width: 320, height: 1 });
    expect(fitWithin(200, 100, 320)).toEqual({ width: 200, height: 100 });
  });
});

// What the server clears while it runs: the periodic runner on its own (real timers), then the real
// app on a real SQLite store and blob folder, its timers faked so a day passes at once.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256HexSync } from '../../shared/crypto/sha256';
import { buildServer } from '../src/app';
import { SESSION_MS, SessionBook } from '../src/auth/sessions';
import { FsBlobStore } from '../src/blobs/fs-blob-store';
import { runPeriodically } from '../src/periodic';
import { PARTIAL_IDLE_MS, PARTIAL_SWEEP_EVERY_MS } from '../src/sweeps';
import { sqliteBackend } from './support/backends';

const DAY_MS = 24 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runPeriodically', () => {
  it('runs at once, then on its period, never two at once, and not after stop', async () => {
    const starts: number[] = [];
    let inFlight = 0;
    let mostAtOnce = 0;
    const periodic = await runPeriodically(
      async () => {
        starts.push(Date.now());
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        // Slower than the period: the ticks that meet a run in progress start none.
        await sleep(45);
        inFlight -= 1;
      },
      20,
      () => undefined,
    );
    // The first run was awaited.
    expect([starts.length, inFlight]).toEqual([1, 0]);
    await sleep(300);
    await periodic.stop();
    const ran = starts.length;
    expect(ran).toBeGreaterThanOrEqual(3);
    expect(mostAtOnce).toBe(1);
    // stop() waited for the run in progress, and no tick comes after it.
    expect(inFlight).toBe(0);
    await sleep(100);
    expect(starts.length).toBe(ran);
  });

  it('reports a failing run and goes on with the next', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const periodic = await runPeriodically(
      () => {
        runs += 1;
        return runs === 1 ? Promise.reject(new Error('disk gone')) : Promise.resolve();
      },
      10,
      (error) => errors.push(error),
    );
    await sleep(60);
    await periodic.stop();
    expect(errors.map((error) => (error as Error).message)).toEqual(['disk gone']);
    expect(runs).toBeGreaterThan(1);
  });
});

describe('sessions', () => {
  it('are cleared as new ones are issued: a month of renewals holds little more than the last hour', () => {
    const clock = { ms: Date.parse('2026-06-01T00:00:00Z') };
    const book = new SessionBook(() => clock.ms);
    // Forty laptops, each renewing its session every 15 minutes, day and night, for 30 days.
    let first = '';
    let mostHeld = 0;
    for (let quarter = 0; quarter < 30 * 24 * 4; quarter += 1) {
      for (let laptop = 0; laptop < 40; laptop += 1) {
        const { token } = book.issue({
          deviceId: `d${String(laptop)}`,
          personId: `p${String(laptop)}`,
          bindingHash: `b${String(laptop)}`,
        });
        first ||= token;
      }
      mostHeld = Math.max(mostHeld, book.size);
      clock.ms += SESSION_MS;
    }
    // Live for 15 minutes, still told "expired" for an hour after: 5 quarters' worth, and the one
    // being issued (the sweep runs at most once a minute).
    expect(mostHeld).toBeLessThanOrEqual(6 * 40);
    expect(book.size).toBeLessThanOrEqual(6 * 40);
    expect(book.find(first)).toEqual({ kind: 'unknown' });
  });
});

describe('the app clears photo uploads idle for a week', () => {
  const backend = sqliteBackend();
  let app: FastifyInstance | null = null;
  let home: string;
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());
  afterEach(async () => {
    await app?.close();
    app = null;
    vi.useRealTimers();
    await rm(home, { recursive: true, force: true });
  });

  /** A partial upload of 10 bytes of 1000, its files last touched `idleMs` ago. */
  async function partialIdleFor(blobs: FsBlobStore, idleMs: number): Promise<string> {
    const data = randomBytes(1000);
    const sha = sha256HexSync(data);
    await blobs.append(sha, 0, data.subarray(0, 10), data.length);
    await touchedAgo(sha, idleMs);
    return sha;
  }
  async function touchedAgo(sha: string, idleMs: number): Promise<void> {
    const at = new Date(Date.now() - idleMs);
    for (const file of [sha, `${sha}.length`]) await utimes(join(home, 'blobs', 'partial', file), at, at);
  }
  const partials = async () => (await readdir(join(home, 'blobs', 'partial'))).sort();

  it('at start and then every day, until the server closes', async () => {
    expect([PARTIAL_IDLE_MS, PARTIAL_SWEEP_EVERY_MS]).toEqual([7 * DAY_MS, DAY_MS]);
    home = await mkdtemp(join(tmpdir(), 'ducha-sweeps-'));
    const blobs = await FsBlobStore.open(home);
    const abandoned = await partialIdleFor(blobs, 8 * DAY_MS);
    const resting = await partialIdleFor(blobs, 6 * DAY_MS);
    const fresh = await partialIdleFor(blobs, 0);

    // Only the interval is faked: the disk's promises and Fastify's own timers stay real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    app = await buildServer({ store: (await backend.fresh()).store, blobs });
    // The start's sweep was done before the server was ready.
    expect(await partials()).toEqual([resting, `${resting}.length`, fresh, `${fresh}.length`].sort());
    expect(await blobs.partial(abandoned)).toBeNull();
    expect(await blobs.partial(resting)).toEqual({ offset: 10, length: 1000 });
    // The photo sweep's interval and the challenges'.
    expect(vi.getTimerCount()).toBe(2);

    // Two days later the resting one has been idle for eight: the next daily sweep ends it.
    await touchedAgo(resting, 8 * DAY_MS);
    await vi.advanceTimersByTimeAsync(DAY_MS - 1);
    expect(await blobs.partial(resting)).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () => expect(await blobs.partial(resting)).toBeNull(), { interval: 10 });
    expect(await partials()).toEqual([fresh, `${fresh}.length`].sort());

    await app.close();
    app = null;
    expect(vi.getTimerCount()).toBe(0);
    await touchedAgo(fresh, 8 * DAY_MS);
    await vi.advanceTimersByTimeAsync(3 * DAY_MS);
    expect(await blobs.partial(fresh)).toEqual({ offset: 10, length: 1000 });
  });
});

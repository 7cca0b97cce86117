// Challenges never pile up: a device may hold only so many unexpired, a device the server does not
// know (or has revoked) adds none, and expired ones are cleared even while nobody signs in. Through the
// real app on each database; the table's rows are counted in the database itself.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ErrorReplySchema } from '../../shared/sync/protocol';
import { buildServer } from '../src/app';
import { newSecret } from '../src/auth/secrets';
import { CHALLENGE_MS, CHALLENGES_PER_DEVICE } from '../src/http/auth-routes';
import { isoAt } from '../src/http/context';
import { SQLITE_FILE_NAME } from '../src/store/open-store';
import { CHALLENGE_SWEEP_EVERY_MS } from '../src/sweeps';
import { describeEachBackend, type FreshStore } from './support/backends';
import { NORTH, PASSWORD, startCity, type City, type TestDevice } from './support/http-city';

const errorCode = (response: LightMyRequestResponse) => ErrorReplySchema.parse(response.json()).error.code;

/** The rows of the challenges table, read by a connection of the test's own. */
async function challengeRows(fresh: FreshStore): Promise<number> {
  if (fresh.databaseSetting === undefined) {
    const db = new Database(join(fresh.home, SQLITE_FILE_NAME), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM challenges').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: fresh.databaseSetting });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM challenges')).rows[0]?.n);
  } finally {
    await client.end();
  }
}

describeEachBackend('challenges', (backend) => {
  let fresh: FreshStore;
  let city: City;
  beforeEach(async () => {
    fresh = await backend.fresh();
    city = await startCity(fresh.store);
  });
  afterEach(() => city.close());

  const ask = (deviceId: string) => city.inject('POST', '/auth/challenge', { body: { deviceId } });

  it('lets a device hold a limited number unexpired; more waits, with Retry-After, for the oldest to expire', async () => {
    expect(CHALLENGES_PER_DEVICE).toBe(20);
    const laptop = await city.enroll(NORTH);
    const other = await city.enroll(NORTH);
    const t0 = city.clock.ms;
    const held: string[] = [];
    for (let i = 0; i < CHALLENGES_PER_DEVICE; i += 1) {
      city.clock.ms = t0 + i * 1000;
      held.push(await city.challenge(laptop));
    }
    expect(await challengeRows(fresh)).toBe(CHALLENGES_PER_DEVICE);

    city.clock.ms = t0 + 20_000;
    const refused = await ask(laptop.id);
    expect([refused.statusCode, errorCode(refused)]).toEqual([429, 'rateLimited']);
    // The oldest, asked at t0, expires at t0 + 2 min: 100 s from now.
    expect(refused.headers['retry-after']).toBe('100');
    expect(ErrorReplySchema.parse(refused.json()).error.message).toMatch(/sign one it holds/);
    expect(await challengeRows(fresh)).toBe(CHALLENGES_PER_DEVICE);

    // Another laptop is not held back, and the first still signs in with a challenge it holds.
    await city.challenge(other);
    await signInWith(laptop, held[CHALLENGES_PER_DEVICE - 1] as string);

    // Once the oldest has expired one more may be asked for; then the next waits for the second.
    city.clock.ms = t0 + CHALLENGE_MS;
    expect((await ask(laptop.id)).statusCode).toBe(200);
    const next = await ask(laptop.id);
    expect([next.statusCode, next.headers['retry-after']]).toEqual([429, '1']);
  });

  it('adds no row for a device it does not know, nor for a revoked one', async () => {
    const revoked = await city.enroll(NORTH);
    const admin = await city.as('admin', null);
    expect(
      (await city.inject('POST', `/devices/${revoked.id}/revoke`, { session: admin.session })).statusCode,
    ).toBe(200);
    const before = await challengeRows(fresh);
    for (let i = 0; i < 3 * CHALLENGES_PER_DEVICE; i += 1) {
      const unknown = await ask(`device-${randomBytes(8).toString('hex')}`);
      expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'notFound']);
    }
    const refused = await ask(revoked.id);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'deviceRevoked']);
    expect(await challengeRows(fresh)).toBe(before);
  });

  it('clears expired ones at start and every 10 minutes, while nobody signs in; never an unexpired one', async () => {
    expect(CHALLENGE_SWEEP_EVERY_MS).toBe(10 * 60 * 1000);
    const laptop = await city.enroll(NORTH);
    const t0 = city.clock.ms + 3_600_000;
    // Left by an earlier run of the server: one expired, one not.
    await fresh.store.saveChallenge(newSecret(), laptop.id, isoAt(t0 - 1));
    await fresh.store.saveChallenge(newSecret(), laptop.id, isoAt(t0 + 60_000));
    expect(await challengeRows(fresh)).toBe(2);

    // A server started on this store, its interval faked so ten minutes pass at once.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = { ms: t0 };
    const app = await buildServer({ store: fresh.store, now: () => clock.ms });
    try {
      expect(await challengeRows(fresh)).toBe(1);
      const askAt = async (at: number, count: number) => {
        clock.ms = at;
        for (let i = 0; i < count; i += 1) {
          const response = await app.inject({
            method: 'POST',
            url: '/auth/challenge',
            payload: { deviceId: laptop.id },
          });
          expect(response.statusCode).toBe(200);
        }
      };
      await askAt(t0, 3);
      await askAt(t0 + 60_000, 2);
      // The earlier run's and the first three have expired, the last two have not; nobody signed.
      clock.ms = t0 + CHALLENGE_MS + 1000;
      expect(await challengeRows(fresh)).toBe(6);
      await vi.advanceTimersByTimeAsync(CHALLENGE_SWEEP_EVERY_MS - 1);
      expect(await challengeRows(fresh)).toBe(6);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(async () => expect(await challengeRows(fresh)).toBe(2), { interval: 10 });

      clock.ms += CHALLENGE_MS;
      await vi.advanceTimersByTimeAsync(CHALLENGE_SWEEP_EVERY_MS);
      await vi.waitFor(async () => expect(await challengeRows(fresh)).toBe(0), { interval: 10 });
    } finally {
      await app.close();
      vi.useRealTimers();
    }
  });

  async function signInWith(device: TestDevice, challenge: string): Promise<void> {
    const login = `signer-${randomBytes(4).toString('hex')}`;
    await city.addPerson('inspector', NORTH, login);
    const response = await city.inject('POST', '/auth/sign-in', {
      body: { deviceId: device.id, challenge, signature: device.sign(challenge), login, password: PASSWORD },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
});

// The reservation step of a round: a laptop tops up its pool of notice numbers, and after a server
// restored from a backup it lets go of the numbers it reserved but never gave (the restored server's
// counter went back, and may give them to another laptop), then reserves afresh.
import { describe, expect, it } from 'vitest';
import type { SyncTransport } from './client/answers';
import { type NoticeNumberPool, topUpNoticeNumbers } from './notice-reservation';
import type { NoticeNumbersReply } from './protocol';

function fakePool(): NoticeNumberPool & { numbers: number[]; events: string[] } {
  const pool = {
    numbers: [41, 42, 43] as number[],
    events: [] as string[],
    needs: () => {
      pool.events.push('needs');
      return Promise.resolve(pool.numbers.length < 5 ? [{ year: 2026, count: 10, after: 40 }] : []);
    },
    add: (block: NoticeNumbersReply) => {
      for (let n = block.first; n <= block.last; n += 1) pool.numbers.push(n);
      return Promise.resolve();
    },
    forgetUnused: () => {
      pool.events.push('forget');
      pool.numbers = [];
      return Promise.resolve();
    },
    finalize: () => Promise.resolve(),
  };
  return pool;
}

/** A server whose counter stands at `last`: it gives the next `count` above max(last, after). */
const server =
  (last: number): SyncTransport =>
  (request) => {
    const { year, count, after } = request.body as { year: number; count: number; after: number };
    const first = Math.max(last, after) + 1;
    return Promise.resolve({
      kind: 'reply',
      status: 200,
      body: { year, first, last: first + count - 1 },
      retryAfterSeconds: null,
    });
  };

const context = (serverRestored: boolean) => ({
  transport: server(40),
  teamId: 'team-north',
  actorName: '李明',
  session: () => Promise.resolve('session'),
  renewSession: () => Promise.resolve('session'),
  now: Date.parse('2026-06-01T00:00:00Z'),
  serverRestored,
});

describe('notice number reservation', () => {
  it('keeps the numbers it reserved on an ordinary round, and tops up above them', async () => {
    const pool = fakePool();
    await topUpNoticeNumbers(pool, context(false));
    expect(pool.events).toEqual(['needs']);
    expect(pool.numbers.slice(0, 3)).toEqual([41, 42, 43]);
  });

  it('drops the unused numbers after a restored server, before reserving afresh', async () => {
    const pool = fakePool();
    await topUpNoticeNumbers(pool, context(true));
    expect(pool.events).toEqual(['forget', 'needs']);
    // 41–43 were reserved from the server's lost future: the restored server gives them again.
    expect(pool.numbers).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
  });
});

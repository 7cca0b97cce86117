// Laptop sync through the real engine, the real Dexie data layer (on fake-indexeddb) and a real server
// listening on loopback: records go from one laptop to another through the server, the outbox empties
// only on the server's fates, a refusal is kept and shown, and a wrong answer changes nothing.
import 'fake-indexeddb/auto';
import { encodeSnapshotAfter } from '../../../shared/sync/snapshot-key';
import type { SnapshotKey } from '../../../shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import type { SyncAnswer, SyncTransport } from '../../../shared/sync/client/answers';
import { SyncFailure } from '../../../shared/sync/client/answers';
import { canonicalJson, type Json } from '../../../shared/sync/canonical-json';
import { createDatabase, liveRecord, type Stored } from '../../../renderer/db/database';
import { writeRecords } from '../../../renderer/db/record-writer';
import { decideConflict, listConflicts } from '../../../renderer/db/repositories/sync/conflict-decisions';
import { SyncEngine } from '../../../renderer/sync/sync-engine';
import { deviceSigner } from '../../../renderer/db/repositories/sync/device-signer';
import { openSession } from '../../../shared/sync/client/session';
import { handOver } from '../../fixtures/hand-over';
import { makeProject } from '../../fixtures/records';
import { fetchTransport, LaptopCity } from './laptop-city';

const PROJECT = '019a0000-0000-7000-8000-00000000aa01';
const project = (overrides: Partial<Project> = {}): Project => makeProject({ id: PROJECT, ...overrides });

let city: LaptopCity;

beforeAll(async () => {
  city = await LaptopCity.start();
});
afterAll(async () => {
  await city.close();
});

/**
 * Lets the wall clock move on: two laptops writing in the same millisecond tie on their clocks' time,
 * and the tie goes by node id, not by who wrote second — the tests mean "B wrote later".
 */
const nextMillisecond = async (): Promise<void> => {
  const now = Date.now();
  while (Date.now() <= now) await new Promise((resolve) => setTimeout(resolve, 1));
};

describe('laptop sync through the server', () => {
  it("takes a project from A's outbox to B, and both laptops hold the same record", async () => {
    const a = await city.laptop('a-one');
    const b = await city.laptop('b-one');
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: project({ notes: '道路未通' }) }]);
    const waiting = await a.db.outbox.count();
    expect(waiting).toBeGreaterThan(10);

    const pushed = await a.engine.syncNow();
    expect(pushed?.pushed).toBe(waiting);
    expect(await a.db.outbox.count()).toBe(0);
    expect(a.engine.current().phase).toBe('idle');

    const pulled = await b.engine.syncNow();
    expect(pulled?.received).toBeGreaterThan(0);
    const onB = liveRecord((await b.db.table('projects').get(PROJECT)) as Stored<Project> | undefined);
    expect(onB).toEqual(project({ notes: '道路未通' }));
  });

  it('merges edits of two laptops made apart: different fields both stand, the same field converges', async () => {
    const a = await city.laptop('a-two');
    const b = await city.laptop('b-two');
    await a.engine.syncNow();
    await b.engine.syncNow();
    await writeRecords(a.db, [
      { table: 'projects', id: PROJECT, fields: { phase: 'completed', notes: 'A 的说明' } },
    ]);
    await nextMillisecond();
    await writeRecords(b.db, [
      { table: 'projects', id: PROJECT, fields: { owner: '普洱市水务局', notes: 'B 的说明' } },
    ]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const onA = liveRecord((await a.db.table('projects').get(PROJECT)) as Stored<Project> | undefined);
    const onB = liveRecord((await b.db.table('projects').get(PROJECT)) as Stored<Project> | undefined);
    expect(onA).toEqual(onB);
    expect(onA?.phase).toBe('completed');
    expect(onA?.owner).toBe('普洱市水务局');
    // B wrote its note later: its clock is higher on both laptops.
    expect(onA?.notes).toBe('B 的说明');

    // Both laptops changed the note without knowing of each other: each keeps the value that lost,
    // with who set each; the fields only one of them changed are no conflict.
    for (const [laptop, mine] of [
      [a, 'a-two'],
      [b, 'b-two'],
    ] as const) {
      const conflicts = await laptop.db.syncConflicts.toArray();
      expect(conflicts.map((c) => [c.table, c.rowId, c.field, c.winner.value, c.loser.value])).toEqual([
        ['projects', PROJECT, 'notes', 'B 的说明', 'A 的说明'],
      ]);
      const [conflict] = conflicts;
      const theirs = conflict?.winner.here ? conflict.loser : conflict?.winner;
      expect(theirs?.who).toBe(mine === 'a-two' ? 'b-two' : 'a-two');
      expect(theirs?.at).not.toBeNull();
    }

    // A picks the value that lost: a new change, which B takes too; the conflict is decided on A.
    const [onA1] = await a.db.syncConflicts.toArray();
    await decideConflict(a.db, onA1?.id ?? 0, 'loser', 'a-two');
    await a.engine.syncNow();
    await b.engine.syncNow();
    for (const laptop of [a, b]) {
      const row = liveRecord((await laptop.db.table('projects').get(PROJECT)) as Stored<Project> | undefined);
      expect(row?.notes).toBe('A 的说明');
    }
    expect((await a.db.syncConflicts.get(onA1?.id ?? 0))?.decided?.kept).toBe('loser');
    // A later change made knowing the other value is no new conflict on B.
    expect(await b.db.syncConflicts.count()).toBe(1);
  });

  it('tells the other laptop when a conflict is settled by confirming the value the merge kept', async () => {
    const a = await city.laptop('a-confirm');
    const b = await city.laptop('b-confirm');
    const SITE = '019a0000-0000-7000-8000-00000000ee01';
    await writeRecords(a.db, [{ table: 'projects', id: SITE, fields: makeProject({ id: SITE }) }]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await writeRecords(a.db, [{ table: 'projects', id: SITE, fields: { notes: '甲的说明' } }]);
    await nextMillisecond();
    await writeRecords(b.db, [{ table: 'projects', id: SITE, fields: { notes: '乙的说明' } }]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const open = async (laptop: typeof a) => (await listConflicts(laptop.db)).filter((c) => !c.decided);
    expect((await open(a)).map((c) => c.winner.value)).toEqual(['乙的说明']);
    const [onB] = await open(b);
    // B keeps the value that won: written again, it reaches A, whose list then shows it decided.
    await decideConflict(b.db, onB?.id ?? 0, 'winner', 'b-confirm');
    expect(await b.db.outbox.count()).toBe(1);
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(await open(a)).toEqual([]);
    const onA = liveRecord((await a.db.table('projects').get(SITE)) as Stored<Project> | undefined);
    expect(onA?.notes).toBe('乙的说明');
  });

  it('keeps an operation the server refused (a clock two days ahead) with its reason, out of the outbox', async () => {
    const a = await city.laptop('a-three');
    await a.engine.syncNow();
    const ahead = Date.now() + 2 * 86_400_000;
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: { notes: '明天的说明' } }], ahead);
    const result = await a.engine.syncNow();
    expect(result?.refused).toBe(1);
    expect(await a.db.outbox.count()).toBe(0);
    const refusals = await a.db.syncRefusals.toArray();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.reason).toBe('clockAhead');
    expect(refusals[0]?.operation.value).toBe('明天的说明');
  });

  it('refuses a pull page that skips an operation, and keeps its data and cursor as they were', async () => {
    const a = await city.laptop('a-four');
    await a.engine.syncNow();
    await writeRecords(a.db, [
      { table: 'projects', id: PROJECT, fields: { notes: '新的说明', planYear: 2027 } },
    ]);
    await a.engine.syncNow();

    // B's server "loses" the first operation of every page it sends.
    const skipping = (url: string): SyncTransport => {
      const real = fetchTransport(url);
      return async (request) => {
        const answer = await real(request);
        if (!request.path.includes('/pull?') || answer.kind !== 'reply' || answer.status !== 200)
          return answer;
        const body = answer.body as { kind: string; operations?: unknown[] };
        if (body.kind !== 'operations' || !body.operations?.length) return answer;
        return { ...answer, body: { ...body, operations: body.operations.slice(1) } };
      };
    };
    const b = await city.laptop('b-four', undefined, skipping);
    // Its first round takes the snapshot (not a pull page) and pulls nothing new: fine.
    await b.engine.syncNow();
    const cursorBefore = (await b.db.meta.get('syncCursor'))?.value;
    const rowBefore: unknown = await b.db.table('projects').get(PROJECT);
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: { notes: '再次修改' } }]);
    await a.engine.syncNow();

    const failure = await b.engine.syncNow().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).problem).toBe('badReply');
    expect(b.engine.current().phase).toBe('problem');
    expect((await b.db.meta.get('syncCursor'))?.value).toEqual(cursorBefore);
    expect(await b.db.table('projects').get(PROJECT)).toEqual(rowBefore);
  });

  it('says the server is unreachable and keeps every operation waiting', async () => {
    const enrolled = await city.laptop('a-five');
    // The same laptop, its server gone: nothing listens on the discard port.
    const a = {
      db: enrolled.db,
      engine: new SyncEngine(
        enrolled.db,
        () => fetchTransport('http://127.0.0.1:9'),
        () => undefined,
      ),
    };
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: project({ notes: '离线时写的' }) }]);
    const waiting = await a.db.outbox.count();
    const failure = await a.engine.syncNow().catch((error: unknown) => error);
    expect((failure as SyncFailure).problem).toBe('unreachable');
    expect(await a.db.outbox.count()).toBe(waiting);
    expect(a.engine.current().problem?.code).toBe('unreachable');
  });

  it('opens a new session by itself when the server has forgotten the old one', async () => {
    const a = await city.laptop('a-six');
    await a.engine.syncNow();
    // Sessions last 15 minutes; the binding does not.
    city.city.clock.ms += 20 * 60_000;
    await writeRecords(
      a.db,
      [{ table: 'projects', id: PROJECT, fields: { notes: '二十分钟后' } }],
      city.city.clock.ms,
    );
    const result = await a.engine.syncNow();
    expect(result?.pushed).toBe(1);
    expect(result?.refused).toBe(0);
  });

  it('holds back operations of a table a newer app added, merges the rest, and keeps syncing', async () => {
    const future = {
      table: 'inspectionRoutes',
      rowId: 'route-1',
      field: 'name',
      value: '思茅—宁洱',
      hlc: '001796000000000-000000-0123456789abcdef',
      node: '0123456789abcdef',
    };
    // A newer laptop's operation in the snapshot this (older) laptop receives.
    const newer = (url: string): SyncTransport => {
      const real = fetchTransport(url);
      return async (request) => {
        const answer = await real(request);
        if (!/\/snapshot(\?|$)/.test(request.path) || answer.kind !== 'reply' || answer.status !== 200)
          return answer;
        const body = answer.body as { operations: unknown[] };
        return { ...answer, body: { ...body, operations: [...body.operations, future] } };
      };
    };
    const old = await city.laptop('old-app', undefined, newer);
    const result = await old.engine.syncNow();
    expect(result?.received).toBeGreaterThan(0);
    expect(old.engine.current().phase).toBe('idle');
    expect((await old.db.syncHeldBack.toArray()).map((r) => r.operation)).toEqual([future]);
    expect(await old.db.table('projects').get(PROJECT)).toBeDefined();
  });

  it('relays what came by USB: a laptop that never syncs hands a stick to one that does, and it reaches the server', async () => {
    const offline = createDatabase('never-syncs');
    await offline.open();
    const RELAYED = '019a0000-0000-7000-8000-00000000bb01';
    await writeRecords(offline, [
      { table: 'projects', id: RELAYED, fields: makeProject({ id: RELAYED, notes: '山区' }) },
    ]);
    const carrier = await city.laptop('carrier');
    await carrier.engine.syncNow();
    await handOver(offline, carrier.db);
    const relayed = await carrier.engine.syncNow();
    expect(relayed?.pushed).toBeGreaterThan(0);
    expect(relayed?.refused).toBe(0);
    const reader = await city.laptop('reader');
    await reader.engine.syncNow();
    const row = liveRecord((await reader.db.table('projects').get(RELAYED)) as Stored<Project> | undefined);
    expect(row?.notes).toBe('山区');
  });

  it('lists a conflict that came by USB on the same Conflicts list', async () => {
    const a = await city.laptop('usb-a');
    await a.engine.syncNow();
    const other = createDatabase('usb-other');
    await other.open();
    await handOver(a.db, other);
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: { notes: '甲写的' } }]);
    await writeRecords(other, [{ table: 'projects', id: PROJECT, fields: { notes: '乙写的' } }]);
    await handOver(other, a.db);
    const conflicts = await a.db.syncConflicts.toArray();
    expect(conflicts.map((c) => [c.via, c.field, [c.winner.value, c.loser.value].sort()])).toEqual([
      ['usb', 'notes', ['乙写的', '甲写的'].sort()],
    ]);
    // The value that stands is the one the merge kept on this laptop.
    const row = liveRecord((await a.db.table('projects').get(PROJECT)) as Stored<Project> | undefined);
    expect(conflicts[0]?.winner.value).toBe(row?.notes);
  });

  it('says the app is too old for the server and keeps every change waiting, offline as before', async () => {
    const enrolled = await city.laptop('old-version');
    // The server asks for 9.0.0 or newer (DUCHA_SERVER_MIN_APP_VERSION); this laptop runs 0.1.0.
    const strict = (url: string): SyncTransport => {
      const real = fetchTransport(url);
      return async (request) => {
        const answer = await real(request);
        if (request.path !== '/health' || answer.kind !== 'reply') return answer;
        return { ...answer, body: { ...(answer.body as object), minAppVersion: '9.0.0' } };
      };
    };
    const engine = new SyncEngine(enrolled.db, strict, () => undefined, { appVersion: '0.1.0' });
    await writeRecords(enrolled.db, [
      { table: 'projects', id: PROJECT, fields: project({ notes: '旧版本' }) },
    ]);
    const waiting = await enrolled.db.outbox.count();
    const failure = await engine.syncNow().catch((error: unknown) => error);
    expect((failure as SyncFailure).problem).toBe('appTooOld');
    expect((failure as SyncFailure).detail).toContain('9.0.0');
    expect(await enrolled.db.outbox.count()).toBe(waiting);
    // The same laptop with a new enough app syncs.
    const updated = new SyncEngine(enrolled.db, strict, () => undefined, { appVersion: '9.0.1' });
    expect((await updated.syncNow())?.pushed).toBe(waiting);
  });

  it('refuses what a wrong server sends — garbage, an operation that breaks the protocol — and changes nothing', async () => {
    const a = await city.laptop('honest-writer');
    await a.engine.syncNow();
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: project({ notes: '真的说明' }) }]);
    await a.engine.syncNow();
    const answers: ((body: {
      kind: string;
      operations?: { operation: Record<string, unknown> }[];
    }) => unknown)[] = [
      // a captive portal's page parsed as nothing the protocol knows
      () => ({ html: '<title>Hotel Wi-Fi login</title>' }),
      // an operation whose clock is not one
      (body) => ({
        ...body,
        operations: body.operations?.map((o) => ({ ...o, operation: { ...o.operation, hlc: 'yesterday' } })),
      }),
      // an operation of a known table with a field name no record has the shape of
      (body) => ({
        ...body,
        operations: body.operations?.map((o) => ({
          ...o,
          operation: { ...o.operation, field: '../../etc' },
        })),
      }),
    ];
    for (const wrong of answers) {
      const lying = (url: string): SyncTransport => {
        const real = fetchTransport(url);
        return async (request) => {
          const answer = await real(request);
          if (!request.path.includes('/pull?') || answer.kind !== 'reply' || answer.status !== 200)
            return answer;
          return { ...answer, body: wrong(answer.body as { kind: string }) };
        };
      };
      const b = await city.laptop(`lied-to-${String(answers.indexOf(wrong))}`, undefined, fetchTransport);
      await b.engine.syncNow();
      const before = JSON.stringify(await b.db.table('projects').toArray());
      const cursor: unknown = (await b.db.meta.get('syncCursor'))?.value;
      await writeRecords(a.db, [
        { table: 'projects', id: PROJECT, fields: { notes: `第${String(answers.indexOf(wrong))}次` } },
      ]);
      await a.engine.syncNow();
      const liedTo = new SyncEngine(b.db, lying, () => undefined);
      const failure = await liedTo.syncNow().catch((error: unknown) => error);
      expect((failure as SyncFailure).problem).toBe('badReply');
      expect(JSON.stringify(await b.db.table('projects').toArray())).toBe(before);
      expect((await b.db.meta.get('syncCursor'))?.value).toEqual(cursor);
    }
  });

  it("says so when its own date is days behind: the others' changes look too far ahead, and nothing is taken", async () => {
    const a = await city.laptop('on-time');
    await writeRecords(a.db, [{ table: 'projects', id: PROJECT, fields: project({ notes: '今天写的' }) }]);
    await a.engine.syncNow();
    const behind = await city.laptop('three-days-behind');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 3 * 86_400_000 });
    try {
      const failure = await behind.engine.syncNow().catch((error: unknown) => error);
      expect((failure as SyncFailure).problem).toBe('clockWrong');
      expect(behind.engine.current().problem?.code).toBe('clockWrong');
      expect(await behind.db.table('projects').count()).toBe(0);
      expect((await behind.db.meta.get('syncCursor'))?.value).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    expect((await behind.engine.syncNow())?.received).toBeGreaterThan(0);
  });

  it('signs out on the server too: the binding the laptop kept opens no session afterwards', async () => {
    const a = await city.laptop('signs-out');
    await a.engine.syncNow();
    const binding = (await a.db.meta.get('syncSignIn'))?.value as { binding: string };
    await a.engine.signOut();
    expect(await a.db.meta.get('syncSignIn')).toBeUndefined();
    expect(a.engine.current().phase).toBe('notSetUp');
    // Were the binding copied off the laptop before, it would still be refused.
    const state = (await a.db.meta.get('syncEnrollment'))?.value as { deviceId: string };
    const signer = await deviceSigner(a.db, state.deviceId);
    const refused = await openSession(fetchTransport(city.url), signer, binding.binding).catch(
      (error: unknown) => error,
    );
    expect((refused as SyncFailure).problem).toBe('signInAgain');
  });

  it('brings a change made on another laptop within seconds while both run by themselves (the watch)', async () => {
    const enrolledA = await city.laptop('live-a');
    const enrolledB = await city.laptop('live-b');
    const a = new SyncEngine(enrolledA.db, fetchTransport, () => undefined, { afterChangeMs: 50 });
    const b = new SyncEngine(enrolledB.db, fetchTransport, () => undefined, { afterChangeMs: 50 });
    a.start();
    b.start();
    try {
      // Both take their first rounds by themselves; B's watch then waits on the server.
      await expect.poll(() => b.current().lastRound !== null, { timeout: 10_000 }).toBe(true);
      await writeRecords(enrolledA.db, [
        { table: 'projects', id: PROJECT, fields: project({ notes: '实时' }) },
      ]);
      const started = Date.now();
      await expect
        .poll(
          async () =>
            liveRecord((await enrolledB.db.table('projects').get(PROJECT)) as Stored<Project> | undefined)
              ?.notes,
          { timeout: 10_000, interval: 50 },
        )
        .toBe('实时');
      // Well before the next periodic round (minutes): the watch brought it.
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      a.stop();
      b.stop();
    }
  });

  it('takes the snapshot in pages, and a laptop stopped mid-snapshot goes on from its last page', async () => {
    const a = await city.laptop('big-city-writer');
    const ids = Array.from({ length: 7 }, (_, i) => `019a0000-0000-7000-8000-00000000dd0${String(i)}`);
    await writeRecords(
      a.db,
      ids.map((id, i) => ({
        table: 'projects',
        id,
        fields: makeProject({ id, notes: `大城市 ${String(i)}` }),
      })),
    );
    await a.engine.syncNow();
    // Pages of 2 rows (the laptop asks for 2,000), and the network gone after the third page.
    const asked: string[] = [];
    let pagesUntilCut: number | null = 3;
    const small = (url: string): SyncTransport => {
      const real = fetchTransport(url);
      return async (request) => {
        if (!/\/snapshot(\?|$)/.test(request.path)) return real(request);
        if (pagesUntilCut !== null && (pagesUntilCut -= 1) < 0)
          return { kind: 'unreachable', detail: 'cable pulled' };
        const path = request.path.replace(/limit=\d+/, 'limit=2');
        asked.push(path);
        return real({ ...request, path });
      };
    };
    const b = await city.laptop('big-city-reader', undefined, small);
    const cut = await b.engine.syncNow().catch((error: unknown) => error);
    expect((cut as SyncFailure).problem).toBe('unreachable');
    expect(await b.db.meta.get('syncCursor'), 'no cursor before the snapshot is whole').toBeUndefined();
    const progress = (await b.db.meta.get('syncSnapshot'))?.value as { after: SnapshotKey } | undefined;
    expect(progress?.after.rowId, 'where the snapshot stopped').toBeTruthy();
    const heldBefore = await b.db.table('projects').count();
    expect(heldBefore).toBeGreaterThan(0);

    pagesUntilCut = null;
    const resumedFrom = asked.length;
    const round = await b.engine.syncNow();
    expect(round?.received).toBeGreaterThan(0);
    expect(asked[resumedFrom], 'the second round goes on after the last page saved').toContain(
      `next=${encodeSnapshotAfter(progress?.after ?? { table: '', rowId: '' })}`,
    );
    expect(await b.db.meta.get('syncSnapshot'), 'the finished snapshot leaves no progress').toBeUndefined();
    expect(await b.db.meta.get('syncCursor')).toBeDefined();
    for (const [i, id] of ids.entries()) {
      const row = liveRecord((await b.db.table('projects').get(id)) as Stored<Project> | undefined);
      expect(row?.notes).toBe(`大城市 ${String(i)}`);
    }
    // The same as a laptop that took the snapshot in one page.
    const other = await city.laptop('big-city-snapshot');
    await other.engine.syncNow();
    const rows = async (laptop: typeof b) =>
      canonicalJson((await laptop.db.table('projects').orderBy('id').toArray()) as Json);
    expect(await rows(b)).toBe(await rows(other));
  });

  it('refuses a snapshot page that does not go past its start, and keeps what it had', async () => {
    const looping = (url: string): SyncTransport => {
      const real = fetchTransport(url);
      let first: SyncAnswer | null = null;
      return async (request) => {
        if (!/\/snapshot(\?|$)/.test(request.path)) return real(request);
        // A wrong server: every page is its first page again, and says more follows.
        first ??= await real({ ...request, path: request.path.replace(/limit=\d+/, 'limit=1') });
        return first;
      };
    };
    const b = await city.laptop('looping-reader', undefined, looping);
    const failure = await b.engine.syncNow().catch((error: unknown) => error);
    expect((failure as SyncFailure).problem).toBe('badReply');
    expect((failure as SyncFailure).detail).toMatch(/not past its start/);
    expect(await b.db.meta.get('syncCursor')).toBeUndefined();
  });
});

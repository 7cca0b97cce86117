// Push and pull through real HTTP on each store: each operation's fate in order, exactly once across
// retries and relays, refusals that store nothing, gap-free pages, the long poll, epochs, knowledge,
// the gzip snapshot, and a revoked device whose earlier operations stay.
import { encodeSnapshotAfter } from '../../shared/sync/snapshot-key';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeOperations, type SyncedRow } from '../../shared/sync/merge';
import { PullReplySchema, PushReplySchema, SnapshotReplySchema } from '../../shared/sync/protocol';
import { describeEachBackend } from './support/backends';
import { NORTH, SOUTH, regionOp, startCity, type City, type SignedIn } from './support/http-city';

const errorCode = (response: { json: () => unknown }) =>
  (response.json() as { error: { code: string } }).error.code;

describeEachBackend('push and pull over HTTP', (backend) => {
  let city: City;
  let north: SignedIn;
  let office: SignedIn;
  let day: number;

  const push = async (who: SignedIn, teamId: string, operations: unknown[]) => {
    const response = await city.inject('POST', `/teams/${teamId}/push`, {
      session: who.session,
      body: { operations },
    });
    return response;
  };
  const pull = async (who: SignedIn, teamId: string, query: string) =>
    city.inject('GET', `/teams/${teamId}/pull?${query}`, { session: who.session });

  beforeAll(async () => {
    city = await startCity((await backend.fresh()).store);
    north = await city.as('inspector', NORTH);
    office = await city.as('office', null);
    day = city.clock.ms;
  });
  afterAll(() => city.close());

  it('stores a batch, answers a fate per operation in order, and a retry is all "known"', async () => {
    const ops = [
      regionOp('r1', 'name', '城东区', day, '00000000000000a1', 0),
      regionOp('r1', 'level', 'county', day, '00000000000000a1', 1),
      regionOp('r1', 'parentId', null, day, '00000000000000a1', 2),
    ];
    const first = await push(north, NORTH, ops);
    expect(first.statusCode, first.body).toBe(200);
    const reply = PushReplySchema.parse(first.json());
    expect(reply.fates).toEqual([
      { fate: 'stored', seq: 1 },
      { fate: 'stored', seq: 2 },
      { fate: 'stored', seq: 3 },
    ]);
    expect(reply.cursor).toEqual({ epoch: await city.store.epoch(), seq: 3 });
    // A retry (the reply was lost), reordered, with a duplicate inside the batch.
    const again = PushReplySchema.parse((await push(north, NORTH, [ops[2], ops[0], ops[0], ops[1]])).json());
    expect(again.fates).toEqual([{ fate: 'known' }, { fate: 'known' }, { fate: 'known' }, { fate: 'known' }]);
    expect(await city.store.lastSeq(NORTH)).toBe(3);
  });

  it('refuses per operation with reasons — unknown field, invalid value, clock a day ahead, other content, another team’s row — and stores the rest', async () => {
    const ahead = day + 25 * 3_600_000;
    const ops = [
      regionOp('r2', 'colour', 'red', day, '00000000000000a2', 0),
      regionOp('r2', 'level', 'galaxy', day, '00000000000000a2', 1),
      regionOp('r2', 'name', 'Future', ahead, '00000000000000a2', 2),
      regionOp('r1', 'name', '不同的值', day, '00000000000000a1', 0), // the identity of r1.name, other value
      regionOp('r2', 'name', '城西区', day, '00000000000000a2', 3),
    ];
    const reply = PushReplySchema.parse((await push(north, NORTH, ops)).json());
    expect(reply.fates.map((f) => (f.fate === 'refused' ? f.reason : f.fate))).toEqual([
      'unknownField',
      'invalidValue',
      'clockAhead',
      'differentContent',
      'stored',
    ]);
    for (const fate of reply.fates)
      if (fate.fate === 'refused') expect(fate.detail.length).toBeGreaterThan(10);
    expect(reply.fates[4]).toEqual({ fate: 'stored', seq: 4 });
    const aside = await city.store.aside(NORTH);
    expect(aside.map((a) => a.operation.value)).toEqual(['不同的值']);
    // The first value stands.
    const page = PullReplySchema.parse(
      (await pull(north, NORTH, `epoch=${await city.store.epoch()}&after=0`)).json(),
    );
    if (page.kind !== 'operations') throw new Error('expected operations');
    expect(
      page.operations.find((o) => o.operation.rowId === 'r1' && o.operation.field === 'name')?.operation
        .value,
    ).toBe('城东区');

    // The office writes for the south team; then an office push of r1 (a north row) into south is refused.
    const officeReply = PushReplySchema.parse(
      (
        await push(office, SOUTH, [
          regionOp('s1', 'name', '南区', day, '00000000000000b1'),
          regionOp('r1', 'name', 'x', day + 1, '00000000000000b1'),
        ])
      ).json(),
    );
    expect(officeReply.fates).toEqual([
      { fate: 'stored', seq: 1 },
      { fate: 'refused', reason: 'otherTeam', detail: `the row belongs to the records of team ${NORTH}` },
    ]);
  });

  it('refuses a malformed batch whole, a batch above 1,000 operations or 1 MiB, and pushes into another team', async () => {
    const before = await city.store.lastSeq(NORTH);
    const ok = regionOp('r3', 'name', 'ok', day, '00000000000000a3');
    const malformed = await push(north, NORTH, [
      ok,
      { ...ok, hlc: 'yesterday' },
      { ...ok, table: 'secrets' },
    ]);
    expect([malformed.statusCode, errorCode(malformed)]).toEqual([400, 'malformed']);
    const paths = malformed.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path);
    expect(paths).toContain('operations.1.hlc');
    expect(paths).toContain('operations.2.table');
    const notJson = await city.inject('POST', `/teams/${NORTH}/push`, {
      session: north.session,
      payload: '{"operations": [',
    });
    expect([notJson.statusCode, errorCode(notJson)]).toEqual([400, 'malformed']);
    const empty = await push(north, NORTH, []);
    expect(errorCode(empty)).toBe('malformed');

    const many = Array.from({ length: 1001 }, (_, i) =>
      regionOp(`m${String(i)}`, 'name', 'n', day, '00000000000000a4', i),
    );
    const tooMany = await push(north, NORTH, many);
    expect([tooMany.statusCode, errorCode(tooMany)]).toEqual([413, 'tooLarge']);
    const big = Array.from({ length: 10 }, (_, i) =>
      regionOp(`big${String(i)}`, 'name', 'x'.repeat(100), day, '00000000000000a5', i),
    );
    const huge = await city.inject('POST', `/teams/${NORTH}/push`, {
      session: north.session,
      payload: JSON.stringify({ operations: big, padding: ' '.repeat(1.2 * 1024 * 1024) }),
    });
    expect([huge.statusCode, errorCode(huge)]).toEqual([413, 'tooLarge']);

    const otherTeam = await push(north, SOUTH, [ok]);
    expect([otherTeam.statusCode, errorCode(otherTeam)]).toEqual([403, 'otherTeam']);
    const nowhere = await push(office, 'team-nowhere', [ok]);
    expect([nowhere.statusCode, errorCode(nowhere)]).toEqual([404, 'notFound']);
    expect(await city.store.lastSeq(NORTH)).toBe(before);
    expect(await city.store.lastSeq(SOUTH)).toBe(1);
  });

  it('pulls gap-free pages after a cursor, and tells a laptop of another epoch', async () => {
    const epoch = await city.store.epoch();
    const ops = Array.from({ length: 25 }, (_, i) =>
      regionOp(`p${String(i)}`, 'name', `区${String(i)}`, day + 1000, '00000000000000a6', i),
    );
    await push(north, NORTH, ops);
    const last = await city.store.lastSeq(NORTH);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const response = await pull(north, NORTH, `epoch=${epoch}&after=${String(after)}&limit=7`);
      const page = PullReplySchema.parse(response.json());
      if (page.kind !== 'operations') throw new Error('expected operations');
      seen.push(...page.operations.map((o) => o.seq));
      expect(page.cursor.seq).toBeGreaterThanOrEqual(after);
      after = page.cursor.seq;
      if (!page.more) break;
    }
    expect(seen).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    const caughtUp = PullReplySchema.parse(
      (await pull(north, NORTH, `epoch=${epoch}&after=${String(last)}`)).json(),
    );
    expect(caughtUp).toEqual({
      kind: 'operations',
      operations: [],
      pushes: {},
      cursor: { epoch, seq: last },
      more: false,
    });

    const old = PullReplySchema.parse(
      (await pull(north, NORTH, 'epoch=restored-from-backup&after=5')).json(),
    );
    expect(old).toEqual({ kind: 'epochChanged', epoch });
    const first = PullReplySchema.parse((await pull(north, NORTH, 'after=0')).json());
    expect(first).toEqual({ kind: 'epochChanged', epoch });

    for (const query of [
      'after=-1',
      'after=x',
      `limit=0&epoch=${epoch}`,
      `limit=1001&epoch=${epoch}`,
      `wait=31&epoch=${epoch}`,
    ]) {
      const bad = await pull(north, NORTH, query);
      expect([bad.statusCode, errorCode(bad)], query).toEqual([400, 'malformed']);
    }
    const leader = await city.as('leader', null);
    expect((await pull(leader, SOUTH, `epoch=${epoch}`)).statusCode).toBe(200);
    expect(errorCode(await pull(north, SOUTH, `epoch=${epoch}`))).toBe('otherTeam');
  });

  it('long-polls: a pull with nothing new waits and is answered as soon as a push stores something', async () => {
    const epoch = await city.store.epoch();
    const last = await city.store.lastSeq(NORTH);
    const started = performance.now();
    const waiting = pull(north, NORTH, `epoch=${epoch}&after=${String(last)}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await push(north, NORTH, [regionOp('lp', 'name', '长轮询', day + 2000, '00000000000000a7')]);
    const page = PullReplySchema.parse((await waiting).json());
    const took = performance.now() - started;
    if (page.kind !== 'operations') throw new Error('expected operations');
    expect(page.operations.map((o) => o.seq)).toEqual([last + 1]);
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(5000);
    // A push into another team does not wake it; the wait runs out and answers empty.
    const quiet = await pull(north, NORTH, `epoch=${epoch}&after=${String(last + 1)}&wait=0.3`);
    expect(PullReplySchema.parse(quiet.json())).toMatchObject({
      kind: 'operations',
      operations: [],
      more: false,
    });
  });

  it('gives the team’s knowledge, and a gzip snapshot that equals the merge of everything stored', async () => {
    const knowledge = await city.inject('GET', `/teams/${NORTH}/knowledge`, { session: north.session });
    expect(knowledge.statusCode).toBe(200);
    const { knowledge: held, epoch } = knowledge.json<{ knowledge: Record<string, string>; epoch: string }>();
    expect(epoch).toBe(await city.store.epoch());
    expect(held['00000000000000a7']).toBe(regionOp('lp', 'name', '', day + 2000, '00000000000000a7').hlc);

    const response = await city.inject('GET', `/teams/${NORTH}/snapshot`, { session: north.session });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    const snapshot = SnapshotReplySchema.parse(JSON.parse(gunzipSync(response.rawPayload).toString('utf8')));
    expect(snapshot.cursor).toEqual({ epoch, seq: await city.store.lastSeq(NORTH) });
    const all = (await city.store.pull(NORTH, 0, 100_000)).map((s) => s.operation);
    const expected = new Map<string, SyncedRow>();
    mergeOperations(expected, all);
    const fromSnapshot = new Map<string, SyncedRow>();
    mergeOperations(fromSnapshot, snapshot.operations);
    expect(fromSnapshot).toEqual(expected);
    expect(snapshot.operations.length).toBeLessThan(all.length + 1);
    expect(snapshot.next).toBeNull();

    // Page by page (one row each), from each page's `next`: the same operations.
    const paged: typeof snapshot.operations = [];
    let from = '';
    for (let pages = 1; ; pages += 1) {
      const page = await city.inject('GET', `/teams/${NORTH}/snapshot?limit=1${from}`, {
        session: north.session,
      });
      const body = SnapshotReplySchema.parse(JSON.parse(gunzipSync(page.rawPayload).toString('utf8')));
      expect(body.cursor).toEqual(snapshot.cursor);
      paged.push(...body.operations);
      if (body.next === null) break;
      expect(pages).toBeLessThan(100);
      from = `&next=${encodeSnapshotAfter(body.next)}`;
    }
    expect(paged).toEqual(snapshot.operations);
    // A key the server did not make, or a page larger than the server gives, is refused in words.
    const half = await city.inject('GET', `/teams/${NORTH}/snapshot?next=bm90LWEta2V5`, {
      session: north.session,
    });
    expect(half.statusCode).toBe(400);
    expect(half.json<{ error: { code: string } }>().error.code).toBe('malformed');
    const huge = await city.inject('GET', `/teams/${NORTH}/snapshot?limit=1000000`, {
      session: north.session,
    });
    expect(huge.statusCode).toBe(400);
  });

  it('refuses a revoked device’s later pushes with deviceRevoked; what it pushed earlier stays', async () => {
    const laptop = await city.as('inspector', NORTH);
    const admin = await city.as('admin', null);
    const early = PushReplySchema.parse(
      (await push(laptop, NORTH, [regionOp('rv', 'name', '早', day + 3000, '00000000000000a8')])).json(),
    );
    expect(early.fates[0]?.fate).toBe('stored');
    const seq = (early.fates[0] as { seq: number }).seq;
    expect(
      (await city.inject('POST', `/devices/${laptop.device.id}/revoke`, { session: admin.session }))
        .statusCode,
    ).toBe(200);
    const late = await push(laptop, NORTH, [regionOp('rv', 'name', '晚', day + 4000, '00000000000000a8')]);
    expect([late.statusCode, errorCode(late)]).toEqual([403, 'deviceRevoked']);
    const kept = await city.store.pull(NORTH, seq - 1, 1);
    expect(kept[0]?.operation.value).toBe('早');
    expect(await city.store.lastSeq(NORTH)).toBe(seq);
  });
});

describe('long polls and shutdown', () => {
  it('a closing server answers its waiting pulls at once instead of holding shutdown', async () => {
    const { sqliteBackend } = await import('./support/backends');
    const backend = sqliteBackend();
    await backend.setUp();
    try {
      const city = await startCity((await backend.fresh()).store);
      const north = await city.as('inspector', NORTH);
      const epoch = await city.store.epoch();
      const waiting = city.inject('GET', `/teams/${NORTH}/pull?epoch=${epoch}&after=0&wait=30`, {
        session: north.session,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await city.close();
      const response = await waiting;
      expect(performance.now() - started).toBeLessThan(3000);
      expect(response.statusCode).toBe(200);
    } finally {
      await backend.tearDown();
    }
  });
});

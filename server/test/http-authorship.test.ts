// Who wrote each operation and what they knew, over HTTP on each store: a push carries the laptop's
// knowledge, a pull page names each operation's push and describes each push once (the time, the
// device, the person's name, the knowledge or null), and a malformed or oversized vector is refused
// before anything is stored. Laptops tell a conflict from a later change with this.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../shared/bundle/manifest';
import {
  KNOWLEDGE_MAX_NODES,
  PullReplySchema,
  PushReplySchema,
  type PullReply,
} from '../../shared/sync/protocol';
import { describeEachBackend } from './support/backends';
import { NORTH, regionOp, startCity, type City, type SignedIn } from './support/http-city';

type OperationsPage = Extract<PullReply, { kind: 'operations' }>;

const errorOf = (response: { json: () => unknown }) =>
  (response.json() as { error: { code: string; issues?: { path: string; message: string }[] } }).error;

/** n distinct nodes, each with a clock: a version vector of that size. */
const vectorOf = (n: number, wall: number): Knowledge =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => {
      const node = i.toString(16).padStart(16, '0');
      return [node, regionOp('v', 'name', '', wall, node).hlc];
    }),
  );

describeEachBackend('who pushed, knowing what, over HTTP', (backend) => {
  let city: City;
  let li: SignedIn;
  let wang: SignedIn;
  let office: SignedIn;
  let day: number;

  const push = (who: SignedIn, body: unknown) =>
    city.inject('POST', `/teams/${NORTH}/push`, { session: who.session, body });
  const pullPage = async (who: SignedIn, after: number): Promise<OperationsPage> => {
    const epoch = await city.store.epoch();
    const response = await city.inject('GET', `/teams/${NORTH}/pull?epoch=${epoch}&after=${String(after)}`, {
      session: who.session,
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = PullReplySchema.parse(response.json());
    if (page.kind !== 'operations') throw new Error('expected operations');
    return page;
  };

  beforeAll(async () => {
    city = await startCity((await backend.fresh()).store);
    li = await city.as('inspector', NORTH);
    wang = await city.as('inspector', NORTH);
    office = await city.as('office', null);
    day = city.clock.ms;
  });
  afterAll(() => city.close());

  it('describes on a pull page each push it names: when, which laptop, who, and what that laptop knew', async () => {
    // Li's laptop had seen Wang's earlier edit of r1.name when it changed it: a later change, not a conflict.
    const wangsEdit = regionOp('r1', 'name', '城东区', day, '00000000000000b1');
    const byWang = await push(wang, {
      operations: [wangsEdit, regionOp('r1', 'level', 'county', day, '00000000000000b1', 1)],
    });
    expect(byWang.statusCode, byWang.body).toBe(200);
    const wangAt = new Date(city.clock.ms).toISOString();

    city.clock.ms += 60_000;
    const lisEdit = regionOp('r1', 'name', '城东新区', day + 30_000, '00000000000000a1');
    const liKnew = { '00000000000000a1': lisEdit.hlc, '00000000000000b1': wangsEdit.hlc };
    const byLi = await push(li, { operations: [lisEdit], knowledge: liKnew });
    expect(PushReplySchema.parse(byLi.json()).fates).toEqual([{ fate: 'stored', seq: 3 }]);
    const liAt = new Date(city.clock.ms).toISOString();

    const page = await pullPage(office, 0);
    expect(page.operations.map((o) => [o.seq, o.operation.value])).toEqual([
      [1, '城东区'],
      [2, 'county'],
      [3, '城东新区'],
    ]);
    const [first, second, third] = page.operations.map((o) => o.push);
    expect(first).toBe(second);
    expect(third).not.toBe(first);
    expect(page.pushes).toEqual({
      [String(first)]: {
        at: wangAt,
        deviceId: wang.device.id,
        person: { id: wang.personId, name: wang.login },
        knowledge: null,
      },
      [String(third)]: {
        at: liAt,
        deviceId: li.device.id,
        person: { id: li.personId, name: li.login },
        knowledge: liKnew,
      },
    });

    // A page starting after Wang's push describes only the push it names.
    const later = await pullPage(li, 2);
    expect(later.operations.map((o) => o.push)).toEqual([third]);
    expect(Object.keys(later.pushes ?? {})).toEqual([String(third)]);
  });

  it('refuses malformed knowledge as malformed, saying where, and stores nothing of the push', async () => {
    const before = await city.store.lastSeq(NORTH);
    const op = regionOp('r2', 'name', '城西区', day, '00000000000000a1', 5);
    const cases: [unknown, string][] = [
      [{ 'not-a-node': op.hlc }, 'knowledge.not-a-node'],
      [{ '00000000000000a1': 'yesterday' }, 'knowledge.00000000000000a1'],
      [[op.hlc], 'knowledge'],
      ['everything', 'knowledge'],
    ];
    for (const [knowledge, path] of cases) {
      const response = await push(li, { operations: [op], knowledge });
      expect([response.statusCode, errorOf(response).code], JSON.stringify(knowledge)).toEqual([
        400,
        'malformed',
      ]);
      expect(errorOf(response).issues?.map((i) => i.path)).toContain(path);
    }
    expect(await city.store.lastSeq(NORTH)).toBe(before);
  });

  it(`takes a vector of ${String(KNOWLEDGE_MAX_NODES)} nodes and refuses one more as malformed`, async () => {
    const before = await city.store.lastSeq(NORTH);
    const op = regionOp('r3', 'name', '高新区', day, '00000000000000a1', 6);
    const oversized = await push(li, { operations: [op], knowledge: vectorOf(KNOWLEDGE_MAX_NODES + 1, day) });
    expect([oversized.statusCode, errorOf(oversized).code]).toEqual([400, 'malformed']);
    expect(errorOf(oversized).issues).toEqual([
      { path: 'knowledge', message: `knowledge names at most ${String(KNOWLEDGE_MAX_NODES)} nodes` },
    ]);
    expect(await city.store.lastSeq(NORTH)).toBe(before);

    const largest = vectorOf(KNOWLEDGE_MAX_NODES, day);
    const taken = await push(li, { operations: [op], knowledge: largest });
    expect(taken.statusCode, taken.body).toBe(200);
    const page = await pullPage(li, before);
    expect(page.pushes?.[String(page.operations[0]?.push)]?.knowledge).toEqual(largest);
  });
});

describe('the pull page schema', () => {
  const page = {
    kind: 'operations',
    operations: [{ seq: 1, operation: regionOp('r1', 'name', 'x', Date.UTC(2026, 5, 1)), push: 7 }],
    cursor: { epoch: 'e', seq: 1 },
    more: false,
  };
  const push7 = {
    at: '2026-06-01T08:00:00.000Z',
    deviceId: 'd',
    person: { id: 'p', name: '李明' },
    knowledge: null,
  };

  it('takes a page without authorship (an older server) and one that describes every push it names', () => {
    const { push: _, ...item } = page.operations[0]!;
    expect(PullReplySchema.safeParse({ ...page, operations: [item] }).success).toBe(true);
    expect(PullReplySchema.safeParse({ ...page, pushes: { '7': push7 } }).success).toBe(true);
  });

  it('refuses a page that names a push it does not describe', () => {
    for (const pushes of [undefined, {}, { '8': push7 }]) {
      const result = PullReplySchema.safeParse({ ...page, pushes });
      expect(result.success, JSON.stringify(pushes)).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['operations.0.push']);
    }
  });
});

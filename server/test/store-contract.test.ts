// The Store contract, run the same on SQLite and PostgreSQL: exactly once per operation identity,
// content conflicts kept aside, rows owned by one team, gap-free sequences, knowledge, the snapshot as
// the shared merge of everything stored, enrollment and challenges single-use, revocation, the epoch,
// backups, and (PostgreSQL's reason to exist here) concurrent pushers read by a concurrent puller.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { knowledgeOfOperations } from '../../shared/bundle/knowledge';
import { mergeOperations, type SyncedRow } from '../../shared/sync/merge';
import type { Operation } from '../../shared/sync/operation';
import { openStore } from '../src/store/open-store';
import type { PushOutcome, Store } from '../src/store/store';
import { describeEachBackend } from './support/backends';
import {
  NODE_A,
  NODE_B,
  NODE_C,
  editsOf,
  fakePublicKey,
  operation,
  seedTeam,
  seededRandom,
  shuffled,
} from './support/store-fixtures';

const AT = '2026-06-02T08:00:00.000Z';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every operation of the team's log, paging through pull, checking each page starts where the last ended. */
async function pullAll(
  store: Store,
  teamId: string,
  pageSize = 1000,
): Promise<{ seq: number; operation: Operation }[]> {
  const all: { seq: number; operation: Operation }[] = [];
  for (;;) {
    const page = await store.pull(teamId, all.length, pageSize);
    page.forEach((entry, i) => expect(entry.seq).toBe(all.length + i + 1));
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}

/** Rows as plain sorted objects, so two merges compare with toEqual whatever their insertion order. */
function rowsOf(ops: Iterable<Operation>): Record<string, SyncedRow> {
  const rows = new Map<string, SyncedRow>();
  mergeOperations(rows, ops);
  return Object.fromEntries([...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const storedSeqs = (outcomes: PushOutcome[]): number[] =>
  outcomes.flatMap((outcome) => (outcome.fate === 'stored' ? [outcome.seq] : []));

describeEachBackend('store contract', (backend) => {
  it('makes its schema once, keeps one epoch across reopening, and newEpoch changes it for good', async () => {
    const fresh = await backend.fresh();
    const first = await fresh.store.epoch();
    expect(first).toMatch(UUID);
    await fresh.store.migrate();
    expect(await fresh.store.epoch()).toBe(first);
    await fresh.store.close();

    const reopened = await fresh.reopen();
    expect(await reopened.epoch()).toBe(first);
    const next = await reopened.newEpoch();
    expect(next).toMatch(UUID);
    expect(next).not.toBe(first);
    expect(await reopened.epoch()).toBe(next);
    await reopened.close();
    expect(await (await fresh.reopen()).epoch()).toBe(next);
  });

  it('keeps settings: unset is null, a value replaces the last, null removes it', async () => {
    const { store } = await backend.fresh();
    expect(await store.getSetting('setupCodeHash')).toBeNull();
    await store.setSetting('setupCodeHash', 'one');
    await store.setSetting('setupCodeHash', 'two');
    expect(await store.getSetting('setupCodeHash')).toBe('two');
    await store.setSetting('setupCodeHash', null);
    expect(await store.getSetting('setupCodeHash')).toBeNull();
  });

  it('keeps teams and people; a login is unique; unknown people are refused', async () => {
    const { store } = await backend.fresh();
    await store.createTeam({ id: 't2', name: '第二督查组' });
    await store.createTeam({ id: 't1', name: '第一督查组' });
    expect(await store.teams()).toEqual([
      { id: 't1', name: '第一督查组' },
      { id: 't2', name: '第二督查组' },
    ]);
    await store.createPerson({
      id: 'p1',
      login: 'wang.li',
      name: '王力',
      role: 'inspector',
      teamId: 't1',
      passwordHash: null,
    });
    await store.createPerson({
      id: 'p2',
      login: 'admin',
      name: 'Admin',
      role: 'admin',
      teamId: null,
      passwordHash: 'scrypt$x',
    });
    await expect(
      store.createPerson({
        id: 'p3',
        login: 'wang.li',
        name: 'Other',
        role: 'office',
        teamId: null,
        passwordHash: null,
      }),
    ).rejects.toThrow();
    await store.setPassword('p1', 'scrypt$16384$8$1$salt$hash');
    await store.setDisabled('p1', true);
    const wang = {
      id: 'p1',
      login: 'wang.li',
      name: '王力',
      role: 'inspector',
      teamId: 't1',
      disabled: true,
      passwordHash: 'scrypt$16384$8$1$salt$hash',
    };
    expect(await store.personById('p1')).toEqual(wang);
    expect(await store.personByLogin('wang.li')).toEqual(wang);
    expect(await store.personByLogin('nobody')).toBeNull();
    await store.setDisabled('p1', false);
    expect((await store.people()).map((p) => [p.login, p.disabled])).toEqual([
      ['admin', false],
      ['wang.li', false],
    ]);
    await expect(store.setPassword('ghost', 'x')).rejects.toThrow(/no person ghost/);
    await expect(store.setDisabled('ghost', true)).rejects.toThrow(/no person ghost/);
  });

  it('stores each operation once, whatever the retries, duplicates, reordering and relays', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    const [laptop, relay] = team.pushers as [(typeof team.pushers)[0], (typeof team.pushers)[0]];
    const random = seededRandom(17);
    const fromA = editsOf([NODE_A], 20, random);
    const fromB = editsOf([NODE_B], 10, random);

    const first = await store.push(team.teamId, fromA, laptop, AT);
    expect(first).toEqual(fromA.map((_, i) => ({ fate: 'stored', seq: i + 1 })));
    // The reply was lost: the laptop pushes the same batch again, then again in another order.
    expect(await store.push(team.teamId, fromA, laptop, AT)).toEqual(fromA.map(() => ({ fate: 'known' })));
    expect(await store.push(team.teamId, shuffled(fromA, random), laptop, AT)).toEqual(
      fromA.map(() => ({ fate: 'known' })),
    );
    // Another laptop relays A's operations (received by USB) along with B's own, duplicates and all.
    const relayed = [...fromA.slice(0, 5), ...fromB.slice(0, 5), fromB[0] as Operation, ...fromA.slice(15)];
    const relayOutcomes = await store.push(team.teamId, relayed, relay, AT);
    expect(relayOutcomes).toEqual([
      ...fromA.slice(0, 5).map(() => ({ fate: 'known' })),
      ...[21, 22, 23, 24, 25].map((seq) => ({ fate: 'stored', seq })),
      { fate: 'known' },
      ...fromA.slice(15).map(() => ({ fate: 'known' })),
    ]);
    // The rest of B arrives reordered, mixed with what is already there.
    const rest = await store.push(
      team.teamId,
      shuffled([...fromB, ...fromA.slice(3, 8)], random),
      laptop,
      AT,
    );
    expect(storedSeqs(rest).sort((a, b) => a - b)).toEqual([26, 27, 28, 29, 30]);
    expect(rest.filter((o) => o.fate === 'known')).toHaveLength(10);

    const log = await pullAll(store, team.teamId);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const identities = log.map(({ operation: op }) => `${op.table}/${op.rowId}/${op.field}/${op.hlc}`);
    expect(new Set(identities).size).toBe(30);
    expect(log.slice(0, 20).map((e) => e.operation)).toEqual(fromA);
    expect(new Set(log.slice(20).map((e) => e.operation.hlc))).toEqual(new Set(fromB.map((op) => op.hlc)));
    expect(await store.lastSeq(team.teamId)).toBe(30);
    expect(await store.aside(team.teamId)).toEqual([]);
  });

  it('keeps an operation seen again with other content aside; the first value stays', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    const [laptop, other] = team.pushers as [(typeof team.pushers)[0], (typeof team.pushers)[0]];
    const original = operation({
      node: NODE_A,
      at: 5,
      rowId: 'issue-1',
      field: 'title',
      value: { zh: '裂缝', n: 1 },
    });
    const forged = { ...original, value: 'replaced' };
    const reordered = { ...original, value: { n: 1, zh: '裂缝' } };

    expect(await store.push(team.teamId, [original], laptop, AT)).toEqual([{ fate: 'stored', seq: 1 }]);
    // Same keys in another order is the same content (canonical JSON).
    expect(await store.push(team.teamId, [reordered], other, AT)).toEqual([{ fate: 'known' }]);
    const later = '2026-06-03T09:00:00.000Z';
    expect(await store.push(team.teamId, [forged, forged], other, later)).toEqual([
      { fate: 'differentContent', storedValue: { zh: '裂缝', n: 1 } },
      { fate: 'differentContent', storedValue: { zh: '裂缝', n: 1 } },
    ]);
    // A retry of the refused push is kept once, not once per retry.
    await store.push(team.teamId, [forged], other, '2026-06-04T00:00:00.000Z');
    expect(await store.aside(team.teamId)).toEqual([{ operation: forged, pusher: other, at: later }]);

    expect((await pullAll(store, team.teamId)).map((e) => e.operation)).toEqual([original]);
    expect((await store.snapshot(team.teamId)).operations).toEqual([original]);
    expect(await store.lastSeq(team.teamId)).toBe(1);
  });

  it('tells a new row’s operation repeated in its first batch: known, or kept aside with other content', async () => {
    // A new row's identities are not looked up in the log (none can be there): the batch's own count.
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    const first = operation({ node: NODE_A, at: 1, rowId: 'new-row', field: 'title', value: 'first' });
    const other = { ...first, value: 'other' };
    const next = operation({ node: NODE_A, at: 2, rowId: 'new-row', field: 'status', value: 'open' });
    expect(await store.push(team.teamId, [first, first, other, next], team.pushers[0]!, AT)).toEqual([
      { fate: 'stored', seq: 1 },
      { fate: 'known' },
      { fate: 'differentContent', storedValue: 'first' },
      { fate: 'stored', seq: 2 },
    ]);
    expect(await store.aside(team.teamId)).toEqual([{ operation: other, pusher: team.pushers[0], at: AT }]);
    expect(rowsOf((await store.snapshot(team.teamId)).operations)).toEqual(rowsOf([first, next]));
  });

  it('refuses operations on another team’s rows; a batch’s first stored operation claims a new row', async () => {
    const { store } = await backend.fresh();
    const a = await seedTeam(store, 'team-a');
    const b = await seedTeam(store, 'team-b');
    const aRow = operation({ node: NODE_A, at: 1, rowId: 'shared-row', field: 'title', value: 'A' });
    expect(await store.push(a.teamId, [aRow], a.pushers[0]!, AT)).toEqual([{ fate: 'stored', seq: 1 }]);

    const intoB = [
      operation({ node: NODE_B, at: 2, rowId: 'shared-row', field: 'status', value: 'closed' }),
      aRow,
      operation({ node: NODE_B, at: 3, rowId: 'b-row', field: 'title', value: 'B1' }),
      operation({ node: NODE_B, at: 4, rowId: 'b-row', field: 'status', value: 'open' }),
    ];
    expect(await store.push(b.teamId, intoB, b.pushers[0]!, AT)).toEqual([
      { fate: 'otherTeam', ownerTeamId: 'team-a' },
      { fate: 'otherTeam', ownerTeamId: 'team-a' },
      { fate: 'stored', seq: 1 },
      { fate: 'stored', seq: 2 },
    ]);
    const back = operation({ node: NODE_A, at: 5, rowId: 'b-row', field: 'title', value: 'A took it' });
    expect(await store.push(a.teamId, [back], a.pushers[0]!, AT)).toEqual([
      { fate: 'otherTeam', ownerTeamId: 'team-b' },
    ]);

    expect((await pullAll(store, a.teamId)).map((e) => e.operation)).toEqual([aRow]);
    expect((await pullAll(store, b.teamId)).map((e) => e.operation)).toEqual(intoB.slice(2));
    expect(rowsOf((await store.snapshot(b.teamId)).operations)).toEqual(rowsOf(intoB.slice(2)));
    expect(await store.knowledge(a.teamId)).toEqual({ [NODE_A]: aRow.hlc });
  });

  it('gives each new row one owner when two teams push it at once; the other team’s operations on it are refused', async () => {
    const { store } = await backend.fresh();
    const teams = [await seedTeam(store, 'team-a', 1), await seedTeam(store, 'team-b', 1)] as const;
    const random = seededRandom(23);
    const rounds = 15;
    const pushed: Operation[][] = [[], []];
    const outcomes: PushOutcome[][] = [[], []];
    for (let round = 0; round < rounds; round += 1) {
      // Both teams' batches name the same new rows (in other orders), and rows of their own.
      const shared = Array.from({ length: 6 }, (_, i) => `shared-${round}-${i}`);
      const batches = teams.map((team, t) =>
        shuffled(
          [...shared, `own-${team.teamId}-${round}`].flatMap((rowId, i) =>
            ['title', 'status'].map((field, f) =>
              operation({
                node: t === 0 ? NODE_A : NODE_B,
                at: round * 100 + i * 2 + f,
                rowId,
                field,
                value: `${team.teamId} ${rowId} ${field}`,
              }),
            ),
          ),
          random,
        ),
      );
      const replies = await Promise.all(
        teams.map((team, t) => store.push(team.teamId, batches[t]!, team.pushers[0]!, AT)),
      );
      replies.forEach((reply, t) => {
        pushed[t]!.push(...batches[t]!);
        outcomes[t]!.push(...reply);
      });
    }

    // Each row's operations are all stored in one team's log or all refused with that team as owner.
    const logs = await Promise.all(teams.map((team) => pullAll(store, team.teamId)));
    const owner = new Map<string, string>();
    logs.forEach((log, t) => {
      const { teamId } = teams[t]!;
      for (const { operation: op } of log) {
        expect(owner.get(op.rowId) ?? teamId).toBe(teamId);
        owner.set(op.rowId, teamId);
      }
    });
    teams.forEach((team, t) => {
      pushed[t]!.forEach((op, i) => {
        const outcome = outcomes[t]![i];
        if (owner.get(op.rowId) === team.teamId) expect(outcome?.fate).toBe('stored');
        else expect(outcome).toEqual({ fate: 'otherTeam', ownerTeamId: owner.get(op.rowId) });
      });
      expect(logs[t]!.map((e) => e.seq)).toEqual(logs[t]!.map((_, i) => i + 1));
    });
    expect(owner.size).toBe(rounds * 8);
    for (const [t, team] of teams.entries()) {
      const snapshot = await store.snapshot(team.teamId);
      expect(rowsOf(snapshot.operations)).toEqual(rowsOf(logs[t]!.map((e) => e.operation)));
    }
  });

  it('numbers stored operations 1..n without a gap, whatever else the batches hold; pull pages through them', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    const other = await seedTeam(store, 'team-z', 1);
    const random = seededRandom(5);
    const taken = operation({ node: NODE_C, at: 1, rowId: 'theirs', field: 'title', value: 'z' });
    await store.push(other.teamId, [taken], other.pushers[0]!, AT);
    const all = editsOf([NODE_A, NODE_B, NODE_C], 40, random, 10);
    const expected: Operation[] = [];
    let lastSeq = 0;
    for (let start = 0; start < all.length; start += 17) {
      const fresh = all.slice(start, start + 17);
      const known = all.slice(0, start).filter(() => random() < 0.2);
      const conflicting = known.slice(0, 1).map((op) => ({ ...op, value: 'conflict' }));
      const batch = shuffled([...fresh, ...known, ...conflicting, taken], random);
      const outcomes = await store.push(team.teamId, batch, team.pushers[0]!, AT);
      const seqs = storedSeqs(outcomes);
      expect(seqs).toEqual(Array.from({ length: fresh.length }, (_, i) => lastSeq + i + 1));
      batch.forEach((op, i) => {
        if (outcomes[i]?.fate === 'stored') expected.push(op);
      });
      lastSeq += fresh.length;
    }
    expect(await store.lastSeq(team.teamId)).toBe(all.length);
    for (const pageSize of [1, 7, 1000]) {
      const log = await pullAll(store, team.teamId, pageSize);
      expect(log.map((e) => e.operation)).toEqual(expected);
    }
    expect(await store.pull(team.teamId, all.length, 10)).toEqual([]);
    expect(
      (await store.pull(team.teamId, all.length - 2, 10)).map(({ seq, operation }) => ({ seq, operation })),
    ).toEqual(expected.slice(-2).map((op, i) => ({ seq: all.length - 1 + i, operation: op })));
    expect(await store.lastSeq('team-without-log')).toBe(0);
  });

  it('knows per node the latest clock of the team’s log', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    expect(await store.knowledge(team.teamId)).toEqual({});
    const random = seededRandom(9);
    const ops = editsOf([NODE_A, NODE_B, NODE_C], 30, random);
    // Out of clock order on purpose: knowledge is the highest clock, not the last one stored.
    for (const batch of [ops.slice(60), ops.slice(0, 30).reverse(), ops.slice(30, 60)]) {
      await store.push(team.teamId, batch, team.pushers[0]!, AT);
    }
    expect(await store.knowledge(team.teamId)).toEqual(knowledgeOfOperations(ops));
  });

  it('says of each pulled operation which push stored it, and of each push who, when and what they knew', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    const other = await seedTeam(store, 'team-z', 1);
    await store.createPerson({
      id: 'p-wang',
      login: 'wang.fang',
      name: '王芳',
      role: 'inspector',
      teamId: team.teamId,
      passwordHash: null,
    });
    const [first, second] = team.pushers as [(typeof team.pushers)[0], (typeof team.pushers)[0]];
    const byWang = { deviceId: second.deviceId, personId: 'p-wang' };
    const random = seededRandom(31);
    const fromA = editsOf([NODE_A], 4, random);
    const fromB = editsOf([NODE_B], 3, random);
    // Laptop A knew its own edits and some of C's; the keys out of order, as a laptop may build them.
    const knewA = {
      [NODE_C]: operation({ node: NODE_C, at: 7, rowId: 'row-9', field: 'title', value: 'c' }).hlc,
      ...knowledgeOfOperations(fromA),
    };
    const LATER = '2026-06-02T09:15:00.000Z';

    await store.push(team.teamId, fromA, first, AT, knewA);
    await store.push(team.teamId, fromB, byWang, LATER); // an older laptop: no knowledge
    // A retry stores nothing, so it makes no push a page could name.
    await store.push(team.teamId, fromA, byWang, LATER, knewA);
    const theirOp = operation({ node: NODE_C, at: 1, rowId: 'theirs', field: 'title', value: 'z' });
    await store.push(other.teamId, [theirOp], other.pushers[0]!, AT, { [NODE_C]: theirOp.hlc });

    const page = await store.pull(team.teamId, 0, 100);
    expect(page.map((e) => e.operation)).toEqual([...fromA, ...fromB]);
    const [pushA, pushB] = [page[0]!.push, page[fromA.length]!.push];
    expect(pushA).not.toBe(pushB);
    expect(page.map((e) => e.push)).toEqual([...fromA.map(() => pushA), ...fromB.map(() => pushB)]);

    const pushes = await store.pushes(team.teamId, [pushA, pushB]);
    expect(pushes).toEqual(
      new Map([
        [
          pushA,
          {
            at: AT,
            deviceId: first.deviceId,
            person: { id: team.personId, name: 'Inspector of team-a' },
            knowledge: knewA,
          },
        ],
        [
          pushB,
          { at: LATER, deviceId: second.deviceId, person: { id: 'p-wang', name: '王芳' }, knowledge: null },
        ],
      ]),
    );
    // Kept as canonical JSON: the nodes come back in byte order, whatever order they were sent in.
    expect(Object.keys(pushes.get(pushA)?.knowledge ?? {})).toEqual([NODE_A, NODE_C]);
    // A page of one push is one entry; another team's pushes are not this team's to describe.
    expect([...(await store.pushes(team.teamId, [pushB])).keys()]).toEqual([pushB]);
    const theirs = (await store.pull(other.teamId, 0, 10))[0]!.push;
    expect(await store.pushes(team.teamId, [theirs])).toEqual(new Map());
    expect(await store.pushes(team.teamId, [])).toEqual(new Map());
  });

  it('keeps every row a push changes, however many (the rows are written many to a statement)', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    // 250 new rows in one push, then 250 changes to them and 10 new rows in another: both cross the
    // store's rows-per-statement, both new and existing rows.
    const rowIds = Array.from({ length: 260 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    const first = rowIds
      .slice(0, 250)
      .map((rowId, i) => operation({ node: NODE_A, at: i, rowId, field: 'title', value: `first ${rowId}` }));
    const second = rowIds
      .slice(10)
      .map((rowId, i) =>
        operation({ node: NODE_B, at: 1_000 + i, rowId, field: 'title', value: `second ${rowId}` }),
      );
    await store.push(team.teamId, first, team.pushers[0]!, AT);
    await store.push(team.teamId, second, team.pushers[1]!, AT);
    const snapshot = await store.snapshot(team.teamId);
    expect(rowsOf(snapshot.operations)).toEqual(rowsOf([...first, ...second]));
    expect(snapshot.operations).toHaveLength(260);
  });

  it('gives as snapshot the shared merge of everything stored, with the seq it includes', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a');
    expect(await store.snapshot(team.teamId)).toEqual({ seq: 0, operations: [], next: null });
    const random = seededRandom(23);
    const ops = [
      ...editsOf([NODE_A, NODE_B, NODE_C], 60, random, 8),
      operation({ node: NODE_B, at: 900, rowId: 'row-1', field: '_deleted', value: true }),
      operation({
        node: NODE_A,
        at: 5,
        table: 'projects',
        rowId: 'row-1',
        field: 'name',
        value: 'same id, other table',
      }),
    ];
    const pushed = shuffled(ops, random);
    for (let start = 0; start < pushed.length; start += 25) {
      await store.push(team.teamId, pushed.slice(start, start + 25), team.pushers[start % 2]!, AT);
    }
    const snapshot = await store.snapshot(team.teamId);
    expect(snapshot.seq).toBe(ops.length);
    expect(rowsOf(snapshot.operations)).toEqual(rowsOf(ops));
    // One operation per field that has a value: the winners, nothing else.
    const fields = Object.values(rowsOf(ops)).reduce((n, row) => n + Object.keys(row._clocks).length, 0);
    expect(snapshot.operations).toHaveLength(fields);
    expect(new Set(snapshot.operations.map((op) => op.hlc)).size).toBe(fields);

    // In pages of 3 rows: the same operations, in order, each row once, every page with the same seq.
    const paged: typeof snapshot.operations = [];
    let after: { table: string; rowId: string } | null = null;
    let pages = 0;
    for (;;) {
      const page = await store.snapshot(team.teamId, { after, limit: 3 });
      expect(page.seq).toBe(ops.length);
      expect(new Set(page.operations.map((op) => `${op.table}/${op.rowId}`)).size).toBeLessThanOrEqual(3);
      paged.push(...page.operations);
      pages += 1;
      if (page.next === null) break;
      const last = page.operations.at(-1);
      expect(page.next).toEqual({ table: last?.table, rowId: last?.rowId });
      after = page.next;
    }
    const rows = Object.keys(rowsOf(ops)).length;
    expect(pages, 'no empty last page: the extra row read says whether more follow').toBe(
      Math.ceil(rows / 3),
    );
    expect(paged).toEqual(snapshot.operations);
  });

  it('lets a team download the blobs its photo and signed-visit records name, and no other team', async () => {
    const { store } = await backend.fresh();
    const a = await seedTeam(store, 'team-a');
    const b = await seedTeam(store, 'team-b');
    const photoHash = 'a'.repeat(64);
    const annotatedHash = 'b'.repeat(64);
    const captionHash = 'c'.repeat(64);
    await store.push(
      a.teamId,
      [
        operation({ node: NODE_A, at: 1, table: 'photos', rowId: 'ph-1', field: 'sha256', value: photoHash }),
        operation({
          node: NODE_A,
          at: 2,
          table: 'photoAnnotations',
          rowId: 'an-1',
          field: 'sha256',
          value: annotatedHash,
        }),
        operation({
          node: NODE_A,
          at: 3,
          table: 'photos',
          rowId: 'ph-1',
          field: 'caption',
          value: captionHash,
        }),
        operation({
          node: NODE_A,
          at: 4,
          table: 'issues',
          rowId: 'is-1',
          field: 'sha256',
          value: captionHash,
        }),
      ],
      a.pushers[0]!,
      AT,
    );
    expect(await store.teamReferencesBlob(a.teamId, photoHash)).toBe(true);
    expect(await store.teamReferencesBlob(a.teamId, annotatedHash)).toBe(true);
    expect(await store.teamReferencesBlob(a.teamId, captionHash)).toBe(false);
    expect(await store.teamReferencesBlob(b.teamId, photoHash)).toBe(false);

    // A signed visit's signature images, and nothing that is not a hash.
    const signatureHash = 'd'.repeat(64);
    await store.push(
      a.teamId,
      [
        operation({
          node: NODE_A,
          at: 5,
          table: 'visits',
          rowId: 'vi-1',
          field: 'signatures',
          value: [
            { role: 'inspector', name: '李明', imageSha256: signatureHash },
            { role: 'owner', name: '业主', imageSha256: '../../etc/passwd' },
          ],
        }),
      ],
      a.pushers[0]!,
      AT,
    );
    expect(await store.teamReferencesBlob(a.teamId, signatureHash)).toBe(true);
    expect(await store.teamReferencesBlob(a.teamId, '../../etc/passwd')).toBe(false);
    expect(await store.teamReferencesBlob(b.teamId, signatureHash)).toBe(false);

    // A photo's smaller copies, made by the laptop that took it.
    const thumbnailHash = 'e'.repeat(64);
    const displayHash = 'f'.repeat(64);
    const copy = (sha256: string) => ({ sha256, byteLength: 1000, width: 320, height: 240 });
    await store.push(
      a.teamId,
      [
        operation({
          node: NODE_A,
          at: 6,
          table: 'photos',
          rowId: 'ph-1',
          field: 'copies',
          value: { thumbnail: copy(thumbnailHash), display: copy(displayHash), odd: copy('../x') },
        }),
      ],
      a.pushers[0]!,
      AT,
    );
    expect(await store.teamReferencesBlob(a.teamId, thumbnailHash)).toBe(true);
    expect(await store.teamReferencesBlob(a.teamId, displayHash)).toBe(true);
    expect(await store.teamReferencesBlob(a.teamId, '../x')).toBe(false);
    expect(await store.teamReferencesBlob(b.teamId, displayHash)).toBe(false);
  });

  it('enrolls a device once per code, even with two enrolling at once; used, expired or unknown codes enroll none', async () => {
    const fresh = await backend.fresh();
    const { store } = fresh;
    const team = await seedTeam(store, 'team-a', 0);
    const code = (codeHash: string, expiresAt = '2026-07-01T00:00:00.000Z') =>
      store.createEnrollmentCode({
        codeHash,
        teamId: team.teamId,
        createdBy: team.personId,
        createdAt: '2026-06-01T00:00:00.000Z',
        expiresAt,
        usedAt: null,
      });
    const device = (id: string) => ({
      id,
      name: `Laptop ${id}`,
      // The code decides the team, not what the caller says.
      teamId: 'team-somewhere-else',
      publicKey: fakePublicKey(),
      enrolledAt: AT,
      revokedAt: null,
    });
    const now = AT;
    await code('1'.repeat(64));
    const first = device('dev-1');
    expect(await store.enroll('1'.repeat(64), first, now)).toEqual({ ...first, teamId: 'team-a' });
    expect(await store.enroll('1'.repeat(64), device('dev-2'), now)).toBeNull();
    expect(await store.enroll('9'.repeat(64), device('dev-3'), now)).toBeNull();
    await code('2'.repeat(64), '2026-06-02T07:59:59.999Z');
    expect(await store.enroll('2'.repeat(64), device('dev-4'), now)).toBeNull();

    // Two laptops typing the same code at once (on PostgreSQL over two connections; on SQLite two handles).
    await code('3'.repeat(64));
    const second = await fresh.reopen();
    const racing = await Promise.all([
      store.enroll('3'.repeat(64), device('race-1'), now),
      second.enroll('3'.repeat(64), device('race-2'), now),
    ]);
    expect(racing.filter((d) => d !== null)).toHaveLength(1);
    const ids = (await store.devices()).map((d) => d.id).sort();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe('dev-1');
    expect(['race-1', 'race-2']).toContain(ids[1]);
    expect(await store.deviceById('dev-2')).toBeNull();
    expect(await store.deviceById('dev-1')).toEqual({ ...first, teamId: 'team-a' });
  });

  it('takes a challenge once, for its device, before it expires', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a', 2);
    const [one, two] = team.pushers.map((p) => p.deviceId) as [string, string];
    const expires = '2026-06-02T08:02:00.000Z';
    await store.saveChallenge('c'.repeat(43), one, expires);
    expect(await store.takeChallenge('c'.repeat(43), one, AT)).toBe(true);
    expect(await store.takeChallenge('c'.repeat(43), one, AT)).toBe(false);
    // Answered by another device: refused, and burnt for its own device too.
    await store.saveChallenge('d'.repeat(43), one, expires);
    expect(await store.takeChallenge('d'.repeat(43), two, AT)).toBe(false);
    expect(await store.takeChallenge('d'.repeat(43), one, AT)).toBe(false);
    // Expired: refused at its expiry and after.
    await store.saveChallenge('e'.repeat(43), one, expires);
    expect(await store.takeChallenge('e'.repeat(43), one, expires)).toBe(false);
    await store.saveChallenge('f'.repeat(43), one, expires);
    expect(await store.takeChallenge('f'.repeat(43), one, '2026-06-02T09:00:00.000Z')).toBe(false);
    expect(await store.takeChallenge('never-issued'.padEnd(43, 'x'), one, AT)).toBe(false);
  });

  it('revokes a device with every binding on it, keeps what it pushed; a binding ends alone on sign-out', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a', 2);
    const [gone, staying] = team.pushers as [(typeof team.pushers)[0], (typeof team.pushers)[0]];
    const binding = (hash: string, deviceId: string) => ({
      bindingHash: hash.repeat(64),
      deviceId,
      personId: team.personId,
      createdAt: AT,
      revokedAt: null,
    });
    await store.saveBinding(binding('1', gone.deviceId));
    await store.saveBinding(binding('2', gone.deviceId));
    await store.saveBinding(binding('3', staying.deviceId));
    await store.saveBinding(binding('4', staying.deviceId));
    const pushed = operation({ node: NODE_A, at: 1, rowId: 'r', field: 'title', value: 'before revocation' });
    await store.push(team.teamId, [pushed], gone, AT);

    const at = '2026-06-05T10:00:00.000Z';
    await store.revokeDevice(gone.deviceId, at);
    await store.revokeDevice(gone.deviceId, '2026-06-06T10:00:00.000Z');
    expect((await store.deviceById(gone.deviceId))?.revokedAt).toBe(at);
    expect(await store.bindingByHash('1'.repeat(64))).toEqual({
      ...binding('1', gone.deviceId),
      revokedAt: at,
    });
    expect((await store.bindingByHash('2'.repeat(64)))?.revokedAt).toBe(at);
    expect(await store.bindingByHash('3'.repeat(64))).toEqual(binding('3', staying.deviceId));
    expect((await store.deviceById(staying.deviceId))?.revokedAt).toBeNull();
    expect((await pullAll(store, team.teamId)).map((e) => e.operation)).toEqual([pushed]);

    await store.revokeBinding('4'.repeat(64), at);
    await store.revokeBinding('unknown'.repeat(9), at);
    expect((await store.bindingByHash('4'.repeat(64)))?.revokedAt).toBe(at);
    expect((await store.bindingByHash('3'.repeat(64)))?.revokedAt).toBeNull();
    await expect(store.revokeDevice('no-such-device', at)).rejects.toThrow(/no device/);
  });

  it('reads what a session stands on in one go: device, person and binding as stored, null when unknown', async () => {
    const { store } = await backend.fresh();
    const team = await seedTeam(store, 'team-a', 1);
    const { deviceId } = team.pushers[0]!;
    const hash = 'b'.repeat(64);
    await store.saveBinding({
      bindingHash: hash,
      deviceId,
      personId: team.personId,
      createdAt: AT,
      revokedAt: null,
    });
    const read = () => store.sessionStanding(deviceId, team.personId, hash);

    expect(await read()).toEqual({
      device: await store.deviceById(deviceId),
      person: await store.personById(team.personId),
      binding: await store.bindingByHash(hash),
    });
    expect((await read()).person).toMatchObject({ id: team.personId, role: 'inspector', disabled: false });
    expect(await store.sessionStanding('no-device', 'no-person', 'c'.repeat(64))).toEqual({
      device: null,
      person: null,
      binding: null,
    });

    // Each change shows at the next read: nothing is cached.
    await store.revokeBinding(hash, AT);
    expect((await read()).binding?.revokedAt).toBe(AT);
    await store.setDisabled(team.personId, true);
    expect((await read()).person?.disabled).toBe(true);
    await store.revokeDevice(deviceId, AT);
    expect((await read()).device?.revokedAt).toBe(AT);
  });

  it('backs up (SQLite: a file that opens with the same data; PostgreSQL: says to use pg_dump)', async () => {
    const fresh = await backend.fresh();
    const { store } = fresh;
    const team = await seedTeam(store, 'team-a');
    const ops = editsOf([NODE_A, NODE_B], 50, seededRandom(3));
    await store.push(team.teamId, ops, team.pushers[0]!, AT);
    const folder = join(fresh.home, 'backup');
    if (backend.name === 'PostgreSQL') {
      await expect(store.backup(join(folder, 'x'))).rejects.toThrow(/pg_dump --format=custom/);
      return;
    }
    mkdirSync(folder);
    await store.backup(join(folder, 'ducha.sqlite3'));
    expect(readdirSync(folder)).toEqual(['ducha.sqlite3']);
    const restored = openStore(undefined, folder);
    try {
      await restored.migrate();
      expect(await restored.epoch()).toBe(await store.epoch());
      expect(await pullAll(restored, team.teamId)).toEqual(await pullAll(store, team.teamId));
      expect(await restored.snapshot(team.teamId)).toEqual(await store.snapshot(team.teamId));
      expect(await restored.knowledge(team.teamId)).toEqual(await store.knowledge(team.teamId));
      expect(await restored.people()).toEqual(await store.people());
      expect(await restored.devices()).toEqual(await store.devices());
      // The copy is a database of its own: pushing into it does not touch the original.
      const later = operation({
        node: NODE_C,
        at: 1,
        rowId: 'after-backup',
        field: 'title',
        value: 'only in the copy',
      });
      await restored.push(team.teamId, [later], team.pushers[0]!, AT);
      expect(await restored.lastSeq(team.teamId)).toBe(101);
      expect(await store.lastSeq(team.teamId)).toBe(100);
    } finally {
      await restored.close();
    }
  });

  it('numbers concurrent pushers’ operations in commit order: a concurrent reader never passes a seq', async () => {
    const fresh = await backend.fresh();
    const { store } = fresh;
    const pushers = 8;
    const batches = 50;
    const perBatch = 20;
    const team = await seedTeam(store, 'team-a', pushers);
    const nodes = Array.from({ length: pushers }, (_, i) => (i + 1).toString(16).repeat(16));
    const random = seededRandom(41);
    // Each pusher's own edits, plus now and then a batch relaying a neighbour's (USB), so pushers race
    // to store the same identities.
    const own = nodes.map((node) => editsOf([node], batches * perBatch, random, 40));
    let done = false;
    const seen: number[] = [];
    const reader = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = done;
        const page = await store.pull(team.teamId, cursor, 100);
        page.forEach((entry, i) => {
          if (entry.seq !== cursor + i + 1)
            throw new Error(`after seq ${cursor + i} the reader saw ${entry.seq}`);
        });
        seen.push(...page.map((e) => e.seq));
        cursor += page.length;
        if (finished && page.length === 0) return cursor;
      }
    })();
    const outcomes = await Promise.all(
      team.pushers.map(async (pusher, p) => {
        const mine: PushOutcome[] = [];
        for (let b = 0; b < batches; b += 1) {
          const batch = own[p]!.slice(b * perBatch, (b + 1) * perBatch);
          const neighbour = own[(p + 1) % pushers]!.slice(
            b * perBatch,
            b * perBatch + (b % 5 === 0 ? perBatch : 0),
          );
          mine.push(...(await store.push(team.teamId, [...batch, ...neighbour], pusher, AT)));
        }
        return mine;
      }),
    ).finally(() => {
      done = true;
    });
    const total = pushers * batches * perBatch;
    const cursor = await reader;
    expect(cursor).toBe(total);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(storedSeqs(outcomes.flat()).sort((a, b) => a - b)).toEqual(seen);
    expect(await store.lastSeq(team.teamId)).toBe(total);
    const log = await pullAll(store, team.teamId);
    expect(new Set(log.map((e) => e.operation.hlc + e.operation.field + e.operation.rowId)).size).toBe(total);
    expect(rowsOf((await store.snapshot(team.teamId)).operations)).toEqual(rowsOf(own.flat()));
    expect(await store.knowledge(team.teamId)).toEqual(knowledgeOfOperations(own.flat()));
  }, 120_000);

  it('reserves notice numbers per team and year in blocks never given twice; `after` lifts the counter for good', async () => {
    const { store } = await backend.fresh();
    await seedTeam(store, 'team-a', 1);
    await seedTeam(store, 'team-b', 1);
    expect(await store.reserveNoticeNumbers('team-a', 2026, 10, 0)).toEqual({
      year: 2026,
      first: 1,
      last: 10,
    });
    expect(await store.reserveNoticeNumbers('team-a', 2026, 5, 0)).toEqual({
      year: 2026,
      first: 11,
      last: 15,
    });
    // Another year and another team count on their own.
    expect(await store.reserveNoticeNumbers('team-a', 2027, 3, 0)).toEqual({ year: 2027, first: 1, last: 3 });
    expect(await store.reserveNoticeNumbers('team-b', 2026, 2, 0)).toEqual({ year: 2026, first: 1, last: 2 });
    // Numbers up to 40 were given on paper: the next block starts at 41, and a later, smaller `after`
    // (a laptop that knew less) never brings the counter back.
    expect(await store.reserveNoticeNumbers('team-a', 2026, 5, 40)).toEqual({
      year: 2026,
      first: 41,
      last: 45,
    });
    expect(await store.reserveNoticeNumbers('team-a', 2026, 1, 12)).toEqual({
      year: 2026,
      first: 46,
      last: 46,
    });
    // A first reservation of a year with `after`.
    expect(await store.reserveNoticeNumbers('team-b', 2027, 2, 7)).toEqual({ year: 2027, first: 8, last: 9 });
  });

  it('never gives one notice number twice to reservations made at once, through several connections', async () => {
    const fresh = await backend.fresh();
    // A second store on the same database: SQLite, another connection to the file; PostgreSQL, another pool.
    const stores = [fresh.store, await fresh.reopen()];
    await seedTeam(fresh.store, 'team-a', 1);
    const random = seededRandom(18);
    const requests = Array.from({ length: 60 }, (_, i) => ({
      store: stores[i % stores.length]!,
      count: 1 + Math.floor(random() * 10),
      after: i % 7 === 0 ? Math.floor(random() * 30) : 0,
    }));
    const blocks = await Promise.all(
      requests.map(({ store, count, after }) => store.reserveNoticeNumbers('team-a', 2026, count, after)),
    );
    blocks.forEach((block, i) => expect(block.last - block.first + 1).toBe(requests[i]!.count));
    const given = blocks.flatMap((b) => Array.from({ length: b.last - b.first + 1 }, (_, k) => b.first + k));
    expect(new Set(given).size).toBe(given.length);
    const total = requests.reduce((sum, r) => sum + r.count, 0);
    // Every number from 1 is given once, except the ones an `after` skipped over (at most 30 of them).
    expect(Math.max(...given)).toBeGreaterThanOrEqual(total);
    expect(Math.max(...given)).toBeLessThanOrEqual(total + 30);
    const next = await stores[1]!.reserveNoticeNumbers('team-a', 2026, 1, 0);
    expect(next.first).toBe(Math.max(...given) + 1);
  });

  it.runIf(backend.name === 'SQLite')(
    'takes 100,000 operations in batches of 1,000 in seconds (printed)',
    async () => {
      const { store } = await backend.fresh();
      const team = await seedTeam(store, 'team-a', 1);
      const nodes = Array.from({ length: 10 }, (_, i) => i.toString(16).padStart(16, 'd'));
      const ops = nodes.flatMap((node) =>
        Array.from({ length: 10_000 }, (_, i) =>
          operation({
            node,
            at: i,
            rowId: `r-${node}-${i % 2000}`,
            field: i % 2 ? 'title' : 'notes',
            value: `v${i}`,
          }),
        ),
      );
      const started = performance.now();
      for (let start = 0; start < ops.length; start += 1000) {
        await store.push(team.teamId, ops.slice(start, start + 1000), team.pushers[0]!, AT);
      }
      const pushMs = performance.now() - started;
      const readStarted = performance.now();
      const knowledge = await store.knowledge(team.teamId);
      const knowledgeMs = performance.now() - readStarted;
      const snapshot = await store.snapshot(team.teamId);
      const snapshotMs = performance.now() - readStarted - knowledgeMs;
      console.info(
        `[store contract on SQLite] 100,000 operations pushed in ${(pushMs / 1000).toFixed(2)} s ` +
          `(${Math.round(100_000 / (pushMs / 1000))} ops/s); knowledge ${knowledgeMs.toFixed(1)} ms; ` +
          `snapshot of ${snapshot.operations.length} fields ${snapshotMs.toFixed(0)} ms`,
      );
      expect(await store.lastSeq(team.teamId)).toBe(100_000);
      expect(knowledge).toEqual(knowledgeOfOperations(ops));
      expect(snapshot.seq).toBe(100_000);
    },
    120_000,
  );
});

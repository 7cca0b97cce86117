// Two laptops step the same issue while apart, to different places; after the bundles cross both keep
// both steps, both histories verify, both list the issue for the office, and a step that follows both
// takes it off the list.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver } from '../../../test/fixtures/hand-over';
import { makeProject } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { contradictedIssues, noteAllContradictions } from './contradictions';
import { exportSnapshot } from './exchange/export-snapshot';
import { dexieReplica } from './sync/replica';
import { createIssue } from './issue-create';
import { applyIssueStep, historyOfIssue, verifyIssueHistory } from './issue-steps';

let counter = 0;
const open: DuchaDatabase[] = [];
async function laptop(): Promise<DuchaDatabase> {
  const db = createDatabase(`contradictions-test-${String(++counter)}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const T0 = Date.parse('2026-12-01T01:00:00.000Z');

describe('steps taken apart that contradict each other', () => {
  it('are kept on both laptops, verify, are listed for the office, and leave the list once joined', async () => {
    const a = await laptop();
    const b = await laptop();
    const issue = await createIssue(
      a,
      makeProject(),
      null,
      {
        title: '污泥堆放未覆盖',
        description: '',
        category: 'environment',
        severity: 'serious',
        responsibleUnitIds: ['unit-env'],
        deadline: '2026-12-20',
        needsCoordination: false,
      },
      '王海涛',
      T0,
    );
    await applyIssueStep(
      a,
      issue.id,
      { kind: 'issued', actorName: '王海涛', note: '', noticeNumber: '督查〔2026〕1号' },
      T0 + 1,
    );
    await applyIssueStep(a, issue.id, { kind: 'acknowledged', actorName: '县生态环境局', note: '' }, T0 + 2);
    await handOver(a, b);

    await applyIssueStep(
      a,
      issue.id,
      { kind: 'rectificationReported', actorName: '县生态环境局', note: '已覆盖' },
      T0 + 10,
    );
    await applyIssueStep(
      b,
      issue.id,
      { kind: 'extensionRequested', actorName: '李明', note: '雨天无法施工', newDeadline: '2026-12-31' },
      T0 + 20,
    );
    await handOver(a, b);
    await handOver(b, a);

    for (const db of [a, b]) {
      const history = await historyOfIssue(db, issue.id);
      expect(history.map((e) => e.kind)).toEqual([
        'created',
        'issued',
        'acknowledged',
        'rectificationReported',
        'extensionRequested',
      ]);
      expect(await verifyIssueHistory(db, issue.id)).toEqual({ ok: true });
      const listed = await contradictedIssues(db);
      expect(listed.map((c) => c.issue.id)).toEqual([issue.id]);
      expect(listed[0]?.pairs.map((p) => [p.first.kind, p.second.kind])).toEqual([
        ['rectificationReported', 'extensionRequested'],
      ]);
    }
    // The later clock's status stands; the office decides from there, and that step joins both.
    expect((await a.issues.get(issue.id))?.status).toBe('extensionRequested');
    await applyIssueStep(
      a,
      issue.id,
      { kind: 'extensionRefused', actorName: '督查办', note: '先整改' },
      T0 + 30,
    );
    const joined = (await historyOfIssue(a, issue.id)).at(-1);
    expect(joined?.joins).toHaveLength(1);
    expect(await verifyIssueHistory(a, issue.id)).toEqual({ ok: true });
    expect(await contradictedIssues(a)).toEqual([]);
    await handOver(a, b);
    expect(await contradictedIssues(b)).toEqual([]);
    expect(await verifyIssueHistory(b, issue.id)).toEqual({ ok: true });
  });

  it('the office decides for the step the merge did not keep, and the issue takes its status', async () => {
    const a = await laptop();
    const b = await laptop();
    const issue = await createIssue(
      a,
      makeProject(),
      null,
      {
        title: '渗滤液收集池未加盖',
        description: '',
        category: 'environment',
        severity: 'general',
        responsibleUnitIds: ['unit-env'],
        deadline: '2026-12-20',
        needsCoordination: false,
      },
      '王海涛',
      T0,
    );
    const at = (n: number) => T0 + n;
    await applyIssueStep(
      a,
      issue.id,
      { kind: 'issued', actorName: '王海涛', note: '', noticeNumber: '督查〔2026〕2号' },
      at(1),
    );
    await applyIssueStep(a, issue.id, { kind: 'acknowledged', actorName: '县城管局', note: '' }, at(2));
    await handOver(a, b);
    await applyIssueStep(
      a,
      issue.id,
      { kind: 'rectificationReported', actorName: '县城管局', note: '已加盖' },
      at(10),
    );
    await applyIssueStep(
      b,
      issue.id,
      { kind: 'progressNoted', actorName: '县城管局', note: '材料已进场' },
      at(20),
    );
    await handOver(a, b);
    await handOver(b, a);
    expect((await b.issues.get(issue.id))?.status).toBe('inProgress'); // the later clock's step
    await applyIssueStep(
      b,
      issue.id,
      {
        kind: 'stepsDecided',
        actorName: '督查办',
        note: '现场核实已加盖',
        decidedStatus: 'rectificationReported',
      },
      at(30),
    );
    expect((await b.issues.get(issue.id))?.status).toBe('rectificationReported');
    expect(await contradictedIssues(b)).toEqual([]);
    await handOver(b, a);
    expect((await a.issues.get(issue.id))?.status).toBe('rectificationReported');
    expect(await contradictedIssues(a)).toEqual([]);
    expect(await verifyIssueHistory(a, issue.id)).toEqual({ ok: true });
    expect((await historyOfIssue(a, issue.id)).at(-1)).toMatchObject({
      kind: 'stepsDecided',
      joins: [expect.any(String)],
    });
  });
});

describe('a new laptop taking contradicting histories in a snapshot of several pages', () => {
  const details = (title: string) => ({
    title,
    description: '',
    category: 'environment' as const,
    severity: 'general' as const,
    responsibleUnitIds: ['unit-env'],
    deadline: '2026-12-20',
    needsCoordination: false,
  });

  /** Laptop A holding five issues, those named `forked` stepped apart by A and B to different places. */
  async function stepsApart(forked: readonly number[]): Promise<{ a: DuchaDatabase; ids: string[] }> {
    const a = await laptop();
    const b = await laptop();
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const issue = await createIssue(a, makeProject(), null, details(`问题 ${String(n)}`), '王海涛', T0 + n);
      await applyIssueStep(a, issue.id, { kind: 'issued', actorName: '王海涛', note: '' }, T0 + 10 + n);
      await applyIssueStep(
        a,
        issue.id,
        { kind: 'acknowledged', actorName: '县城管局', note: '' },
        T0 + 20 + n,
      );
      ids.push(issue.id);
    }
    await handOver(a, b);
    for (const n of forked) {
      const id = ids[n] as string;
      await applyIssueStep(
        a,
        id,
        { kind: 'rectificationReported', actorName: '县城管局', note: '' },
        T0 + 30 + n,
      );
      await applyIssueStep(b, id, { kind: 'progressNoted', actorName: '县城管局', note: '' }, T0 + 40 + n);
    }
    await handOver(b, a);
    return { a, ids };
  }

  it('lists every contradicted issue once the last page is in, and none before', async () => {
    const { a, ids } = await stepsApart([1, 3]);
    const { operations } = await exportSnapshot(a, null);
    // The server's order: by table, then row id; pages of a few rows, as a large city's are.
    const ordered = [...operations].sort(
      (x, y) => x.table.localeCompare(y.table) || (x.rowId < y.rowId ? -1 : x.rowId > y.rowId ? 1 : 0),
    );
    const pages: (typeof ordered)[] = [];
    for (let i = 0; i < ordered.length; i += 40) pages.push(ordered.slice(i, i + 40));
    expect(pages.length).toBeGreaterThan(3);
    const c = await laptop();
    const replica = dexieReplica(c);
    const cursor = { epoch: 'epoch-1', seq: 99 };
    for (const [i, page] of pages.entries()) {
      const last = page.at(-1);
      if (i < pages.length - 1 && last) {
        await replica.receive(page, { cursor, after: { table: last.table, rowId: last.rowId } }, []);
        expect(await contradictedIssues(c)).toEqual([]);
      } else await replica.receive(page, cursor, []);
    }
    expect((await contradictedIssues(c)).map((x) => x.issue.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect(await contradictedIssues(a)).toHaveLength(2);
  });

  it('checks every history when reading them a slice of issues at a time, a stray one too', async () => {
    const { a, ids } = await stepsApart([0, 4]);
    // A history row whose issue this laptop does not hold (its row not arrived): still read.
    const stray = (await historyOfIssue(a, ids[0] as string)).map((e) => e.id);
    await a.meta.delete('contradictedIssues');
    await a.issues.delete(ids[0] as string);
    for (const perRead of [1, 2, 3, 100]) {
      await a.meta.delete('contradictedIssues');
      await a.transaction('rw', [a.issues, a.issueEvents, a.meta], () => noteAllContradictions(a, perRead));
      const listed = ((await a.meta.get('contradictedIssues'))?.value as string[]).sort();
      expect(listed).toEqual([ids[0], ids[4]].sort());
    }
    expect(stray.length).toBeGreaterThan(0);
  });
});

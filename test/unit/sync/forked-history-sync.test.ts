// Forked histories meet through the server as they do by USB (issue 16's DAG): three laptops step the
// same issue while apart — one of them goes offline right after its step, which is the first made and
// the last to arrive (as a laptop back from weeks in the mountains would bring it).
// After syncing, every laptop holds every step, each history verifies, and the contradicting steps are
// listed for the office on all three; the office's next step joins the branches everywhere.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contradictedIssues } from '../../../renderer/db/repositories/contradictions';
import { createIssue } from '../../../renderer/db/repositories/issue-create';
import {
  applyIssueStep,
  historyOfIssue,
  verifyIssueHistory,
} from '../../../renderer/db/repositories/issue-steps';
import { makeProject } from '../../fixtures/records';
import { type Laptop, LaptopCity } from './laptop-city';

let city: LaptopCity;
beforeAll(async () => {
  city = await LaptopCity.start();
});
afterAll(async () => {
  await city.close();
});

const syncAll = async (...laptops: Laptop[]) => {
  for (const laptop of laptops) await laptop.engine.syncNow();
};

describe('forked issue histories over sync', () => {
  it('keep every branch on every laptop, verify, are listed for the office, and are joined by its next step', async () => {
    const [a, b, c] = [await city.laptop('fork-a'), await city.laptop('fork-b'), await city.laptop('fork-c')];
    const issue = await createIssue(
      a.db,
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
    );
    await applyIssueStep(a.db, issue.id, {
      kind: 'issued',
      actorName: '王海涛',
      note: '',
      noticeNumber: '督查〔2026〕7号',
    });
    await applyIssueStep(a.db, issue.id, { kind: 'acknowledged', actorName: '县生态环境局', note: '' });
    await syncAll(a, b, c);

    // Apart: C goes offline right after a step of its own; A, then B, step later.
    await applyIssueStep(c.db, issue.id, {
      kind: 'rectificationReported',
      actorName: '乡镇',
      note: '已覆盖一半',
    });
    await applyIssueStep(a.db, issue.id, {
      kind: 'rectificationReported',
      actorName: '县生态环境局',
      note: '已覆盖',
    });
    // A few ms later, so that B's step has the later clock (it is the one the status follows).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await applyIssueStep(b.db, issue.id, {
      kind: 'extensionRequested',
      actorName: '李明',
      note: '雨天无法施工',
      newDeadline: '2026-12-31',
    });
    await syncAll(a, b, a);
    for (const laptop of [a, b]) {
      expect(await verifyIssueHistory(laptop.db, issue.id)).toEqual({ ok: true });
      expect((await contradictedIssues(laptop.db)).map((x) => x.issue.id)).toEqual([issue.id]);
    }

    // C's branch arrives last.
    await syncAll(c, a, b);
    for (const laptop of [a, b, c]) {
      const kinds = (await historyOfIssue(laptop.db, issue.id)).map((e) => e.kind);
      expect(kinds.slice(0, 3)).toEqual(['created', 'issued', 'acknowledged']);
      expect(kinds.slice(3).sort()).toEqual([
        'extensionRequested',
        'rectificationReported',
        'rectificationReported',
      ]);
      expect(await verifyIssueHistory(laptop.db, issue.id)).toEqual({ ok: true });
      expect((await contradictedIssues(laptop.db)).map((x) => x.issue.id)).toEqual([issue.id]);
    }

    // The office's decision joins every branch; once synced, no laptop lists the issue any more.
    await applyIssueStep(a.db, issue.id, { kind: 'extensionRefused', actorName: '督查办', note: '先整改' });
    const joined = (await historyOfIssue(a.db, issue.id)).at(-1);
    expect(joined?.joins?.length).toBeGreaterThanOrEqual(1);
    await syncAll(a, b, c);
    for (const laptop of [a, b, c]) {
      expect(await verifyIssueHistory(laptop.db, issue.id)).toEqual({ ok: true });
      expect(await contradictedIssues(laptop.db)).toEqual([]);
    }
  });
});

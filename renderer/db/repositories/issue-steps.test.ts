import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaign } from '../../../shared/sample/campaign';
import { createDatabase } from '../database';
import {
  applyBulkStep,
  applyIssueStep,
  historyOfIssue,
  IssueStepRefusedError,
  verifyIssueHistory,
} from './issue-steps';
import { loadCampaign } from './setup';

const T0 = Date.parse('2026-03-10T08:00:00.000Z');

async function sample(name: string) {
  const db = createDatabase(name);
  await db.open();
  await loadCampaign(db, await generateCampaign({ today: '2026-03-10', scale: { photos: 0 } }), T0);
  return db;
}

describe('issue steps on stored issues', () => {
  it('append chained entries to the sample’s history and move the status and deadline', async () => {
    const db = await sample('steps-apply');
    const issue = (await db.issues.where('status').equals('inProgress').first()) ?? null;
    if (!issue) throw new Error('the sample has no issue in progress');
    const before = await historyOfIssue(db, issue.id);
    await applyIssueStep(
      db,
      issue.id,
      { kind: 'extensionRequested', actorName: '县住建局', note: '雨季停工', newDeadline: '2026-12-31' },
      T0 + 1000,
    );
    await applyIssueStep(
      db,
      issue.id,
      { kind: 'extensionGranted', actorName: '督查组', note: '同意' },
      T0 + 2000,
    );
    const after = await historyOfIssue(db, issue.id);
    expect(after.map((e) => e.kind).slice(before.length)).toEqual(['extensionRequested', 'extensionGranted']);
    expect(after.at(-1)?.prevHash).toBe(after.at(-2)?.hash);
    expect(await verifyIssueHistory(db, issue.id)).toEqual({ ok: true });
    const stored = await db.issues.get(issue.id);
    expect(stored?.status).toBe('inProgress');
    expect(stored?.deadline).toBe('2026-12-31');
    db.close();
  });

  it('refuses a step the rules refuse and writes nothing', async () => {
    const db = await sample('steps-refuse');
    const issue = await db.issues.where('status').equals('draft').first();
    if (!issue) throw new Error('the sample has no draft issue');
    const outbox = await db.outbox.count();
    await expect(
      applyIssueStep(db, issue.id, {
        kind: 'closed',
        actorName: '督查组',
        note: '',
        evidencePhotoSha256: ['a'],
      }),
    ).rejects.toEqual(new IssueStepRefusedError('notAllowed'));
    expect(await db.outbox.count()).toBe(outbox);
    expect((await db.issues.get(issue.id))?.status).toBe('draft');
    db.close();
  });

  it('detects a history entry altered directly in IndexedDB', async () => {
    const db = await sample('steps-tamper');
    const issue = await db.issues.where('status').equals('closed').first();
    if (!issue) throw new Error('the sample has no closed issue');
    const [, second] = await historyOfIssue(db, issue.id);
    await db.issueEvents.update(second?.id ?? '', { actorName: '别人' });
    expect(await verifyIssueHistory(db, issue.id)).toMatchObject({ ok: false, brokenAt: 1 });
    db.close();
  });

  it('sets a new deadline on many issues at once, skipping and counting those the rules refuse', async () => {
    const db = await sample('steps-bulk');
    const all = await db.issues.toArray();
    const open = all.filter((i) => i.status !== 'closed');
    const closed = all.filter((i) => i.status === 'closed');
    if (open.length < 11 || closed.length === 0) throw new Error('the sample is too small for this test');
    // Several chunks, with closed issues (refused) mixed in.
    const ids = all.map((i) => i.id);
    const progress: number[] = [];
    const outcome = await applyBulkStep(
      db,
      ids,
      {
        kind: 'deadlineChanged',
        actorName: '督查组',
        note: '调度会决定统一延至年底',
        newDeadline: '2026-12-31',
      },
      { onProgress: (done) => progress.push(done), now: T0 + 5000, chunkSize: 10 },
    );
    const unchanged = open.filter((i) => i.deadline === '2026-12-31').length;
    expect(outcome).toEqual({
      applied: open.length - unchanged,
      refused: { notAllowed: closed.length, ...(unchanged > 0 ? { deadlineUnchanged: unchanged } : {}) },
    });
    expect(progress).toEqual(
      Array.from({ length: Math.ceil(ids.length / 10) }, (_, i) => Math.min(ids.length, (i + 1) * 10)),
    );
    for (const issue of open) {
      const stored = await db.issues.get(issue.id);
      expect(stored).toMatchObject({ deadline: '2026-12-31', status: issue.status });
      const history = await historyOfIssue(db, issue.id);
      expect(history.at(-1)).toMatchObject({ kind: 'deadlineChanged', newDeadline: '2026-12-31' });
      expect(await verifyIssueHistory(db, issue.id)).toEqual({ ok: true });
    }
    for (const issue of closed) expect((await db.issues.get(issue.id))?.deadline).toBe(issue.deadline);
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaign } from '../../../shared/sample/campaign';
import { createDatabase } from '../database';
import { applyIssueStep, historyOfIssue, IssueStepRefusedError, verifyIssueHistory } from './issue-steps';
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
    expect(await verifyIssueHistory(db, issue.id)).toEqual({ ok: false, brokenAtSeq: 1 });
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaign } from '../../../shared/sample/campaign';
import { createDatabase } from '../database';
import { historyOfIssue } from './issue-steps';
import {
  draftIssuesOfUnit,
  issueNotice,
  issueNoticesByUnit,
  issuesOfNotice,
  nextNoticeNumberOf,
  NoticeDeadlineError,
  NoticeRefusedError,
  noticeNumbersOfUnit,
} from './notices';
import { loadCampaign } from './setup';

const T0 = Date.parse('2026-03-10T08:00:00.000Z');

async function sample(name: string) {
  const db = createDatabase(name);
  await db.open();
  await loadCampaign(db, await generateCampaign({ today: '2026-03-10', scale: { photos: 0 } }), T0);
  return db;
}

/** A unit with at least two draft issues in the sample. */
async function unitWithDrafts(db: Awaited<ReturnType<typeof sample>>) {
  const drafts = await db.issues.where('status').equals('draft').toArray();
  const counts = new Map<string, number>();
  for (const d of drafts) for (const u of d.responsibleUnitIds) counts.set(u, (counts.get(u) ?? 0) + 1);
  const unitId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!unitId) throw new Error('the sample has no draft issue');
  return unitId;
}

describe('rectification notices', () => {
  it('give the next number of the year to every draft issue of the notice, each with its history entry', async () => {
    const db = await sample('notices-issue');
    const numbersBefore = (await db.issues
      .where('noticeNumber')
      .startsWith('督查〔2026〕')
      .uniqueKeys()) as string[];
    const highest = Math.max(...numbersBefore.map((n) => Number(/〕(\d+)号/.exec(n)?.[1])));
    const expected = `督查〔2026〕${String(highest + 1)}号`;
    expect(await nextNoticeNumberOf(db, '督查', 2026)).toBe(expected);

    const unitId = await unitWithDrafts(db);
    const drafts = await draftIssuesOfUnit(db, unitId);
    expect(drafts.length).toBeGreaterThan(0);
    const { number, issued } = await issueNotice(
      db,
      {
        issueIds: drafts.map((d) => d.id),
        prefix: '督查',
        year: 2026,
        actorName: '督查组',
        note: '',
        today: '2026-03-10',
      },
      T0 + 1000,
    );
    expect(number).toBe(expected);
    expect(issued.map((i) => i.status)).toEqual(drafts.map(() => 'issued'));
    expect((await issuesOfNotice(db, number)).map((i) => i.id)).toEqual(drafts.map((d) => d.id));
    expect((await noticeNumbersOfUnit(db, unitId))[0]).toBe(number);
    const history = await historyOfIssue(db, drafts[0]?.id ?? '');
    expect(history.at(-1)).toMatchObject({ kind: 'issued', toStatus: 'issued' });
    expect(await draftIssuesOfUnit(db, unitId)).toEqual([]);
    // The next notice continues the sequence.
    expect(await nextNoticeNumberOf(db, '督查', 2026)).toBe(`督查〔2026〕${String(highest + 2)}号`);
    db.close();
  });

  it('write nothing, and use no number, when none of its issues is a draft any more', async () => {
    const db = await sample('notices-refused');
    const inProgress = await db.issues.where('status').equals('inProgress').limit(2).toArray();
    const before = await nextNoticeNumberOf(db, '督查', 2026);
    const outboxBefore = await db.outbox.count();
    await expect(
      issueNotice(db, {
        issueIds: inProgress.map((i) => i.id),
        prefix: '督查',
        year: 2026,
        actorName: '督查组',
        note: '',
        today: '2026-03-10',
      }),
    ).rejects.toBeInstanceOf(NoticeRefusedError);
    expect(await nextNoticeNumberOf(db, '督查', 2026)).toBe(before);
    expect(await db.outbox.count()).toBe(outboxBefore);
    db.close();
  });

  it("start at the team's stated next number when it is past the highest on record", async () => {
    const db = await sample('notices-start');
    const unitId = await unitWithDrafts(db);
    const drafts = await draftIssuesOfUnit(db, unitId);
    const start = { year: 2026, next: 300 };
    expect(await nextNoticeNumberOf(db, '督查', 2026, start)).toBe('督查〔2026〕300号');
    const { number } = await issueNotice(db, {
      issueIds: drafts.map((d) => d.id),
      prefix: '督查',
      year: 2026,
      actorName: '王芳',
      note: '',
      today: '2026-03-10',
      sequenceStart: start,
    });
    expect(number).toBe('督查〔2026〕300号');
    expect(await nextNoticeNumberOf(db, '督查', 2026, start)).toBe('督查〔2026〕301号');
    db.close();
  });

  it('refuse a deadline already past, writing nothing; a short one needs its reason, kept in the note', async () => {
    const db = await sample('notices-deadline');
    const unitId = await unitWithDrafts(db);
    const [draft] = await draftIssuesOfUnit(db, unitId);
    if (!draft) throw new Error('no draft');
    const before = await nextNoticeNumberOf(db, '督查', 2026);
    const outboxBefore = await db.outbox.count();
    const input = { issueIds: [draft.id], prefix: '督查', year: 2026, actorName: '王芳', note: '' };
    const dayAfter = new Date(Date.parse(`${draft.deadline}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const past = issueNotice(db, { ...input, today: dayAfter, shortDeadlineReason: '急' });
    await expect(past).rejects.toBeInstanceOf(NoticeDeadlineError);
    await expect(past).rejects.toMatchObject({ refusal: 'deadlinePast', titles: [draft.title] });
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect((await db.issues.get(draft.id))?.status).toBe('draft');

    // Issued on its deadline day with a 15-day minimum: short, so a reason is needed.
    const short = { ...input, today: draft.deadline, minimumDeadlineDays: 15 };
    await expect(issueNotice(db, short)).rejects.toMatchObject({ refusal: 'shortDeadlineReasonRequired' });
    expect(await nextNoticeNumberOf(db, '督查', 2026)).toBe(before);
    await issueNotice(db, { ...short, shortDeadlineReason: '雨季前必须完成' });
    expect((await historyOfIssue(db, draft.id)).at(-1)).toMatchObject({
      kind: 'issued',
      note: '雨季前必须完成',
      actorName: '王芳',
    });
    db.close();
  });

  it('give one notice per responsible unit for the bulk action, leaving non-drafts and past deadlines as they were', async () => {
    const db = await sample('notices-bulk');
    const drafts = (await db.issues.where('status').equals('draft').toArray()).filter(
      (d) => d.deadline >= '2026-03-10',
    );
    const units = [...new Set(drafts.map((d) => d.responsibleUnitIds[0]))].slice(0, 2);
    const chosen = drafts.filter((d) => units.includes(d.responsibleUnitIds[0]));
    expect(units.length).toBe(2);
    const [inProgress] = await db.issues.where('status').equals('inProgress').limit(1).toArray();
    if (!inProgress) throw new Error('no issue in progress');
    const first = await nextNoticeNumberOf(db, '督查', 2026);
    const seq = Number(/〕(\d+)号/.exec(first)?.[1]);
    const outcome = await issueNoticesByUnit(db, {
      issueIds: [...chosen.map((d) => d.id), inProgress.id],
      prefix: '督查',
      year: 2026,
      actorName: '王芳',
      note: '',
      today: '2026-03-10',
    });
    expect(outcome.notices.map((n) => n.number)).toEqual([
      `督查〔2026〕${String(seq)}号`,
      `督查〔2026〕${String(seq + 1)}号`,
    ]);
    expect(outcome.notices.reduce((n, x) => n + x.issued, 0)).toBe(chosen.length);
    expect(outcome.refused).toEqual({ notAllowed: 1 });
    for (const notice of outcome.notices) {
      const issued = await issuesOfNotice(db, notice.number);
      expect(issued.every((i) => i.responsibleUnitIds[0] === notice.unitId && i.status === 'issued')).toBe(
        true,
      );
    }

    // A draft whose deadline is already past stays a draft and is counted.
    db.close();
    const again = await sample('notices-bulk-past');
    const [left] = await again.issues.where('status').equals('draft').toArray();
    if (!left) throw new Error('no draft');
    const later = await issueNoticesByUnit(again, {
      issueIds: [left.id],
      prefix: '督查',
      year: 2026,
      actorName: '王芳',
      note: '',
      today: '2099-01-01',
    });
    expect(later).toEqual({ notices: [], refused: { deadlinePast: 1 } });
    expect((await again.issues.get(left.id))?.status).toBe('draft');
    again.close();
  });
});

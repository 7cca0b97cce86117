import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaign } from '../../../shared/sample/campaign';
import { colourCard } from '../../../shared/issues/colour-card';
import { createDatabase } from '../database';
import { listIssues } from './issue-list';
import { loadCampaign } from './setup';

const TODAY = '2026-03-10';
const ZONE = 'Asia/Shanghai';
const BY_DEADLINE = { key: 'deadline', order: 'asc' } as const;

describe('the issue list', () => {
  it('filters the sample by status, card, category and search the same as a plain pass over every issue', async () => {
    const campaign = await generateCampaign({ today: TODAY, scale: { photos: 0 } });
    const db = createDatabase('issue-list');
    await db.open();
    await loadCampaign(db, campaign, Date.parse('2026-03-10T10:00:00Z'));
    const all = campaign.issues;

    const open = await listIssues(db, { statuses: ['inProgress', 'issued'] }, BY_DEADLINE, TODAY, ZONE);
    expect(open.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => ['inProgress', 'issued'].includes(i.status))
        .map((i) => i.id)
        .sort(),
    );
    expect(open.map((i) => i.deadline)).toEqual([...open.map((i) => i.deadline)].sort());

    const red = await listIssues(db, { cards: ['red'] }, BY_DEADLINE, TODAY, ZONE);
    expect(red.length).toBeGreaterThan(0);
    expect(red.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => colourCard(i, TODAY) === 'red')
        .map((i) => i.id)
        .sort(),
    );

    const term = [...(all[0]?.title ?? '')].slice(0, 2).join('');
    const searched = await listIssues(
      db,
      { search: term, categories: ['environment', 'safety'] },
      BY_DEADLINE,
      TODAY,
      ZONE,
    );
    expect(searched.map((i) => i.id).sort()).toEqual(
      all
        .filter(
          (i) =>
            `${i.title} ${i.description}`.includes(term) && ['environment', 'safety'].includes(i.category),
        )
        .map((i) => i.id)
        .sort(),
    );
    db.close();
  });

  it('sorts by any column with ties broken by deadline and id, and reads by unit', async () => {
    const campaign = await generateCampaign({ today: TODAY, scale: { photos: 0 } });
    const db = createDatabase('issue-list-sort');
    await db.open();
    await loadCampaign(db, campaign, Date.parse('2026-03-10T10:00:00Z'));
    const byDeadline = (a: { deadline: string; id: string }, b: { deadline: string; id: string }) =>
      a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : 1;

    const all = await listIssues(db, {}, BY_DEADLINE, TODAY, ZONE);
    expect(all.map((i) => i.id)).toEqual([...campaign.issues].sort(byDeadline).map((i) => i.id));

    const rank = { general: 0, serious: 1, grave: 2 };
    const severe = await listIssues(db, {}, { key: 'severity', order: 'desc' }, TODAY, ZONE);
    expect(severe.map((i) => i.id)).toEqual(
      [...campaign.issues]
        .sort((a, b) => rank[b.severity] - rank[a.severity] || byDeadline(a, b))
        .map((i) => i.id),
    );

    const unit = campaign.issues[0]?.responsibleUnitIds[0] ?? '';
    const ofUnit = await listIssues(db, { unitId: unit }, BY_DEADLINE, TODAY, ZONE);
    expect(ofUnit.map((i) => i.id)).toEqual(
      campaign.issues
        .filter((i) => i.responsibleUnitIds.includes(unit))
        .sort(byDeadline)
        .map((i) => i.id),
    );
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaign } from '../../../shared/sample/campaign';
import { colourCard } from '../../../shared/issues/colour-card';
import { createDatabase } from '../database';
import { listIssues } from './issue-list';
import { loadCampaign } from './setup';

const TODAY = '2026-03-10';

describe('the issue list', () => {
  it('filters the sample by status, card, category and search the same as a plain pass over every issue', async () => {
    const campaign = await generateCampaign({ today: TODAY, scale: { photos: 0 } });
    const db = createDatabase('issue-list');
    await db.open();
    await loadCampaign(db, campaign, Date.parse('2026-03-10T10:00:00Z'));
    const all = campaign.issues;

    const open = await listIssues(db, { statuses: ['inProgress', 'issued'] }, TODAY);
    expect(open.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => ['inProgress', 'issued'].includes(i.status))
        .map((i) => i.id)
        .sort(),
    );
    expect(open.map((i) => i.deadline)).toEqual([...open.map((i) => i.deadline)].sort());

    const red = await listIssues(db, { cards: ['red'] }, TODAY);
    expect(red.length).toBeGreaterThan(0);
    expect(red.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => colourCard(i, TODAY) === 'red')
        .map((i) => i.id)
        .sort(),
    );

    const term = [...(all[0]?.title ?? '')].slice(0, 2).join('');
    const searched = await listIssues(db, { search: term, categories: ['environment', 'safety'] }, TODAY);
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
});

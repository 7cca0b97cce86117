import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateCampaign, type Campaign } from '../../../shared/sample/campaign';
import { createDatabase } from '../database';
import { loadCampaign, readSetupChoice } from './setup';

const TODAY = '2026-11-27';
let campaignCache: Campaign | null = null;
const campaign = async () => (campaignCache ??= await generateCampaign({ today: TODAY }));

describe('loading the sample campaign', () => {
  it('stores every record, the photo originals bit for bit, and one operation per field', async () => {
    const db = createDatabase('load-campaign');
    await db.open();
    const c = await campaign();
    await loadCampaign(db, c, Date.UTC(2026, 10, 27));

    expect(await db.projects.count()).toBe(c.projects.length);
    expect(await db.issues.count()).toBe(c.issues.length);
    expect(await db.issueEvents.count()).toBe(c.issueEvents.length);
    expect(await db.photoBlobs.count()).toBe(new Set(c.photoBlobs.map((p) => p.sha256)).size);
    const first = c.photoBlobs[0];
    const stored = first && (await db.photoBlobs.get(first.sha256));
    expect(new Uint8Array(await (stored as { blob: Blob }).blob.arrayBuffer())).toEqual(first?.bytes);

    const fields = c.projects.reduce((n, p) => n + Object.keys(p).length - 1, 0);
    expect(
      await db.outbox.where('[table+rowId]').between(['projects', ''], ['projects', '\uffff']).count(),
    ).toBe(fields);
    expect((await readSetupChoice(db))?.choice).toBe('sample');
    db.close();
  });

  it('keeps nothing when any record is bad, so a failure never leaves half a campaign', async () => {
    const db = createDatabase('load-bad-campaign');
    await db.open();
    const c = await campaign();
    const broken: Campaign = {
      ...c,
      issues: c.issues.map((issue, i) =>
        i === c.issues.length - 1 ? { ...issue, deadline: 'next week' } : issue,
      ),
    };
    await expect(loadCampaign(db, broken)).rejects.toThrow(/deadline/);
    for (const table of ['projects', 'issues', 'photoBlobs', 'outbox'] as const)
      expect(await db.table(table).count()).toBe(0);
    expect(await readSetupChoice(db)).toBeNull();
    db.close();
  });
});

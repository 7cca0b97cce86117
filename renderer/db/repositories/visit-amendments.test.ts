import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fen } from '../../../shared/domain/money';
import type { Visit } from '../../../shared/domain/visit';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { createRecords } from './records';
import { signVisit } from './sign-off';
import {
  amendmentsOfVisit,
  amendVisit,
  NotFinalizedError,
  NothingToAmendError,
  verifyAmendments,
} from './visit-amendments';
import { createVisit, finalizeVisit } from './visits';

const AT = '2026-11-20T02:00:00.000Z';
const T0 = Date.parse(AT);
const visit: Visit = makeVisit({
  id: 'visit-amend',
  createdAt: AT,
  updatedAt: AT,
  progressNarrative: '主体施工中',
  percentComplete: 40,
  reportedInvestment: fen(16_455_000),
  workersOnSite: 85,
  machinesOnSite: 6,
});

async function finalized(name: string) {
  const db = createDatabase(name);
  await db.open();
  await createRecords(db, 'projects', [makeProject()]);
  await createVisit(db, visit);
  const image = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
  await signVisit(db, visit.id, { role: 'inspector', name: '王督查', image }, T0);
  await finalizeVisit(db, visit.id, T0);
  return db;
}

describe('amendments of a finalized visit', () => {
  it('apply the correction and append a chained entry with before and after, in order', async () => {
    const db = await finalized('amend-apply');
    await amendVisit(db, visit.id, { workersOnSite: 97, weather: '晴' }, '漏记分包人员', '王督查', T0 + 1000);
    await amendVisit(
      db,
      visit.id,
      { location: { lat: 22.78, lng: 100.97, source: 'typed' } },
      '补记坐标',
      '张督查',
      T0 + 2000,
    );
    const stored = await db.visits.get(visit.id);
    expect(stored?.workersOnSite).toBe(97);
    expect(stored?.status).toBe('finalized');
    expect(stored?.location).toEqual({ lat: 22.78, lng: 100.97, source: 'typed' });
    const history = await amendmentsOfVisit(db, visit.id);
    expect(history.map((a) => [a.seq, a.actorName, a.reason, a.changes])).toEqual([
      [0, '王督查', '漏记分包人员', [{ field: 'workersOnSite', before: 85, after: 97 }]],
      [
        1,
        '张督查',
        '补记坐标',
        [{ field: 'location', before: null, after: { lat: 22.78, lng: 100.97, source: 'typed' } }],
      ],
    ]);
    expect(history[1]?.prevHash).toBe(history[0]?.hash);
    expect(await verifyAmendments(db, visit.id)).toEqual({ ok: true });
    // Both the visit change and the entry travel as operations.
    const tables = new Set((await db.outbox.toArray()).map((op) => op.table));
    expect(tables.has('visitAmendments')).toBe(true);
    db.close();
  });

  it('detects an entry altered directly in IndexedDB', async () => {
    const db = await finalized('amend-tamper');
    await amendVisit(db, visit.id, { workersOnSite: 97 }, '漏记分包人员', '王督查', T0 + 1000);
    await amendVisit(db, visit.id, { machinesOnSite: 8 }, '补记', '王督查', T0 + 2000);
    const [first] = await amendmentsOfVisit(db, visit.id);
    await db.visitAmendments.update(first?.id ?? '', { reason: '改过的理由' });
    expect(await verifyAmendments(db, visit.id)).toMatchObject({ ok: false, brokenAt: 0 });
    db.close();
  });

  it('refuses a correction that changes nothing, a missing reason, or a draft; nothing is written', async () => {
    const db = await finalized('amend-refuse');
    const before = { visit: await db.visits.get(visit.id), outbox: await db.outbox.count() };
    await expect(amendVisit(db, visit.id, { workersOnSite: 85 }, '无', '王')).rejects.toBeInstanceOf(
      NothingToAmendError,
    );
    await expect(amendVisit(db, visit.id, { workersOnSite: 90 }, '  ', '王')).rejects.toThrow(/reason/);
    expect(await db.visits.get(visit.id)).toEqual(before.visit);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await amendmentsOfVisit(db, visit.id)).toEqual([]);

    const draft = { ...visit, id: 'visit-draft' };
    await createVisit(db, draft);
    await expect(amendVisit(db, draft.id, { workersOnSite: 90 }, '改', '王')).rejects.toBeInstanceOf(
      NotFinalizedError,
    );
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultTargetValues, targetsIdOf } from '../../../shared/domain/targets';
import { makeProject } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { MIGRATIONS } from '../migrations';
import { InvalidRecordError } from '../record-writer';
import { createRecords } from './records';
import { readTargets, saveTargets } from './targets';

const NOW = Date.parse('2026-03-10T02:00:00Z');

describe('the office’s targets', () => {
  it('are the defaults until the office sets them', async () => {
    const db = createDatabase('targets-defaults');
    await db.open();
    expect(await readTargets(db, 2026)).toEqual({ year: 2026, ...defaultTargetValues(2026), stored: false });
    db.close();
  });

  it('are stored per year as one synced record, edited in place', async () => {
    const db = createDatabase('targets-save');
    await db.open();
    const values = { ...defaultTargetValues(2026), annualInvestmentShare: 0.65, startBy: '2026-06-10' };
    await saveTargets(db, 2026, { base: defaultTargetValues(2026), edited: values }, NOW);
    expect(await readTargets(db, 2026)).toEqual({ year: 2026, ...values, stored: true });
    // Another year keeps its defaults.
    expect((await readTargets(db, 2027)).stored).toBe(false);

    await saveTargets(
      db,
      2026,
      { base: values, edited: { ...values, completedAreaShare: 0.55 } },
      NOW + 60_000,
    );
    const rows = await db.targets.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: targetsIdOf(2026),
      createdAt: new Date(NOW).toISOString(),
      updatedAt: new Date(NOW + 60_000).toISOString(),
      completedAreaShare: 0.55,
      annualInvestmentShare: 0.65,
    });
    // Each change went to the outbox as operations, so it travels like every other record.
    const ops = await db.outbox
      .where('[table+rowId]')
      .equals(['targets', targetsIdOf(2026)])
      .toArray();
    expect(ops.map((op) => op.field)).toContain('completedAreaShare');
    expect(ops.filter((op) => op.field === 'completedAreaShare').map((op) => op.value)).toEqual([0.5, 0.55]);
    db.close();
  });

  it('refuses targets that break the schema and keeps what was there', async () => {
    const db = createDatabase('targets-invalid');
    await db.open();
    await saveTargets(db, 2026, { base: defaultTargetValues(2026), edited: defaultTargetValues(2026) }, NOW);
    await expect(
      saveTargets(
        db,
        2026,
        {
          base: defaultTargetValues(2026),
          edited: { ...defaultTargetValues(2026), fundingArrivalShare: 1.5 },
        },
        NOW + 1000,
      ),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(
      saveTargets(
        db,
        2026,
        { base: defaultTargetValues(2026), edited: { ...defaultTargetValues(2026), startBy: '2025-05-31' } },
        NOW + 2000,
      ),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await readTargets(db, 2026)).toMatchObject({ fundingArrivalShare: 1, startBy: '2026-05-31' });
    db.close();
  });

  it('keep a target another window changed while the form was open, and ask about one both changed', async () => {
    const db = createDatabase('targets-edits');
    await db.open();
    const shown = defaultTargetValues(2026);
    await saveTargets(db, 2026, { base: shown, edited: shown }, NOW);
    // Another window sets the start rate while this form, opened on `shown`, changes the investment share.
    await saveTargets(db, 2026, { base: shown, edited: { ...shown, startRate: 0.9 } }, NOW + 1000);
    const mine = { ...shown, annualInvestmentShare: 0.7 };
    expect(await saveTargets(db, 2026, { base: shown, edited: mine }, NOW + 2000)).toEqual({
      ok: true,
      changedFields: ['annualInvestmentShare'],
    });
    expect(await readTargets(db, 2026)).toMatchObject({ startRate: 0.9, annualInvestmentShare: 0.7 });
    const both = await saveTargets(
      db,
      2026,
      { base: shown, edited: { ...shown, startRate: 0.8 } },
      NOW + 3000,
    );
    expect(both.ok).toBe(false);
    if (!both.ok)
      expect(both.conflicts.map((c) => [c.field, c.theirs, c.mine])).toEqual([['startRate', 0.9, 0.8]]);
    expect((await readTargets(db, 2026)).startRate).toBe(0.9);
    db.close();
  });

  it('come with version 5: a version 4 database opens with its data and the defaults', async () => {
    const name = 'targets-upgrade';
    const v4 = createDatabase(name, MIGRATIONS.slice(0, 4));
    await v4.open();
    await createRecords(v4, 'projects', [makeProject()], NOW);
    v4.close();
    const v5 = createDatabase(name, MIGRATIONS.slice(0, 5));
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(await v5.projects.count()).toBe(1);
    expect((await readTargets(v5, 2026)).stored).toBe(false);
    v5.close();
    // Saved once the database is at today's version (the targets' form sees who changed what, which
    // needs the devices table of version 7).
    const latest = createDatabase(name);
    await latest.open();
    await saveTargets(
      latest,
      2026,
      { base: defaultTargetValues(2026), edited: defaultTargetValues(2026) },
      NOW,
    );
    expect(await latest.targets.where('year').equals(2026).count()).toBe(1);
    latest.close();
  });
});

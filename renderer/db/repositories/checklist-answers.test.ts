import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { changedAnswers, saveChecklistAnswers } from './checklist-answers';
import { createRecords } from './records';
import { createVisit, saveChecklistResult } from './visits';

const AT = '2026-11-20T02:00:00.000Z';

async function setup(name: string) {
  const db = createDatabase(name);
  await db.open();
  await createRecords(db, 'projects', [makeProject()]);
  await createVisit(db, makeVisit());
  await saveChecklistResult(db, {
    id: 'r1',
    createdAt: AT,
    updatedAt: AT,
    visitId: makeVisit().id,
    templateId: 'tpl',
    templateKey: 'k',
    templateVersion: 1,
    answers: { a: { kind: 'yesNoNa', value: 'yes', note: '' } },
  });
  return db;
}

describe('saving checklist answers', () => {
  it('writes only the items changed here, keeping what another window answered meanwhile', async () => {
    const db = await setup('checklist-answers-merge');
    const base = (await db.checklistResults.get('r1'))?.answers ?? {};
    // Another window answers item b and saves.
    await saveChecklistAnswers(db, 'r1', {
      base,
      edited: { ...base, b: { kind: 'number', value: 85, note: '' } },
    });
    // This card, opened before that, changes item c only; its copy of the card has no b.
    const stored = await saveChecklistAnswers(db, 'r1', {
      base,
      edited: { ...base, c: { kind: 'text', value: '围挡完好', note: '' } },
    });
    expect(stored).toEqual({
      a: { kind: 'yesNoNa', value: 'yes', note: '' },
      b: { kind: 'number', value: 85, note: '' },
      c: { kind: 'text', value: '围挡完好', note: '' },
    });
    expect((await db.checklistResults.get('r1'))?.answers).toEqual(stored);
    db.close();
  });

  it('writes nothing when nothing changed', async () => {
    const db = await setup('checklist-answers-none');
    const base = (await db.checklistResults.get('r1'))?.answers ?? {};
    const before = await db.outbox.count();
    await saveChecklistAnswers(db, 'r1', { base, edited: { ...base } });
    expect(await db.outbox.count()).toBe(before);
    db.close();
  });

  it('names the changed items', () => {
    expect(
      changedAnswers(
        { a: { kind: 'yesNoNa', value: 'yes', note: '' } },
        { a: { kind: 'yesNoNa', value: 'no', note: '' }, b: { kind: 'text', value: 'x', note: '' } },
      ),
    ).toEqual({ a: { kind: 'yesNoNa', value: 'no', note: '' }, b: { kind: 'text', value: 'x', note: '' } });
  });
});

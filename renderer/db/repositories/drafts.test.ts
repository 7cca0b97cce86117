import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type DuchaDatabase } from '../database';
import { discardDraft, discardDraftsOfRecord, readDraft, saveDraft } from './drafts';

let db: DuchaDatabase;
let n = 0;

beforeEach(async () => {
  db = createDatabase(`drafts-test-${(n += 1)}`);
  await db.open();
});
afterEach(() => db.close());

const AT = Date.parse('2026-05-12T03:04:05.000Z');

describe('drafts', () => {
  it('keeps one draft per form and record, with its base and when it was saved', async () => {
    await saveDraft(
      db,
      { formKey: 'visit', recordId: 'v1', values: { weather: '晴' }, base: { weather: '' } },
      AT,
    );
    await saveDraft(
      db,
      { formKey: 'visit', recordId: 'v1', values: { weather: '阴' }, base: { weather: '' } },
      AT + 1000,
    );
    await saveDraft(db, { formKey: 'finding', recordId: 'v1', values: { title: '未围挡' }, base: null }, AT);
    await saveDraft(
      db,
      { formKey: 'visit', recordId: 'v2', values: { weather: '雨' }, base: { weather: '' } },
      AT,
    );

    expect(await db.drafts.count()).toBe(3);
    expect(await readDraft(db, 'visit', 'v1')).toEqual({
      formKey: 'visit',
      recordId: 'v1',
      values: { weather: '阴' },
      base: { weather: '' },
      savedAt: '2026-05-12T03:04:06.000Z',
    });
    expect((await readDraft(db, 'finding', 'v1'))?.values).toEqual({ title: '未围挡' });
  });

  it('says there is none when none was kept', async () => {
    expect(await readDraft(db, 'visit', 'nothing')).toBeNull();
  });

  it('forgets one form’s draft, or every draft of a record', async () => {
    await saveDraft(db, { formKey: 'visit', recordId: 'v1', values: 1, base: 0 }, AT);
    await saveDraft(db, { formKey: 'finding', recordId: 'v1', values: 2, base: null }, AT);
    await saveDraft(db, { formKey: 'visit', recordId: 'v2', values: 3, base: 0 }, AT);

    await discardDraft(db, 'visit', 'v2');
    expect(await readDraft(db, 'visit', 'v2')).toBeNull();
    expect(await db.drafts.count()).toBe(2);

    await discardDraftsOfRecord(db, 'v1');
    expect(await db.drafts.count()).toBe(0);
  });

  it('never reaches the outbox: a draft is not a record', async () => {
    await saveDraft(db, { formKey: 'project', recordId: 'p1', values: { name: 'x' }, base: {} }, AT);
    expect(await db.outbox.count()).toBe(0);
  });

  it('survives closing and opening the database again, as after a crash or a restart', async () => {
    await saveDraft(db, { formKey: 'visit', recordId: 'v1', values: { weather: '晴' }, base: {} }, AT);
    const name = db.name;
    db.close();
    db = createDatabase(name);
    await db.open();
    expect((await readDraft(db, 'visit', 'v1'))?.values).toEqual({ weather: '晴' });
  });
});

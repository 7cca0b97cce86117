import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../database';
import { addPerson, addTeam, updatePerson } from './organization-edit';
import { chooseWorkingPerson, chooseWorkingTeam, readWorkingContext } from './working-context';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const team = { leaderId: null, memberIds: [], documentPrefix: '督查' };
const person = { title: '', phone: '', unitId: null };

describe('who works on this laptop', () => {
  it('is nobody on a new laptop; the team is the first on record until one is chosen', async () => {
    const db = createDatabase('working-new');
    await db.open();
    expect(await readWorkingContext(db)).toEqual({ team: null, person: null });
    const first = await addTeam(db, { name: '第一督查组', ...team }, NOW);
    const second = await addTeam(db, { name: '第二督查组', ...team }, NOW + 1);
    expect((await readWorkingContext(db)).team?.id).toBe(first.id);
    await chooseWorkingTeam(db, second.id);
    expect((await readWorkingContext(db)).team?.id).toBe(second.id);
    db.close();
  });

  it('keeps the chosen person when the app is opened again, and never sends the choice anywhere', async () => {
    const name = 'working-reopen';
    const db = createDatabase(name);
    await db.open();
    const zhang = await addPerson(db, { name: '张明', ...person }, NOW);
    const outbox = await db.outbox.count();
    await chooseWorkingPerson(db, zhang.id);
    expect(await db.outbox.count()).toBe(outbox);
    db.close();

    const reopened = createDatabase(name);
    await reopened.open();
    expect((await readWorkingContext(reopened)).person).toMatchObject({ id: zhang.id, name: '张明' });
    await chooseWorkingPerson(reopened, null);
    expect((await readWorkingContext(reopened)).person).toBeNull();
    reopened.close();
  });

  it('reads a retired working person as nobody', async () => {
    const db = createDatabase('working-retired');
    await db.open();
    const zhang = await addPerson(db, { name: '张明', ...person }, NOW);
    await chooseWorkingPerson(db, zhang.id);
    await updatePerson(db, zhang.id, { retired: true }, NOW + 1);
    expect((await readWorkingContext(db)).person).toBeNull();
    // The record itself stays, with its name, for what it did.
    expect(await db.people.get(zhang.id)).toMatchObject({ name: '张明', retired: true });
    db.close();
  });
});

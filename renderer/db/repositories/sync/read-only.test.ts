import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver } from '../../../../test/fixtures/hand-over';
import { makeProject } from '../../../../test/fixtures/records';
import type { Person } from '../../../../shared/sync/protocol';
import { createDatabase, type DuchaDatabase } from '../../database';
import { applyOperations, writeRecords } from '../../record-writer';
import { createRecords, updateRecord } from '../records';
import { ReadOnlyPersonError } from './read-only';
import { forgetSignIn, saveSignIn } from './sync-state';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`read-only-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const person = (role: Person['role']): Person => ({
  id: `person-${role}`,
  login: role,
  name: role === 'leader' ? '赵市长' : '李明',
  role,
  teamId: role === 'inspector' ? 'team-1' : null,
  disabled: false,
});
const signIn = (db: DuchaDatabase, role: Person['role']) =>
  saveSignIn(db, { person: person(role), binding: 'b', signedInAt: '2026-12-07T10:00:00.000Z' });

/** What a write could have touched: the project's stored row and the outbox. */
const stateOf = async (db: DuchaDatabase, id: string) => ({
  row: await db.projects.get(id),
  outbox: await db.outbox.count(),
});

describe('the read-only guard', () => {
  it('refuses a leader’s new record and edit, with the leader named, and changes nothing', async () => {
    const db = await freshDb();
    const project = makeProject({ notes: '原' });
    await createRecords(db, 'projects', [project], 1_000);
    await signIn(db, 'leader');
    const before = await stateOf(db, project.id);

    await expect(updateRecord(db, 'projects', project.id, { notes: '领导改' }, 2_000)).rejects.toThrow(
      ReadOnlyPersonError,
    );
    const fresh = makeProject({ id: '019a0000-0000-7000-8000-0000000000f1' });
    const refused = await createRecords(db, 'projects', [fresh], 3_000).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReadOnlyPersonError);
    expect((refused as ReadOnlyPersonError).personName).toBe('赵市长');

    expect(await stateOf(db, project.id)).toEqual(before);
    expect(await db.projects.get(fresh.id)).toBeUndefined();
  });

  it('rolls back what the same transaction wrote before the refused write', async () => {
    const db = await freshDb();
    await signIn(db, 'leader');
    const project = makeProject();
    await expect(
      db.transaction('rw', [db.projects, db.photoBlobs, db.outbox, db.meta], async () => {
        await db.photoBlobs.add({
          sha256: 'a'.repeat(64),
          mimeType: 'image/jpeg',
          byteLength: 1,
          blob: new Blob(['x']),
        });
        await writeRecords(db, [{ table: 'projects', id: project.id, fields: project }]);
      }),
    ).rejects.toThrow(ReadOnlyPersonError);
    expect(await db.photoBlobs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a USB import on a leader’s laptop, leaving its records as they were', async () => {
    const from = await freshDb();
    const to = await freshDb();
    await createRecords(from, 'projects', [makeProject()], 1_000);
    await signIn(to, 'leader');
    await expect(handOver(from, to)).rejects.toThrow(ReadOnlyPersonError);
    expect(await to.projects.count()).toBe(0);
    expect(await to.outbox.count()).toBe(0);
  });

  it('still merges what sync brings in for a leader', async () => {
    const office = await freshDb();
    const leader = await freshDb();
    const project = makeProject({ notes: '督查办' });
    const operations = await writeRecords(office, [{ table: 'projects', id: project.id, fields: project }]);
    await signIn(leader, 'leader');
    await applyOperations(leader, operations);
    expect((await leader.projects.get(project.id))?.notes).toBe('督查办');
    expect(await leader.outbox.count()).toBe(0);
  });

  it('lets an inspector, the office, and a laptop with no one signed in write; and a leader once signed out', async () => {
    const db = await freshDb();
    const project = makeProject({ notes: '0' });
    await createRecords(db, 'projects', [project], 1_000);
    await updateRecord(db, 'projects', project.id, { notes: '1' }, 2_000);
    await signIn(db, 'inspector');
    await updateRecord(db, 'projects', project.id, { notes: '2' }, 3_000);
    await signIn(db, 'office');
    await updateRecord(db, 'projects', project.id, { notes: '3' }, 4_000);
    await signIn(db, 'leader');
    await expect(updateRecord(db, 'projects', project.id, { notes: '4' }, 5_000)).rejects.toThrow(
      ReadOnlyPersonError,
    );
    await forgetSignIn(db);
    await updateRecord(db, 'projects', project.id, { notes: '5' }, 6_000);
    expect((await db.projects.get(project.id))?.notes).toBe('5');
  });
});

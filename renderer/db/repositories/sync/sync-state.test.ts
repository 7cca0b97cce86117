// A new enrollment forgets what hung on the old one, on every log the laptop followed.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { createDatabase } from '../../database';
import { saveEnrollment, syncState } from './sync-state';

it('forgets every cursor and any snapshot part-way when the laptop is enrolled again', async () => {
  const db = createDatabase('enrolled-again');
  await db.open();
  const cursor = { epoch: 'e1', seq: 42 };
  await db.meta.bulkPut([
    { key: 'syncCursor', value: cursor },
    { key: 'syncCursor:team-north', value: cursor },
    { key: 'syncSnapshot:team-south', value: { cursor, after: { table: 'issues', rowId: 'i-9' } } },
    { key: 'syncServer', value: 'https://old.example' },
  ]);
  await saveEnrollment(db, {
    serverUrl: 'https://sync.example',
    deviceId: 'device-2',
    teamId: 'team-south',
    enrolledAt: '2026-12-07T20:00:00.000Z',
  });
  const keys = (await db.meta.toCollection().primaryKeys()).filter((k) => String(k).startsWith('sync'));
  expect(keys.filter((k) => /^sync(Cursor|Snapshot)/.test(String(k)))).toEqual([]);
  expect((await syncState(db)).enrollment?.deviceId).toBe('device-2');
  db.close();
});

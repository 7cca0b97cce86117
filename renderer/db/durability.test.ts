// Every transaction that stores what a person entered commits with durability 'strict': the commit is
// reported only once IndexedDB has flushed it, so a saved visit survives a power cut. The test reads the
// durability of each read-write transaction as IndexedDB opened it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver } from '../../test/fixtures/hand-over';
import { makeProject, makeVisit } from '../../test/fixtures/records';
import { createDatabase, type DuchaDatabase, recordOfStored } from './database';
import type { Visit } from '../../shared/domain/visit';
import { writeRecords } from './record-writer';
import { createRecords, deleteRecord } from './repositories/records';
import { saveVisitEdits } from './repositories/visits';

const seen: { mode: IDBTransactionMode; durability: string; stores: string[] }[] = [];
const original = IDBDatabase.prototype.transaction;

beforeEach(() => {
  seen.length = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
    const tx = original.apply(this, args);
    seen.push({ mode: tx.mode, durability: tx.durability, stores: [...tx.objectStoreNames] });
    return tx;
  } as typeof original;
});

const open: DuchaDatabase[] = [];
afterEach(() => {
  IDBDatabase.prototype.transaction = original;
  for (const db of open.splice(0)) db.close();
});

let counter = 0;
async function laptop(): Promise<DuchaDatabase> {
  const db = createDatabase(`durability-test-${String(++counter)}`);
  await db.open();
  open.push(db);
  return db;
}

describe('durable commits', () => {
  it('opens every read-write transaction of a save, an edit, a delete and an import as strict', async () => {
    const a = await laptop();
    const b = await laptop();
    await createRecords(a, 'projects', [makeProject()]);
    await createRecords(a, 'visits', [makeVisit()]);
    const base = recordOfStored<Visit>((await a.visits.get(makeVisit().id))!);
    await saveVisitEdits(a, base.id, { base, edited: { ...base, weather: '晴' } });
    await writeRecords(a, [{ table: 'projects', id: makeProject().id, fields: { notes: '道路未通' } }]);
    await deleteRecord(a, 'visits', base.id);
    await handOver(a, b);

    const writes = seen.filter((t) => t.mode === 'readwrite');
    expect(writes.map((t) => t.stores).flat()).toEqual(
      expect.arrayContaining(['projects', 'visits', 'outbox', 'importReceipts', 'devices']),
    );
    expect(writes.filter((t) => t.durability !== 'strict')).toEqual([]);
  });
});

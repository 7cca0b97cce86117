import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { firstScreenRead, startFirstScreenReads } from './live-cache';
import { startEmpty } from './repositories/setup';

let n = 0;
const freshName = () => `hooks-test-${(n += 1)}`;

describe('the first screen’s reads', () => {
  it('may be started before the database has opened', async () => {
    let started = false;
    const opened = await openDatabase(
      {
        startReads: (db) => {
          expect(db.isOpen()).toBe(false);
          startFirstScreenReads(db, { ledger: true });
          started = true;
        },
      },
      freshName(),
    );
    if (!opened.ok) throw new Error(opened.failure.detail);
    expect(started).toBe(true);
    await expect(firstScreenRead(opened.db)).resolves.toBeUndefined();
    opened.db.close();
  });

  it('tell when the first screen has what it shows', async () => {
    const opened = await openDatabase({}, freshName());
    if (!opened.ok) throw new Error(opened.failure.detail);
    startFirstScreenReads(opened.db, { ledger: true });
    await expect(firstScreenRead(opened.db)).resolves.toBeUndefined();
    await startEmpty(opened.db);
    // Known already: resolves at once, and again for a later caller.
    await expect(firstScreenRead(opened.db)).resolves.toBeUndefined();
    opened.db.close();
  });
});

// describeError against Dexie's own errors from a real (fake-indexeddb) database, as the repositories
// meet them: the page's layers may not import Dexie (build/eslint/layers.js), a test here may.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../fixtures/translator';
import { describeError } from '../../renderer/ui/user-error';

const NAME = 'user-error-dexie-test';

let zh: TFunction;
let enT: TFunction;
beforeAll(async () => {
  [zh, enT] = await Promise.all([translator('zh-CN'), translator('en')]);
});
afterAll(() => Dexie.delete(NAME));

async function dexieErrors() {
  const db = new Dexie(NAME);
  db.version(1).stores({ rows: 'id' });
  await db.table('rows').put({ id: 1 });
  const constraint = await db
    .table('rows')
    .add({ id: 1 })
    .catch((e: unknown) => e);
  const bulk = await db
    .table('rows')
    .bulkAdd([{ id: 1 }, { id: 2 }])
    .catch((e: unknown) => e);
  db.close();
  const closed = await db
    .table('rows')
    .toArray()
    .catch((e: unknown) => e);
  return { constraint, bulk, closed };
}

describe('describeError on Dexie’s errors', () => {
  it('says a repeated key, also inside a bulk write', async () => {
    const { constraint, bulk } = await dexieErrors();
    expect(describeError(constraint, zh).message).toBe('已存在相同编号的记录');
    expect(describeError(constraint, enT).message).toBe('a record with the same number exists already');
    expect(describeError(constraint, enT).details).toMatch(/^ConstraintError: /);
    expect(describeError(bulk, enT).message).toBe('a record with the same number exists already');
    expect(describeError(bulk, enT).details).toMatch(/^BulkError: .* ← ConstraintError: /);
  });

  it('says a closed database', async () => {
    const { closed } = await dexieErrors();
    expect(describeError(closed, zh).message).toBe(
      '本机数据已被关闭（可能另一个窗口升级了数据），请重新加载此窗口',
    );
    expect(describeError(closed, enT).message).toBe(
      'the data on this computer was closed (another window may have upgraded it); reload this window',
    );
    expect(describeError(closed, enT).details).toMatch(/DatabaseClosedError: Database has been closed$/);
  });

  it('says a full disk that Dexie reports as an aborted transaction', () => {
    const error = new Dexie.AbortError(
      'Transaction aborted',
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    expect(describeError(error, zh).message).toBe('磁盘空间不足，请清理磁盘空间后重试');
    expect(describeError(error, enT).message).toBe('the disk is full; free some space and try again');
    expect(describeError(error, enT).details).toMatch(
      /^AbortError: Transaction aborted .*← QuotaExceededError: The quota has been exceeded\.$/,
    );
  });
});

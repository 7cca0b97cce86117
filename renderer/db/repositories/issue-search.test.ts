import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/domain/issue';
import { makeIssue } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { MIGRATIONS } from '../migrations';
import { applyOperations } from '../record-writer';
import { searchIssues } from './issue-search';
import { createRecords } from './records';

const issue = (id: string, title: string, description = ''): Issue =>
  makeIssue({ id, title, description, regionId: 'region-simao' });

const titles = async (found: Promise<{ title: string }[] | null>) =>
  (await found)?.map((i) => i.title).sort();

describe('issue search', () => {
  it('finds issues by a two-character Chinese term in title or description, and keeps up with edits', async () => {
    const db = createDatabase('issue-search');
    await db.open();
    await createRecords(db, 'issues', [
      issue('a', '施工现场东侧约30米未围挡'),
      issue('b', '渣土车未密闭', '出口处围挡破损，车辆带泥上路'),
      issue('c', '东侧围，挡板缺失'),
      issue('d', '配套资金未到位'),
    ]);
    expect(await titles(searchIssues(db, '围挡'))).toEqual(['施工现场东侧约30米未围挡', '渣土车未密闭']);
    expect(await titles(searchIssues(db, '资金 到位'))).toEqual(['配套资金未到位']);
    expect(await searchIssues(db, '  ')).toBeNull();
    expect(await titles(searchIssues(db, '消防'))).toEqual([]);

    // A merged edit from another device re-indexes the row.
    await applyOperations(db, [
      {
        table: 'issues',
        rowId: 'd',
        field: 'title',
        value: '配套资金未到位，消防通道堵塞',
        hlc: `${String(Date.now() + 60_000).padStart(15, '0')}-000000-${'e'.repeat(16)}`,
        node: 'e'.repeat(16),
      },
    ]);
    expect(await titles(searchIssues(db, '消防'))).toEqual(['配套资金未到位，消防通道堵塞']);
    db.close();
  });

  it('indexes the issues stored before the index existed when the schema is upgraded', async () => {
    const name = 'issue-search-upgrade';
    const old = createDatabase(name, MIGRATIONS.slice(0, 3));
    await old.open();
    await old.table('issues').put({ ...issue('old', '污水管网渗漏'), _clocks: {} });
    old.close();
    const db = createDatabase(name);
    await db.open();
    expect(await titles(searchIssues(db, '渗漏'))).toEqual(['污水管网渗漏']);
    db.close();
  });
});

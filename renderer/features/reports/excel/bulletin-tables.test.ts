import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type BulletinTables, exportBulletinTables } from './bulletin-tables';

// Counts chosen so that averaging the rows' rates would give other totals than the summed counts.
const TABLES: BulletinTables = {
  period: { from: '2026-03-01', to: '2026-03-31' },
  regionName: '全市',
  byArea: [
    { name: '宁洱县', found: 1, closed: 1, rectificationRate: 1, onTimeRate: 1, overdue: 0, red: 0 },
    { name: '思茅区', found: 5, closed: 3, rectificationRate: 3 / 5, onTimeRate: 1 / 3, overdue: 1, red: 1 },
    { name: '景谷县', found: 2, closed: 0, rectificationRate: 0, onTimeRate: null, overdue: 2, red: 2 },
  ],
  byUnit: [
    { name: '市水务局', found: 4, closed: 3, rectificationRate: 0.75, onTimeRate: 2 / 3, overdue: 1, red: 1 },
    { name: '市生态环境局', found: 2, closed: 1, rectificationRate: 0.5, onTimeRate: 1, overdue: 1, red: 1 },
  ],
  ranking: [
    { rank: 1, name: '宁洱县', score: 1 },
    { rank: 2, name: '思茅区', score: 0.6, rule: '整改率相同时按按期销号率' },
    { rank: 3, name: '景谷县', score: 0 },
  ],
  rankingRule: '排名规则：按整改率从高到低排名；整改率相同的，按期销号率高者在前。',
  overdue: [
    {
      project: '景谷县垃圾处理场',
      title: '渗滤液外溢',
      unit: '景谷县住建局',
      deadline: '2026-03-25',
      daysOverdue: 6,
    },
  ],
};
const TITLE = '督查通报 全市 2026年第3期';

async function reopen(tables: BulletinTables): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await exportBulletinTables(tables, { title: TITLE }));
  return book;
}

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const merges = (sheet: ExcelJS.Worksheet): string[] => [...sheet.model.merges].sort();
const values = (sheet: ExcelJS.Worksheet, row: number, columns: string): unknown[] =>
  [...columns].map((c) => sheet.getCell(`${c}${String(row)}`).value);

const FIGURE_HEADER_MERGES = ['A1:H1', 'A2:A3', 'B2:B3', 'C2:F2', 'G2:H2'];

describe('exportBulletinTables', () => {
  it('holds one sheet per table, in order', async () => {
    const book = await reopen(TABLES);
    expect(book.worksheets.map((s) => s.name)).toEqual(['按县区', '按责任单位', '排名', '逾期问题清单']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3 });
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToWidth: 1,
        printTitlesRow: '2:3',
      });
    }
  });

  it('lays out the county table with grouped headers, percent rates and a 合计 from the summed counts', async () => {
    const sheet = sheetOf(await reopen(TABLES), '按县区');
    expect(sheet.getCell('A1').value).toBe(`${TITLE} 附表1 各县(区)问题整改情况（2026-03-01 至 2026-03-31）`);
    expect(merges(sheet)).toEqual([...FIGURE_HEADER_MERGES, 'A7:B7'].sort());
    expect(values(sheet, 2, 'ABCG')).toEqual(['序号', '县(区)', '问题数（个）', '整改情况']);
    expect(values(sheet, 3, 'CDEFGH')).toEqual([
      '发现问题',
      '已销号',
      '逾期',
      '红牌',
      '整改率',
      '按期销号率',
    ]);
    expect([2, 3, 7, 8].map((c) => sheet.getColumn(c).width)).toEqual([22, 10, 11, 12]);
    expect(values(sheet, 5, 'ABCDEFGH')).toEqual([2, '思茅区', 5, 3, 1, 1, 0.6, 1 / 3]);
    expect(sheet.getCell('G5').numFmt).toBe('0.0%');
    expect(sheet.getCell('H6').value).toBeNull(); // nothing closed: no on-time rate
    // 合计: 8 found, 4 closed → 50%, not the mean of the rates (53.3%); 2 of the 4 closed on time →
    // 50%, not the mean (66.7%).
    expect(values(sheet, 7, 'ACDEF')).toEqual(['合计', 8, 4, 3, 3]);
    expect(sheet.getCell('G7').value).toBe(0.5);
    expect(sheet.getCell('H7').value).toBe(0.5);
    expect(sheet.getCell('H7').numFmt).toBe('0.0%');
    expect(sheet.getCell('C7').font.bold).toBe(true);
    expect(sheet.rowCount).toBe(7);
  });

  it('gives the unit table no 合计, since an issue with two units counts for each, and says so', async () => {
    const sheet = sheetOf(await reopen(TABLES), '按责任单位');
    expect(values(sheet, 2, 'B')).toEqual(['责任单位']);
    expect(values(sheet, 5, 'BCG')).toEqual(['市生态环境局', 2, 0.5]);
    expect(sheet.getCell('A6').value).toEqual(expect.stringContaining('不作合计'));
    expect(merges(sheet)).toEqual([...FIGURE_HEADER_MERGES, 'A6:H6'].sort());
  });

  it('prints the ranking with each place’s reason and the rule under it', async () => {
    const sheet = sheetOf(await reopen(TABLES), '排名');
    expect(values(sheet, 2, 'ABCD')).toEqual(['名次', '县(区)', '整改率', '说明']);
    expect(values(sheet, 4, 'ABC')).toEqual([1, '宁洱县', 1]);
    expect(values(sheet, 5, 'D')).toEqual(['整改率相同时按按期销号率']);
    expect(sheet.getCell('C5').numFmt).toBe('0.0%');
    expect(sheet.getCell('A7').value).toBe(TABLES.rankingRule);
    expect(merges(sheet)).toEqual(['A1:D1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'A7:D7'].sort());
  });

  it('lists the overdue issues with their deadline and days overdue, and counts them', async () => {
    const sheet = sheetOf(await reopen(TABLES), '逾期问题清单');
    expect(sheet.getCell('A1').value).toBe(`${TITLE} 附表4 全市逾期未整改问题清单`);
    expect(values(sheet, 2, 'ABCDEF')).toEqual([
      '序号',
      '项目名称',
      '问题',
      '责任单位',
      '整改时限',
      '逾期天数（天）',
    ]);
    expect(values(sheet, 4, 'ABCDF')).toEqual([1, '景谷县垃圾处理场', '渗滤液外溢', '景谷县住建局', 6]);
    expect(sheet.getCell('E4').value).toEqual(new Date(Date.UTC(2026, 2, 25)));
    expect(sheet.getCell('A5').value).toBe('合计 1 项');
    expect(merges(sheet)).toContain('A5:B5');
  });

  it('writes empty tables for a period with nothing found', async () => {
    const empty: BulletinTables = { ...TABLES, byArea: [], byUnit: [], ranking: [], overdue: [] };
    const book = await reopen(empty);
    const areas = sheetOf(book, '按县区');
    expect(values(areas, 4, 'ACDEFGH')).toEqual(['合计', 0, 0, 0, 0, null, null]);
    expect(sheetOf(book, '逾期问题清单').getCell('A4').value).toBe('合计 0 项');
    expect(sheetOf(book, '排名').getCell('A4').value).toBe(TABLES.rankingRule);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeIssue, makeProject } from '../../../../test/fixtures/records';
import { exportIssueLedger, type LedgerIssue } from './issue-ledger';

const project = makeProject();
const NAMES = {
  projects: new Map([[project.id, '思茅主城区污水处理厂二期']]),
  regions: new Map([[project.regionId, '思茅区']]),
  units: new Map([
    ['unit-env', '市生态环境局'],
    ['unit-water', '市水务局'],
  ]),
  people: new Map([['p-li', '李春明']]),
};
const OPTIONS = { title: '2026年问题清单台账', today: '2026-11-28', timeZone: 'Asia/Shanghai' };

const ISSUES: LedgerIssue[] = [
  // Due 2026-11-30, two days after today: yellow.
  makeIssue({ id: 'a' }),
  makeIssue({
    id: 'b',
    title: '雨污分流未完成',
    category: 'scheduleSlip',
    severity: 'serious',
    deadline: '2026-12-20',
    originalDeadline: '2026-12-01',
    responsibleUnitIds: ['unit-water', 'unit-env'],
    responsiblePerson: '王建华',
    noticeNumber: '督查〔2026〕3号',
    needsCoordination: true,
    coordinatingLeaderId: 'p-li',
  }),
  makeIssue({ id: 'c', title: '裸土未覆盖', deadline: '2026-11-20', status: 'inProgress' }),
  // Closed at 01:00 on 11-13 in Beijing, still 11-12 in UTC.
  makeIssue({
    id: 'd',
    title: '渣土车未冲洗',
    deadline: '2026-11-15',
    status: 'closed',
    closedAt: '2026-11-12T17:00:00.000Z',
  }),
];

async function reopen(buffer: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  expect(buffer).toBeInstanceOf(ArrayBuffer);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer);
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0] as ExcelJS.Worksheet;
}

const merges = (sheet: ExcelJS.Worksheet): string[] => [...sheet.model.merges].sort();
const texts = (sheet: ExcelJS.Worksheet, row: number, columns: string): unknown[] =>
  [...columns].map((c) => sheet.getCell(`${c}${String(row)}`).value);
const fillOf = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;

const HEADER_MERGES = [
  'A1:O1',
  'A2:A3',
  'B2:B3',
  'C2:C3',
  'D2:F2',
  'G2:G3',
  'H2:H3',
  'I2:J2',
  'K2:M2',
  'N2:N3',
  'O2:O3',
];

describe('exportIssueLedger', () => {
  it('lays out the title and the two-row header with its groups merged', async () => {
    const sheet = await reopen(await exportIssueLedger(ISSUES, NAMES, OPTIONS));
    expect(sheet.name).toBe('问题清单台账');
    expect(sheet.getCell('A1').value).toBe('2026年问题清单台账');
    expect(sheet.getCell('A1').font).toMatchObject({ name: '宋体', bold: true, size: 18 });
    expect(merges(sheet)).toEqual([...HEADER_MERGES, 'A8:C8', 'A9:O9'].sort());
    expect(texts(sheet, 2, 'ABCDGHIKNO')).toEqual([
      '序号',
      '项目名称',
      '所在地区',
      '问题描述',
      '责任单位',
      '责任人',
      '整改时限',
      '整改情况',
      '通知书文号',
      '备注',
    ]);
    expect(texts(sheet, 3, 'DEFIJKLM')).toEqual([
      '问题类别',
      '问题',
      '严重程度',
      '原定时限',
      '现时限',
      '状态',
      '亮牌',
      '销号日期',
    ]);
    expect(sheet.getCell('E3').font.bold).toBe(true);
    expect(sheet.getCell('E3').border.bottom?.style).toBe('thin');
  });

  it('freezes the header and the name, sets widths and prints A4 landscape with the header on every page', async () => {
    const sheet = await reopen(await exportIssueLedger(ISSUES, NAMES, OPTIONS));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3, topLeftCell: 'C4' });
    expect([1, 2, 5, 7, 12].map((c) => sheet.getColumn(c).width)).toEqual([7, 30, 40, 22, 12]);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:3',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
    });
  });

  it('writes one row per live issue in the order given, with names, labels and dates', async () => {
    const sheet = await reopen(await exportIssueLedger(ISSUES, NAMES, OPTIONS));
    expect(texts(sheet, 4, 'ABCDEFGH')).toEqual([
      1,
      '思茅主城区污水处理厂二期',
      '思茅区',
      '环境保护',
      '工地东侧围挡破损',
      '一般',
      '市生态环境局',
      '',
    ]);
    expect(texts(sheet, 5, 'ADEFGHKNO')).toEqual([
      2,
      '进度滞后',
      '雨污分流未完成',
      '较重',
      '市水务局、市生态环境局',
      '王建华',
      '已下发',
      '督查〔2026〕3号',
      '需调度会；协调领导：李春明',
    ]);
    expect(sheet.getCell('I5').value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(sheet.getCell('J5').value).toEqual(new Date(Date.UTC(2026, 11, 20)));
    expect(sheet.getCell('J5').numFmt).toBe('yyyy-mm-dd');
    expect(texts(sheet, 6, 'AEK')).toEqual([3, '裸土未覆盖', '整改中']);
    expect(texts(sheet, 7, 'AEKL')).toEqual([4, '渣土车未冲洗', '已销号', '']);
    // The close-out day in the office's zone.
    expect(sheet.getCell('M7').value).toEqual(new Date(Date.UTC(2026, 10, 13)));
    expect(sheet.getCell('M4').value).toBeNull();
    expect(sheet.getCell('E4').alignment).toMatchObject({ horizontal: 'left', wrapText: true });
  });

  it('fills the colour cards red, yellow and green as of today, and none for a closed issue', async () => {
    const sheet = await reopen(await exportIssueLedger(ISSUES, NAMES, OPTIONS));
    expect(texts(sheet, 4, 'L')).toEqual(['黄']);
    expect(texts(sheet, 5, 'L')).toEqual(['绿']);
    expect(texts(sheet, 6, 'L')).toEqual(['红']);
    expect(['L4', 'L5', 'L6', 'L7'].map((a) => fillOf(sheet.getCell(a)))).toEqual([
      'FFFFE082',
      'FFA5D6A7',
      'FFFF8A80',
      undefined,
    ]);
    // Only the card column is coloured.
    expect(fillOf(sheet.getCell('K6'))).toBeUndefined();
  });

  it('ends with 合计, the closed and overdue counts under their columns, and the day the cards are as of', async () => {
    const sheet = await reopen(await exportIssueLedger(ISSUES, NAMES, OPTIONS));
    expect(texts(sheet, 8, 'AKL')).toEqual(['合计 4 项', '已销号 1 项', '逾期 1 项']);
    expect(sheet.getCell('A8').font.bold).toBe(true);
    expect(sheet.getCell('K8').font.bold).toBe(true);
    expect(fillOf(sheet.getCell('L8'))).toBeUndefined();
    expect(sheet.getCell('A9').value).toEqual(expect.stringContaining('亮牌截至 2026-11-28'));
    expect(sheet.rowCount).toBe(9);
  });

  it('takes the close-out day in the zone given, China Standard Time by default', async () => {
    const closed = [ISSUES[3] as LedgerIssue];
    const inUtc = await reopen(await exportIssueLedger(closed, NAMES, { ...OPTIONS, timeZone: 'UTC' }));
    expect(inUtc.getCell('M4').value).toEqual(new Date(Date.UTC(2026, 10, 12)));
    const byDefault = await reopen(
      await exportIssueLedger(closed, NAMES, { title: OPTIONS.title, today: OPTIONS.today }),
    );
    expect(byDefault.getCell('M4').value).toEqual(new Date(Date.UTC(2026, 10, 13)));
  });

  it('is the header and a 合计 0 项 row when there are no issues', async () => {
    const sheet = await reopen(await exportIssueLedger([], NAMES, OPTIONS));
    expect(sheet.getCell('E3').value).toBe('问题');
    expect(texts(sheet, 4, 'AKL')).toEqual(['合计 0 项', '已销号 0 项', '逾期 0 项']);
    expect(merges(sheet)).toEqual([...HEADER_MERGES, 'A4:C4', 'A5:O5'].sort());
    expect(sheet.rowCount).toBe(5);
  });
});

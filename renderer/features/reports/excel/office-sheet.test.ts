import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addOfficeSheet, columnLetter, type OfficeColumn, workbookBytes } from './office-sheet';

const COLUMNS: readonly OfficeColumn[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '名称', width: 20, kind: 'wide' },
  { header: '甲', group: '第一组', width: 8, kind: 'count' },
  { header: '乙', group: '第一组', width: 8, kind: 'money' },
  { header: '丙', group: '第二组', width: 8, kind: 'rate' },
  { header: '丁', group: '第一组', width: 8, kind: 'center', fills: { 红: 'FFFF0000' } },
];

function sheetWith(rows: ExcelJS.CellValue[][]): ExcelJS.Worksheet {
  const book = new ExcelJS.Workbook();
  return addOfficeSheet(book, {
    name: '表',
    title: '标题',
    columns: COLUMNS,
    rows,
    totals: { values: ['合计', null, 3, 1.5, 0.5, null], labelColumns: 2 },
    note: '注：说明。',
  });
}

describe('addOfficeSheet', () => {
  it('merges a group over each run of neighbouring columns and a lone column down', () => {
    const sheet = sheetWith([]);
    expect([...sheet.model.merges].sort()).toEqual(
      ['A1:F1', 'A2:A3', 'B2:B3', 'C2:D2', 'A4:B4', 'A5:F5'].sort(),
    );
    expect(['C2', 'E2', 'F2', 'E3', 'F3'].map((a) => sheet.getCell(a).value)).toEqual([
      '第一组',
      '第二组',
      '第一组',
      '丙',
      '丁',
    ]);
    expect(sheet.views[0]).toMatchObject({ xSplit: 0, ySplit: 3, topLeftCell: 'A4' });
  });

  it('shares one style object among the cells of a kind, so long tables stay small', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i + 1, `项目${String(i)}`, i, i, 0.5, '红']);
    const sheet = sheetWith(rows);
    const styles = new Set<unknown>();
    for (let r = 4; r < 54; r++) sheet.getRow(r).eachCell((cell) => styles.add(cell.style));
    expect(styles.size).toBe(COLUMNS.length);
    expect(sheet.getCell('C4').style).toBe(sheet.getCell('C53').style);
    expect(Object.isFrozen(sheet.getCell('C4').style)).toBe(true);
    expect(sheet.getCell('D4').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C4').alignment.horizontal).toBe('right');
  });

  it('fills a cell only for the texts its column names', () => {
    const sheet = sheetWith([
      [1, 'a', 0, 0, 0, '红'],
      [2, 'b', 0, 0, 0, 'toString'],
    ]);
    expect(sheet.getCell('F4').fill).toMatchObject({ fgColor: { argb: 'FFFF0000' } });
    expect(sheet.getCell('F5').fill).toBeUndefined();
  });

  it('writes the totals bold with their label centred, and the note under them', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await workbookBytes(sheetWith([[1, 'a', 3, 1.5, 0.5, '']]).workbook));
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A5').value).toBe('合计');
    expect(sheet.getCell('A5').alignment.horizontal).toBe('center');
    expect(sheet.getCell('D5').font.bold).toBe(true);
    expect(sheet.getCell('A6').value).toBe('注：说明。');
    expect(sheet.getCell('A6').alignment.wrapText).toBe(true);
  });

  it('names columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

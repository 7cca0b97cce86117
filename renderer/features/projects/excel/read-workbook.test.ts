import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildIssuedList,
  ISSUED_BAD_ROW,
  ISSUED_GOOD_ROWS,
  ISSUED_LIST_HEADER_ROW,
} from '../../../../test/fixtures/excel/issued-list';
import { readSheet, WorkbookReadError } from './read-workbook';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  const data = await workbook.xlsx.writeBuffer();
  const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

async function readError(data: ArrayBuffer): Promise<WorkbookReadError> {
  const error: unknown = await readSheet(data).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  return error as WorkbookReadError;
}

describe('readSheet', () => {
  it('finds the header below the title of an issued list and reads every cell kind plainly', async () => {
    const sheet = await readSheet(await buildIssuedList());
    expect(sheet.headerRowIndex).toBe(ISSUED_LIST_HEADER_ROW - 1);
    expect(sheet.headerRowCount).toBe(1);
    // A line break between Chinese characters is no space; runs of spaces become one.
    expect(sheet.headers.slice(0, 3)).toEqual(['序 号', '项目名称', '项目类别']);
    expect(sheet.headers[8]).toBe('计划总投资（万元）');
    expect(sheet.headers[10]).toBe('1-10月完成投资(万元)');
    expect(sheet.rowNumbers).toEqual([...ISSUED_GOOD_ROWS.map((r) => r.rowNumber), ISSUED_BAD_ROW.rowNumber]);
    const [first, second, third] = sheet.rows;
    expect(first?.[1]).toBe(ISSUED_GOOD_ROWS[0]?.name); // rich text → its text
    expect(first?.[11]).toBe(3422.5); // numbers stay numbers
    expect(first?.[13]).toEqual(new Date(Date.UTC(2026, 2, 1))); // dates are Dates
    expect(first?.[14]).toBeNull();
    expect(second?.[9]).toBe(1206); // formula → its result
    expect(second?.[16]).toBe('见市发改委下达计划'); // hyperlink → its text
    expect(third?.[11]).toBe('1,940.25');
    expect(sheet.rows.every((r) => r.length === sheet.headers.length)).toBe(true);
  });

  it('combines a two-row merged header, carries cells merged down, skips banners and empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.mergeCells('A1:F1');
    ws.getCell('A1').value = '2026年重点项目清单';
    for (const [range, text] of [
      ['A2:A3', '序号'],
      ['B2:B3', '项目\n名称'],
      ['C2:C3', '所属县(区)'],
      ['D2:F2', '投资（万元）'],
    ] as const) {
      ws.mergeCells(range);
      ws.getCell(range.slice(0, 2)).value = text;
    }
    ws.getCell('D3').value = '计划总投资';
    ws.getCell('E3').value = '年度计划';
    ws.getCell('F3').value = '累计完成';
    ws.mergeCells('A4:F4');
    ws.getCell('A4').value = '一、思茅区（2个）';
    ws.getRow(5).values = [1, '甲项目', '思茅区', 100, 50, 20];
    ws.getRow(6).values = [2, '乙项目', null, 200, 80, 30];
    ws.mergeCells('C5:C6'); // the county written once beside its projects
    ws.getRow(8).values = [3, '丙项目', '宁洱县', 300, 90, 40];
    ws.getCell('H8').border = { top: { style: 'thin' } }; // a styled but empty cell to the right

    const sheet = await readSheet(await bytesOf(wb));
    expect(sheet.headerRowIndex).toBe(1);
    expect(sheet.headerRowCount).toBe(2);
    expect(sheet.headers).toEqual([
      '序号',
      '项目名称',
      '所属县(区)',
      '投资（万元）/计划总投资',
      '投资（万元）/年度计划',
      '投资（万元）/累计完成',
    ]);
    expect(sheet.rowNumbers).toEqual([5, 6, 8]);
    expect(sheet.rows.map((r) => r[2])).toEqual(['思茅区', '思茅区', '宁洱县']);
  });

  it('leaves the later cells of a merge across a row empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getRow(1).values = ['序号', '项目名称', '所属县(区)', '计划总投资'];
    ws.getRow(2).values = [1, '甲项目', '思茅区', 100];
    ws.getRow(3).values = ['合计', null, null, 100];
    ws.mergeCells('A3:C3');
    const sheet = await readSheet(await bytesOf(wb));
    expect(sheet.rows[1]).toEqual(['合计', null, null, 100]);
  });

  it('reads the first visible sheet that has cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空白');
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.getRow(1).values = ['说明'];
    const ws = wb.addWorksheet('清单');
    ws.getRow(1).values = ['项目名称', '所属县(区)', '总投资'];
    ws.getRow(2).values = ['甲项目', '思茅区', 1];
    const sheet = await readSheet(await bytesOf(wb));
    expect(sheet.sheetName).toBe('清单');
    expect(sheet.rows).toEqual([['甲项目', '思茅区', 1]]);
  });

  it('refuses a text file renamed to .xlsx, damaged bytes and a cut-off download', async () => {
    const text = new TextEncoder().encode('项目名称,总投资\n甲项目,100\n');
    expect((await readError(text.slice().buffer)).kind).toBe('notXlsx');
    const noise = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251);
    expect((await readError(noise.buffer)).kind).toBe('notXlsx');
    const whole = new Uint8Array(await buildIssuedList());
    expect((await readError(whole.slice(0, whole.length >> 1).buffer)).kind).toBe('notXlsx');
    // An old .xls is an OLE compound file, not a zip.
    const xls = Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(504).fill(0),
    ]);
    const error = await readError(xls.buffer);
    expect(error.kind).toBe('notXlsx');
    expect(error.message).toMatch(/not an \.xlsx/i);
  });

  it('says when the file or the workbook is empty, or has no ledger header', async () => {
    expect((await readError(new ArrayBuffer(0))).kind).toBe('empty');
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1');
    expect((await readError(await bytesOf(blank))).kind).toBe('empty');
    const other = new ExcelJS.Workbook();
    const ws = other.addWorksheet('通讯录');
    ws.getRow(1).values = ['姓名', '电话', '地址'];
    ws.getRow(2).values = ['张三', '0879-1234567', '思茅区'];
    expect((await readError(await bytesOf(other))).kind).toBe('noHeader');
  });
});

// Excel in and out: an issued list with three good rows and one bad row imports nothing until the
// bad row is skipped; the exported ledger reopens with its merged two-row header and exact totals.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import {
  buildIssuedList,
  ISSUED_BAD_ROW,
  ISSUED_GOOD_ROWS,
  ISSUED_LIST_FILE_NAME,
} from '../fixtures/excel/issued-list';
import { countStoredRows, expect, test } from './support/fixtures';

test.describe('in Chinese', () => {
  test('imports an issued list only after the bad row is skipped, and exports the ledger', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await expect(page.getByRole('table', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });
    const before = await countStoredRows(page, 'projects');

    await page.getByRole('button', { name: '从Excel导入' }).click();
    const dialog = page.getByRole('dialog', { name: '从Excel导入项目' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: ISSUED_LIST_FILE_NAME,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await buildIssuedList()),
    });
    await expect(dialog.getByText(`“${ISSUED_LIST_FILE_NAME}”共 4 行数据`)).toBeVisible();
    await dialog.getByRole('button', { name: '预览', exact: true }).click();

    await expect(dialog.getByTestId('import-summary')).toHaveText('共 4 行：3 行可导入，1 行有错误');
    await expect(dialog.getByText(`第${ISSUED_BAD_ROW.rowNumber}行`).first()).toBeVisible();
    await expect(dialog.getByText(ISSUED_BAD_ROW.badAmount).first()).toBeVisible();
    // The bad row is still recognisable by its name.
    await expect(dialog.getByRole('row').filter({ hasText: ISSUED_BAD_ROW.name })).toContainText('12a');
    await expect(dialog.getByRole('button', { name: /导入 \d+ 个项目/ })).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('import-preview-zh-CN.png') });
    expect(await countStoredRows(page, 'projects')).toBe(before);

    await dialog.getByRole('checkbox', { name: '跳过有错误的行' }).check();
    await dialog.getByRole('button', { name: '导入 3 个项目' }).click();
    await expect(page.getByText('已导入 3 个项目')).toBeVisible();
    expect(await countStoredRows(page, 'projects')).toBe(before + 3);
    await page.getByRole('searchbox', { name: '搜索项目名称或业主' }).fill(ISSUED_GOOD_ROWS[0]?.name ?? '');
    // The import dialog's preview may still be closing: look in the ledger itself.
    const ledgerRow = page
      .getByRole('table', { name: '项目台账' })
      .getByRole('row')
      .filter({ hasText: ISSUED_GOOD_ROWS[0]?.name ?? '' });
    await expect(ledgerRow).toContainText('9860.00');

    await page.getByRole('button', { name: '清除筛选' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出台账' }).click();
    const file = testInfo.outputPath('ledger.xlsx');
    await (await download).saveAs(file);
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').text).toMatch(/年重点项目台账$/);
    const merges: string[] = (sheet?.model as unknown as { merges: string[] }).merges;
    expect(merges.length).toBeGreaterThan(5);
    const cellTexts: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cellTexts.push(cell.text)));
    expect(cellTexts).toContain('投资情况（万元）');
    expect(cellTexts).toContain(ISSUED_GOOD_ROWS[2]?.name);
    expect(cellTexts.some((text) => text.startsWith('合计'))).toBe(true);
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('names the bad row and the reason in English, and refuses a file that is not a workbook', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample campaign' }).click();
    await expect(page.getByRole('table', { name: 'Project ledger' })).toBeVisible({ timeout: 180_000 });
    await page.getByRole('button', { name: 'Import from Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import projects from Excel' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'notes.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('this is not a workbook'),
    });
    await expect(dialog.getByRole('alert')).toContainText('“notes.xlsx” is not an Excel workbook');

    await dialog.locator('input[type=file]').setInputFiles({
      name: ISSUED_LIST_FILE_NAME,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await buildIssuedList()),
    });
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(dialog.getByTestId('import-summary')).toHaveText('4 rows: 3 ready, 1 with errors');
    await expect(dialog.getByText(`Row ${ISSUED_BAD_ROW.rowNumber}`).first()).toBeVisible();
  });
});

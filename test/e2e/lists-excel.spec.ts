// A team that started empty and receives lists: a project list naming a county, a town and a unit the
// laptop does not know is offered exactly those names, added with the projects on "Add them and
// import"; the team's lists come from one workbook ("Import lists"), and a malformed one is refused
// naming its sheet and row, with nothing written.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { storedRows } from './support/stored-rows';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function bytesOf(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A project list from above naming 思茅区, its town 倚象镇 and 孟连县住建局, none known yet. */
async function projectList(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('重点项目');
  sheet.addRow(['序号', '项目名称', '所属县(区)', '乡镇', '责任单位', '计划总投资（万元）', '建设阶段']);
  sheet.addRow([1, '思茅区倚象镇污水收集管网', '思茅区', '倚象镇', '孟连县住建局', 1800, '在建']);
  sheet.addRow([2, '思茅区生活垃圾转运站', '思茅区', '', '孟连县住建局', 650, '前期']);
  return bytesOf(book);
}

interface Row {
  id: string;
  name: string;
  parentId?: string | null;
  regionId?: string;
  responsibleUnitIds?: string[];
}

test.describe('in Chinese', () => {
  test('starting empty, a project list with an unknown county, town and unit offers exactly those and adds them', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: '从空白开始' }).click();
    await page.getByRole('menuitem', { name: '项目台账' }).click();
    await page.getByRole('button', { name: '从Excel导入' }).click();
    const dialog = page.getByRole('dialog', { name: '从Excel导入项目' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: '重点项目清单.xlsx',
      mimeType: XLSX,
      buffer: await projectList(),
    });
    await dialog.getByRole('button', { name: '预览', exact: true }).click();

    await expect(dialog.getByTestId('import-summary')).toHaveText('共 2 行：2 行可导入，0 行有错误');
    const offer = dialog.getByTestId('import-additions');
    await expect(offer).toContainText('新增县(区)/乡镇：思茅区、思茅区 倚象镇');
    await expect(offer).toContainText('新增责任单位：孟连县住建局');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath('import-additions-zh-CN.png') });
    // Nothing is written before the choice.
    expect(await storedRows(page, 'regions')).toEqual([]);

    await dialog.getByRole('button', { name: '添加并导入' }).click();
    await expect(page.getByText('已导入 2 个项目')).toBeVisible();
    const regions = await storedRows<Row>(page, 'regions');
    const units = await storedRows<Row>(page, 'units');
    const projects = await storedRows<Row>(page, 'projects');
    const county = regions.find((r) => r.name === '思茅区');
    const town = regions.find((r) => r.name === '倚象镇');
    const unit = units.find((u) => u.name === '孟连县住建局');
    expect(regions).toHaveLength(2);
    expect(town?.parentId).toBe(county?.id);
    const pipes = projects.find((p) => p.name === '思茅区倚象镇污水收集管网');
    expect(pipes?.regionId).toBe(town?.id);
    expect(pipes?.responsibleUnitIds).toEqual([unit?.id]);
    const ledgerRow = page
      .getByRole('table', { name: '项目台账' })
      .getByRole('row')
      .filter({ hasText: '思茅区生活垃圾转运站' });
    await expect(ledgerRow).toContainText('思茅区');
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('the offer names the new county, town and unit in English, and going back adds nothing', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('menuitem', { name: 'Projects' }).click();
    await page.getByRole('button', { name: 'Import from Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import projects from Excel' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'projects.xlsx',
      mimeType: XLSX,
      buffer: await projectList(),
    });
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    const offer = dialog.getByTestId('import-additions');
    await expect(offer).toContainText('New counties/towns: 思茅区, 思茅区 倚象镇');
    await expect(offer).toContainText('New units: 孟连县住建局');
    await expect(dialog.getByRole('button', { name: 'Add them and import' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(offer).toBeHidden();
    expect(await storedRows(page, 'regions')).toEqual([]);
    expect(await storedRows(page, 'units')).toEqual([]);
    expect(await storedRows(page, 'projects')).toEqual([]);
  });

  test('the lists workbook: the template, a malformed file refused by sheet and row, a good one added', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('menuitem', { name: 'Organization' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download template', exact: true }).click();
    const file = testInfo.outputPath('lists-template.xlsx');
    await (await download).saveAs(file);
    const template = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await template.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(template.worksheets.map((s) => s.name)).toEqual(['县区乡镇', '责任单位', '人员']);

    // Malformed: no 人员 sheet, and a unit twice.
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('县区乡镇').addRows([
      ['县区', '乡镇'],
      ['孟连县', '娜允镇'],
    ]);
    bad.addWorksheet('责任单位').addRows([
      ['全称', '简称', '类别', '所属县区', '上级单位'],
      ['孟连县住房和城乡建设局', '孟连住建局', '住建', '孟连县', null],
      ['孟连县住房和城乡建设局', '孟连住建局', '住建', '孟连县', null],
    ]);
    await page.getByRole('button', { name: 'Import lists', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import lists from Excel' });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'lists.xlsx', mimeType: XLSX, buffer: await bytesOf(bad) });
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('“lists.xlsx” cannot be imported');
    await expect(alert).toContainText('Sheet “人员” (people): the sheet is missing');
    await expect(alert).toContainText(
      'Sheet “责任单位” (units), row 3: the full name “孟连县住房和城乡建设局” repeats row 2',
    );
    await expect(dialog.getByRole('button', { name: 'Add to lists' })).toBeDisabled();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath('import-lists-refused-en.png') });
    expect(await storedRows(page, 'regions')).toEqual([]);
    expect(await storedRows(page, 'units')).toEqual([]);

    // The same file, corrected: what would be added is shown, then added in one go.
    bad.addWorksheet('人员').addRows([
      ['姓名', '职务', '电话', '所属单位'],
      ['岩温', '局长', '13800000003', '孟连住建局'],
    ]);
    bad.getWorksheet('责任单位')?.spliceRows(3, 1);
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'lists.xlsx', mimeType: XLSX, buffer: await bytesOf(bad) });
    const plan = dialog.getByTestId('lists-plan');
    await expect(plan).toContainText('Counties/towns (2) 孟连县, 孟连县 娜允镇');
    await expect(plan).toContainText('Units (1) 孟连县住房和城乡建设局');
    await expect(plan).toContainText('People (1) 岩温');
    await page.screenshot({ path: testInfo.outputPath('import-lists-plan-en.png') });
    await dialog.getByRole('button', { name: 'Add to lists' }).click();
    await expect(page.getByText('Added to your lists: 2 counties/towns, 1 units, 1 people')).toBeVisible();
    await expect(dialog).toBeHidden();
    expect((await storedRows<Row>(page, 'people')).map((p) => p.name)).toEqual(['岩温']);
    await page.getByRole('tab', { name: 'People' }).click();
    await expect(page.getByRole('row').filter({ hasText: '岩温' })).toContainText('13800000003');
  });
});

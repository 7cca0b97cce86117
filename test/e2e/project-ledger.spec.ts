// The project ledger: find a project by a Chinese word, filter, open it, create one, correct a bad
// amount, edit, and find the change after a restart.
import { chooseOption, fillDate } from './support/antd';
import { countStoredRows, expect, test } from './support/fixtures';

test.describe('in Chinese', () => {
  test('searches, filters and opens a project with its figures', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: '加载示例督查' }).click();
    const ledger = page.getByRole('table', { name: '项目台账' });
    await expect(ledger).toBeVisible({ timeout: 180_000 });

    await page.getByRole('searchbox', { name: '搜索项目名称或业主' }).fill('垃圾');
    await expect(page.getByTestId('project-count')).toContainText('筛选出 3 个');
    await chooseOption(page, '项目阶段', '在建');
    await expect(ledger.getByRole('row').filter({ hasText: '景谷县城镇生活垃圾处理工程' })).toBeVisible();

    await ledger.getByRole('row').filter({ hasText: '景谷县城镇生活垃圾处理工程' }).click();
    await expect(page.getByRole('heading', { name: '景谷县城镇生活垃圾处理工程' })).toBeVisible();
    // 1120 / 1500 = 74.7%; 资金 1940 / 3150 = 61.6% (from the sample catalogue)
    await expect(page.getByTestId('annual-rate')).toContainText('74.7%');
    await expect(page.getByTestId('funding-rate')).toHaveText('61.6%');
    await expect(page.getByRole('img', { name: '历次督查报告的累计完成投资' })).toBeVisible();

    await page.getByRole('button', { name: '返回台账' }).click();
    await expect(page.getByTestId('project-count')).toContainText('筛选出');
  });

  test('creates a project, refusing a bad amount until it is corrected, and keeps it', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await expect(page.getByRole('table', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });
    const before = await countStoredRows(page, 'projects');

    await page.getByRole('button', { name: '新建项目' }).click();
    await expect(page.getByRole('heading', { name: '新建项目' })).toBeVisible();
    await page.getByLabel('项目名称').fill('思茅区第二污水处理厂配套管网工程');
    await chooseOption(page, '所属县(区)/乡镇', /^思茅区/);
    await page.getByLabel('计划总投资').fill('12a');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('请输入金额（万元），如 3422.5')).toBeVisible();
    expect(await countStoredRows(page, 'projects')).toBe(before);

    await page.getByLabel('计划总投资').fill('5600.25');
    await fillDate(page.getByLabel('开工 计划日期'), '2027-03-01');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: '思茅区第二污水处理厂配套管网工程' })).toBeVisible();
    await expect(page.getByText('5600.25 万元')).toBeVisible();
    expect(await countStoredRows(page, 'projects')).toBe(before + 1);

    await page.getByRole('button', { name: '编辑' }).click();
    await expect(page.getByRole('button', { name: '保存' })).toBeVisible();
    await page.getByLabel('年度计划投资').fill('2000');
    await page.getByLabel('本年完成投资').fill('500');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('annual-rate')).toContainText('25.0%');

    const reopened = await app.reopen();
    await reopened.getByRole('searchbox', { name: '搜索项目名称或业主' }).fill('第二污水');
    await reopened.getByRole('row').filter({ hasText: '思茅区第二污水处理厂配套管网工程' }).click();
    await expect(reopened.getByTestId('annual-rate')).toContainText('25.0%');
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('filters by county with its towns and sorts by the annual rate', async ({ app }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample campaign' }).click();
    const ledger = page.getByRole('table', { name: 'Project ledger' });
    await expect(ledger).toBeVisible({ timeout: 180_000 });
    await chooseOption(page, 'County / town', /^宁洱县$/);
    await expect(page.getByTestId('project-count')).toContainText('2 of');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await ledger.getByRole('button', { name: 'Annual rate' }).click();
    await ledger.getByRole('button', { name: 'Annual rate' }).click();
    await expect(ledger.getByRole('columnheader', { name: 'Annual rate' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const rates = await ledger.getByRole('row').locator('[role=cell]:last-child').allInnerTexts();
    const numbers = rates.map((r) => Number.parseFloat(r)).filter((n) => !Number.isNaN(n));
    expect(numbers.length).toBeGreaterThan(5);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);

    await ledger.getByRole('row').nth(1).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Back to the ledger' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('project-en.png'), fullPage: true });
  });
});

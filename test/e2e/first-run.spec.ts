// First run on a new laptop, in both languages: load the sample campaign and find its projects
// on screen and in IndexedDB; or start empty, at the team's set-up.
import { countStoredRows, expect, test } from './support/fixtures';

const SEWAGE_PLANT = '思茅主城区污水处理厂二期';

test.describe('in Chinese (the system language)', () => {
  test.use({ systemLocale: 'zh-CN' });

  test('loads the sample campaign and lists its projects', async ({ app }, testInfo) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: '欢迎使用督查' })).toBeVisible();
    await page.getByRole('button', { name: '加载示例督查' }).click();

    // Generating the campaign's JPEGs takes a few seconds on a slow laptop.
    await expect(page.getByRole('heading', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });
    await expect(page.getByRole('row').filter({ hasText: SEWAGE_PLANT })).toBeVisible();
    for (const name of ['项目台账', '督查记录', '问题清单', '统计', '导出导入', '同步', '设置']) {
      await expect(page.getByRole('menuitem', { name })).toBeVisible();
    }

    const stored = await countStoredRows(page, 'projects');
    expect(stored).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('project-count')).toHaveText(`共 ${stored} 个项目`);
    expect(await countStoredRows(page, 'issues')).toBeGreaterThan(0);
    expect(await countStoredRows(page, 'photoBlobs')).toBeGreaterThan(0);
    expect(await countStoredRows(page, 'outbox')).toBeGreaterThan(0);

    await page.screenshot({ path: testInfo.outputPath('projects-zh-CN.png') });

    // The sample's team is this laptop's team; nobody is chosen as the person working yet.
    const working = page.getByRole('combobox', { name: '当前经办人' });
    await expect(page.locator('.ant-select').filter({ has: working })).toContainText('请选择经办人');
    await page.getByRole('menuitem', { name: '组织' }).click();
    await expect(page.getByLabel('督查组名称', { exact: true })).toHaveValue('第一督查组');

    // Everything is still there after the app is closed and opened again.
    const reopened = await app.reopen();
    await expect(reopened.getByRole('row').filter({ hasText: SEWAGE_PLANT })).toBeVisible();
    expect(await countStoredRows(reopened, 'projects')).toBe(stored);
  });

  test('starts empty at the team’s set-up, and stays past the first-run screen after a restart', async ({
    app,
  }) => {
    await app.page.getByRole('button', { name: '从空白开始' }).click();
    await expect(app.page.getByRole('heading', { name: '设置督查组' })).toBeVisible();
    await expect(app.page.getByLabel('督查组名称', { exact: true })).toBeVisible();
    // The ledger is still a click away, empty.
    await app.page.getByRole('menuitem', { name: '项目台账' }).click();
    await expect(app.page.getByText('台账中还没有项目。')).toBeVisible();
    // Nothing set up yet: the app opens at the set-up again, not at the first-run screen.
    const reopened = await app.reopen();
    await expect(reopened.getByRole('heading', { name: '设置督查组' })).toBeVisible();
    await expect(reopened.getByRole('heading', { name: '欢迎使用督查' })).toBeHidden();
    expect(await countStoredRows(reopened, 'projects')).toBe(0);
  });
});

test.describe('in English (forced with ?lang=en)', () => {
  test.use({ systemLocale: 'zh-CN', query: 'lang=en' });

  test('loads the sample campaign and lists its projects', async ({ app }, testInfo) => {
    const { page } = app;
    await expect(page.getByRole('button', { name: 'Start empty' })).toBeVisible();
    await page.getByRole('button', { name: 'Load sample campaign' }).click();
    await expect(page.getByRole('heading', { name: 'Project ledger' })).toBeVisible({ timeout: 180_000 });
    for (const name of ['Projects', 'Visits', 'Issues', 'Dashboard', 'Exchange', 'Sync', 'Settings']) {
      await expect(page.getByRole('menuitem', { name })).toBeVisible();
    }
    await expect(page.getByRole('row').filter({ hasText: SEWAGE_PLANT })).toContainText('Sewage treatment');
    const stored = await countStoredRows(page, 'projects');
    await expect(page.getByTestId('project-count')).toHaveText(`${stored} projects`);
    await page.screenshot({ path: testInfo.outputPath('projects-en.png') });
  });
});

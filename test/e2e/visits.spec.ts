// A site visit from start to finalization: the record, the dust-control checklist, a finding that
// becomes an issue, the inspector's signature, and the lock that finalizing puts on it, kept across a restart.
import { chooseOption } from './support/antd';
import { DUST_ITEMS } from './support/dust';
import { countStoredRows, expect, test } from './support/fixtures';
import { signVisit, ZH_SIGN } from './support/sign';

const PROJECT = '宁洱县城镇生活垃圾处理场';

test.describe('in Chinese', () => {
  test('logs a visit with the dust-control checklist and a finding, finalizes it, and keeps it locked', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await expect(page.getByRole('table', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });
    await page.getByRole('searchbox', { name: '搜索项目名称或业主' }).fill(PROJECT);
    await page.getByRole('row').filter({ hasText: PROJECT }).click();
    await page.getByRole('button', { name: '开始督查' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('草稿');
    const visitsBefore = await countStoredRows(page, 'visits');

    await page.getByLabel('形象进度描述').fill('渗滤液处理站主体完工，填埋库区防渗层铺设约60%。');
    await page.getByLabel('形象进度(%)').fill('62');
    await page.getByLabel('现场施工人员(人)').fill('85');
    await page.getByLabel('累计完成投资').fill('12a');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('请输入金额（万元），如 3422.5')).toBeVisible();
    await page.getByLabel('累计完成投资').fill('1645.5');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('已保存').first()).toBeVisible();

    await chooseOption(page, '选择检查表', '扬尘治理“八个百分百”');
    await page.getByRole('button', { name: '添加检查表' }).click();
    for (const [i, item] of DUST_ITEMS.entries()) {
      await page
        .getByRole('group', { name: item })
        .getByText(i === 0 ? '否' : '是', { exact: true })
        .click();
    }
    await page.getByRole('button', { name: '保存检查表' }).click();
    await expect(page.getByTestId('checklist-score')).toHaveText('得分 87.5'); // 7 × 12.5

    await page.getByRole('button', { name: '记录问题' }).click();
    const finding = page.getByRole('dialog', { name: '记录问题' });
    await finding.getByLabel('问题', { exact: true }).fill('工地东侧约30米未围挡');
    await chooseOption(page, '问题类别', '环境保护');
    await finding.getByRole('button', { name: '记录' }).click();
    await expect(page.getByRole('row').filter({ hasText: '工地东侧约30米未围挡' })).toBeVisible();

    await expect(page.getByRole('button', { name: '确认定稿' })).toBeDisabled();
    await signVisit(page, { ...ZH_SIGN, button: '督查人员签字' }, '王建国');
    await page.getByRole('button', { name: '确认定稿' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '确认定稿' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('已定稿');
    await expect(page.getByLabel('形象进度描述')).toBeDisabled();
    await expect(page.getByRole('button', { name: '记录问题' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '添加照片' })).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('visit-zh-CN.png'), fullPage: true });
    expect(await countStoredRows(page, 'visits')).toBe(visitsBefore);

    const reopened = await app.reopen();
    await reopened.getByRole('menuitem', { name: '督查记录' }).click();
    await reopened
      .getByRole('region', { name: '督查记录' })
      .getByRole('row')
      .filter({ hasText: PROJECT })
      .filter({ hasText: '已定稿' })
      .first()
      .click();
    await expect(reopened.getByLabel('形象进度描述')).toHaveValue(
      '渗滤液处理站主体完工，填埋库区防渗层铺设约60%。',
    );
    await expect(reopened.getByLabel('累计完成投资')).toHaveValue('1645.5');
    await expect(reopened.getByTestId('checklist-score')).toHaveText('得分 87.5');
    await expect(reopened.getByLabel('形象进度描述')).toBeDisabled();
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('starts a visit from a project and records it', async ({ app }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample campaign' }).click();
    await expect(page.getByRole('table', { name: 'Project ledger' })).toBeVisible({ timeout: 180_000 });
    await page.getByRole('searchbox', { name: 'Search project name or owner' }).fill(PROJECT);
    await page.getByRole('row').filter({ hasText: PROJECT }).click();
    await page.getByRole('button', { name: 'Start a visit' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('Draft');
    await page.getByLabel('Visible progress').fill('Leachate plant structure complete.');
    await page.getByLabel('Latitude').fill('23.05');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Enter latitude and longitude together')).toBeVisible();
    await page.getByLabel('Longitude').fill('101.03');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Saved').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('visit-en.png'), fullPage: true });
  });
});

// Checklist templates: editing the built-in dust-control template makes version 2, a visit filled with
// version 1 keeps showing version 1 and its answers, and a visit started afterwards gets version 2.
import type { Page } from '@playwright/test';
import { chooseOption } from './support/antd';
import { expect, test } from './support/fixtures';

const PROJECT = '宁洱县城镇生活垃圾处理场';
const DUST = '扬尘治理“八个百分百”';

/** A picture of the whole editor, as it looks scrolled to the top with the mouse out of the way. */
async function screenshotEditor(page: Page, path: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

/** Moves within the app by its hash route, the same way on either host. */
async function goToRoute(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

async function startVisitOf(page: Page, project: string): Promise<void> {
  await page.getByRole('menuitem', { name: '项目台账' }).click();
  await page.getByRole('searchbox', { name: '搜索项目名称或业主' }).fill(project);
  await page.getByRole('row').filter({ hasText: project }).click();
  await page.getByRole('button', { name: '开始督查' }).click();
  await expect(page.getByTestId('visit-status')).toHaveText('草稿');
}

test.describe('in Chinese', () => {
  test('edits the dust-control template into version 2 while a visit keeps version 1 and its answers', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await expect(page.getByRole('table', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });

    // A visit filled with version 1.
    await startVisitOf(page, PROJECT);
    const filledVisit = new URL(page.url()).hash;
    await chooseOption(page, '选择检查表', DUST);
    await page.getByRole('button', { name: '添加检查表' }).click();
    await expect(page.getByText(`${DUST} · v1`)).toBeVisible();
    await page.getByRole('group', { name: '工地周边100%围挡' }).getByText('否', { exact: true }).click();
    await page.getByRole('group', { name: '物料堆放100%覆盖' }).getByText('是', { exact: true }).click();
    await page.getByRole('spinbutton', { name: '在线监测PM10读数' }).fill('86');
    await page.getByRole('button', { name: '保存检查表' }).click();
    await expect(page.getByTestId('checklist-score')).toHaveText('得分 12.5');

    // The list, then the editor.
    await page.getByRole('menuitem', { name: '检查表模板' }).click();
    // The list's own row: the editor's Versions table names the template too while it unmounts.
    const row = page.getByRole('table', { name: '检查表模板' }).getByRole('row').filter({ hasText: DUST });
    await expect(row).toContainText('第 1 版');
    await expect(row).toContainText('满分 100');
    await expect(row).toContainText('内置');
    await row.getByRole('button', { name: '编辑' }).click();
    await expect(page.getByRole('heading', { name: '编辑检查表模板' })).toBeVisible();
    await expect(page.getByText('已填写的督查记录始终显示填写时所用的版本')).toBeVisible();
    await expect(page.getByLabel('模板名称')).toHaveValue(DUST);
    await expect(page.getByRole('textbox', { name: '第 3 部分 标题' })).toHaveValue('现场记录');

    // A new item with a number and a unit; saving an empty one is refused and says where.
    await page.getByRole('button', { name: '在第 3 部分添加检查项' }).click();
    await expect(page.getByRole('textbox', { name: '第 3 部分 第 4 项 内容' })).toBeFocused();
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect(page.getByText('请先改正标出的问题。')).toBeVisible();
    await expect(page.getByRole('textbox', { name: '第 3 部分 第 4 项 内容' })).toHaveAccessibleDescription(
      '必填',
    );
    await page.getByRole('textbox', { name: '第 3 部分 第 4 项 内容' }).fill('PM2.5读数');
    await chooseOption(page, '第 3 部分 第 4 项 答案类型', '数值（带单位）');
    await page.getByRole('textbox', { name: '第 3 部分 第 4 项 单位' }).fill('μg/m³');
    // And a scored yes / no item, moved up to the top of its section with the keyboard.
    await page.getByRole('button', { name: '在第 3 部分添加检查项' }).click();
    await page.keyboard.type('雾炮、喷淋设施正常运行');
    await page.getByRole('spinbutton', { name: '第 3 部分 第 5 项 分值' }).fill('5');
    for (let n = 5; n > 1; n--) {
      await page.getByRole('button', { name: `第 3 部分 第 ${n} 项 上移` }).focus();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('textbox', { name: '第 3 部分 第 1 项 内容' })).toHaveValue(
      '雾炮、喷淋设施正常运行',
    );
    await expect(page.getByTestId('template-summary')).toHaveText('13 项 · 满分 105');
    await screenshotEditor(page, testInfo.outputPath('checklist-editor.zh-CN.png'));

    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect(page.getByText('已保存为第 2 版')).toBeVisible();
    await expect(page.getByTestId('template-version')).toHaveText('第 2 版');
    const history = page.getByRole('table', { name: '版本记录' });
    await expect(history.getByRole('row')).toHaveCount(3); // heading + two versions
    await expect(history.getByRole('row').nth(1)).toContainText('当前版本');
    await expect(history.getByRole('row').nth(1)).toContainText('第 2 版');
    await expect(history.getByRole('row').nth(2)).toContainText('随督查提供');
    // Saving again without a change makes no version 3.
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect(page.getByText('没有改动，未生成新版本。')).toBeVisible();
    await page.getByRole('menuitem', { name: '检查表模板' }).click();
    await expect(row).toContainText('第 2 版');
    await expect(row).toContainText('内置，已修改');
    await expect(row).toContainText('满分 105');

    // The visit filled with version 1 still shows version 1, and its answers.
    await goToRoute(page, filledVisit);
    await expect(page.getByText(`${DUST} · v1`)).toBeVisible();
    await expect(page.getByRole('group', { name: 'PM2.5读数' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: '雾炮、喷淋设施正常运行' })).toHaveCount(0);
    await expect(
      page.getByRole('group', { name: '工地周边100%围挡' }).getByRole('radio', { name: '否' }),
    ).toBeChecked();
    await expect(page.getByRole('spinbutton', { name: '在线监测PM10读数' })).toHaveValue('86');
    await expect(page.getByTestId('checklist-score')).toHaveText('得分 12.5');

    // A visit started now gets version 2.
    await startVisitOf(page, PROJECT);
    expect(new URL(page.url()).hash).not.toBe(filledVisit);
    await chooseOption(page, '选择检查表', DUST);
    await page.getByRole('button', { name: '添加检查表' }).click();
    await expect(page.getByText(`${DUST} · v2`)).toBeVisible();
    await expect(page.getByRole('spinbutton', { name: 'PM2.5读数' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'PM2.5读数' })).toContainText('μg/m³');
    await page
      .getByRole('group', { name: '雾炮、喷淋设施正常运行' })
      .getByText('是', { exact: true })
      .click();
    await page.getByRole('button', { name: '保存检查表' }).click();
    await expect(page.getByTestId('checklist-score')).toHaveText('得分 5');
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('makes a new template, saves a second version, and copies a built-in', async ({ app }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('menuitem', { name: 'Checklist templates' }).click();
    await expect(page.getByRole('row').filter({ hasText: DUST })).toContainText('Built-in');

    await page.getByRole('button', { name: 'New template', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'New checklist template' })).toBeVisible();
    await page.getByLabel('Template name').fill('Night works');
    await expect(page.getByRole('textbox', { name: 'Section 1 title' })).toHaveValue('Section 1');
    await page.getByRole('textbox', { name: 'Section 1 title' }).fill('Permits');
    await page.getByRole('textbox', { name: 'Section 1 item 1 text' }).fill('Night-work permit posted');
    await page.getByRole('spinbutton', { name: 'Section 1 item 1 score' }).fill('10');
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect(page.getByRole('textbox', { name: 'Section 2 title' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Readings');
    await page.getByRole('textbox', { name: 'Section 2 item 1 text' }).fill('Noise at the boundary');
    await chooseOption(page, 'Section 2 item 1 answer kind', 'Number (with unit)');
    await page.getByRole('textbox', { name: 'Section 2 item 1 unit' }).fill('dB');
    await page.getByRole('checkbox', { name: 'Section 2 item 1 required' }).uncheck();
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByText('Template saved (version 1)')).toBeVisible();
    await expect(page.getByTestId('template-version')).toHaveText('Version 1');

    await page.getByRole('button', { name: 'Move section 2 up' }).click();
    await expect(page.getByRole('textbox', { name: 'Section 1 title' })).toHaveValue('Readings');
    // A section keeps its last item.
    await expect(page.getByRole('button', { name: 'Remove section 2 item 1' })).toBeDisabled();
    await page.getByRole('button', { name: 'Add an item to section 2' }).click();
    await page.keyboard.type('Lighting on the works');
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await expect(page.getByText('Saved as version 2')).toBeVisible();
    await expect(page.getByTestId('template-version')).toHaveText('Version 2');
    await expect(page.getByRole('table', { name: 'Versions' }).getByRole('row')).toHaveCount(3);
    await expect(page.getByTestId('template-summary')).toHaveText('Items: 3 · Out of 10');
    await screenshotEditor(page, testInfo.outputPath('checklist-editor.en.png'));

    await page.getByRole('button', { name: 'Back to templates' }).click();
    // Scoped to the list: the editor's own Versions table names the template too while it unmounts.
    const night = page
      .getByRole('table', { name: 'Checklist templates' })
      .getByRole('row')
      .filter({ hasText: 'Night works' });
    await expect(night).toContainText('Version 2');
    await expect(night).toContainText('Custom');

    await page
      .getByRole('row')
      .filter({ hasText: '项目审批手续' })
      .getByRole('button', { name: 'Copy as new template' })
      .click();
    await expect(page.getByLabel('Template name')).toHaveValue('项目审批手续 (copy)');
    await page.getByRole('button', { name: 'Save template' }).click();
    // The newest notice: the first template's "version 1" notice may still be fading out.
    await expect(page.getByText('Template saved (version 1)').last()).toBeVisible();
    await page.getByRole('button', { name: 'Back to templates' }).click();
    const templates = page.getByRole('table', { name: 'Checklist templates' });
    await expect(templates.getByRole('row').filter({ hasText: '项目审批手续 (copy)' })).toContainText(
      'Custom',
    );
    await expect(templates.getByRole('row').filter({ hasText: '项目审批手续' }).first()).toContainText(
      'Version 1',
    );
  });
});

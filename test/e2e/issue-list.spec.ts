// The issue list (问题清单) as an office uses it: filters in the address, sorting, a saved filter,
// bulk actions on ticked rows, and "New issue". Expected counts are worked out from the rows stored
// in IndexedDB by plain passes, never typed in.
import type { Page } from '@playwright/test';
import type { Issue } from '../../shared/domain/issue';
import { chooseOption, fillDate } from './support/antd';
import { expect, test } from './support/fixtures';
import { storedRows } from './support/stored-rows';

async function loadSample(page: Page, load: string, menu: string, list: string) {
  await page.getByRole('button', { name: load }).click();
  await page.getByRole('menuitem', { name: menu }).click({ timeout: 120_000 });
  await expect(page.getByRole('table', { name: list })).toBeVisible({ timeout: 60_000 });
}

const liveIssues = async (page: Page) =>
  (await storedRows<Issue>(page, 'issues')).filter((i) => i._deleted !== true);

/** The data rows of the list in view (the header row has aria-rowindex 1). */
const dataRows = (page: Page, list: string) =>
  page.getByRole('table', { name: list }).locator('[role="row"][data-index]');

test.describe('in Chinese', () => {
  test('filters, sorts, saves a filter, flags ticked issues for the joint meeting and records a new issue', async ({
    app,
  }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    const list = '问题清单';
    await loadSample(page, '加载示例督查', '问题清单', list);
    const count = page.getByTestId('issue-count');
    const all = await liveIssues(page);
    await expect(count).toHaveText(`共 ${all.length} 个问题`);

    // Severity: the filter shows in the address and the count is that of the stored rows.
    await chooseOption(page, '严重程度', '较重');
    const serious = all.filter((i) => i.severity === 'serious');
    await expect(count).toHaveText(`共 ${serious.length} 个问题`);
    expect(page.url()).toContain('severity=serious');

    // Sorting by title, descending, from the column header.
    const header = page.getByRole('columnheader', { name: '问题', exact: true });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const collator = new Intl.Collator('zh-CN');
    const firstTitle = [...serious].sort((a, b) => collator.compare(b.title, a.title))[0]?.title ?? '';
    await expect(dataRows(page, list).first()).toContainText(firstTitle);

    // Saved under a name, cleared, and opened again from the saved filters.
    await page.getByRole('button', { name: '保存筛选' }).click();
    const naming = page.getByRole('dialog', { name: '保存筛选' });
    await naming.getByRole('button', { name: /确\s*认|OK/ }).click();
    await expect(naming.getByText('请填写名称。')).toBeVisible();
    await naming.getByLabel('名称').fill('较重问题');
    await naming.getByRole('button', { name: /确\s*认|OK/ }).click();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(count).toHaveText(`共 ${all.length} 个问题`);
    await chooseOption(page, '已保存的筛选', '较重问题');
    await expect(count).toHaveText(`共 ${serious.length} 个问题`);
    await expect(dataRows(page, list).first()).toContainText(firstTitle);

    // The open issues not yet flagged: tick the first, Shift-tick the third, flag the three.
    await page.goto(`${page.url().split('#')[0]}#/issues?status=issued,acknowledged,inProgress`);
    const open = all.filter((i) => ['issued', 'acknowledged', 'inProgress'].includes(i.status));
    await expect(count).toHaveText(`共 ${open.length} 个问题`);
    const rows = dataRows(page, list);
    const titles = await Promise.all(
      [0, 1, 2].map((n) => rows.nth(n).locator('[role="cell"]').nth(1).innerText()),
    );
    await rows.nth(0).getByRole('checkbox').check();
    await rows
      .nth(2)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selected-count')).toHaveText('已选 3 个问题');
    await page.getByRole('button', { name: '列入调度会' }).click();
    const bulk = page.getByRole('dialog', { name: '列入调度会' });
    await bulk.getByLabel('经办人').fill('督查组');
    await bulk.getByRole('button', { name: '确认' }).click();
    await expect(bulk).toBeHidden();
    const flaggedBefore = open.filter((i) => titles.includes(i.title) && i.needsCoordination).length;
    await expect(page.getByText(`已处理 ${3 - flaggedBefore} 个问题。`)).toBeVisible();
    const after = await liveIssues(page);
    for (const title of titles) expect(after.find((i) => i.title === title)?.needsCoordination).toBe(true);
    // The box follows the address, which changes a moment after the click.
    const coordination = page.getByRole('checkbox', { name: '需调度会协调' });
    await coordination.click();
    await expect(coordination).toBeChecked();
    await expect(count).toHaveText(
      `共 ${after.filter((i) => ['issued', 'acknowledged', 'inProgress'].includes(i.status) && i.needsCoordination).length} 个问题`,
    );
    await page.screenshot({ path: testInfo.outputPath('issue-list-zh-CN.png') });

    // A new issue, entered on the list: a draft with its first history entry.
    await page.getByRole('button', { name: '新建问题' }).click();
    const create = page.getByRole('dialog', { name: '新建问题' });
    await create.getByRole('button', { name: /确\s*认/ }).click();
    await expect(create.getByText('必填').first()).toBeVisible();
    await chooseOption(page, '项目', '思茅', create);
    await create.getByLabel('问题', { exact: true }).fill('群众来信反映夜间施工噪声扰民');
    await create.getByLabel('记录人').fill('王督查');
    await create.getByRole('button', { name: /确\s*认/ }).click();
    await expect(page.getByRole('heading', { name: '群众来信反映夜间施工噪声扰民' })).toBeVisible();
    await expect(page.getByTestId('issue-status')).toHaveText('待下发');
    expect((await liveIssues(page)).length).toBe(all.length + 1);
  });
});

test.describe('in English', () => {
  test.use({ systemLocale: 'en-US', query: 'lang=en' });

  test('sets a new deadline on ticked issues, refusing it without a reason, and opens a list from its address', async ({
    app,
  }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    const list = 'Issue list';
    await loadSample(page, 'Load sample campaign', 'Issues', list);
    const all = await liveIssues(page);
    const base = page.url().split('#')[0];

    await page.goto(`${base}#/issues?card=red&sort=severity:desc`);
    const count = page.getByTestId('issue-count');
    const today = await page.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const red = all.filter((i) => i.status !== 'closed' && i.deadline < today);
    await expect(count).toHaveText(`${red.length} issues`);
    await expect(page.getByRole('columnheader', { name: /Severity/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await page.getByRole('checkbox', { name: `Select all ${red.length} issues` }).check();
    await page.getByRole('button', { name: 'New deadline' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deadline' });
    await dialog.getByLabel('Handled by').fill('Supervision team');
    await fillDate(dialog.getByLabel('New deadline'), '2027-01-15');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Give the reason.');
    await dialog.getByLabel('Note').fill('Joint meeting of 28 November: all overdue items to mid-January');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${red.length} issues done.`)).toBeVisible();
    // No longer overdue: the red list is empty, and each moved issue has the new deadline.
    await expect(count).toHaveText('0 issues');
    const moved = (await liveIssues(page)).filter((i) => red.some((r) => r.id === i.id));
    expect(moved.every((i) => i.deadline === '2027-01-15')).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('issue-list-en.png') });

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'New issue' }).click();
    await expect(page.getByRole('dialog', { name: 'New issue' })).toBeVisible();
  });
});

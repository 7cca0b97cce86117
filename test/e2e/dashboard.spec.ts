// The dashboard (统计) over the sample campaign: a county's figures agree with the stored issues; closing
// one of its issues on the issue page moves its rectified count and rate by exactly one issue; a figure
// opens the list of the issues it counts; editing a target turns its verdict; in both languages.
import type { Page } from '@playwright/test';
import type { Issue } from '../../shared/domain/issue';
import type { Region } from '../../shared/domain/organization';
import { issuesEn } from '../../renderer/i18n/sections/issues.en';
import { issuesZhCN } from '../../renderer/i18n/sections/issues.zh-CN';
import { expect, test } from './support/fixtures';
import { closeOutByReinspection, ZH_REINSPECT } from './support/reinspect';
import { storedRows } from './support/stored-rows';

/** The list's count line for n issues, as the issues section of each language writes it. */
const listCount = (template: string, n: number) => template.replace('{{count}}', String(n));

/** A rate as the dashboard writes it, worked out here from the counts. */
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

async function openDashboard(page: Page, load: string, ledger: string, menu: string) {
  await page.getByRole('button', { name: load }).click();
  // Generating the sample's photos takes a while on a busy machine.
  await expect(page.getByRole('table', { name: ledger })).toBeVisible({ timeout: 150_000 });
  await page.getByRole('menuitem', { name: menu }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

/** The live issues and, for a county, the regions that roll up into it, from the stored rows. */
async function stored(page: Page) {
  const issues = (await storedRows<Issue>(page, 'issues')).filter((i) => i._deleted !== true);
  const regions = await storedRows<Region>(page, 'regions');
  const countyOf = (regionId: string) => {
    const region = regions.find((r) => r.id === regionId);
    return region?.level === 'town' ? region.parentId : region?.level === 'county' ? region.id : null;
  };
  const inCounty = (countyId: string) => issues.filter((i) => countyOf(i.regionId) === countyId);
  return { issues, regions, countyOf, inCounty };
}

const figure = async (page: Page, testId: string) => Number(await page.getByTestId(testId).innerText());

test.describe('in Chinese', () => {
  test('moves a county’s figures by one close-out, opens the lists behind them and judges by the targets', async ({
    app,
  }, testInfo) => {
    test.setTimeout(240_000);
    const { page } = app;
    await openDashboard(page, '加载示例督查', '项目台账', '统计');
    await expect(page.getByTestId('ranking-rule')).toContainText('按整改率从高到低排名');

    // An issue awaiting re-inspection, and its county.
    const before = await stored(page);
    const issue = before.issues.find(
      (i) => i.status === 'awaitingReinspection' && before.countyOf(i.regionId),
    );
    if (!issue) throw new Error('the sample has no issue awaiting re-inspection in a county');
    const countyId = before.countyOf(issue.regionId) as string;
    const countyIssues = before.inCounty(countyId);

    // The county's figures are the stored issues counted plainly.
    const found = await figure(page, `figure-${countyId}-found`);
    const rectified = await figure(page, `figure-${countyId}-rectified`);
    expect(found).toBe(countyIssues.length);
    expect(rectified).toBe(countyIssues.filter((i) => i.status === 'closed').length);
    await expect(page.getByTestId(`figure-${countyId}-rate`)).toHaveText(percent(rectified, found));
    const countyName = before.regions.find((r) => r.id === countyId)?.name ?? '';
    await expect(page.getByRole('link', { name: `${countyName} 发现问题：${found}` }).first()).toBeVisible();
    await expect(page.getByTestId('county-chart')).toHaveAttribute('aria-label', new RegExp(countyName));
    await page.screenshot({ path: testInfo.outputPath('dashboard-zh-CN.png'), fullPage: true });

    // Close it out as a user does: its re-inspection, with an after photo, signed and finalized.
    await page.evaluate((id) => (location.hash = `#/issues/${id}`), issue.id);
    await expect(page.getByRole('heading', { name: issue.title })).toBeVisible();
    await closeOutByReinspection(page, ZH_REINSPECT, issue.title, {
      inspector: '王建国',
      photo: { name: 'AFTER_D1.jpg', seed: 91 },
      remarks: '复查合格',
    });

    // Back on the dashboard: one more rectified, the same found, the rate worked out by hand.
    await page.getByRole('menuitem', { name: '统计' }).click();
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId(`figure-${countyId}-rectified`)).toHaveText(String(rectified + 1));
    await expect(page.getByTestId(`figure-${countyId}-found`)).toHaveText(String(found));
    await expect(page.getByTestId(`figure-${countyId}-rate`)).toHaveText(percent(rectified + 1, found));

    // A figure opens the list of the issues it counts.
    await page.getByTestId(`figure-${countyId}-rectified`).click();
    await expect(page).toHaveURL(/#\/issues\?.*status=closed/);
    await expect(page.getByTestId('issue-count')).toHaveText(listCount(issuesZhCN.list.count, rectified + 1));
    await page.goBack();
    await page.getByTestId(`figure-${countyId}-found`).click();
    await expect(page.getByTestId('issue-count')).toHaveText(listCount(issuesZhCN.list.count, found));
    await page.goBack();
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true');

    // A target: first a value the form refuses, then one below the figure (met), then one above it.
    const rateCell = page.getByTestId('target-total-investment-rate');
    const verdict = page.getByTestId('target-total-investment-verdict');
    const rate = Number((await rateCell.innerText()).replace('%', ''));
    expect(rate).toBeGreaterThan(1);
    expect(rate).toBeLessThan(99);
    const setTarget = async (value: string) => {
      await page.getByRole('button', { name: '修改目标' }).click();
      const form = page.getByRole('dialog', { name: /年目标任务/ });
      await form.getByLabel('年度投资完成率目标（%）').fill(value);
      await form.getByRole('button', { name: '保存' }).click();
      return form;
    };
    const refused = await setTarget('120');
    await expect(refused.getByText('请填写 0 到 100 之间的数。')).toBeVisible();
    await refused.getByRole('button', { name: '取消' }).click();
    await expect(refused).toBeHidden();

    await expect(await setTarget(String(Math.floor(rate) - 1))).toBeHidden();
    await expect(verdict).toHaveText('达标');
    await expect(page.getByTestId('targets-summary')).toContainText(
      `年度投资完成率 ≥ ${Math.floor(rate) - 1}%`,
    );
    await expect(await setTarget(String(Math.ceil(rate) + 1))).toBeHidden();
    await expect(verdict).toHaveText('未达标');
    await expect(rateCell).toHaveText(`${rate.toFixed(1)}%`);
    await page.screenshot({ path: testInfo.outputPath('dashboard-targets-zh-CN.png'), fullPage: true });

    // A county's project figure opens the ledger on its projects (towns included) …
    const projects = (await storedRows<{ regionId: string }>(page, 'projects')).filter((p) => !p._deleted);
    const countyProjects = projects.filter((p) => before.countyOf(p.regionId) === countyId).length;
    await page.getByTestId(`target-${countyId}-investment-rate`).click();
    await expect(page.getByText(`筛选出 ${countyProjects} 个，共 ${projects.length} 个项目`)).toBeVisible();
    await page.goBack();
    // … and an expanded row names the projects below target, each opening its project.
    await page.locator('tr[data-row-key="total"] .ant-table-row-expand-icon').click();
    const below = page.getByTestId('below-total').getByRole('link').first();
    const name = await below.innerText();
    await below.click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('names its figures and opens the overdue issues of a county and a unit', async ({ app }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    await openDashboard(page, 'Load sample campaign', 'Project ledger', 'Dashboard');
    await expect(page.getByTestId('ranking-rule')).toContainText('by rectification rate, highest first');
    await expect(page.getByRole('columnheader', { name: 'Overdue (red card)' }).first()).toBeVisible();

    // The county with the most overdue issues: its figure is the stored open issues past their deadline.
    const { regions, inCounty } = await stored(page);
    const today = await page.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const overdueOf = (countyId: string) =>
      inCounty(countyId).filter((i) => i.status !== 'closed' && i.deadline < today).length;
    const counties = regions.filter((r) => r.level === 'county');
    const county = counties.reduce((a, b) => (overdueOf(b.id) > overdueOf(a.id) ? b : a));
    const overdue = overdueOf(county.id);
    expect(overdue).toBeGreaterThan(0);
    await expect(
      page.getByRole('link', { name: `${county.name} Overdue (red card): ${overdue}` }).first(),
    ).toBeVisible();
    await expect(page.getByTestId('trend-chart')).toHaveAttribute('aria-label', /found/);
    await page.screenshot({ path: testInfo.outputPath('dashboard-en.png'), fullPage: true });

    await page.getByTestId(`figure-${county.id}-overdue`).click();
    await expect(page).toHaveURL(/card=red/);
    await expect(page.getByTestId('issue-count')).toHaveText(listCount(issuesEn.list.count, overdue));
    await page.goBack();

    // The unit with the most issues: an issue naming it counts for it, whatever other units it names.
    const { issues } = await stored(page);
    const foundOf = (unitId: string) => issues.filter((i) => i.responsibleUnitIds.includes(unitId)).length;
    const unitIds = [...new Set(issues.flatMap((i) => i.responsibleUnitIds))];
    const unit = unitIds.reduce((a, b) => (foundOf(b) > foundOf(a) ? b : a));
    await expect(page.getByTestId(`figure-${unit}-found`)).toHaveText(String(foundOf(unit)));
    await page.getByTestId(`figure-${unit}-found`).click();
    await expect(page).toHaveURL(new RegExp(`unit=${unit}`));
    await expect(page.getByTestId('issue-count')).toHaveText(listCount(issuesEn.list.count, foundOf(unit)));
  });

  test('the targets form writes only what was changed, and asks about a target another window changed', async ({
    app,
  }, testInfo) => {
    test.skip(app.host.kind === 'electron', 'a second tab of the same profile needs the browser host');
    const { page } = app;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'Edit targets' }).click();
    const form = page.getByRole('dialog', { name: /^Targets for/ });
    await expect(form.getByLabel('Start rate target (%)')).toHaveValue('100');

    // Another window of the same laptop sets the start rate and the funding target meanwhile.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Edit targets' }).click();
    const otherForm = other.getByRole('dialog', { name: /^Targets for/ });
    await otherForm.getByLabel('Start rate target (%)').fill('90');
    await otherForm.getByLabel('Funding arrival target (%)').fill('95');
    await otherForm.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(otherForm).toBeHidden();
    type Row = { startRate: number; fundingArrivalShare: number; annualInvestmentShare: number };
    type Clocks = { _clocks: Record<string, string> };
    const [theirs] = await storedRows<Row & Clocks>(page, 'targets');
    expect(theirs).toMatchObject({ startRate: 0.9, fundingArrivalShare: 0.95 });

    // This window, opened before, changes the investment target and the start rate.
    await form.getByLabel('Annual investment completion target (%)').fill('70');
    await form.getByLabel('Start rate target (%)').fill('80');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('dialog', { name: 'Changed while you were editing' });
    await expect(conflict).toBeVisible();
    await expect(conflict.locator('[data-testid^="conflict-theirs-"]')).toHaveCount(1);
    await expect(conflict.getByTestId('conflict-theirs-startRate')).toContainText('90');
    await expect(conflict.getByTestId('conflict-mine-startRate')).toContainText('80');
    await page.screenshot({ path: testInfo.outputPath('targets-conflict-en.png') });
    await conflict.getByRole('radio', { name: 'Keep theirs' }).check();
    await conflict.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(form).toBeHidden();

    const [stored] = await storedRows<Row & Clocks>(page, 'targets');
    expect(stored).toMatchObject({ startRate: 0.9, fundingArrivalShare: 0.95, annualInvestmentShare: 0.7 });
    // The targets this window did not change are not written again: same clocks as the other window's.
    expect(stored?._clocks.fundingArrivalShare).toBe(theirs?._clocks.fundingArrivalShare);
    expect(stored?._clocks.startRate).toBe(theirs?._clocks.startRate);
  });
});

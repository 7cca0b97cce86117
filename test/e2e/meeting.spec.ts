// The joint-meeting list (调度会) and the reminders in the header, on the sample campaign: the issues
// flagged for coordination under each of their departments, a county filter, print media without the
// app's frame and with every request written out, the day's notice, and the bell opening the issue
// list of the red or yellow cards. Every expected figure is worked out from the rows in IndexedDB.
import type { Page } from '@playwright/test';
import { addDays, localDate } from '../../shared/domain/dates';
import type { Issue } from '../../shared/domain/issue';
import type { Region, Unit } from '../../shared/domain/organization';
import { chooseOption } from './support/antd';
import { type DuchaApp, expect, test } from './support/fixtures';

/** Every row of a store, straight from IndexedDB. */
function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (storeName) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('ducha');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
    store,
  );
}

type Row<T> = T & { _deleted?: boolean };

/** What the meeting page and the bell should show, worked out from the stored rows by plain passes. */
async function expected(page: Page) {
  const issues = (await storedRows<Row<Issue>>(page, 'issues')).filter((i) => i._deleted !== true);
  const units = await storedRows<Unit>(page, 'units');
  const regions = await storedRows<Region>(page, 'regions');
  const today = localDate(Date.now()); // the office's zone: China Standard Time by default
  const open = issues.filter((i) => i.status !== 'closed');
  const forMeeting = open.filter((i) => i.needsCoordination);
  const byUnit = new Map<string, string[]>();
  for (const issue of forMeeting)
    for (const unitId of new Set(issue.responsibleUnitIds))
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), issue.id]);
  return {
    forMeeting,
    byUnit,
    units: new Map(units.map((u) => [u.id, u])),
    regions,
    overdue: open.filter((i) => i.deadline < today).length,
    dueSoon: open.filter((i) => i.deadline >= today && i.deadline <= addDays(today, 3)).length,
  };
}

/** The groups on the page in their order: each unit's id and the ids of its rows. */
function shownGroups(page: Page) {
  return page.getByTestId('meeting-group').evaluateAll((sections) =>
    sections.map((s) => ({
      unitId: s.getAttribute('data-unit-id') ?? '',
      issueIds: [...s.querySelectorAll('[data-testid="meeting-item"]')].map(
        (row) => row.getAttribute('data-issue-id') ?? '',
      ),
    })),
  );
}

const sorted = (ids: readonly string[]) => [...ids].sort();
const wholeNumber = (n: number) => new RegExp(`(^|\\D)${String(n)}(\\D|$)`);

/**
 * Loads the sample campaign and starts the app again on it. The day's notice is for a start that opens
 * on data: there is none right after the first-run page, and one after the restart.
 */
async function restartOnSample(app: DuchaApp, l: { load: string; ledger: string; reminders: string }) {
  await app.page.getByRole('button', { name: l.load }).click();
  // Generating and storing the sample takes 10–30 s, much longer when the machine is busy.
  await expect(app.page.getByRole('table', { name: l.ledger })).toBeVisible({ timeout: 120_000 });
  await expect(app.page.getByRole('button', { name: l.reminders })).toHaveAttribute('data-overdue', /^\d+$/);
  await expect(app.page.getByTestId('reminder-notice')).toHaveCount(0);
  return app.reopen();
}

/** The groups match the stored issues: one per unit, the right issues in each, most issues first. */
async function expectGroups(page: Page, byUnit: Map<string, string[]>) {
  await expect(page.getByTestId('meeting-group')).toHaveCount(byUnit.size);
  const groups = await shownGroups(page);
  expect(new Map(groups.map((g) => [g.unitId, sorted(g.issueIds)]))).toEqual(
    new Map([...byUnit].map(([unit, ids]) => [unit, sorted(ids)])),
  );
  const counts = groups.map((g) => g.issueIds.length);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  return groups;
}

test.describe('in Chinese', () => {
  test('lists the coordination issues under their departments, filters by county, prints without the app’s frame, and reminds of red and yellow cards', async ({
    app,
  }, testInfo) => {
    test.setTimeout(240_000);
    const page = await restartOnSample(app, { load: '加载示例督查', ledger: '项目台账', reminders: '提醒' });
    const data = await expected(page);
    expect(data.byUnit.size).toBeGreaterThan(1);

    // The day's notice, once, with the counts.
    const notice = page.getByTestId('reminder-notice');
    await expect(notice).toContainText(
      `逾期未整改的问题 ${String(data.overdue)} 条，3天内到期的问题 ${String(data.dueSoon)} 条。`,
    );
    await expect(notice).toHaveCount(1);
    await notice.locator('.ant-notification-notice-close').click();

    await page.getByRole('menuitem', { name: '调度会' }).click();
    await expect(
      page.getByRole('heading', { name: '重点项目联席会议（调度会）待协调问题清单' }),
    ).toBeVisible();
    const groups = await expectGroups(page, data.byUnit);
    await expect(page.getByTestId('meeting-totals')).toContainText(
      `共 ${String(data.forMeeting.length)} 个问题，涉及 ${String(data.byUnit.size)} 个责任单位`,
    );

    // The first group is headed by its unit's full name and count; every issue there is a link.
    const first = groups[0];
    if (!first) throw new Error('no group shown');
    const firstSection = page.getByRole('region', { name: data.units.get(first.unitId)?.name ?? '' });
    await expect(firstSection.getByTestId('meeting-group-count')).toHaveText(
      `${String(first.issueIds.length)} 个问题`,
    );
    // An issue held by two units names the other one in each group.
    const shared = data.forMeeting.find((i) => new Set(i.responsibleUnitIds).size > 1);
    if (shared) {
      const [a, b] = [...new Set(shared.responsibleUnitIds)];
      const row = page.locator(`[data-unit-id="${a ?? ''}"] [data-issue-id="${shared.id}"]`);
      await expect(row).toContainText(`共同责任单位：${data.units.get(b ?? '')?.shortName ?? ''}`);
    }

    // The Print button prints.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On screen the longer requests to the meeting are cut short; in print none is, and the frame is gone.
    const asks = page.locator('[data-testid="meeting-item"] td:last-child > div');
    const cut = () =>
      asks.evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
    await expect.poll(cut).toBeGreaterThan(0);
    await page.screenshot({ path: testInfo.outputPath('meeting-zh-CN.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: '提醒' })).toBeHidden();
    await expect(page.getByRole('button', { name: '打印', exact: true })).toBeHidden();
    await expect(page.getByRole('combobox', { name: '县(区)' })).toBeHidden();
    await expect(page.getByTestId('meeting-item')).toHaveCount(
      [...data.byUnit.values()].reduce((n, ids) => n + ids.length, 0),
    );
    await expect.poll(cut).toBe(0);
    await page.screenshot({ path: testInfo.outputPath('meeting-print-zh-CN.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A county: only its issues, still grouped by unit.
    const counties = new Map(data.regions.map((r) => [r.id, r]));
    const countyOf = (regionId: string) => {
      const region = counties.get(regionId);
      return region?.level === 'town' ? counties.get(region.parentId ?? '') : region;
    };
    const county = countyOf(data.forMeeting[0]?.regionId ?? '');
    if (!county) throw new Error('the first coordination issue has no county');
    const inCounty = new Map<string, string[]>();
    for (const issue of data.forMeeting.filter((i) => countyOf(i.regionId)?.id === county.id))
      for (const unitId of new Set(issue.responsibleUnitIds))
        inCounty.set(unitId, [...(inCounty.get(unitId) ?? []), issue.id]);
    await chooseOption(page, '县(区)', county.name);
    await expect(page.getByText(`范围：${county.name}`)).toBeVisible();
    await expectGroups(page, inCounty);

    // An issue opens its page.
    const issue = data.forMeeting.find((i) => countyOf(i.regionId)?.id === county.id);
    await page
      .getByRole('link', { name: issue?.title ?? '' })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: issue?.title ?? '' })).toBeVisible();

    // Pages came and went: the day's notice was given once.
    await expect(notice).toHaveCount(0);

    // The bell counts the red and yellow cards and opens the list of the red ones.
    const bell = page.getByRole('button', { name: '提醒' });
    await expect(bell).toHaveAttribute('data-overdue', String(data.overdue));
    await expect(bell).toHaveAttribute('data-due-soon', String(data.dueSoon));
    await expect(page.locator('.ant-badge').filter({ has: bell }).locator('.ant-badge-count')).toHaveText(
      String(data.overdue + data.dueSoon),
    );
    await bell.click();
    await expect(page.getByTestId('reminder-overdue')).toHaveText(`逾期 ${String(data.overdue)} 条`);
    await expect(page.getByTestId('reminder-due-soon')).toHaveText(`3天内到期 ${String(data.dueSoon)} 条`);
    await page.screenshot({ path: testInfo.outputPath('reminders-zh-CN.png') });
    await page.getByRole('button', { name: '查看全部逾期问题' }).click();
    await expect(page).toHaveURL(/#\/issues\?card=red$/);
    await expect(page.getByTestId('issue-count')).toHaveText(wholeNumber(data.overdue));
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('names the page, its groups and the reminders as the automation contract does', async ({
    app,
  }, testInfo) => {
    test.setTimeout(240_000);
    const page = await restartOnSample(app, {
      load: 'Load sample campaign',
      ledger: 'Project ledger',
      reminders: 'Reminders',
    });
    const data = await expected(page);
    await expect(page.getByTestId('reminder-notice')).toContainText(
      `Overdue: ${String(data.overdue)} · Due within 3 days: ${String(data.dueSoon)}`,
    );

    await page.getByRole('menuitem', { name: 'Joint meeting' }).click();
    await expect(
      page.getByRole('heading', { name: 'Joint meeting on key projects: issues for coordination' }),
    ).toBeVisible();
    await expectGroups(page, data.byUnit);
    const single = [...data.byUnit].find(([, ids]) => ids.length === 1);
    expect(single).toBeDefined();
    await expect(
      page.locator(`[data-unit-id="${single?.[0] ?? ''}"]`).getByTestId('meeting-group-count'),
    ).toHaveText('1 issue');
    await expect(page.getByTestId('meeting-totals')).toContainText(
      `Issues: ${String(data.forMeeting.length)} · Responsible units: ${String(data.byUnit.size)}`,
    );
    await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('meeting-en.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Reminders' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    const bell = page.getByRole('button', { name: 'Reminders' });
    await expect(bell).toHaveAttribute('data-overdue', String(data.overdue));
    await bell.click();
    await expect(page.getByTestId('reminder-due-soon')).toHaveText(
      `${String(data.dueSoon)} due within 3 days`,
    );
    await page.screenshot({ path: testInfo.outputPath('reminders-en.png') });
    await page.getByRole('button', { name: 'View all issues due soon' }).click();
    await expect(page).toHaveURL(/#\/issues\?card=yellow$/);
    await expect(page.getByTestId('issue-count')).toHaveText(wholeNumber(data.dueSoon));
  });
});

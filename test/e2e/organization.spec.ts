// A team of its own from nothing: after Start empty the set-up leads through the team and its 文号, a
// county not in the sample (孟连县) with a town, a new unit, two people and who works on this laptop;
// the header's "Working as" changes the person; everything is still there after a restart. In
// Chinese and in English.
import type { Page } from '@playwright/test';
import { chooseOption } from './support/antd';
import { expect, test } from './support/fixtures';
import {
  EN_SETUP as EN,
  rowOf,
  type SetupWords as Words,
  setUpFromNothing,
  ZH_SETUP as ZH,
} from './support/team-setup';

/** The header's "Working as" select, showing the person chosen or asking for one. */
const workingSelect = (page: Page, w: Words) =>
  page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: w.workingAs }) });

async function expectAllThere(page: Page, w: Words) {
  await page.getByRole('menuitem', { name: w.organization }).click();
  await expect(page.getByLabel(w.teamName, { exact: true })).toHaveValue('孟连督查组');
  await expect(page.getByLabel(w.authority, { exact: true })).toHaveValue('孟连县重点项目督查办公室');
  await expect(page.getByLabel(w.prefix, { exact: true })).toHaveValue('孟督');
  await expect(page.getByTestId('notice-number-preview')).toHaveText(w.preview);
  await page.getByRole('tab', { name: w.tabs.regions }).click();
  await expect(rowOf(page, '孟连县').first()).toBeVisible();
  await expect(rowOf(page, '娜允镇')).toBeVisible();
  await page.getByRole('tab', { name: w.tabs.units }).click();
  await expect(rowOf(page, '孟连县住建局')).toContainText('孟连住建');
  await page.getByRole('tab', { name: w.tabs.people }).click();
  await expect(rowOf(page, '张明')).toBeVisible();
  await expect(rowOf(page, '李华')).toContainText('13800000002');
}

for (const [language, w, query] of [
  ['Chinese', ZH, ''],
  ['English', EN, 'lang=en'],
] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ systemLocale: 'zh-CN', query });

    test('sets up a team of its own from nothing, chooses who works, and keeps it all after a restart', async ({
      app,
    }, testInfo) => {
      test.setTimeout(180_000);
      const { page } = app;
      await setUpFromNothing(page, w);

      // The header says who is working, and changes it.
      const working = page.getByRole('combobox', { name: w.workingAs });
      await expect(workingSelect(page, w)).toContainText('张明');
      await chooseOption(page, w.workingAs, '李华');
      await expectAllThere(page, w);

      // A retired person stays on the list, greyed and tagged, and is no longer offered.
      await rowOf(page, '张明').getByRole('button', { name: w.retire, exact: true }).click();
      await expect(rowOf(page, '张明')).toContainText(w.retired);
      await working.click();
      await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).not.toContainText(
        '张明',
      );
      await page.keyboard.press('Escape');

      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole('tab', { name: w.tabs.team }).click();
      await page.screenshot({ path: testInfo.outputPath(`organization-${query ? 'en' : 'zh'}.png`) });
      await page.getByRole('tab', { name: w.tabs.people }).click();
      await page.screenshot({ path: testInfo.outputPath(`organization-people-${query ? 'en' : 'zh'}.png`) });

      // After a restart: straight to the ledger, the same person working, the lists as they were.
      const reopened = await app.reopen();
      await expect(reopened.getByRole('heading', { name: w.ledger })).toBeVisible();
      await expect(workingSelect(reopened, w)).toContainText('李华');
      await expectAllThere(reopened, w);
      await expect(rowOf(reopened, '张明')).toContainText(w.retired);
    });
  });
}

test.describe('a set-up left half-way', () => {
  test.use({ systemLocale: 'zh-CN', query: 'lang=en' });

  test('opens again at the first step not yet done, and says nobody is working yet', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: EN.startEmpty }).click();
    await expect(page.getByRole('heading', { name: EN.setupTitle })).toBeVisible();
    await expect(workingSelect(page, EN)).toContainText(EN.chooseWorking);
    await page.getByLabel(EN.city, { exact: true }).fill('普洱市');
    await page.getByLabel(EN.authority, { exact: true }).fill('孟连县重点项目督查办公室');
    await page.getByLabel(EN.teamName, { exact: true }).fill('孟连督查组');
    await page.getByRole('button', { name: EN.saveTeam }).click();
    await expect(page.getByRole('button', { name: EN.addCounty, exact: true })).toBeVisible();

    const reopened = await app.reopen();
    await expect(reopened.getByRole('heading', { name: EN.setupTitle })).toBeVisible();
    // The team is saved, so the set-up opens at the counties.
    await expect(reopened.getByRole('button', { name: EN.addCounty, exact: true })).toBeVisible();
    await expect(reopened.getByRole('button', { name: EN.next, exact: true })).toBeDisabled();
  });
});

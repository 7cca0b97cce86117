// A team of its own from nothing: after Start empty the set-up leads through the team and its 文号, a
// county not in the sample (孟连县) with a town, a new unit, two people and who works on this laptop;
// the header's "Working as" changes the person; everything is still there after a restart. In
// Chinese and in English.
import type { Page } from '@playwright/test';
import { chooseOption } from './support/antd';
import { expect, test } from './support/fixtures';

interface Words {
  startEmpty: string;
  setupTitle: string;
  city: string;
  authority: string;
  teamName: string;
  prefix: string;
  nextNumber: string;
  saveTeam: string;
  addCounty: string;
  countyName: string;
  addTown: string;
  townName: string;
  duplicate: string;
  cancel: string;
  next: string;
  addUnit: string;
  unitName: string;
  shortName: string;
  kind: string;
  construction: string;
  county: string;
  save: string;
  addPerson: string;
  personName: string;
  post: string;
  phone: string;
  thisIsMe: string;
  finish: string;
  ledger: string;
  workingAs: string;
  chooseWorking: string;
  organization: string;
  tabs: { team: string; regions: string; units: string; people: string };
  retire: string;
  retired: string;
  preview: RegExp;
}

const ZH: Words = {
  startEmpty: '从空白开始',
  setupTitle: '设置督查组',
  city: '所在市',
  authority: '发文机关',
  teamName: '督查组名称',
  prefix: '文号前缀',
  nextNumber: '今年下一个编号',
  saveTeam: '保存督查组',
  addCounty: '添加县区',
  countyName: '县区名称',
  addTown: '添加乡镇',
  townName: '乡镇名称',
  duplicate: '“孟连县”已在名单中',
  cancel: '取消',
  next: '下一步',
  addUnit: '添加单位',
  unitName: '全称',
  shortName: '简称',
  kind: '类别',
  construction: '住建',
  county: '所属县区',
  save: '保存',
  addPerson: '添加人员',
  personName: '姓名',
  post: '职务',
  phone: '电话',
  thisIsMe: '这台电脑上的经办人',
  finish: '完成',
  ledger: '项目台账',
  workingAs: '当前经办人',
  chooseWorking: '请选择经办人',
  organization: '组织',
  tabs: { team: '督查组', regions: '县区/乡镇', units: '责任单位', people: '人员' },
  retire: '停用',
  retired: '已停用',
  preview: /下一份整改通知书文号：孟督〔\d{4}〕5号/,
};

const EN: Words = {
  startEmpty: 'Start empty',
  setupTitle: 'Set up your team',
  city: 'City',
  authority: 'Issuing authority',
  teamName: 'Team name',
  prefix: 'Document number prefix',
  nextNumber: 'Next number this year',
  saveTeam: 'Save team',
  addCounty: 'Add county',
  countyName: 'County name',
  addTown: 'Add town',
  townName: 'Town name',
  duplicate: '“孟连县” is already on the list',
  cancel: 'Cancel',
  next: 'Next',
  addUnit: 'Add unit',
  unitName: 'Full name',
  shortName: 'Short name',
  kind: 'Kind',
  construction: 'Housing and construction',
  county: 'County',
  save: 'Save',
  addPerson: 'Add person',
  personName: 'Name',
  post: 'Post',
  phone: 'Phone',
  thisIsMe: 'Who works on this laptop',
  finish: 'Finish',
  ledger: 'Project ledger',
  workingAs: 'Working as',
  chooseWorking: 'Choose who is working',
  organization: 'Organization',
  tabs: { team: 'Team', regions: 'Counties and towns', units: 'Responsible units', people: 'People' },
  retire: 'Retire',
  retired: 'Retired',
  preview: /Next rectification notice number: 孟督〔\d{4}〕5号/,
};

/** The header's "Working as" select, showing the person chosen or asking for one. */
const workingSelect = (page: Page, w: Words) =>
  page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: w.workingAs }) });

/** A row of one of the organization tables, by the text in it. */
const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

async function addPerson(page: Page, w: Words, name: string, post: string, phone: string) {
  await page.getByRole('button', { name: w.addPerson, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: w.addPerson });
  await dialog.getByLabel(w.personName, { exact: true }).fill(name);
  await dialog.getByLabel(w.post, { exact: true }).fill(post);
  await dialog.getByLabel(w.phone, { exact: true }).fill(phone);
  await dialog.getByLabel(w.personName, { exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, name)).toBeVisible();
}

async function setUpFromNothing(page: Page, w: Words) {
  await page.getByRole('button', { name: w.startEmpty }).click();
  await expect(page.getByRole('heading', { name: w.setupTitle })).toBeVisible();

  // Step 1: the team, its issuing authority and its numbers.
  await page.getByLabel(w.city, { exact: true }).fill('普洱市');
  await page.getByLabel(w.authority, { exact: true }).fill('孟连县重点项目督查办公室');
  await page.getByLabel(w.teamName, { exact: true }).fill('孟连督查组');
  await page.getByLabel(w.prefix, { exact: true }).fill('孟督');
  await page.getByLabel(w.nextNumber, { exact: true }).fill('5');
  await expect(page.getByTestId('notice-number-preview')).toHaveText(w.preview);
  await page.getByRole('button', { name: w.saveTeam }).click();

  // Step 2: a county not in the sample, and a town of it; a second county of the same name is refused.
  await page.getByRole('button', { name: w.addCounty, exact: true }).click();
  let dialog = page.getByRole('dialog', { name: w.addCounty });
  await dialog.getByLabel(w.countyName).fill('孟连县');
  await dialog.getByLabel(w.countyName).press('Enter');
  await expect(dialog).toBeHidden();
  await rowOf(page, '孟连县').getByRole('button', { name: w.addTown, exact: true }).click();
  dialog = page.getByRole('dialog', { name: /孟连县/ });
  await dialog.getByLabel(w.townName).fill('娜允镇');
  await dialog.getByLabel(w.townName).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, '娜允镇')).toBeVisible();
  await page.getByRole('button', { name: w.addCounty, exact: true }).click();
  dialog = page.getByRole('dialog', { name: w.addCounty });
  await dialog.getByLabel(w.countyName).fill('孟连县');
  await dialog.getByLabel(w.countyName).press('Enter');
  await expect(dialog.getByRole('alert')).toContainText(w.duplicate);
  await dialog.getByRole('button', { name: w.cancel }).click();
  await expect(rowOf(page, '孟连县')).toHaveCount(1);
  await page.getByRole('button', { name: w.next, exact: true }).click();

  // Step 3: a new responsible unit with its short name.
  await page.getByRole('button', { name: w.addUnit, exact: true }).click();
  dialog = page.getByRole('dialog', { name: w.addUnit });
  await dialog.getByLabel(w.unitName, { exact: true }).fill('孟连县住建局');
  await dialog.getByLabel(w.shortName, { exact: true }).fill('孟连住建');
  await chooseOption(page, w.kind, w.construction, dialog);
  await chooseOption(page, w.county, '孟连县', dialog);
  await dialog.getByRole('button', { name: w.save }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, '孟连县住建局')).toContainText('孟连住建');
  await page.getByRole('button', { name: w.next, exact: true }).click();

  // Step 4: two people, and who works on this laptop.
  await addPerson(page, w, '张明', '组长', '13800000001');
  await addPerson(page, w, '李华', '组员', '13800000002');
  await expect(page.getByRole('button', { name: w.finish })).toBeDisabled();
  await chooseOption(page, w.thisIsMe, '张明');
  await page.getByRole('button', { name: w.finish }).click();
  await expect(page.getByRole('heading', { name: w.ledger })).toBeVisible();
}

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

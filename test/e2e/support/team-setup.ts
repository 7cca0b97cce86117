// Setting up a team of its own from nothing, as a new 督查组 does after "Start empty": the team and its
// 文号, a county not in the sample (孟连县) with a town, a new unit, two people and who works on this
// laptop. Labels for either language; the names typed are the team's own and stay Chinese in both.
import { expect, type Page } from '@playwright/test';
import { chooseOption } from './antd';

export interface SetupWords {
  startEmpty: string;
  setupTitle: string;
  city: string;
  authority: string;
  copyTo: string;
  printedBy: string;
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

export const ZH_SETUP: SetupWords = {
  startEmpty: '从空白开始',
  setupTitle: '设置督查组',
  city: '所在市',
  authority: '发文机关',
  copyTo: '抄送',
  printedBy: '印发机关',
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

export const EN_SETUP: SetupWords = {
  startEmpty: 'Start empty',
  setupTitle: 'Set up your team',
  city: 'City',
  authority: 'Issuing authority',
  copyTo: 'Copy to',
  printedBy: 'Printed by',
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

/** A row of one of the organization tables, by the text in it. */
export const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

export async function addPerson(page: Page, w: SetupWords, name: string, post: string, phone: string) {
  await page.getByRole('button', { name: w.addPerson, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: w.addPerson });
  await dialog.getByLabel(w.personName, { exact: true }).fill(name);
  await dialog.getByLabel(w.post, { exact: true }).fill(post);
  await dialog.getByLabel(w.phone, { exact: true }).fill(phone);
  await dialog.getByLabel(w.personName, { exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, name)).toBeVisible();
}

/**
 * From the first-run page: Start empty, then the set-up's four steps — team 孟连督查组 (prefix 孟督, next
 * number 5), county 孟连县 with town 娜允镇 (a second 孟连县 refused), unit 孟连县住建局 (孟连住建), people
 * 张明 and 李华, 张明 working on this laptop — and Finish, ending on the ledger.
 */
export async function setUpFromNothing(page: Page, w: SetupWords): Promise<void> {
  await page.getByRole('button', { name: w.startEmpty }).click();
  await expect(page.getByRole('heading', { name: w.setupTitle })).toBeVisible();

  // Step 1: the team, its issuing authority and its numbers.
  await page.getByLabel(w.city, { exact: true }).fill('普洱市');
  await page.getByLabel(w.authority, { exact: true }).fill('孟连县重点项目督查办公室');
  await page.getByLabel(w.teamName, { exact: true }).fill('孟连督查组');
  await page.getByLabel(w.prefix, { exact: true }).fill('孟督');
  await page.getByLabel(w.nextNumber, { exact: true }).fill('5');
  // The 版记 of the team's documents: who gets a copy, and who prints them.
  await page.getByLabel(w.copyTo, { exact: true }).fill('县委督查室');
  await page.getByLabel(w.printedBy, { exact: true }).fill('孟连县人民政府办公室');
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

// A real team's first week (issue 15), end to end at 1280×720: starting empty, the team sets itself up
// from nothing (a county in no sample, a new unit, two people, its own 文号 prefix and next number),
// imports a project list naming a county it does not know yet (offered exactly that, and added), logs a
// visit with a finding that carries two of the visit's photos and the checklist item it came from,
// issues the notice from the issue's page (the number from the team's sequence; a past deadline
// refused), finds it in Reports, re-inspects, signs and closes out — with the person chosen on this
// laptop as the actor of every step, never the app's name. In Chinese, and the same in English.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { chooseOption, fillDate } from './support/antd';
import { DUST_CHECKLIST_NAME, DUST_ITEMS } from './support/dust';
import { expect, test } from './support/fixtures';
import { afterPhotoFile } from './support/issue-steps';
import { pdfText, saveDownload } from './support/pdf';
import {
  closeOutByReinspection,
  EN_REINSPECT,
  type ReinspectLabels,
  ZH_REINSPECT,
} from './support/reinspect';
import { storedRows } from './support/stored-rows';
import { EN_SETUP, type SetupWords, setUpFromNothing, ZH_SETUP } from './support/team-setup';

const PROJECT = '西盟县勐梭镇污水处理厂';
const ITEM = DUST_ITEMS[0] ?? '';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Words {
  setup: SetupWords;
  reinspect: ReinspectLabels;
  importExcel: string;
  importTitle: string;
  preview: string;
  summary: string;
  offeredRegions: string;
  accept: string;
  imported: string;
  visits: string;
  newVisit: string;
  project: string;
  startVisit: string;
  draft: string;
  photosAdded: string;
  chooseChecklist: string;
  addChecklist: string;
  no: string;
  recordAsFinding: string;
  findingDialog: string;
  fromItem: string;
  finding: string;
  photos: string;
  photoN: (n: number) => string;
  chosen: string;
  category: string;
  environment: string;
  units: string;
  deadline: string;
  record: string;
  photoCount: string;
  issueNotice: string;
  actor: string;
  noticeNumber: string;
  confirm: string;
  cancel: string;
  pastRefused: string;
  newDeadline: string;
  newDeadlineField: RegExp;
  note: RegExp;
  statusDraft: string;
  statusIssued: string;
  openNotice: string;
  noticeTab: string;
  issuedNotices: string;
  acknowledge: string;
  report: string;
  reinspectStep: string;
  minimumDays: string;
  projectsNav: string;
  saved: string;
  shortReason: string;
  shortRefused: string;
}

const ZH: Words = {
  setup: ZH_SETUP,
  reinspect: ZH_REINSPECT,
  importExcel: '从Excel导入',
  importTitle: '从Excel导入项目',
  preview: '预览',
  summary: '共 1 行：1 行可导入，0 行有错误',
  offeredRegions: '新增县(区)/乡镇：西盟县、西盟县 勐梭镇',
  accept: '添加并导入',
  imported: '已导入 1 个项目',
  visits: '督查记录',
  newVisit: '新建督查记录',
  project: '项目',
  startVisit: '开始督查',
  draft: '草稿',
  photosAdded: '已添加 3 张照片。',
  chooseChecklist: '选择检查表',
  addChecklist: '添加检查表',
  no: '否',
  recordAsFinding: '记为问题',
  findingDialog: '记录问题',
  fromItem: `来自检查项：${ITEM}`,
  finding: '问题',
  photos: '问题照片',
  photoN: (n) => `照片 ${String(n)}`,
  chosen: '已选 2 张',
  category: '问题类别',
  environment: '环境保护',
  units: '责任单位',
  deadline: '整改时限',
  record: '记录',
  photoCount: '共 2 张照片',
  issueNotice: '下发整改通知',
  actor: '经办人',
  noticeNumber: '通知书文号',
  confirm: '确认',
  cancel: '取消',
  pastRefused: '2020-01-06',
  newDeadline: '调整整改期限',
  newDeadlineField: /新的整改时限/,
  note: /说明/,
  statusDraft: '待下发',
  statusIssued: '已下发',
  openNotice: '查看整改通知书',
  noticeTab: '整改通知书',
  issuedNotices: '已下发的通知书',
  acknowledge: '签收',
  report: '反馈整改情况',
  reinspectStep: '复查',
  minimumDays: '最短整改时限（天）',
  projectsNav: '项目台账',
  saved: '督查组已保存',
  shortReason: '时限较短的理由',
  shortRefused: '少于本组规定的最短时限',
};

const EN: Words = {
  setup: EN_SETUP,
  reinspect: EN_REINSPECT,
  importExcel: 'Import from Excel',
  importTitle: 'Import projects from Excel',
  preview: 'Preview',
  summary: '1 rows: 1 ready, 0 with errors',
  offeredRegions: 'New counties/towns: 西盟县, 西盟县 勐梭镇',
  accept: 'Add them and import',
  imported: '1 projects imported',
  visits: 'Visits',
  newVisit: 'New visit',
  project: 'Project',
  startVisit: 'Start visit',
  draft: 'Draft',
  photosAdded: 'Photos added: 3.',
  chooseChecklist: 'Choose a checklist',
  addChecklist: 'Add checklist',
  no: 'No',
  recordAsFinding: 'Record as a finding',
  findingDialog: 'Record a finding',
  fromItem: `From checklist item: ${ITEM}`,
  finding: 'Finding',
  photos: 'Photos of the problem',
  photoN: (n) => `Photo ${String(n)}`,
  chosen: '2 chosen',
  category: 'Category',
  environment: 'Environment',
  units: 'Responsible units',
  deadline: 'Deadline',
  record: 'Record',
  photoCount: 'Photos: 2',
  issueNotice: 'Issue notice',
  actor: 'Handled by',
  noticeNumber: 'Notice number',
  confirm: 'Confirm',
  cancel: 'Cancel',
  pastRefused: '2020-01-06',
  newDeadline: 'New deadline',
  newDeadlineField: /New deadline/,
  note: /Note/,
  statusDraft: 'Draft',
  statusIssued: 'Issued',
  openNotice: 'Open the rectification notice',
  noticeTab: 'Rectification notice',
  issuedNotices: 'Notices issued',
  acknowledge: 'Acknowledge',
  report: 'Report rectification',
  reinspectStep: 'Re-inspect',
  minimumDays: 'Shortest rectification period (days)',
  projectsNav: 'Projects',
  saved: 'Team saved',
  shortReason: 'Reason for the short deadline',
  shortRefused: 'sooner than the team’s minimum',
};

/** The project list from above: one project in 西盟县 (a county this team has not set up), for 孟连县住建局. */
async function projectList(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('重点项目');
  sheet.addRow(['序号', '项目名称', '所属县(区)', '乡镇', '责任单位', '计划总投资（万元）', '建设阶段']);
  sheet.addRow([1, PROJECT, '西盟县', '勐梭镇', '孟连县住建局', 2400, '在建']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function sitePhoto(name: string, seed: number) {
  return afterPhotoFile(name, seed);
}

/** A date `days` from today on this machine's calendar in China, YYYY-MM-DD. */
function chinaDate(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

/** Opens a lifecycle step's dialog; the person working on this laptop is already its actor. */
async function openStep(page: Page, w: Words, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(w.actor)).toHaveValue('张明');
  return dialog;
}

async function confirmStep(w: Words, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: w.confirm }).click();
  await expect(dialog).toBeHidden();
}

for (const [language, w, query] of [
  ['Chinese', ZH, ''],
  ['English', EN, 'lang=en'],
] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ systemLocale: 'zh-CN', query });

    test('a team of its own, from nothing to a closed-out issue, with its own person as the actor', async ({
      app,
    }, testInfo) => {
      test.setTimeout(480_000);
      const { page } = app;
      await page.setViewportSize({ width: 1280, height: 720 });
      await setUpFromNothing(page, w.setup);
      // The team gives at least ten days to rectify, unless a reason is stated.
      await page.getByRole('menuitem', { name: w.setup.organization }).click();
      await page.getByLabel(w.minimumDays, { exact: true }).fill('10');
      await page.getByRole('button', { name: w.setup.saveTeam }).click();
      // The set-up's own "saved" message may still be showing: this save's is the last one.
      await expect(page.getByText(w.saved).last()).toBeVisible();
      await page.getByRole('menuitem', { name: w.projectsNav }).click();

      // A project list naming 西盟县 and its town: offered exactly those, the known unit not offered.
      await page.getByRole('button', { name: w.importExcel }).click();
      const importing = page.getByRole('dialog', { name: w.importTitle });
      await importing
        .locator('input[type=file]')
        .setInputFiles({ name: '重点项目清单.xlsx', mimeType: XLSX, buffer: await projectList() });
      await importing.getByRole('button', { name: w.preview, exact: true }).click();
      await expect(importing.getByTestId('import-summary')).toHaveText(w.summary);
      const offer = importing.getByTestId('import-additions');
      await expect(offer).toContainText(w.offeredRegions);
      await expect(offer).not.toContainText('孟连县住建局');
      await importing.getByRole('button', { name: w.accept }).click();
      await expect(page.getByText(w.imported)).toBeVisible();
      const regions = await storedRows<{ name: string }>(page, 'regions');
      expect(regions.map((r) => r.name).sort()).toEqual(
        ['勐梭镇', '孟连县', '娜允镇', '普洱市', '西盟县'].sort(),
      );

      // A new visit of it from the Visits page, three photos, the dust checklist with its first item 否.
      await page.getByRole('menuitem', { name: w.visits }).click();
      await page.getByRole('button', { name: w.newVisit, exact: true }).click();
      const newVisit = page.getByRole('dialog', { name: w.newVisit });
      await chooseOption(page, w.project, PROJECT, newVisit);
      await newVisit.getByRole('button', { name: w.startVisit }).click();
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      await page
        .getByTestId('photo-files-input')
        .setInputFiles([
          sitePhoto('SITE_01.jpg', 701),
          sitePhoto('SITE_02.jpg', 702),
          sitePhoto('SITE_03.jpg', 703),
        ]);
      await expect(page.getByTestId('photo-intake-added')).toHaveText(w.photosAdded, { timeout: 60_000 });
      await chooseOption(page, w.chooseChecklist, DUST_CHECKLIST_NAME);
      await page.getByRole('button', { name: w.addChecklist }).click();
      const item = page.getByRole('group', { name: ITEM });
      await item.getByText(w.no, { exact: true }).click();
      await item.getByRole('button', { name: w.recordAsFinding }).click();

      // The finding: the item's text, two of the visit's photos, the new unit, a deadline already past.
      const finding = page.getByRole('dialog', { name: w.findingDialog });
      await expect(finding).toBeVisible();
      await expect(finding.getByTestId('finding-from-item')).toHaveText(w.fromItem);
      await expect(finding.getByLabel(w.finding, { exact: true })).toHaveValue(ITEM);
      const photos = finding.getByRole('group', { name: w.photos });
      await photos.getByRole('checkbox', { name: w.photoN(1) }).check();
      await photos.getByRole('checkbox', { name: w.photoN(3) }).check();
      await expect(photos).toContainText(w.chosen);
      await chooseOption(page, w.category, w.environment, finding);
      const units = finding
        .locator('.ant-select')
        .filter({ has: page.getByRole('combobox', { name: w.units }) });
      if (!((await units.textContent()) ?? '').includes('孟连住建'))
        await chooseOption(page, w.units, '孟连住建', finding);
      await fillDate(finding.getByLabel(w.deadline, { exact: true }), w.pastRefused);
      await page.screenshot({ path: testInfo.outputPath(`first-week-finding-${query ? 'en' : 'zh'}.png`) });
      await finding.getByRole('button', { name: w.record, exact: true }).click();
      await expect(finding).toBeHidden();

      // Its page: both photos, the item it came from, found by 张明.
      await page.getByRole('link', { name: ITEM }).click();
      await expect(page.getByRole('heading', { name: ITEM })).toBeVisible();
      await expect(page.getByTestId('issue-checklist-item')).toHaveText(w.fromItem);
      await expect(page.getByTestId('photo-count')).toHaveText(w.photoCount);
      await expect(page.getByTestId('issue-history').getByTestId('issue-event').first()).toContainText(
        '张明 · ',
      );

      // The notice from the issue's page: the sequence's number, read-only; the past deadline refused.
      let dialog = await openStep(page, w, w.issueNotice);
      const numberField = dialog.getByLabel(w.noticeNumber);
      await expect(numberField).toHaveAttribute('readonly', '');
      await expect(numberField).toHaveValue(/^孟督〔\d{4}〕5号$/);
      await dialog.getByRole('button', { name: w.confirm }).click();
      await expect(dialog.getByRole('alert')).toContainText(w.pastRefused);
      await dialog.getByRole('button', { name: w.cancel }).click();
      await expect(page.getByTestId('issue-status')).toHaveText(w.statusDraft);

      // Five days is sooner than the team's ten: the notice asks why, and takes the reason.
      dialog = await openStep(page, w, w.newDeadline);
      await fillDate(dialog.getByLabel(w.newDeadlineField), chinaDate(5));
      await dialog.getByLabel(w.note).fill('时限填错');
      await confirmStep(w, dialog);
      dialog = await openStep(page, w, w.issueNotice);
      // The number is read from the database after the dialog opens: wait for it, then keep it.
      await expect(dialog.getByLabel(w.noticeNumber)).toHaveValue(/^孟督〔\d{4}〕5号$/);
      const number = await dialog.getByLabel(w.noticeNumber).inputValue();
      await dialog.getByRole('button', { name: w.confirm }).click();
      await expect(dialog.getByRole('alert')).toContainText(w.shortRefused);
      await expect(page.getByTestId('issue-status')).toHaveText(w.statusDraft);
      await dialog.getByLabel(w.shortReason).fill('汛期将至，须在雨季前完成');
      const pdf = await saveDownload(page, () => confirmStep(w, dialog), testInfo.outputDir);
      await expect(page.getByTestId('issue-status')).toHaveText(w.statusIssued);
      await expect(page.getByTestId('issue-notice-number')).toHaveText(number);
      const noticeText = pdfText(pdf).replace(/\s+/g, '');
      expect(noticeText).toContain(number);
      expect(noticeText).toContain(ITEM.replace(/\s+/g, ''));
      expect(noticeText).toContain('孟连县重点项目督查办公室');
      // The 版记 from the team's own settings.
      expect(noticeText).toContain('抄送：县委督查室。');
      expect(noticeText).toMatch(/孟连县人民政府办公室\d{4}年\d{1,2}月\d{1,2}日印发/);
      await expect(page.getByTestId('issue-history').getByTestId('issue-event').last()).toContainText(
        '汛期将至，须在雨季前完成',
      );

      // Reports lists it among the notices issued.
      const issueUrl = page.url();
      await page.getByText(w.openNotice).click();
      await expect(page.getByRole('tab', { name: w.noticeTab, selected: true })).toBeVisible();
      await page.getByRole('combobox', { name: w.issuedNotices }).click();
      await expect(
        page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: number,
        }),
      ).toBeVisible();
      await page.keyboard.press('Escape');
      await page.goto(issueUrl);

      // The unit acknowledges and reports; the team re-inspects, signs, finalizes and closes out.
      await confirmStep(w, await openStep(page, w, w.acknowledge));
      await confirmStep(w, await openStep(page, w, w.report));
      await confirmStep(w, await openStep(page, w, w.reinspectStep));
      await closeOutByReinspection(page, w.reinspect, ITEM, {
        inspector: '张明',
        photo: { name: 'AFTER_01.jpg', seed: 711 },
        remarks: '围挡已补齐',
      });

      // Closed, and every entry of its history names 张明 — never the app.
      await page.getByTestId('reinspected-issue').getByRole('link', { name: ITEM, exact: true }).click();
      await expect(page.getByTestId('issue-status')).toHaveText(w.reinspect.closed);
      const events = page.getByTestId('issue-history').getByTestId('issue-event');
      await expect(events.last()).toHaveAttribute('data-kind', 'closed');
      for (const text of await events.allInnerTexts()) expect(text).toContain('张明');
      await expect(page.getByTestId('issue-history')).not.toContainText('Ducha');
      const signatures = await storedRows<{ signatures?: { name?: string; signerName?: string }[] }>(
        page,
        'visits',
      );
      expect(JSON.stringify(signatures)).toContain('张明');
      await page.screenshot({
        path: testInfo.outputPath(`first-week-closed-${query ? 'en' : 'zh'}.png`),
        fullPage: true,
      });
    });
  });
}

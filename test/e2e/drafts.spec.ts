// Issue 14: nothing typed is lost. A visit's record, its checklist and a finding are typed, the page is
// left for the issue list, reloaded, and the browser killed hard — each time the drafts are offered
// back and restored whole; saving clears them; a draft visit started by mistake is deleted with its
// photo. And the project form, open in two tabs, never overwrites a field changed in the other tab
// silently: the conflict dialog shows both values and stores exactly the one picked.
import type { Page } from '@playwright/test';
import { makeSamplePhoto } from '../../shared/photos/sample-photo';
import { chooseOption } from './support/antd';
import { DUST_CHECKLIST_NAME, DUST_ITEMS } from './support/dust';
import { expect, test } from './support/fixtures';
import { storedRows } from './support/stored-rows';

const PROJECT = '宁洱县城镇生活垃圾处理场';
const NARRATIVE = '渗滤液处理站主体完工，填埋库区防渗层铺设约60%。';
const FINDING = '工地东侧约30米未围挡';
const REMARKS = '东侧围挡缺口，要求3日内补齐';

const L = {
  'zh-CN': {
    query: '',
    loadSample: '加载示例督查',
    ledger: '项目台账',
    search: '搜索项目名称或业主',
    startVisit: '开始督查',
    draft: '草稿',
    issuesMenu: '问题清单',
    weather: '天气',
    percent: '形象进度(%)',
    investment: '累计完成投资',
    workers: '现场施工人员(人)',
    machines: '现场机械(台)',
    narrative: '形象进度描述',
    chooseChecklist: '选择检查表',
    addChecklist: '添加检查表',
    yes: '是',
    no: '否',
    recordFinding: '记录问题',
    findingTitle: '问题',
    cancel: '取消',
    record: '记录',
    restore: '恢复草稿',
    findingOffer: '问题草稿',
    saveDraft: '保存草稿',
    saveChecklist: '保存检查表',
    saved: '已保存',
    deleteVisit: '删除草稿记录',
    confirmDelete: '删除',
    deleteTitle: '删除这条草稿督查记录？',
    edit: '编辑',
    owner: '项目业主/建设单位',
    notes: '备注',
    save: '保存',
    conflictTitle: '在您编辑期间，以下内容已被修改',
    discard: '丢弃草稿',
    issueStep: '下发整改通知',
    stepNote: '说明',
    stepActor: '经办人',
    stepConfirm: '确认',
    issued: '已下发',
    keepTheirs: '保留对方的',
    useMine: '使用我的',
  },
  en: {
    query: 'lang=en',
    loadSample: 'Load sample campaign',
    ledger: 'Project ledger',
    search: 'Search project name or owner',
    startVisit: 'Start a visit',
    draft: 'Draft',
    issuesMenu: 'Issues',
    weather: 'Weather',
    percent: 'Percent complete',
    investment: 'Investment completed',
    workers: 'Workers on site',
    machines: 'Machines on site',
    narrative: 'Visible progress',
    chooseChecklist: 'Choose a checklist',
    addChecklist: 'Add checklist',
    yes: 'Yes',
    no: 'No',
    recordFinding: 'Record a finding',
    findingTitle: 'Finding',
    cancel: 'Cancel',
    record: 'Record',
    restore: 'Restore draft',
    findingOffer: 'draft finding',
    saveDraft: 'Save draft',
    saveChecklist: 'Save checklist',
    saved: 'Saved',
    deleteVisit: 'Delete draft visit',
    confirmDelete: 'Delete',
    deleteTitle: 'Delete this draft visit?',
    edit: 'Edit',
    owner: 'Owner / builder',
    notes: 'Notes',
    save: 'Save',
    conflictTitle: 'Changed while you were editing',
    discard: 'Discard draft',
    issueStep: 'Issue notice',
    stepNote: 'Note',
    stepActor: 'Handled by',
    stepConfirm: 'Confirm',
    issued: 'Issued',
    keepTheirs: 'Keep theirs',
    useMine: 'Use mine',
  },
} as const;
type Words = (typeof L)[keyof typeof L];

const PM10 = '在线监测PM10读数';
const REMARKS_ITEM = '存在问题及整改要求';

async function loadSample(page: Page, w: Words) {
  await page.getByRole('button', { name: w.loadSample }).click();
  await expect(page.getByRole('table', { name: w.ledger })).toBeVisible({ timeout: 180_000 });
}

async function openProject(page: Page, w: Words) {
  await page.getByRole('searchbox', { name: w.search }).fill(PROJECT);
  await page.getByRole('row').filter({ hasText: PROJECT }).first().click();
}

/** What was typed into the visit, its checklist and the finding dialog, as the page shows it. */
async function expectTyped(page: Page, w: Words, narrative: string) {
  await expect(page.getByLabel(w.weather)).toHaveValue('多云');
  await expect(page.getByLabel(w.percent)).toHaveValue('62');
  await expect(page.getByLabel(w.investment)).toHaveValue('1645.5');
  await expect(page.getByLabel(w.workers)).toHaveValue('85');
  await expect(page.getByLabel(w.machines)).toHaveValue('12');
  await expect(page.getByLabel(w.narrative)).toHaveValue(narrative);
  const first = page.getByRole('group', { name: DUST_ITEMS[0] });
  await expect(first.getByRole('radio', { name: w.no })).toBeChecked();
  await expect(
    page.getByRole('group', { name: DUST_ITEMS[1] }).getByRole('radio', { name: w.yes }),
  ).toBeChecked();
  await expect(page.getByRole('group', { name: PM10 }).getByRole('spinbutton')).toHaveValue('78');
  await expect(page.getByRole('group', { name: REMARKS_ITEM }).getByRole('textbox')).toHaveValue(REMARKS);
}

/** Restores the three drafts — the record, the checklist, then the finding, whose dialog opens. */
async function restoreAll(page: Page, w: Words) {
  const offers = page.getByTestId('draft-offer');
  await expect(offers).toHaveCount(3);
  const plain = offers.filter({ hasNotText: w.findingOffer });
  await plain.first().getByRole('button', { name: w.restore }).click();
  await expect(plain).toHaveCount(1);
  await plain.first().getByRole('button', { name: w.restore }).click();
  await expect(offers).toHaveCount(1);
  await offers.getByRole('button', { name: w.restore }).click();
  const dialog = page.getByRole('dialog', { name: w.recordFinding });
  await expect(dialog.getByLabel(w.findingTitle, { exact: true })).toHaveValue(FINDING);
  return dialog;
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = L[language];

  test.describe(`in ${language}`, () => {
    test.use({ query: w.query });

    test('keeps what is typed across leaving, a reload and a crash, clears it on save, and deletes a mistaken draft visit', async ({
      app,
    }, testInfo) => {
      test.setTimeout(360_000);
      let page = app.page;
      await loadSample(page, w);
      await openProject(page, w);
      await page.getByRole('button', { name: w.startVisit }).click();
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      const visitUrl = page.url();
      const visitId = visitUrl.split('/visits/')[1] ?? '';
      expect(visitId).not.toBe('');

      // A photo, so that deleting the visit has something to take with it.
      const { bytes } = makeSamplePhoto({
        seed: 14_001,
        width: 320,
        height: 240,
        camera: { make: 'Xiaomi', model: '13' },
        localDateTime: '2026-11-20T10:00:00',
        offset: '+08:00',
        gps: null,
      });
      await page
        .getByTestId('photo-files-input')
        .setInputFiles({ name: 'DRAFT_01.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(bytes) });
      await expect
        .poll(
          async () =>
            (await storedRows<{ visitId: string }>(page, 'photos')).filter((p) => p.visitId === visitId)
              .length,
        )
        .toBe(1);

      // The visit record, every field the new inspector typed.
      await page.getByLabel(w.weather).fill('多云');
      await page.getByLabel(w.percent).fill('62');
      await page.getByLabel(w.investment).fill('1645.5');
      await page.getByLabel(w.workers).fill('85');
      await page.getByLabel(w.machines).fill('12');
      await page.getByLabel(w.narrative).fill(NARRATIVE);
      // Its checklist: yes/no, a number and a text item.
      await chooseOption(page, w.chooseChecklist, DUST_CHECKLIST_NAME);
      await page.getByRole('button', { name: w.addChecklist }).click();
      await page.getByRole('group', { name: DUST_ITEMS[0] }).getByText(w.no, { exact: true }).click();
      await page.getByRole('group', { name: DUST_ITEMS[1] }).getByText(w.yes, { exact: true }).click();
      await page.getByRole('group', { name: PM10 }).getByRole('spinbutton').fill('78');
      await page.getByRole('group', { name: REMARKS_ITEM }).getByRole('textbox').fill(REMARKS);
      // A finding, typed and the dialog closed without recording it.
      await page.getByRole('button', { name: w.recordFinding }).click();
      const finding = page.getByRole('dialog', { name: w.recordFinding });
      await finding.getByLabel(w.findingTitle, { exact: true }).fill(FINDING);
      await finding.getByRole('button', { name: w.cancel }).click();
      await expect(finding).toBeHidden();

      // 1. To the issue list and back, as the new inspector did.
      await page.getByRole('menuitem', { name: w.issuesMenu }).click();
      await expect(page.getByLabel(w.narrative)).toHaveCount(0);
      await page.goBack();
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      await page.screenshot({ path: testInfo.outputPath(`drafts-offered-${language}.png`), fullPage: true });
      let dialog = await restoreAll(page, w);
      await dialog.getByRole('button', { name: w.cancel }).click();
      await expectTyped(page, w, NARRATIVE);

      // 2. A reload.
      await page.reload();
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      dialog = await restoreAll(page, w);
      await dialog.getByRole('button', { name: w.cancel }).click();
      await expectTyped(page, w, NARRATIVE);

      // 3. One more sentence, then the browser killed hard and started again on the same profile.
      const longer = `${NARRATIVE}场内道路硬化完成。`;
      await page.getByLabel(w.narrative).fill(longer);
      await page.waitForTimeout(1_500); // the draft is written after a 500 ms pause in typing
      page = await app.crash();
      await page.goto(visitUrl);
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      dialog = await restoreAll(page, w);
      await dialog.getByRole('button', { name: w.cancel }).click();
      await expectTyped(page, w, longer);

      // Saving clears each draft: nothing is offered after a reload, and what was saved is there.
      await page.getByRole('button', { name: w.saveDraft }).click();
      await expect(page.getByText(w.saved).first()).toBeVisible();
      await page.getByRole('button', { name: w.saveChecklist }).click();
      await page.getByRole('button', { name: w.recordFinding }).click();
      await expect(dialog.getByLabel(w.findingTitle, { exact: true })).toHaveValue(FINDING);
      await dialog.getByRole('button', { name: w.record }).click();
      await expect(page.getByRole('row').filter({ hasText: FINDING })).toBeVisible();
      await expect(page.getByRole('button', { name: w.saveChecklist })).toBeDisabled();
      await page.reload();
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      await expect(page.getByLabel(w.narrative)).toHaveValue(longer);
      await expectTyped(page, w, longer);
      await expect(page.getByTestId('draft-offer')).toHaveCount(0);
      expect(await storedRows(page, 'drafts')).toEqual([]);

      // The visit was started by mistake after all: delete it, with its photo.
      const photo = (await storedRows<{ visitId: string; sha256: string }>(page, 'photos')).find(
        (p) => p.visitId === visitId,
      );
      await page.getByRole('button', { name: w.deleteVisit }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: w.deleteTitle });
      await confirm.getByRole('button', { name: w.confirmDelete, exact: true }).click();
      await expect(page.getByRole('heading', { name: PROJECT })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: longer })).toHaveCount(0);
      const visits = await storedRows<{ id: string }>(page, 'visits');
      expect(visits.find((v) => v.id === visitId)?._deleted).toBe(true);
      const photos = (await storedRows<{ visitId: string }>(page, 'photos')).filter(
        (p) => p.visitId === visitId,
      );
      expect(photos.map((p) => p._deleted)).toEqual([true]);
      const blobs = await storedRows<{ sha256: string }>(page, 'photoBlobs');
      expect(blobs.some((b) => b.sha256 === photo?.sha256)).toBe(false);
      await page.goto(visitUrl);
      await expect(page.getByRole('button', { name: w.deleteVisit })).toHaveCount(0);
    });

    test('the project form and an issue step keep their drafts across a reload, until discarded or recorded', async ({
      app,
    }) => {
      test.setTimeout(240_000);
      const { page } = app;
      await loadSample(page, w);
      await openProject(page, w);
      await page.getByRole('button', { name: w.edit }).click();
      const owner = page.getByLabel(w.owner);
      const original = await owner.inputValue();
      await owner.fill('宁洱县住建局（草稿）');
      await page.getByLabel(w.notes, { exact: true }).fill('草稿中的备注');
      await page.waitForTimeout(1_000);
      await page.reload();
      const offer = page.getByTestId('draft-offer');
      await expect(offer).toHaveCount(1);
      // Offered, not forced: the form shows the stored project until the person restores.
      await expect(page.getByLabel(w.owner)).toHaveValue(original);
      await offer.getByRole('button', { name: w.restore }).click();
      await expect(page.getByLabel(w.owner)).toHaveValue('宁洱县住建局（草稿）');
      await expect(page.getByLabel(w.notes, { exact: true })).toHaveValue('草稿中的备注');
      await page.reload();
      await page.getByTestId('draft-offer').getByRole('button', { name: w.discard }).click();
      await expect(page.getByTestId('draft-offer')).toHaveCount(0);
      await page.reload();
      await expect(page.getByLabel(w.owner)).toHaveValue(original);
      await expect(page.getByTestId('draft-offer')).toHaveCount(0);

      // An issue step: typed, the dialog cancelled, the page reloaded — the step offers it back.
      await page.goBack();
      await expect(page.getByRole('heading', { name: PROJECT })).toBeVisible();
      await page.getByRole('button', { name: w.startVisit }).click();
      await page.getByRole('button', { name: w.recordFinding }).click();
      const finding = page.getByRole('dialog', { name: w.recordFinding });
      await finding.getByLabel(w.findingTitle, { exact: true }).fill(FINDING);
      await finding.getByRole('button', { name: w.record }).click();
      await page.getByRole('link', { name: FINDING }).click();
      await expect(page.getByRole('heading', { name: FINDING })).toBeVisible();
      await page.getByRole('button', { name: w.issueStep, exact: true }).click();
      let dialog = page.getByRole('dialog', { name: w.issueStep });
      await dialog.getByLabel(w.stepActor).fill('督查组');
      await dialog.getByLabel(w.stepNote).fill('请于15日内整改到位');
      await dialog.getByRole('button', { name: w.cancel }).click();
      await page.reload();
      await page.getByRole('button', { name: w.issueStep, exact: true }).click();
      dialog = page.getByRole('dialog', { name: w.issueStep });
      await dialog.getByTestId('draft-offer').getByRole('button', { name: w.restore }).click();
      await expect(dialog.getByLabel(w.stepNote)).toHaveValue('请于15日内整改到位');
      await expect(dialog.getByLabel(w.stepActor)).toHaveValue('督查组');
      await dialog.getByRole('button', { name: w.stepConfirm }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('issue-status')).toHaveText(w.issued);
      expect(await storedRows(page, 'drafts')).toEqual([]);
    });

    test('the visit form open in two tabs asks too, and saves only the field changed here', async ({
      app,
    }) => {
      test.skip(app.host.kind === 'electron', 'a second tab of the same profile needs the browser host');
      const { page } = app;
      await loadSample(page, w);
      await openProject(page, w);
      await page.getByRole('button', { name: w.startVisit }).click();
      await expect(page.getByTestId('visit-status')).toHaveText(w.draft);
      const visitUrl = page.url();
      const visitId = visitUrl.split('/visits/')[1] ?? '';

      // The other tab changes the weather and the workers, and saves.
      const other = await page.context().newPage();
      await other.goto(visitUrl);
      await other.getByLabel(w.weather).fill('小雨（另一窗口）');
      await other.getByLabel(w.workers).fill('40');
      await other.getByRole('button', { name: w.saveDraft }).click();
      await expect(other.getByText(w.saved).first()).toBeVisible();
      type Row = {
        id: string;
        weather: string;
        workersOnSite: number | null;
        _clocks: Record<string, string>;
      };
      const theirs = (await storedRows<Row>(page, 'visits')).find((v) => v.id === visitId);

      // This tab changes the weather only: a conflict on the weather, none on the workers.
      await page.getByLabel(w.weather).fill('多云（本窗口）');
      await page.getByRole('button', { name: w.saveDraft }).click();
      const conflict = page.getByRole('dialog', { name: w.conflictTitle });
      await expect(conflict.getByTestId('conflict-theirs-weather')).toContainText('小雨（另一窗口）');
      await expect(conflict.getByTestId('conflict-mine-weather')).toContainText('多云（本窗口）');
      await expect(conflict.locator('[data-testid^="conflict-theirs-"]')).toHaveCount(1);
      await conflict.getByRole('radio', { name: w.useMine }).check();
      await conflict.getByRole('button', { name: w.save, exact: true }).click();
      await expect(conflict).toBeHidden();

      const stored = (await storedRows<Row>(page, 'visits')).find((v) => v.id === visitId);
      expect(stored?.weather).toBe('多云（本窗口）');
      expect(stored?.workersOnSite).toBe(40);
      expect(stored?._clocks.workersOnSite).toBe(theirs?._clocks.workersOnSite);
    });

    test('the project form open in two tabs asks before overwriting a field changed in the other', async ({
      app,
    }, testInfo) => {
      test.skip(app.host.kind === 'electron', 'a second tab of the same profile needs the browser host');
      const { page } = app;
      await loadSample(page, w);
      await openProject(page, w);
      await page.getByRole('button', { name: w.edit }).click();
      await expect(page.getByLabel(w.owner)).toBeVisible();
      const editUrl = page.url();
      const projectId = editUrl.split('/projects/')[1]?.split('/')[0] ?? '';

      // The other tab changes the owner and the notes, and saves.
      const other = await page.context().newPage();
      await other.goto(editUrl);
      await other.getByLabel(w.owner).fill('普洱市城投公司（另一窗口）');
      await other.getByLabel(w.notes, { exact: true }).fill('另一窗口写的备注');
      await other.getByRole('button', { name: w.save, exact: true }).click();
      await expect(other.getByRole('heading', { name: PROJECT })).toBeVisible();
      type Row = { id: string; owner: string; notes: string; _clocks: Record<string, string> };
      const theirs = (await storedRows<Row>(page, 'projects')).find((p) => p.id === projectId);
      expect(theirs?.notes).toBe('另一窗口写的备注');

      // This tab, opened before, changes the owner only.
      await page.getByLabel(w.owner).fill('宁洱县住建局（本窗口）');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      const conflict = page.getByRole('dialog', { name: w.conflictTitle });
      await expect(conflict).toBeVisible();
      await expect(conflict.getByTestId('conflict-theirs-owner')).toContainText('普洱市城投公司（另一窗口）');
      await expect(conflict.getByTestId('conflict-mine-owner')).toContainText('宁洱县住建局（本窗口）');
      // One row, the owner: the notes were not touched here, so they are no conflict.
      await expect(conflict.locator('[data-testid^="conflict-theirs-"]')).toHaveCount(1);
      await page.screenshot({ path: testInfo.outputPath(`conflict-${language}.png`) });
      const save = conflict.getByRole('button', { name: w.save, exact: true });
      await expect(save).toBeDisabled();
      // In Chinese the other tab's value is kept; in English this tab's.
      const pick = language === 'zh-CN' ? w.keepTheirs : w.useMine;
      await conflict.getByRole('radio', { name: pick }).check();
      await save.click();
      await expect(page.getByRole('heading', { name: PROJECT })).toBeVisible();

      const stored = (await storedRows<Row>(page, 'projects')).find((p) => p.id === projectId);
      expect(stored?.owner).toBe(
        language === 'zh-CN' ? '普洱市城投公司（另一窗口）' : '宁洱县住建局（本窗口）',
      );
      // The field this tab never touched is not written again: same value, same clock.
      expect(stored?.notes).toBe('另一窗口写的备注');
      expect(stored?._clocks.notes).toBe(theirs?._clocks.notes);
      if (language === 'zh-CN') expect(stored?._clocks.owner).toBe(theirs?._clocks.owner);
    });
  });
}

// Re-inspection (复查) from an issue's page: issues found on a visit with a before photo are walked to
// reported rectification; "Start re-inspection" records the "Re-inspect" step and opens a re-inspection
// visit that shows the before photos beside the after photos; a close-out without after photos is
// refused, and so is one while the re-inspection is an unsigned draft; signed and finalized, it closes
// the issue with the photos as evidence in its history; another issue is sent back with its reason. In
// English, the same draft visit is reopened for a second re-inspection.
import type { Locator, Page } from '@playwright/test';
import { makeSamplePhoto } from '../../shared/photos/sample-photo';
import { chooseOption } from './support/antd';
import { countStoredRows, expect, test } from './support/fixtures';
import { EN_REINSPECT, signAndFinalize, ZH_REINSPECT } from './support/reinspect';

const PROJECT = '宁洱县城镇生活垃圾处理场';

/** A site photo as a camera makes it; `rectified` paints the same spot with the fix done. */
function sitePhoto(name: string, seed: number, rectified: boolean, time: string) {
  const { bytes } = makeSamplePhoto({
    seed,
    rectified,
    camera: { make: 'Canon', model: 'Canon PowerShot SX740 HS' },
    localDateTime: time,
    offset: '+08:00',
    gps: { lat: 23.0483, lng: 101.0456, altitude: 1310 },
  });
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) };
}

interface Labels {
  load: string;
  ledger: string;
  search: string;
  startVisit: string;
  record: string;
  finding: string;
  category: string;
  environment: string;
  save: string;
  actor: RegExp;
  note: RegExp;
  confirm: string;
}

const ZH: Labels = {
  load: '加载示例督查',
  ledger: '项目台账',
  search: '搜索项目名称或业主',
  startVisit: '开始督查',
  record: '记录问题',
  finding: '问题',
  category: '问题类别',
  environment: '环境保护',
  save: '记录',
  actor: /^经办人$/,
  note: /^说明$/,
  confirm: '确认',
};

const EN: Labels = {
  load: 'Load sample campaign',
  ledger: 'Project ledger',
  search: 'Search project name or owner',
  startVisit: 'Start a visit',
  record: 'Record a finding',
  finding: 'Finding',
  category: 'Category',
  environment: 'Environment',
  save: 'Record',
  actor: /^Handled by$/,
  note: /^Note$/,
  confirm: 'Confirm',
};

/**
 * A dialog once its opening animation is over: antd zooms a modal in from the pointer, and on a loaded
 * machine a click can land while the button is still moving and be lost.
 */
async function openDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/-(appear|enter)\b/);
  return dialog;
}

/** Loads the sample campaign, starts a visit of the landfill and records the findings on it. */
async function findingsOnNewVisit(page: Page, l: Labels, titles: readonly string[]) {
  await page.getByRole('button', { name: l.load }).click();
  await expect(page.getByRole('table', { name: l.ledger })).toBeVisible({ timeout: 180_000 });
  await page.getByRole('searchbox', { name: l.search }).fill(PROJECT);
  await page.getByRole('row').filter({ hasText: PROJECT }).click();
  await page.getByRole('button', { name: l.startVisit }).click();
  for (const title of titles) {
    await page.getByRole('button', { name: l.record }).click();
    const dialog = await openDialog(page, l.record);
    await dialog.getByLabel(l.finding, { exact: true }).fill(title);
    await chooseOption(page, l.category, l.environment);
    await dialog.getByRole('button', { name: l.save }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }
}

/** One lifecycle step through the issue page's own dialog. */
async function issueStep(page: Page, l: Labels, button: string, actor: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = await openDialog(page, button);
  await dialog.getByLabel(l.actor).fill(actor);
  await dialog.getByRole('button', { name: l.confirm }).click();
  await expect(dialog).toBeHidden();
}

/** The kinds of the issue's history entries as shown; the list renders a moment after the status. */
function historyKinds(page: Page): Promise<(string | null)[]> {
  return page
    .getByTestId('issue-history')
    .getByTestId('issue-event')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
}

const section = (page: Page, title: string): Locator =>
  page.getByTestId('reinspected-issue').filter({ has: page.getByRole('link', { name: title, exact: true }) });

test.describe('in Chinese', () => {
  test('re-inspects from the issue page: before beside after, close-out needs after photos, and a send-back', async ({
    app,
  }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    const closing = '渗滤液调节池未加盖';
    const failing = '填埋作业面未及时覆盖';
    await findingsOnNewVisit(page, ZH, [closing, failing]);
    const findingVisit = page.url();

    // The first issue: a photo of the problem on its page, then notice, acknowledgement and report.
    await page.getByRole('link', { name: closing }).click();
    await expect(page.getByRole('heading', { name: closing })).toBeVisible();
    await page
      .getByTestId('photo-files-input')
      .setInputFiles([sitePhoto('BEFORE_01.jpg', 501, false, '2026-03-02T09:10:00')]);
    await expect(page.getByTestId('photo-intake-added')).toHaveText('已添加 1 张照片。', { timeout: 60_000 });
    await expect(page.getByRole('button', { name: '开始复查' })).toHaveCount(0);
    await issueStep(page, ZH, '下发整改通知', '督查组');
    await issueStep(page, ZH, '签收', '宁洱县环保局');
    await issueStep(page, ZH, '反馈整改情况', '宁洱县环保局');
    await expect(page.getByTestId('issue-status')).toHaveText('已反馈');

    // Starting the re-inspection records the "Re-inspect" step with it, by the name it asks for.
    const visitsBefore = await countStoredRows(page, 'visits');
    await page.getByRole('button', { name: '开始复查' }).click();
    let dialog = await openDialog(page, '开始复查');
    const leader = dialog.getByLabel('经办人');
    await expect(leader).not.toHaveValue('');
    const inspector = await leader.inputValue();
    await dialog.getByRole('button', { name: '开始复查' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('草稿');
    await expect(page.getByRole('heading', { name: /复查$/, level: 3 })).toBeVisible();
    expect(await countStoredRows(page, 'visits')).toBe(visitsBefore + 1);

    const first = section(page, closing);
    await expect(first.getByTestId('reinspected-status')).toHaveText('待复查');
    await expect(first.getByRole('heading', { name: '整改前 (1)' })).toBeVisible();
    await expect(first.getByRole('heading', { name: '整改后 (0)' })).toBeVisible();
    await expect(first.getByRole('button', { name: '整改前: BEFORE_01.jpg' })).toBeVisible();
    await expect(first.locator('img').first()).toHaveJSProperty('complete', true);

    // Close-out with no after photo: refused, in words that say what to do, and nothing recorded.
    await first.getByRole('button', { name: '销号' }).click();
    dialog = await openDialog(page, '销号');
    await expect(dialog.getByLabel('经办人')).toHaveValue(inspector);
    await expect(dialog.getByTestId('result-evidence')).toHaveText('本次复查还没有整改后照片。');
    await dialog.getByRole('button', { name: '销号' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      '本次复查还没有整改后照片，不能销号。请先在“整改后”一栏添加本次复查拍摄的照片。',
    );
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(first.getByTestId('reinspected-status')).toHaveText('待复查');

    // After photos of the same spot, through the usual intake, beside the before photo.
    await first
      .getByTestId('after-photos-input')
      .setInputFiles([
        sitePhoto('AFTER_01.jpg', 501, true, '2026-03-12T10:05:00'),
        sitePhoto('AFTER_02.jpg', 502, true, '2026-03-12T10:07:00'),
      ]);
    await expect(first.getByTestId('photo-intake-added')).toHaveText('已添加 2 张照片。', {
      timeout: 60_000,
    });
    await expect(first.getByRole('heading', { name: '整改后 (2)' })).toBeVisible();
    await expect(first.getByTestId('after-cell').first()).toContainText('AFTER_01.jpg');
    await expect(first.getByTestId('before-cell').first()).toContainText('BEFORE_01.jpg');
    const [beforeBox, afterBox] = await Promise.all([
      first.getByTestId('before-cell').first().boundingBox(),
      first.getByTestId('after-cell').first().boundingBox(),
    ]);
    expect(afterBox?.x ?? 0).toBeGreaterThan((beforeBox?.x ?? 0) + (beforeBox?.width ?? 0));
    expect(Math.abs((afterBox?.y ?? 0) - (beforeBox?.y ?? -99))).toBeLessThan(2);

    await first.getByRole('button', { name: '对比第 1 组照片' }).click();
    const compare = await openDialog(page, '整改前后对比');
    await expect(
      compare.getByRole('region', { name: '整改前' }).getByRole('img', { name: 'BEFORE_01.jpg' }),
    ).toBeVisible();
    await expect(
      compare.getByRole('region', { name: '整改后' }).getByRole('img', { name: 'AFTER_01.jpg' }),
    ).toBeVisible();
    await compare.getByRole('button', { name: '整改后: 下一张' }).click();
    await expect(
      compare.getByRole('region', { name: '整改后' }).getByRole('img', { name: 'AFTER_02.jpg' }),
    ).toBeVisible();
    await compare.getByRole('button', { name: '整改后: 上一张' }).click();
    await page.screenshot({ path: testInfo.outputPath('reinspection-compare-zh-CN.png') });
    await page.keyboard.press('Escape');
    await expect(compare).toBeHidden();
    await first.getByRole('button', { name: '整改后: AFTER_02.jpg' }).click();
    await expect(page.getByRole('dialog', { name: 'AFTER_02.jpg' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: testInfo.outputPath('reinspection-visit-zh-CN.png'), fullPage: true });

    // Close-out while the re-inspection is an unsigned draft: refused, naming the visit, nothing recorded.
    const reinspectionVisit = page.url();
    await first.getByRole('button', { name: '销号' }).click();
    dialog = await openDialog(page, '销号');
    await dialog.getByRole('button', { name: '销号' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      /^\d{4}-\d{2}-\d{2} 的复查记录尚未签字：请督查人员签字并定稿后再销号。$/,
    );
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(first.getByTestId('reinspected-status')).toHaveText('待复查');

    // The second issue, already awaiting re-inspection: it joins today's re-inspection of the project.
    await page.goto(findingVisit);
    await page.getByRole('link', { name: failing }).click();
    await issueStep(page, ZH, '下发整改通知', '督查组');
    await issueStep(page, ZH, '签收', '宁洱县环保局');
    await issueStep(page, ZH, '反馈整改情况', '宁洱县环保局');
    await issueStep(page, ZH, '复查', '督查组');
    await page.getByRole('button', { name: '开始复查' }).click();
    await expect(page.getByText('已把本问题加入今天这个项目的复查记录')).toBeVisible();
    await expect(page).toHaveURL(reinspectionVisit);
    const second = section(page, failing);
    await expect(second.getByRole('heading', { name: '整改前 (0)' })).toBeVisible();
    await expect(second.getByText('没有整改前照片')).toBeVisible();

    await second.getByRole('button', { name: '退回整改' }).click();
    dialog = await openDialog(page, '退回整改');
    await dialog.getByRole('button', { name: '退回整改' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('请填写理由。');
    await dialog.getByLabel('退回理由').fill('作业面东侧仍有约200平方米裸露');
    await dialog.getByRole('button', { name: '退回整改' }).click();
    await expect(dialog).toBeHidden();
    await expect(second.getByTestId('reinspected-status')).toHaveText('整改中');
    await expect(second.getByTestId('result-blocked')).toHaveText(
      '问题当前为“整改中”，只有待复查的问题才能销号或退回整改。',
    );
    await expect(second.getByRole('button', { name: '退回整改' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('reinspection-two-issues-zh-CN.png'), fullPage: true });

    await second.getByRole('link', { name: failing, exact: true }).click();
    await expect(page.getByTestId('issue-status')).toHaveText('整改中');
    await expect.poll(async () => (await historyKinds(page)).at(-1)).toBe('sentBack');
    await expect(page.getByTestId('issue-history').getByTestId('issue-event').last()).toContainText(
      '作业面东侧仍有约200平方米裸露',
    );

    // Signed and finalized, the re-inspection closes the first issue out.
    await page.goto(reinspectionVisit);
    await signAndFinalize(page, ZH_REINSPECT, inspector);
    await first.getByRole('button', { name: '销号' }).click();
    dialog = await openDialog(page, '销号');
    await expect(dialog.getByTestId('result-evidence')).toHaveText('销号依据：本次复查的整改后照片 2 张');
    await dialog.getByLabel('复查意见').fill('调节池已全部加盖，复查合格');
    await dialog.getByRole('button', { name: '销号' }).click();
    await expect(dialog).toBeHidden();
    await expect(first.getByTestId('reinspected-status')).toHaveText('已销号');
    await expect(first.getByTestId('result-blocked')).toHaveText('问题已销号，复查已完成。');
    await expect(first.getByRole('button', { name: '添加整改后照片' })).toHaveCount(0);

    // The issue is closed, with the step and its evidence in the history, and its re-inspection listed.
    await first.getByRole('link', { name: closing, exact: true }).click();
    await expect(page.getByTestId('issue-status')).toHaveText('已销号');
    await expect
      .poll(() => historyKinds(page))
      .toEqual([
        'created',
        'issued',
        'acknowledged',
        'rectificationReported',
        'reinspectionRequested',
        'closed',
      ]);
    const closedEntry = page.getByTestId('issue-history').getByTestId('issue-event').last();
    await expect(closedEntry).toContainText('复查通过，销号');
    await expect(closedEntry).toContainText(inspector);
    await expect(closedEntry).toContainText('调节池已全部加盖，复查合格');
    await expect(closedEntry).toContainText('附照片 2 张');
    await expect(closedEntry.getByRole('img', { name: /^依据照片 \d$/ })).toHaveCount(2);
    await expect(page.getByTestId('issue-history')).toContainText('整改记录完整，校验通过（共 6 条）');
    const listed = page.getByTestId('issue-reinspections');
    await expect(listed.getByRole('link', { name: /复查$/ })).toHaveCount(1);
    await expect(listed.getByRole('button', { name: '开始复查' })).toHaveCount(0);
    await page.screenshot({
      path: testInfo.outputPath('reinspection-issue-closed-zh-CN.png'),
      fullPage: true,
    });
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('sends an issue back, then reopens the same draft re-inspection to close it out', async ({
    app,
  }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    const title = 'Leachate tank left uncovered';
    await findingsOnNewVisit(page, EN, [title]);
    await page.getByRole('link', { name: title }).click();
    // The visit page has a photo input too: wait for the issue page before choosing files.
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await page
      .getByTestId('photo-files-input')
      .setInputFiles([sitePhoto('BEFORE_01.jpg', 601, false, '2026-03-02T09:10:00')]);
    await expect(page.getByTestId('photo-intake-added')).toHaveText('Photos added: 1.', { timeout: 60_000 });
    for (const [step, actor] of [
      ['Issue notice', 'Supervision team'],
      ['Acknowledge', 'County environment bureau'],
      ['Report rectification', 'County environment bureau'],
      ['Re-inspect', 'Supervision team'],
    ] as const)
      await issueStep(page, EN, step, actor);
    await expect(page.getByTestId('issue-status')).toHaveText('Awaiting re-inspection');

    // Awaiting re-inspection already: the visit opens at once.
    await page.getByRole('button', { name: 'Start re-inspection' }).click();
    await expect(page.getByTestId('visit-status')).toHaveText('Draft');
    const visitUrl = page.url();
    const issue = section(page, title);
    await expect(issue.getByRole('heading', { name: 'Before (1)' })).toBeVisible();
    await expect(issue.getByRole('heading', { name: 'After (0)' })).toBeVisible();

    await issue.getByRole('button', { name: 'Close out' }).click();
    let dialog = await openDialog(page, 'Close out');
    await dialog.getByRole('button', { name: 'Close out' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'This re-inspection has no after photos, so the issue cannot be closed out. Add the photos taken on this re-inspection under “After” first.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await issue
      .getByTestId('after-photos-input')
      .setInputFiles([sitePhoto('AFTER_01.jpg', 601, false, '2026-03-12T10:05:00')]);
    await expect(issue.getByTestId('photo-intake-added')).toHaveText('Photos added: 1.', { timeout: 60_000 });
    await expect(issue.getByRole('heading', { name: 'After (1)' })).toBeVisible();
    await issue.getByRole('button', { name: 'Send back' }).click();
    dialog = await openDialog(page, 'Send back');
    await dialog.getByLabel('Handled by').fill('Li Ming');
    await dialog.getByLabel('Reason').fill('The tank is still half open');
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await expect(dialog).toBeHidden();
    await expect(issue.getByTestId('reinspected-status')).toHaveText('In progress');
    await expect(issue.getByTestId('result-blocked')).toHaveText(
      'The issue is “In progress”: only an issue awaiting re-inspection can be closed out or sent back.',
    );

    // Back on the issue: sent back with the after photo as evidence; no re-inspection to start now.
    await issue.getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByTestId('issue-status')).toHaveText('In progress');
    const sentBack = page.getByTestId('issue-history').getByTestId('issue-event').last();
    await expect(sentBack).toHaveAttribute('data-kind', 'sentBack');
    await expect(sentBack).toContainText('Li Ming');
    await expect(sentBack).toContainText('The tank is still half open');
    await expect(sentBack).toContainText('Photos attached: 1');
    await expect(page.getByRole('button', { name: 'Start re-inspection' })).toHaveCount(0);

    // Reported again: starting asks who records "Re-inspect", and reopens the same draft visit.
    await issueStep(page, EN, 'Report rectification', 'County environment bureau');
    const visits = await countStoredRows(page, 'visits');
    await page.getByRole('button', { name: 'Start re-inspection' }).click();
    dialog = await openDialog(page, 'Start re-inspection');
    await dialog.getByLabel('Handled by').fill('');
    await dialog.getByRole('button', { name: 'Start re-inspection' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Enter who handled it.');
    await dialog.getByLabel('Handled by').fill('Li Ming');
    await dialog.getByRole('button', { name: 'Start re-inspection' }).click();
    await expect(
      page.getByText('Opened this issue’s re-inspection visit that is still a draft'),
    ).toBeVisible();
    await expect(page).toHaveURL(visitUrl);
    expect(await countStoredRows(page, 'visits')).toBe(visits);

    await issue
      .getByTestId('after-photos-input')
      .setInputFiles([sitePhoto('AFTER_02.jpg', 601, true, '2026-03-19T10:05:00')]);
    await expect(issue.getByRole('heading', { name: 'After (2)' })).toBeVisible({ timeout: 60_000 });
    // Not while the re-inspection is unsigned: the refusal names the visit and says what to do.
    await issue.getByRole('button', { name: 'Close out' }).click();
    dialog = await openDialog(page, 'Close out');
    await dialog.getByRole('button', { name: 'Close out' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      /^The re-inspection visit of \d{4}-\d{2}-\d{2} is not signed yet: have the inspector sign it and finalize it, then close the issue out\.$/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await signAndFinalize(page, EN_REINSPECT, 'Li Ming');
    await issue.getByRole('button', { name: 'Close out' }).click();
    dialog = await openDialog(page, 'Close out');
    await expect(dialog.getByLabel('Handled by')).not.toHaveValue('');
    await expect(dialog.getByTestId('result-evidence')).toHaveText(
      'Evidence: 2 after photos of this re-inspection',
    );
    await dialog.getByRole('button', { name: 'Close out' }).click();
    await expect(dialog).toBeHidden();
    await expect(issue.getByTestId('reinspected-status')).toHaveText('Closed');
    await page.screenshot({ path: testInfo.outputPath('reinspection-visit-en.png'), fullPage: true });

    await issue.getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByTestId('issue-status')).toHaveText('Closed');
    await expect
      .poll(() => historyKinds(page))
      .toEqual([
        'created',
        'issued',
        'acknowledged',
        'rectificationReported',
        'reinspectionRequested',
        'sentBack',
        'rectificationReported',
        'reinspectionRequested',
        'closed',
      ]);
    await expect(page.getByTestId('issue-history').getByTestId('issue-event').last()).toContainText(
      'Photos attached: 2',
    );
    await expect(page.getByTestId('issue-reinspections').getByRole('link')).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('reinspection-issue-en.png'), fullPage: true });
  });
});

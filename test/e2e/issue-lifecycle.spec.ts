// An issue found on a visit taken through the whole rectification lifecycle on its own page — a
// refused extension, a granted one, a failed re-inspection and a close-out with after photos — with
// every step in the hash-chained history, kept across a restart; and an entry altered straight in
// IndexedDB is flagged.
import type { Page } from '@playwright/test';
import { chooseOption } from './support/antd';
import { expect, test } from './support/fixtures';
import { afterPhotoFile, confirm, step } from './support/issue-steps';
import { pdfText, saveDownload } from './support/pdf';
import { closeOutByReinspection, ZH_REINSPECT } from './support/reinspect';

const PROJECT = '宁洱县城镇生活垃圾处理场';

async function findingOnNewVisit(
  page: Page,
  l: {
    load: string;
    ledger: string;
    search: string;
    start: string;
    record: string;
    title: string;
    category: string;
    categoryOption: string;
    save: string;
  },
  title: string,
  /** The person to choose in the header as working on this laptop (its label and the name). */
  person?: { label: string; name: string },
) {
  await page.getByRole('button', { name: l.load }).click();
  await expect(page.getByRole('table', { name: l.ledger })).toBeVisible({ timeout: 180_000 });
  if (person) await chooseOption(page, person.label, person.name);
  await page.getByRole('searchbox', { name: l.search }).fill(PROJECT);
  await page.getByRole('row').filter({ hasText: PROJECT }).click();
  await page.getByRole('button', { name: l.start }).click();
  await page.getByRole('button', { name: l.record }).click();
  const dialog = page.getByRole('dialog', { name: l.record });
  await dialog.getByLabel(l.title, { exact: true }).fill(title);
  await chooseOption(page, l.category, l.categoryOption);
  await dialog.getByRole('button', { name: l.save }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test.describe('in Chinese', () => {
  test('takes an issue from notice to close-out through refused and granted extensions and a failed re-inspection', async ({
    app,
  }, testInfo) => {
    test.setTimeout(300_000);
    let page = app.page;
    const title = '填埋库区东侧防渗膜破损';
    await findingOnNewVisit(
      page,
      {
        load: '加载示例督查',
        ledger: '项目台账',
        search: '搜索项目名称或业主',
        start: '开始督查',
        record: '记录问题',
        title: '问题',
        category: '问题类别',
        categoryOption: '环境保护',
        save: '记录',
      },
      title,
      { label: '当前经办人', name: '李晓燕' },
    );
    const status = page.getByTestId('issue-status');
    await expect(status).toHaveText('待下发');
    const deadline = await page.getByTestId('issue-deadline').innerText();
    // The person chosen on this laptop found it: the history names her, never the app.
    const created = page.getByTestId('issue-history').getByTestId('issue-event').first();
    await expect(created).toContainText('李晓燕 · ');
    await expect(page.getByTestId('issue-history')).not.toContainText('Ducha');

    // The notice takes the next number of the team's sequence, shown and not typed; issuing it
    // makes the 整改通知书 under that number, and the issue carries it.
    await page.getByRole('button', { name: '下发整改通知', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: '下发整改通知' });
    await expect(dialog.getByLabel('经办人')).toHaveValue('李晓燕');
    const numberField = dialog.getByLabel('通知书文号');
    await expect(numberField).toHaveAttribute('readonly', '');
    await expect(numberField).toHaveValue(/^督查〔\d{4}〕\d+号$/);
    const number = await numberField.inputValue();
    const pdf = await saveDownload(page, () => confirm(page, dialog, '确认'), testInfo.outputDir);
    await expect(status).toHaveText('已下发');
    await expect(page.getByTestId('issue-notice-number')).toHaveText(number);
    const noticeText = pdfText(pdf).replace(/\s+/g, '');
    expect(noticeText).toContain('整改通知书');
    expect(noticeText).toContain(number);
    expect(noticeText).toContain(title);
    // The Reports page lists it among the notices issued.
    const issueUrl = page.url();
    await page.getByText('查看整改通知书').click();
    await expect(page.getByRole('tab', { name: '整改通知书', selected: true })).toBeVisible();
    await page.getByRole('combobox', { name: '已下发的通知书' }).click();
    await expect(
      page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: number,
      }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await page.goto(issueUrl);
    await expect(status).toHaveText('已下发');

    await confirm(page, await step(page, '签收', { actor: '宁洱县住建局' }), '确认');
    await expect(status).toHaveText('已签收');

    // An extension asked without a reason is refused by the rules, and nothing is recorded.
    dialog = await step(page, '申请延期', { actor: '宁洱县住建局', deadline: '2027-06-30' });
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('请填写理由。');
    await dialog.getByLabel('说明').fill('雨季无法施工');
    await confirm(page, dialog, '确认');
    await expect(status).toHaveText('申请延期');
    await confirm(
      page,
      await step(page, '不同意延期', { actor: '督查组', note: '理由不充分，按期完成' }),
      '确认',
    );
    await expect(status).toHaveText('整改中');
    await expect(page.getByTestId('issue-deadline')).toHaveText(deadline);

    await confirm(
      page,
      await step(page, '申请延期', {
        actor: '宁洱县住建局',
        note: '防渗膜需厂家补货',
        deadline: '2027-06-30',
      }),
      '确认',
    );
    await confirm(page, await step(page, '同意延期', { actor: '督查组', note: '同意延期至6月底' }), '确认');
    await expect(page.getByTestId('issue-deadline')).toHaveText('2027-06-30');

    await confirm(
      page,
      await step(page, '反馈整改情况', { actor: '宁洱县住建局', note: '已更换破损防渗膜' }),
      '确认',
    );
    await confirm(page, await step(page, '复查', { actor: '督查组' }), '确认');
    await expect(status).toHaveText('待复查');
    await confirm(page, await step(page, '退回整改', { actor: '督查组', note: '搭接处仍有渗漏' }), '确认');
    await expect(status).toHaveText('整改中');
    await confirm(
      page,
      await step(page, '反馈整改情况', { actor: '宁洱县住建局', note: '搭接处已重新焊接' }),
      '确认',
    );
    await confirm(page, await step(page, '复查', { actor: '督查组' }), '确认');

    // Closing out needs the after photos, and a signed, finalized re-inspection: refused without.
    dialog = await step(page, '销号', { actor: '督查组' });
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('销号需要复查时拍摄的整改后照片。');
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('photo-files-input').setInputFiles(afterPhotoFile('AFTER_01.jpg', 77));
    await expect(page.getByTestId('photo-intake-added')).toHaveText('已添加 1 张照片。', { timeout: 60_000 });
    dialog = await step(page, '销号', { actor: '督查组', note: '复查合格' });
    await dialog.getByRole('checkbox', { name: 'AFTER_01.jpg' }).check();
    await dialog.getByRole('button', { name: '确认' }).click();
    // (The step typed before is offered back as a draft: that is an alert of the dialog too.)
    await expect(
      dialog.getByRole('alert').filter({ hasText: '尚无复查记录：请先开始复查，签字并定稿后再销号。' }),
    ).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(status).toHaveText('待复查');
    await closeOutByReinspection(page, ZH_REINSPECT, title, {
      inspector: '王建国',
      photo: { name: 'AFTER_02.jpg', seed: 78 },
      remarks: '复查合格',
    });
    await page.goto(issueUrl);
    await expect(status).toHaveText('已销号');
    await expect(page.getByTestId('colour-card')).toHaveCount(0);

    const kinds = [
      'created',
      'issued',
      'acknowledged',
      'extensionRequested',
      'extensionRefused',
      'extensionRequested',
      'extensionGranted',
      'rectificationReported',
      'reinspectionRequested',
      'sentBack',
      'rectificationReported',
      'reinspectionRequested',
      'closed',
    ];
    const history = page.getByTestId('issue-history');
    await expect(history.getByTestId('issue-event')).toHaveCount(kinds.length);
    expect(
      await history
        .getByTestId('issue-event')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))),
    ).toEqual(kinds);
    await expect(history).toContainText('整改记录完整，校验通过（共 13 条）');
    await expect(history).toContainText('搭接处仍有渗漏');
    await page.screenshot({ path: testInfo.outputPath('issue-closed-zh-CN.png'), fullPage: true });

    // The issue list finds it by a two-character term, and the closed filter keeps it.
    const url = page.url();
    await page.getByRole('menuitem', { name: '问题清单' }).click();
    await page.getByPlaceholder('搜索问题（如：围挡）').fill('防渗');
    // (antd's virtual table body is not in the accessibility tree: look for the text itself.)
    await expect(page.getByTestId('issue-count')).toHaveText('共 1 个问题');
    await expect(page.getByText(title, { exact: true })).toBeVisible();
    await chooseOption(page, '状态', '整改中');
    await expect(page.getByTestId('issue-count')).toHaveText('共 0 个问题');
    await chooseOption(page, '状态', '已销号');
    await expect(page.getByTestId('issue-count')).toHaveText('共 1 个问题');
    await page.screenshot({ path: testInfo.outputPath('issue-list-zh-CN.png') });

    // Alter an entry behind the app's back: the page says so after a restart.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('ducha');
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('issueEvents', 'readwrite');
        const cursor = tx.objectStore('issueEvents').openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          const value = c.value as { note: string };
          if (value.note === '搭接处仍有渗漏') c.update({ ...value, note: '复查合格' });
          c.continue();
        };
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
    page = await app.reopen();
    await page.goto(url);
    await expect(page.getByTestId('issue-history').getByRole('alert')).toContainText(
      '整改记录第 10 条与保存时不一致',
    );
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('names the lifecycle steps as the automation contract does, and turns the card red as time passes', async ({
    app,
  }) => {
    const { page } = app;
    const title = 'Leachate pond liner torn';
    await findingOnNewVisit(
      page,
      {
        load: 'Load sample campaign',
        ledger: 'Project ledger',
        search: 'Search project name or owner',
        start: 'Start a visit',
        record: 'Record a finding',
        title: 'Finding',
        category: 'Category',
        categoryOption: 'Environment',
        save: 'Record',
      },
      title,
    );
    await expect(page.getByTestId('issue-status')).toHaveText('Draft');
    // A notice may not order a deadline already past: refused, saying why, and nothing is recorded.
    const found = await page.getByTestId('issue-deadline').innerText();
    const change = (date: string) =>
      step(page, 'New deadline', { actor: 'Supervision team', deadline: date, note: 'Date typed wrong' });
    await confirm(page, await change('2020-01-06'), 'Confirm');
    let dialog = await step(page, 'Issue notice', { actor: 'Supervision team' });
    await expect(dialog.getByLabel('Notice number')).toHaveValue(/^督查〔\d{4}〕\d+号$/);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      `Not recorded: the deadline 2020-01-06 has already passed (${title}); change the deadline before issuing`,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('issue-status')).toHaveText('Draft');
    await expect(page.getByTestId('issue-notice-number')).toHaveText('—');
    await confirm(page, await change(found), 'Confirm');
    dialog = await step(page, 'Issue notice', { actor: 'Supervision team' });
    await confirm(page, dialog, 'Confirm');
    await expect(page.getByTestId('issue-notice-number')).toHaveText(/^督查〔\d{4}〕\d+号$/);
    await confirm(page, await step(page, 'Acknowledge', { actor: 'County housing bureau' }), 'Confirm');
    for (const name of ['Request extension', 'Report rectification']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await confirm(
      page,
      await step(page, 'Report rectification', { actor: 'County housing bureau' }),
      'Confirm',
    );
    await confirm(page, await step(page, 'Re-inspect', { actor: 'Supervision team' }), 'Confirm');
    await expect(page.getByRole('button', { name: 'Close out', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send back', exact: true })).toBeVisible();
    await expect(page.getByTestId('issue-history').getByTestId('issue-event')).toHaveCount(7);

    // The tests control time: green five days before the deadline, yellow within three, red after.
    const deadline = await page.getByTestId('issue-deadline').innerText();
    const card = page.getByTestId('colour-card');
    await page.clock.install({ time: new Date(`${deadline}T09:00:00+08:00`).getTime() - 5 * 86_400_000 });
    await page.reload();
    await expect(card).toHaveAttribute('data-card', 'green');
    await expect(card).toHaveText('Green card');
    await page.clock.fastForward(72 * 3_600_000);
    await expect(card).toHaveAttribute('data-card', 'yellow');
    await page.clock.fastForward(72 * 3_600_000);
    await expect(card).toHaveAttribute('data-card', 'red');
    await expect(card).toHaveText('Red card');
  });
});

// Reports (issue 5) from the sample campaign: the four documents as PDF — text extracted from each holds
// the expected Chinese strings, every font is embedded, the first page is rendered to PNG and kept —
// and the ledgers and the bulletin's tables as .xlsx that reopen with ExcelJS. Also: a photo whose
// bytes are gone is printed as a marked placeholder and reported; a period with nothing in it gives
// a clear empty bulletin; the English names of the automation contract.
import type { Page, TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import type { Issue } from '../../shared/domain/issue';
import type { Photo } from '../../shared/domain/photo';
import type { Project } from '../../shared/domain/project';
import type { Visit } from '../../shared/domain/visit';
import { expect, test } from './support/fixtures';
import { chooseOption, fillDate } from './support/antd';
import { firstPagePng, pdfFonts, pdfPages, pdfText, saveDownload } from './support/pdf';
import { storedRows } from './support/stored-rows';

const live = <T extends { _deleted?: boolean }>(rows: T[]) => rows.filter((r) => r._deleted !== true);

async function loadSample(page: Page, load: string, ledger: string) {
  await page.getByRole('button', { name: load }).click();
  await expect(page.getByRole('table', { name: ledger })).toBeVisible({ timeout: 150_000 });
}

/** Saves the document on screen as PDF and checks what every PDF must be; returns its text. */
async function savePdf(page: Page, testInfo: TestInfo, name: string, savePdfLabel = '保存 PDF') {
  const preview = page.locator('iframe[title$="预览"], iframe[title^="Preview"]');
  await expect(preview).toBeVisible({ timeout: 120_000 });
  const file = await saveDownload(
    page,
    () => page.getByRole('button', { name: savePdfLabel }).click(),
    testInfo.outputDir,
  );
  expect(file.endsWith('.pdf')).toBe(true);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  expect(fonts.some((f) => /NotoSansSC/i.test(f.name))).toBe(true);
  const png = firstPagePng(file, testInfo.outputPath(`${name}-page1`));
  await testInfo.attach(`${name}-page1.png`, { path: png, contentType: 'image/png' });
  const pages = pdfPages(file);
  await expect(
    page.getByText(new RegExp(`(已保存 .*（${String(pages)} 页）|Saved .*\\(pages: ${String(pages)}\\))`)),
  ).toBeVisible();
  // The checks below look for words, not for spacing or line breaks.
  return pdfText(file).replace(/\s+/g, '');
}

test.describe('in Chinese', () => {
  test('saves the visit record, a new rectification notice, the bulletin and a close-out record as PDF, and the ledgers as Excel', async ({
    app,
  }, testInfo) => {
    test.setTimeout(600_000);
    const { page } = app;
    await loadSample(page, '加载示例督查', '项目台账');
    const projects = live(await storedRows<Project>(page, 'projects'));
    const visits = live(await storedRows<Visit>(page, 'visits'));
    const photos = live(await storedRows<Photo>(page, 'photos'));
    const issues = live(await storedRows<Issue>(page, 'issues'));
    const projectName = (id: string) => projects.find((p) => p.id === id)?.name ?? '';

    // 督查记录单, from the visit page: a finalized, signed visit with photos.
    const visit = visits.find(
      (v) => v.status === 'finalized' && v.signatures.length === 2 && photos.some((p) => p.visitId === v.id),
    );
    if (!visit) throw new Error('the sample has no signed visit with photos');
    await page.evaluate((id) => (location.hash = `#/visits/${id}`), visit.id);
    await page.getByRole('button', { name: '督查记录单' }).click();
    await expect(page.getByRole('tab', { name: '督查记录单', selected: true })).toBeVisible();
    const record = await savePdf(page, testInfo, 'visit-record');
    expect(record).toContain('督查记录单');
    expect(record).toContain(projectName(visit.projectId).replace(/\s+/g, ''));
    expect(record).toContain('督查人员（签字）');
    expect(record).toMatch(/第1页共\d+页/);

    // 整改通知书: a unit with draft issues gets the next number of the year — unless a deadline
    // it would order has already passed (today in China Standard Time), which is refused and said.
    const drafts = issues.filter((i) => i.status === 'draft');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const draftsOf = (unit: string) => drafts.filter((i) => i.responsibleUnitIds.includes(unit));
    const units = [...new Set(drafts.flatMap((i) => i.responsibleUnitIds))];
    const unitId = units.find((u) => draftsOf(u).every((i) => i.deadline >= today));
    const lateUnit = units.find((u) => draftsOf(u).some((i) => i.deadline < today));
    if (!unitId) throw new Error('the sample has no draft issue with a deadline still to come');
    const unitDrafts = draftsOf(unitId);
    if (lateUnit) {
      await page.evaluate((id) => (location.hash = `#/reports?doc=notice&unit=${id}`), lateUnit);
      await chooseOption(page, '当前经办人', '李晓燕');
      const late = draftsOf(lateUnit).find((i) => i.deadline < today);
      await page.getByRole('button', { name: '下发通知书' }).click();
      await expect(page.getByRole('alert').filter({ hasText: '下发失败' })).toContainText(
        `整改时限 ${late?.deadline ?? ''} 已过`,
      );
    }
    await page.evaluate((id) => (location.hash = `#/reports?doc=notice&unit=${id}`), unitId);
    await expect(page.getByText(`该单位待下发的问题（${String(unitDrafts.length)} 个）`)).toBeVisible();
    const numberLine = await page.getByText(/^文号将为 /).innerText();
    const number = numberLine.replace('文号将为 ', '').trim();
    expect(number).toMatch(/^督查(专)?〔\d{4}〕\d+号$/);
    // Who gives it out is the person working on this laptop, chosen in the header.
    if (!lateUnit) await chooseOption(page, '当前经办人', '李晓燕');
    await expect(page.getByRole('textbox', { name: '经办人', exact: true })).toHaveValue('李晓燕');
    await page.getByRole('button', { name: '下发通知书' }).click();
    await expect(page.getByText(`已下发 ${number}，共 ${String(unitDrafts.length)} 个问题`)).toBeVisible();
    const issuedNow = live(await storedRows<Issue>(page, 'issues')).filter((i) => i.noticeNumber === number);
    expect(issuedNow.map((i) => i.status).sort()).toEqual(unitDrafts.map(() => 'issued'));
    const notice = await savePdf(page, testInfo, 'rectification-notice');
    expect(notice).toContain('整改通知书');
    expect(notice).toContain(number);
    for (const issue of unitDrafts)
      expect(notice).toContain(projectName(issue.projectId).replace(/\s+/g, ''));
    // No office font on this machine: the preview says the shipped faces stand in, and for which.
    await expect(page.getByTestId('report-faces')).toContainText(
      '正文 Noto Serif SC（随附，代替仿宋_GB2312）',
    );
    await expect(page.getByTestId('report-faces')).toContainText(
      '二级标题 LXGW WenKai（随附，代替楷体_GB2312）',
    );
    // The same notice as a Word file to edit before it is stamped.
    const word = await saveDownload(
      page,
      () => page.getByRole('button', { name: '保存 Word' }).click(),
      testInfo.outputDir,
    );
    expect(word.endsWith('.docx')).toBe(true);
    const docx = await JSZip.loadAsync(readFileSync(word));
    const partOf = async (name: string) => (await docx.file(name)?.async('string')) ?? '';
    expect(await partOf('word/document.xml')).toContain(number);
    // Its styles name the office's faces, which WPS and Word find on an office's laptop.
    expect(await partOf('word/styles.xml')).toContain('仿宋_GB2312');
    await expect(page.getByText(/^已保存 .*\.docx$/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('reports-notice-zh-CN.png') });

    // 督查通报 for the whole sample period, with its tables as Excel.
    await page.getByRole('tab', { name: '督查通报' }).click();
    await fillDate(page.getByLabel('起始日期'), '2026-01-01');
    await page.getByRole('button', { name: '生成预览' }).click();
    const bulletin = await savePdf(page, testInfo, 'bulletin');
    expect(bulletin).toContain('督查通报');
    expect(bulletin).toContain('各县(区)整改情况及排名');
    expect(bulletin).toContain('排名规则');
    expect(bulletin).toContain('附件：现场照片');
    const tables = await saveDownload(
      page,
      () => page.getByRole('button', { name: '保存 Excel' }).click(),
      testInfo.outputDir,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(tables).buffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(3);

    // 销号验收单 from a closed issue's page.
    const closed = issues.find((i) => i.status === 'closed');
    if (!closed) throw new Error('the sample has no closed issue');
    await page.evaluate((id) => (location.hash = `#/issues/${id}`), closed.id);
    await page.getByRole('button', { name: '销号验收单' }).click();
    const closeOut = await savePdf(page, testInfo, 'close-out-record');
    expect(closeOut).toContain('销号验收单');
    expect(closeOut).toContain(projectName(closed.projectId).replace(/\s+/g, ''));
    expect(closeOut).toContain('整改前');

    // 台账: the issue ledger as .xlsx holds every issue under its two-row header.
    await page.evaluate(() => (location.hash = '#/reports?doc=ledgers'));
    const ledger = await saveDownload(
      page,
      () => page.getByRole('button', { name: '保存 Excel 问题台账' }).click(),
      testInfo.outputDir,
    );
    const ledgerBook = new ExcelJS.Workbook();
    await ledgerBook.xlsx.load(readFileSync(ledger).buffer);
    const sheet = ledgerBook.worksheets[0];
    if (!sheet) throw new Error('the issue ledger has no sheet');
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    const allIssues = live(await storedRows<Issue>(page, 'issues'));
    expect(texts).toContain(allIssues[0]?.title);
    expect(
      texts.some(
        (t) =>
          t.includes(`合计 ${String(allIssues.length)} 项`) ||
          t.includes(`合计${String(allIssues.length)}项`),
      ),
    ).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('reports-zh-CN.png') });
  });

  test('marks and reports a photo whose bytes are gone, and makes an empty bulletin of an empty period', async ({
    app,
  }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    await loadSample(page, '加载示例督查', '项目台账');
    const visits = live(await storedRows<Visit>(page, 'visits'));
    const photos = live(await storedRows<Photo>(page, 'photos'));
    const visit = visits.find((v) => photos.some((p) => p.visitId === v.id));
    const gone = photos.find((p) => p.visitId === visit?.id);
    if (!visit || !gone) throw new Error('the sample has no visit with photos');
    // The photo's original and copies vanish (as if it never reached this laptop).
    await page.evaluate(async (sha256) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('ducha');
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction(['photoBlobs', 'photoDerivatives'], 'readwrite');
        tx.objectStore('photoBlobs').delete(sha256);
        tx.objectStore('photoDerivatives').delete(IDBKeyRange.bound([sha256, ''], [sha256, '\uffff']));
        tx.oncomplete = () => resolve();
      });
      db.close();
    }, gone.sha256);
    await page.evaluate((id) => (location.hash = `#/reports?doc=visit&visit=${id}`), visit.id);
    await expect(page.getByText(/张照片在本机没有可用的文件/)).toContainText(gone.fileName);
    const text = await savePdf(page, testInfo, 'visit-record-missing-photo');
    expect(text).toContain('照片缺失');

    await page.getByRole('tab', { name: '督查通报' }).click();
    await fillDate(page.getByLabel('起始日期'), '2020-01-01');
    await fillDate(page.getByLabel('截止日期'), '2020-01-31');
    await page.getByRole('button', { name: '生成预览' }).click();
    const empty = await savePdf(page, testInfo, 'bulletin-empty');
    expect(empty).toContain('本期没有督查记录，也没有发现问题');
  });
});

test.describe('in English', () => {
  test.use({ query: 'lang=en' });

  test('names the reports as the automation contract does', async ({ app }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    await loadSample(page, 'Load sample campaign', 'Project ledger');
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    for (const tab of ['Visit record', 'Rectification notice', 'Bulletin', 'Close-out record'])
      await expect(page.getByRole('tab', { name: tab })).toBeVisible();
    await page.getByRole('tab', { name: 'Close-out record' }).click();
    await page.getByLabel('Closed issue').click();
    // The first closed issue, by keyboard: the list opens on it.
    await page.keyboard.press('Enter');
    const text = await savePdf(page, testInfo, 'close-out-en', 'Save PDF');
    // The document itself is Chinese, as official documents are.
    expect(text).toContain('销号验收单');
    await page.getByRole('tab', { name: 'Bulletin' }).click();
    await page.getByRole('button', { name: 'Make preview' }).click();
    await expect(page.getByRole('button', { name: 'Save Excel' })).toBeEnabled({ timeout: 120_000 });
    await expect(page.getByRole('button', { name: 'Save Word' })).toBeEnabled();
    await expect(page.getByTestId('report-faces')).toContainText(
      'body Noto Serif SC (shipped with Ducha, in place of 仿宋_GB2312)',
    );
    await page.screenshot({ path: testInfo.outputPath('reports-en.png') });
  });
});

// Hand-over by USB between two laptops: two app instances, each with its own data folder and browser
// profile (its own IndexedDB), exchanging export folders through a folder on disk — the "stick".
// A exports everything; B verifies, trusts A and imports; B acknowledges an issue and exports only
// what A lacks; A imports it; both end in the same state; importing again changes nothing; the
// leader's index.html opens from the folder with no app. A tampered bundle is refused by name.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNCED_TABLES } from '../../shared/sync/tables';
import { confirm, step } from './support/issue-steps';
import { CHROMIUM_ARGS, expect, launchApp, test } from './support/fixtures';
import { CHROMIUM } from './support/host-choice';

/** Every synced row with its field clocks, and the photo originals' keys and sizes: a laptop's data. */
function dataOf(page: Page): Promise<string> {
  return page.evaluate(
    (tables) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('ducha');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...tables, 'photoBlobs'], 'readonly');
          const out: Record<string, unknown> = {};
          for (const table of tables) {
            const request = tx.objectStore(table).getAll();
            request.onsuccess = () => {
              out[table] = request.result;
            };
          }
          const blobs = tx.objectStore('photoBlobs').getAll();
          blobs.onsuccess = () => {
            out.photoBlobs = (blobs.result as { sha256: string; blob: Blob }[]).map((b) => [
              b.sha256,
              b.blob.size,
            ]);
          };
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    [...SYNCED_TABLES],
  );
}

/** The tab's own panel: the other tab's panel stays in the page, hidden, with its own buttons. */
const panelOf = (page: Page, tab: RegExp) => page.getByRole('tabpanel', { name: tab });
const EXPORT_TAB = /^(Export|导出)$/;
const IMPORT_TAB = /^(Import|导入)$/;

async function chooseFolder(page: Page, tab: RegExp, path: string) {
  await panelOf(page, tab)
    .getByRole('button', { name: /Choose folder|选择文件夹/ })
    .click();
  const dialog = page.getByRole('dialog', { name: /Choose folder|选择文件夹/ });
  // The home folder's listing arrives first; typing before it would be overwritten.
  await expect(dialog.getByLabel(/Folder path|文件夹路径/)).not.toHaveValue('');
  await dialog.getByLabel(/Folder path|文件夹路径/).fill(path);
  await dialog.getByRole('button', { name: /^(Open|打开)$/ }).click();
  await expect(dialog.getByLabel(/Folder path|文件夹路径/)).toHaveValue(path);
  await dialog.getByRole('button', { name: /Use this folder|使用此文件夹/ }).click();
  await expect(dialog).toBeHidden();
}

async function exportTo(page: Page, stick: string, options: { reports: boolean; recipient?: string }) {
  await page.getByRole('tab', { name: EXPORT_TAB }).click();
  await chooseFolder(page, EXPORT_TAB, stick);
  if (options.recipient) {
    await page.getByRole('radio', { name: /incremental|增量/ }).check();
    await page.getByRole('combobox', { name: /Receiving laptop|接收电脑/ }).click();
    await page.getByRole('option', { name: options.recipient }).click();
  }
  const reports = page.getByRole('checkbox', { name: /reports|报告/ });
  if ((await reports.isChecked()) !== options.reports) await reports.click();
  await panelOf(page, EXPORT_TAB).getByRole('button', { name: EXPORT_TAB }).click();
  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toBeVisible({ timeout: 180_000 });
  await expect(outcome).toContainText(/Export complete|导出完成/);
  return (await page.getByTestId('export-path').innerText()).trim();
}

async function verifyFolder(page: Page, folder: string) {
  await page.getByRole('tab', { name: IMPORT_TAB }).click();
  await chooseFolder(page, IMPORT_TAB, folder);
  await panelOf(page, IMPORT_TAB)
    .getByRole('button', { name: /^(Verify|校验)$/ })
    .click();
}

async function openExchange(page: Page) {
  await page.getByRole('menuitem', { name: /^(Exchange|导出导入)$/ }).click();
  await expect(page.getByRole('heading', { name: /^(Exchange|导出导入)$/ })).toBeVisible();
}

test.describe('two laptops in English', () => {
  test.use({ query: 'lang=en' });

  test('export, verify, trust, import, edit, incremental export back, and the same state on both', async ({
    app,
    home,
  }, testInfo) => {
    test.setTimeout(600_000);
    const a = app.page;
    const stick = join(home, 'stick');
    mkdirSync(stick);
    await a.getByRole('button', { name: 'Load sample campaign' }).click();
    await expect(a.getByRole('heading', { name: 'Project ledger' })).toBeVisible({ timeout: 180_000 });
    await openExchange(a);
    await a.getByLabel('This laptop’s name').fill('Team 1 laptop A');
    await a.getByRole('button', { name: 'Save name' }).click();
    const fingerprintA = (await a.getByTestId('device-fingerprint').innerText()).split(': ')[1] ?? '';
    expect(fingerprintA).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){4}$/);

    const full = await exportTo(a, stick, { reports: true });
    await a.screenshot({ path: testInfo.outputPath('exchange-export-en.png'), fullPage: true });
    // Complete and nothing half-written beside it.
    expect(readdirSync(stick).filter((name) => name.startsWith('.ducha-partial'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(full, 'bundle', 'manifest.json'), 'utf8')) as {
      files: { path: string; role: string }[];
      source: { name: string };
      kind: string;
    };
    expect(manifest).toMatchObject({ kind: 'full', source: { name: 'Team 1 laptop A' } });
    const roles = new Set(manifest.files.map((f) => f.role));
    for (const role of ['operations', 'blob', 'ledger', 'report', 'page']) expect(roles).toContain(role);
    for (const file of manifest.files) expect(existsSync(join(full, file.path))).toBe(true);
    const photoPath = manifest.files.find((f) => f.role === 'blob')?.path ?? '';
    expect(photoPath).toMatch(/^photos\/[^/]+\/[^/]+\/[^/]+$/);

    // The leader's page, from the folder, in a browser with no app.
    const leaderBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const leader = await leaderBrowser.newPage();
    await leader.goto(`file://${join(full, 'index.html')}`);
    await expect(leader.getByRole('heading', { name: '督查数据汇总' })).toBeVisible();
    await expect(leader.getByRole('table').first()).toContainText('思茅');
    const firstPhoto = leader.locator('img').first();
    await firstPhoto.scrollIntoViewIfNeeded();
    await expect
      .poll(() => firstPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await leader.screenshot({ path: testInfo.outputPath('leader-page.png') });
    await leaderBrowser.close();

    // Laptop B: its own data folder and profile.
    const homeB = join(home, 'laptop-b');
    mkdirSync(homeB);
    const laptopB = await launchApp(homeB, { systemLocale: 'zh-CN', query: 'lang=en' });
    try {
      const b = laptopB.app.page;
      await b.getByRole('button', { name: 'Start empty' }).click();
      await openExchange(b);
      await b.getByLabel('This laptop’s name').fill('Office laptop B');
      await b.getByRole('button', { name: 'Save name' }).click();
      await verifyFolder(b, full);
      const preview = b.getByTestId('import-preview');
      await expect(preview).toContainText('The bundle is complete and its signature is valid');
      await expect(preview).toContainText('From: Team 1 laptop A');
      await expect(preview).toContainText(fingerprintA);
      const apply = b.getByRole('button', { name: 'Apply import' });
      await expect(apply).toBeDisabled();
      await b.getByRole('checkbox', { name: 'I have compared it and trust this laptop' }).check();
      await b.screenshot({ path: testInfo.outputPath('exchange-import-en.png'), fullPage: true });
      await apply.click();
      await expect(b.getByTestId('import-outcome')).toContainText('Import complete', { timeout: 180_000 });
      writeFileSync(testInfo.outputPath('a.json'), await dataOf(a));
      writeFileSync(testInfo.outputPath('b.json'), await dataOf(b));
      expect(await dataOf(b)).toBe(await dataOf(a));

      // B acknowledges an issued issue and sends back only that.
      const issued = await b.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open('ducha');
            open.onsuccess = () => {
              const request = open.result
                .transaction('issues')
                .objectStore('issues')
                .index('status')
                .getAllKeys('issued', 1);
              request.onsuccess = () => resolve(request.result[0] as string);
              request.onerror = () => reject(new Error('no issued issue'));
            };
          }),
      );
      const base = (p: Page) => p.url().split('#')[0] ?? '';
      await b.goto(`${base(b)}#/issues/${issued}`);
      await confirm(b, await step(b, 'Acknowledge', { actor: 'County housing bureau' }), 'Confirm');
      await expect(b.getByTestId('issue-status')).toHaveText('Acknowledged');
      await openExchange(b);
      const back = await exportTo(b, stick, { reports: false, recipient: 'Team 1 laptop A' });
      const backManifest = JSON.parse(readFileSync(join(back, 'bundle', 'manifest.json'), 'utf8')) as {
        kind: string;
        operations: { count: number };
        files: { role: string }[];
      };
      expect(backManifest.kind).toBe('incremental');
      // The acknowledgement: the changed fields and its history event, no photos.
      expect(backManifest.operations.count).toBeGreaterThan(0);
      expect(backManifest.operations.count).toBeLessThan(40);

      await openExchange(a);
      await verifyFolder(a, back);
      await expect(a.getByTestId('import-preview')).toContainText('From: Office laptop B (incremental');
      await a.getByRole('checkbox', { name: 'I have compared it and trust this laptop' }).check();
      await a.getByRole('button', { name: 'Apply import' }).click();
      await expect(a.getByTestId('import-outcome')).toContainText('Import complete');
      expect(await dataOf(a)).toBe(await dataOf(b));
      await a.goto(`${base(a)}#/issues/${issued}`);
      await expect(a.getByTestId('issue-status')).toHaveText('Acknowledged');

      // The same bundle again: named as imported before, and nothing changes.
      const before = await dataOf(a);
      await openExchange(a);
      await verifyFolder(a, back);
      await expect(a.getByTestId('import-earlier')).toContainText('This bundle was imported on');
      await expect(a.getByTestId('import-newRows')).toHaveText('0');
      await expect(a.getByTestId('import-changedRows')).toHaveText('0');
      await a.getByRole('button', { name: 'Apply import' }).click();
      await expect(a.getByTestId('import-outcome')).toContainText('0 new and 0 changed records');
      expect(await dataOf(a)).toBe(before);
      await a.getByRole('tab', { name: 'Import receipts' }).click();
      await expect(a.getByRole('table', { name: 'Import receipts' }).getByRole('row')).toHaveCount(3);
    } finally {
      await laptopB.close();
    }
  });
});

test.describe('in Chinese', () => {
  test('refuses a tampered bundle by name and a folder that is no bundle, and changes nothing', async ({
    app,
    home,
  }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    const stick = join(home, 'U盘');
    mkdirSync(stick);
    await page.getByRole('button', { name: '加载示例督查' }).click();
    await expect(page.getByRole('heading', { name: '项目台账' })).toBeVisible({ timeout: 180_000 });
    await openExchange(page);
    const folder = await exportTo(page, stick, { reports: false });
    const before = await dataOf(page);

    const operations = join(folder, 'bundle', 'operations.ndjson');
    const text = readFileSync(operations, 'utf8');
    writeFileSync(operations, text.replace('"issued"', '"closed"'));
    await verifyFolder(page, folder);
    await expect(page.getByTestId('import-problem')).toHaveText(
      '文件内容与清单不符（被改动或损坏）：bundle/operations.ndjson',
    );
    await page.screenshot({ path: testInfo.outputPath('exchange-tampered-zh-CN.png'), fullPage: true });
    await expect(page.getByRole('button', { name: '执行导入' })).toHaveCount(0);

    await verifyFolder(page, home);
    await expect(page.getByText('此处没有导出文件夹。')).toBeVisible();
    expect(await dataOf(page)).toBe(before);
  });
});

// Hand-over by USB between two laptops: two app instances, each with its own data folder and browser
// profile (its own IndexedDB), exchanging export folders through a folder on disk — the "stick".
// A exports everything; B verifies, trusts A and imports; B acknowledges an issue and exports only
// what A lacks; A, new to B, sees per record what it would change before trusting it, and imports it;
// both end in the same state; importing the same or an older bundle again changes nothing and lists no
// conflict; the leader's index.html opens from the folder with no app. A tampered bundle is refused by name.
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseOption } from './support/antd';
import { confirm, step } from './support/issue-steps';
import { CHROMIUM_ARGS, expect, launchApp, test } from './support/fixtures';
import { CHROMIUM } from './support/host-choice';
import {
  chooseFolder,
  EXPORT_TAB,
  IMPORT_TAB,
  openExchange,
  panelOf,
  verifyFolder,
} from './support/exchange-page';
import { dataOf, expectSame } from './support/two-laptops';

async function exportTo(
  page: Page,
  stick: string,
  options: { reports: boolean; recipient?: string; pageLanguage?: string },
) {
  await page.getByRole('tab', { name: EXPORT_TAB }).click();
  await chooseFolder(page, EXPORT_TAB, stick);
  if (options.recipient) {
    await page.getByRole('radio', { name: /incremental|增量/ }).check();
    await chooseOption(page, 'Receiving laptop', options.recipient);
  }
  if (options.pageLanguage)
    await chooseOption(page, "Language of the leader's page (index.html)", options.pageLanguage);
  const reports = page.getByRole('checkbox', { name: /reports|报告/ });
  if ((await reports.isChecked()) !== options.reports) await reports.click();
  await panelOf(page, EXPORT_TAB).getByRole('button', { name: EXPORT_TAB }).click();
  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toBeVisible({ timeout: 180_000 });
  await expect(outcome).toContainText(/Export complete|导出完成/);
  return (await page.getByTestId('export-path').innerText()).trim();
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
    await expect(a.getByRole('button', { name: 'Save name' })).toBeDisabled();
    await expect(a.getByLabel('This laptop’s name')).toHaveValue('Team 1 laptop A');
    await expect(a.getByTestId('device-fingerprint')).toHaveText(/[0-9a-f]{4}$/);
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
    // Exported from the English app, so in English, with the time on the team's clock.
    await expect(leader.locator('html')).toHaveAttribute('lang', 'en');
    await expect(leader.getByRole('heading', { name: 'Supervision data summary' })).toBeVisible();
    await expect(
      leader.getByText(/^Exported by Team 1 laptop A at \d{4}-\d\d-\d\d \d\d:\d\d\./),
    ).toBeVisible();
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
      await expect(b.getByRole('button', { name: 'Save name' })).toBeDisabled();
      await expect(b.getByLabel('This laptop’s name')).toHaveValue('Office laptop B');
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
      // The same records and photos. (Not yet the same clocks: each laptop wrote the built-in
      // checklist templates itself; B's later clocks reach A with B's bundle.)
      expectSame(await dataOf(b, false), await dataOf(a, false), 'after-first-import', testInfo);

      // B acknowledges an issued issue and sends back only that.
      const [issued, issuedTitle] = await b.evaluate(
        () =>
          new Promise<[string, string]>((resolve, reject) => {
            const open = indexedDB.open('ducha');
            open.onsuccess = () => {
              const request = open.result
                .transaction('issues')
                .objectStore('issues')
                .index('status')
                .getAll('issued', 1);
              const first = () => request.result[0] as { id: string; title: string };
              request.onsuccess = () => resolve([first().id, first().title]);
              request.onerror = () => reject(new Error('no issued issue'));
            };
          }),
      );
      const base = (p: Page) => p.url().split('#')[0] ?? '';
      await b.goto(`${base(b)}#/issues/${issued}`);
      await confirm(b, await step(b, 'Acknowledge', { actor: 'County housing bureau' }), 'Confirm');
      await expect(b.getByTestId('issue-status')).toHaveText('Acknowledged');
      await openExchange(b);
      const back = await exportTo(b, stick, {
        reports: false,
        recipient: 'Team 1 laptop A',
        pageLanguage: '简体中文',
      });
      // The leader's page speaks the language chosen at export, not the app's (English here).
      const backPage = readFileSync(join(back, 'index.html'), 'utf8');
      expect(backPage).toContain('<html lang="zh-CN">');
      expect(backPage).toContain('督查数据');
      const backManifest = JSON.parse(readFileSync(join(back, 'bundle', 'manifest.json'), 'utf8')) as {
        kind: string;
        operations: { count: number };
        files: { role: string }[];
      };
      expect(backManifest.kind).toBe('incremental');
      // The acknowledgement (and B's own built-in templates), no photos: a small part of the whole.
      const backOps = readFileSync(join(back, 'bundle', 'operations.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { table: string; rowId: string; field: string; value: unknown });
      expect(backOps).toContainEqual(
        expect.objectContaining({ table: 'issues', rowId: issued, field: 'status', value: 'acknowledged' }),
      );
      expect(backOps.every((op) => ['issues', 'issueEvents', 'checklistTemplates'].includes(op.table))).toBe(
        true,
      );
      expect(backManifest.files.filter((f) => f.role === 'blob')).toEqual([]);

      await openExchange(a);
      await verifyFolder(a, back);
      await expect(a.getByTestId('import-preview')).toContainText('From: Office laptop B (incremental');
      // B is new to A: before trust is given, the preview lists what B's bundle would change here.
      const changes = a.getByRole('region', { name: 'Changes this import would make' });
      const issueRow = changes.getByRole('row').filter({ hasText: issuedTitle });
      await expect(issueRow).toContainText('Issue');
      await expect(issueRow).toContainText('Status: Issued → Acknowledged');
      await expect(
        a.getByRole('checkbox', { name: 'I have compared it and trust this laptop' }),
      ).not.toBeChecked();
      await a.screenshot({ path: testInfo.outputPath('exchange-trust-changes-en.png'), fullPage: true });
      await a.getByRole('radiogroup', { name: 'Language' }).getByText('简体中文').click();
      const changesZh = a.getByRole('region', { name: '导入将做的修改' });
      await expect(changesZh.getByRole('row').filter({ hasText: issuedTitle })).toContainText(
        '状态：已下发 → 已签收',
      );
      await a.screenshot({ path: testInfo.outputPath('exchange-trust-changes-zh-CN.png'), fullPage: true });
      await a.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
      // The search narrows the list to what matches, and says when nothing does.
      const rowsBefore = await changes.getByRole('row').count();
      const search = changes.getByRole('searchbox', { name: 'Search changes' });
      // The issue and its new history entry (titled by the issue) match its title; the entry alone
      // matches the step's words.
      await search.fill(issuedTitle);
      await expect(issueRow).toBeVisible();
      await expect(changes.getByRole('status')).toHaveText('Records matching the search: 2');
      await search.fill('acknowledged by the unit');
      await expect(changes.getByRole('status')).toHaveText('Records matching the search: 1');
      await expect(issueRow).toHaveCount(0);
      await expect(changes).toContainText('Issue history entry: 1 new');
      await search.fill('没有这样的内容');
      await expect(changes.getByRole('status')).toHaveText('No change matches the search.');
      await expect(issueRow).toHaveCount(0);
      await search.fill('');
      await expect(changes.getByRole('row')).toHaveCount(rowsBefore);
      await a.getByRole('checkbox', { name: 'I have compared it and trust this laptop' }).check();
      await a.getByRole('button', { name: 'Apply import' }).click();
      await expect(a.getByTestId('import-outcome')).toContainText('Import complete');
      expectSame(await dataOf(a), await dataOf(b), 'after-round-trip', testInfo);
      await a.goto(`${base(a)}#/issues/${issued}`);
      await expect(a.getByTestId('issue-status')).toHaveText('Acknowledged');

      // The same bundle again: named as imported before, and nothing changes.
      const before = await dataOf(a);
      await openExchange(a);
      await verifyFolder(a, back);
      await expect(a.getByTestId('import-earlier')).toContainText('This bundle was imported on');
      await expect(a.getByTestId('import-newRows')).toHaveText('0');
      await expect(a.getByTestId('import-changedRows')).toHaveText('0');
      await expect(a.getByTestId('import-conflicts')).toHaveText('0');
      await a.getByRole('button', { name: 'Apply import' }).click();
      await expect(a.getByTestId('import-outcome')).toContainText('0 new and 0 changed records');
      await expect(a.getByTestId('import-outcome')).not.toContainText('both laptops changed');
      expectSame(await dataOf(a), before, 'after-second-import', testInfo);
      await a.getByRole('tab', { name: 'Import receipts' }).click();
      await expect(a.getByRole('table', { name: 'Import receipts' }).getByRole('row')).toHaveCount(3);

      // B takes A's older full bundle again, after acknowledging the issue there: nothing new, and the
      // acknowledgement only B made since is no conflict (it used to list the changed fields as such).
      const beforeOld = await dataOf(b);
      await openExchange(b);
      await verifyFolder(b, full);
      for (const count of ['import-newRows', 'import-changedRows', 'import-conflicts'])
        await expect(b.getByTestId(count)).toHaveText('0');
      await expect(b.getByRole('table', { name: /Fields both laptops changed/ })).toHaveCount(0);
      await expect(b.getByRole('button', { name: 'Show changes' })).toHaveCount(0);
      await b.getByRole('button', { name: 'Apply import' }).click();
      await expect(b.getByTestId('import-outcome')).toContainText('0 new and 0 changed records');
      expectSame(await dataOf(b), beforeOld, 'after-old-full-again', testInfo);
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
    // An empty laptop still has its built-in checklist templates to export: enough to tamper with.
    await page.getByRole('button', { name: '从空白开始' }).click();
    await openExchange(page);
    const folder = await exportTo(page, stick, { reports: false });
    const before = await dataOf(page);

    const operations = join(folder, 'bundle', 'operations.ndjson');
    const text = readFileSync(operations, 'utf8');
    const tampered = text.replace('"dustControl"', '"dustContrOl"');
    expect(tampered).not.toBe(text);
    writeFileSync(operations, tampered);
    await verifyFolder(page, folder);
    await expect(page.getByTestId('import-problem')).toContainText(
      '文件 bundle/operations.ndjson 的内容与清单不符（被改动或已损坏）。请重新复制整个导出文件夹，或让对方重新导出。',
    );
    await page.screenshot({ path: testInfo.outputPath('exchange-tampered-zh-CN.png'), fullPage: true });
    await expect(page.getByRole('button', { name: '执行导入' })).toHaveCount(0);

    // The folder browser: a typed folder that is not there is named and not taken; Open, then a
    // click on a subfolder, lead to the stick, which is then the one used.
    await panelOf(page, IMPORT_TAB).getByRole('button', { name: '选择文件夹' }).click();
    const dialog = page.getByRole('dialog', { name: '选择文件夹' });
    const pathField = dialog.getByLabel('文件夹路径');
    await expect(pathField).not.toHaveValue('');
    await pathField.fill(join(home, '没有这个文件夹'));
    await dialog.getByRole('button', { name: '使用此文件夹' }).click();
    await expect(dialog.getByRole('alert')).toContainText('无法打开此文件夹：找不到目标文件夹或U盘');
    await expect(dialog).toBeVisible();
    await pathField.fill(home);
    await dialog.getByRole('button', { name: '打开', exact: true }).click();
    await dialog.getByRole('button', { name: 'U盘', exact: true }).click();
    await expect(pathField).toHaveValue(stick);
    await dialog.getByRole('button', { name: '使用此文件夹' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('import-place')).toHaveText(`文件夹：${stick}`);

    await verifyFolder(page, home);
    await expect(page.getByText('此处没有导出文件夹。')).toBeVisible();
    expectSame(await dataOf(page), before, 'after-refusals', testInfo);
  });

  test('names a stick too small for the export, and leaves nothing on it', async ({
    app,
    home,
  }, testInfo) => {
    test.setTimeout(300_000);
    // A real 512 KiB tmpfs as the stick: mounting needs root (CI runs as root); elsewhere this says why.
    const small = join(home, '小U盘');
    mkdirSync(small);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', small], {
      encoding: 'utf8',
    });
    test.skip(mount.status !== 0, `mount not permitted here: ${mount.stderr.trim() || String(mount.error)}`);
    try {
      const { page } = app;
      await page.getByRole('button', { name: '从空白开始' }).click();
      await openExchange(page);
      const before = await dataOf(page);
      await page.getByRole('tab', { name: EXPORT_TAB }).click();
      await chooseFolder(page, EXPORT_TAB, small);
      await page.getByRole('checkbox', { name: /报告/ }).uncheck();
      await panelOf(page, EXPORT_TAB).getByRole('button', { name: EXPORT_TAB }).click();
      const outcome = page.getByTestId('export-outcome');
      await expect(outcome).toContainText(/^导出失败：空间不足：需要 [\d.]+ MB，可用 512\.0 KB/, {
        timeout: 120_000,
      });
      await page.screenshot({ path: testInfo.outputPath('exchange-no-space-zh-CN.png'), fullPage: true });
      expect(readdirSync(small)).toEqual([]);
      expectSame(await dataOf(page), before, 'after-no-space', testInfo);
    } finally {
      spawnSync('umount', ['-l', small]);
    }
  });

  test('offers to remove what an interrupted export left on a stick, and removes only that', async ({
    app,
    home,
  }, testInfo) => {
    const { page } = app;
    const stick = join(home, '旧U盘');
    const left = join(stick, '.ducha-partial-督查数据 2026-12-01 080000-1a2b3c4d');
    mkdirSync(join(left, 'bundle'), { recursive: true });
    writeFileSync(join(left, 'bundle', 'operations.ndjson'), 'x'.repeat(3000));
    mkdirSync(join(stick, '督查数据 2026-11-30 090000'));
    await page.getByRole('button', { name: '从空白开始' }).click();
    await openExchange(page);
    await page.getByRole('tab', { name: EXPORT_TAB }).click();
    await chooseFolder(page, EXPORT_TAB, stick);
    const notice = page.getByTestId('leftovers');
    await expect(notice).toContainText('留下 1 个未完成的隐藏文件夹，共 2.9 KB');
    await page.screenshot({ path: testInfo.outputPath('exchange-leftovers-zh-CN.png'), fullPage: true });
    await notice.getByRole('button', { name: '删除未完成的导出' }).click();
    await expect(page.getByTestId('leftovers-outcome')).toHaveText(
      '已删除 1 个未完成的导出文件夹，共 2.9 KB。',
    );
    expect(readdirSync(stick)).toEqual(['督查数据 2026-11-30 090000']);
  });
});

// Sync through a real server (issue 18): laptop A (Chinese, the sample campaign) and laptop B (English,
// started empty) are enrolled into one team with codes the admin CLI printed, each signed in as an
// inspector of its own, through the Sync page as a person does. Both sync; then both hold the same
// records. The header's indicator says how sync stands on every page. The server is killed hard while
// A has changes waiting: A says so in its words, keeps the changes, and once the server is back one
// "Sync now" brings both laptops level again, with nothing lost and nothing twice.
import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, launchApp, test } from './support/fixtures';
import { EN_SYNC, type SyncWords, ZH_SYNC } from './support/sync-laptop';
import { SYNC_PASSWORD, SyncServer, TEAM_NAME } from './support/sync-server';
import { dataOf, expectSame } from './support/two-laptops';

const ZH = ZH_SYNC;
const EN = EN_SYNC;
type Words = SyncWords;

let server: SyncServer;

test.beforeAll(async () => {
  server = await SyncServer.start();
  server.addInspector('li-ming', '李明');
  server.addInspector('wang-fang', '王芳');
});
test.afterAll(async () => {
  await server.stop();
});

/** Enrolls the laptop with a fresh code and signs `login` in, on the Sync page. */
async function enrollAndSignIn(page: Page, words: Words, login: string): Promise<void> {
  await page.getByRole('menuitem', { name: words.menu }).click();
  await expect(page.getByRole('heading', { name: words.menu, exact: true })).toBeVisible();
  await page.getByLabel(words.address).fill(server.url);
  await page.getByLabel(words.code).fill(server.enrollmentCode());
  await page.getByRole('button', { name: words.enroll }).click();
  await expect(page.getByTestId('sync-enrolled')).toContainText(server.url);
  await page.getByLabel(words.login).fill(login);
  await page.getByLabel(words.password, { exact: true }).fill(SYNC_PASSWORD);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  await expect(page.getByTestId('sync-signed-in')).toBeVisible();
  // The team as the server names it, learnt at sign-in.
  await expect(page.getByTestId('sync-team')).toContainText(TEAM_NAME);
}

/** Presses "Sync now" and waits for that round's result (the click clears the last one's at once). */
async function syncNow(page: Page, words: Words): Promise<void> {
  await page.getByRole('button', { name: words.syncNow }).click();
  await expect(page.getByTestId('sync-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('sync-indicator')).toHaveText(words.synced);
}

/** The synced records (photo bytes travel in a later step of sync, so not compared here). */
async function recordsOf(page: Page): Promise<string> {
  const data = JSON.parse(await dataOf(page, false)) as Record<string, unknown>;
  delete data.photoBlobs;
  return JSON.stringify(data);
}

async function renameTeam(page: Page, label: string, save: string, name: string): Promise<void> {
  const organization = label === 'Team name' ? 'Organization' : '组织';
  await page.getByRole('menuitem', { name: organization }).click();
  await page.getByLabel(label, { exact: true }).fill(name);
  await page.getByRole('button', { name: save }).click();
  await expect(page.getByLabel(label, { exact: true })).toHaveValue(name);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

test('two laptops of a team converge through the server, and get over a server killed mid-way', async ({
  app,
  home,
}, testInfo) => {
  test.setTimeout(240_000);
  const a = app.page;
  await a.getByRole('button', { name: '加载示例督查' }).click();
  await expect(a.getByRole('heading', { name: '项目台账' })).toBeVisible({ timeout: 60_000 });
  await expect(a.getByTestId('sync-indicator')).toHaveText('未设置同步');

  await enrollAndSignIn(a, ZH, 'li-ming');
  // Signing in starts a round by itself: the sample campaign goes up.
  await expect(a.getByTestId('sync-indicator')).toHaveText(ZH.synced, { timeout: 90_000 });
  await expect(a.getByTestId('sync-waiting')).toHaveText('0 条');
  await expect(a.getByTestId('sync-last-success')).not.toHaveText('尚未同步');
  await shoot(a, testInfo, 'sync-page-zh-CN.png');
  // No network: the header says offline; back online, a round runs by itself.
  await a.context().setOffline(true);
  await expect(a.getByTestId('sync-indicator')).toHaveText('离线');
  await a.context().setOffline(false);
  await expect(a.getByTestId('sync-indicator')).toHaveText(ZH.synced, { timeout: 30_000 });

  const homeB = join(home, 'laptop-b');
  mkdirSync(homeB);
  const laptopB = await launchApp(homeB, { systemLocale: 'en', query: 'lang=en' });
  try {
    const b = laptopB.app.page;
    await b.getByRole('button', { name: 'Start empty' }).click();
    await enrollAndSignIn(b, EN, 'wang-fang');
    await expect(b.getByTestId('sync-indicator')).toHaveText(EN.synced, { timeout: 90_000 });
    await shoot(b, testInfo, 'sync-page-en.png');
    // What B made when it started (its checklist templates) goes to A.
    await syncNow(a, ZH);
    expectSame(await recordsOf(b), await recordsOf(a), 'after-first-sync', testInfo);
    await b.getByRole('menuitem', { name: 'Projects' }).click();
    await expect(b.getByRole('heading', { name: 'Project ledger' })).toBeVisible();
    await expect(b.getByRole('row').nth(1)).toBeVisible();
    // B chose no person of its own: the one signed in for sync handles its steps.
    const issued = await b.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('ducha');
          open.onsuccess = () => {
            const request = open.result
              .transaction('issues')
              .objectStore('issues')
              .index('status')
              .getAll('issued', 1);
            request.onsuccess = () => resolve((request.result[0] as { id: string }).id);
            request.onerror = () => reject(new Error('no issued issue'));
          };
        }),
    );
    await b.goto(`${b.url().split('#')[0] ?? ''}#/issues/${issued}`);
    await b.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const acknowledge = b.getByRole('dialog', { name: 'Acknowledge' });
    await expect(acknowledge.getByLabel('Handled by')).toHaveValue('王芳');
    await acknowledge.getByRole('button', { name: 'Cancel' }).click();

    // The server dies hard. A change made on A meanwhile waits, and A says it cannot reach the server.
    await server.kill();
    await a.getByRole('menuitem', { name: '组织' }).click();
    await a.getByLabel('发文机关', { exact: true }).fill('普洱市重点项目督查办公室');
    await a.getByLabel('督查组名称', { exact: true }).fill('普洱市第一督查组（二组合并）');
    await a.getByRole('button', { name: '保存督查组' }).click();
    await a.getByRole('menuitem', { name: ZH.menu }).click();
    await expect(a.getByTestId('sync-waiting')).not.toHaveText('0 条');
    await a.getByRole('button', { name: ZH.syncNow }).click();
    await expect(a.getByTestId('sync-indicator')).toHaveText(ZH.problem, { timeout: 60_000 });
    await expect(a.getByTestId('sync-problem')).toContainText('连接不上服务器');
    await shoot(a, testInfo, 'sync-problem-zh-CN.png');

    // Back up on the same data: one "Sync now" on each laptop, and they are level again.
    await server.startAgain();
    await syncNow(a, ZH);
    await expect(a.getByTestId('sync-waiting')).toHaveText('0 条');
    await b.getByRole('menuitem', { name: EN.menu }).click();
    await syncNow(b, EN);
    expectSame(await recordsOf(b), await recordsOf(a), 'after-the-server-came-back', testInfo);
    await b.getByRole('menuitem', { name: 'Organization' }).click();
    await expect(b.getByLabel('Team name', { exact: true })).toHaveValue('普洱市第一督查组（二组合并）');

    // Automatic sync off on both; apart, both rename the team. After syncing, both list the conflict
    // with both names; B keeps the name that lost, and both laptops end with it.
    for (const [page, words] of [
      [a, ZH],
      [b, EN],
    ] as const) {
      await page.getByRole('menuitem', { name: words.menu }).click();
      await page.getByRole('switch', { name: words === ZH ? '自动同步' : 'Automatic sync' }).click();
    }
    await renameTeam(a, '督查组名称', '保存督查组', '普洱市第一督查组（甲）');
    await renameTeam(b, 'Team name', 'Save team', '普洱市第一督查组（乙）');
    for (const [page, words] of [
      [a, ZH],
      [b, EN],
      [a, ZH],
    ] as const) {
      await page.getByRole('menuitem', { name: words.menu }).click();
      await syncNow(page, words);
    }
    await b.getByRole('menuitem', { name: 'Conflicts' }).click();
    await expect(b.getByRole('heading', { name: 'Conflicts' })).toBeVisible();
    const conflict = b.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByTestId('conflict-winner')).toContainText('普洱市第一督查组（乙）');
    await expect(conflict.getByTestId('conflict-loser')).toContainText('普洱市第一督查组（甲）');
    await expect(conflict.getByTestId('conflict-loser')).toContainText('李明');
    await shoot(b, testInfo, 'conflicts-en.png');
    await a.getByRole('menuitem', { name: '冲突' }).click();
    await expect(a.getByTestId('conflict')).toHaveCount(1);
    await expect(a.getByTestId('conflict').getByTestId('conflict-winner')).toContainText('王芳');
    await shoot(a, testInfo, 'conflicts-zh-CN.png');

    await conflict.getByTestId('conflict-loser').getByRole('button', { name: 'Keep this value' }).click();
    await expect(b.getByTestId('conflict-decided')).toBeVisible();
    await b.getByRole('menuitem', { name: EN.menu }).click();
    await syncNow(b, EN);
    await a.getByRole('menuitem', { name: ZH.menu }).click();
    await syncNow(a, ZH);
    expectSame(await recordsOf(b), await recordsOf(a), 'after-the-conflict', testInfo);
    await a.getByRole('menuitem', { name: '组织' }).click();
    await expect(a.getByLabel('督查组名称', { exact: true })).toHaveValue('普洱市第一督查组（甲）');
  } finally {
    await laptopB.close();
  }
});

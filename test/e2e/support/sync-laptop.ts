// A laptop's Sync page driven as a person does, in either language: enroll with a code the admin CLI
// printed, sign in, press "Sync now" and wait for that round's result. For specs where automatic sync
// stays on, so that a round of the laptop's own may be running when the button is pressed.
import { expect, type Page } from '@playwright/test';
import { SYNC_PASSWORD, type SyncServer, TEAM_NAME } from './sync-server';

export const ZH_SYNC = {
  menu: '同步',
  conflicts: '冲突',
  address: '服务器地址',
  code: '登记码',
  enroll: '登记本机',
  login: '账号',
  password: '密码',
  signIn: '登录',
  syncNow: '立即同步',
  synced: '已同步',
  problem: '同步出错',
  unreachable: '连接不上服务器',
  keep: '保留此值',
} as const;

export const EN_SYNC: Record<keyof typeof ZH_SYNC, string> = {
  menu: 'Sync',
  conflicts: 'Conflicts',
  address: 'Server address',
  code: 'Enrollment code',
  enroll: 'Enroll this laptop',
  login: 'Login',
  password: 'Password',
  signIn: 'Sign in',
  syncNow: 'Sync now',
  synced: 'Synced',
  problem: 'Sync problem',
  unreachable: 'The server cannot be reached',
  keep: 'Keep this value',
};

export type SyncWords = Record<keyof typeof ZH_SYNC, string>;

export async function openSyncPage(page: Page, words: SyncWords): Promise<void> {
  await page.getByRole('menuitem', { name: words.menu }).click();
  await expect(page.getByRole('heading', { name: words.menu, exact: true })).toBeVisible();
}

/** Enrolls the laptop with a fresh code and signs `login` in; signing in starts a round by itself. */
export async function enrollAndSignIn(
  page: Page,
  words: SyncWords,
  server: SyncServer,
  login: string,
): Promise<void> {
  await openSyncPage(page, words);
  await page.getByLabel(words.address).fill(server.url);
  await page.getByLabel(words.code).fill(server.enrollmentCode());
  await page.getByRole('button', { name: words.enroll }).click();
  await expect(page.getByTestId('sync-enrolled')).toContainText(server.url);
  await page.getByLabel(words.login).fill(login);
  await page.getByLabel(words.password, { exact: true }).fill(SYNC_PASSWORD);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  await expect(page.getByTestId('sync-team')).toContainText(TEAM_NAME);
  await expect(page.getByTestId('sync-indicator')).toHaveText(words.synced, { timeout: 90_000 });
}

/**
 * Presses "Sync now" on a freshly opened Sync page and waits for the result of a round it started.
 * While a round of the laptop's own runs the button is busy and a press does nothing (and no result
 * shows), so the press is repeated until one takes.
 */
export async function syncNow(page: Page, words: SyncWords): Promise<void> {
  // Through another page: the Sync page shows a result only for a press made since it opened.
  await page.getByRole('menuitem', { name: words.conflicts }).click();
  await openSyncPage(page, words);
  const done = page.getByTestId('sync-done');
  await expect(async () => {
    await page.getByRole('button', { name: words.syncNow }).click({ timeout: 30_000 });
    await expect(done).toBeVisible({ timeout: 30_000 });
  }).toPass({ timeout: 150_000 });
  await expect(page.getByTestId('sync-indicator')).toHaveText(words.synced);
}

// A laptop of the benchmark: the browser host from the build with a fresh DUCHA_HOME, headless Chromium
// in a fresh profile, the app started empty; enrolled into the bench team with a one-time code the
// admin CLI printed and signed in as an inspector of its own, on the Sync page as a person does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startBrowserHost, startEmpty } from '../support.mjs';
import { BENCH_PASSWORD } from '../sync-server/ducha-city.mjs';
import { BENCH_TEAM } from './city.mjs';

let inspectors = 0;

/** A fresh laptop with the app started empty; `close` removes its folders. */
export async function freshLaptop(label) {
  const home = mkdtempSync(join(tmpdir(), `ducha-bench-${label}-home-`));
  const profile = mkdtempSync(join(tmpdir(), `ducha-bench-${label}-profile-`));
  const host = await startBrowserHost(home);
  const context = await launchChromium(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await startEmpty(page, host.url);
  const close = async () => {
    await context.close();
    await host.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, context, close };
}

/**
 * Enrolls the laptop on the Sync page and fills in a fresh inspector's login and password; resolves
 * with a function that presses "Sign in" (which starts the laptop's first round by itself).
 */
export async function enroll(page, city) {
  const login = `laptop-${++inspectors}`;
  await city.admin('people', 'add', login, `督查员 ${inspectors}`, 'inspector', '--team', BENCH_TEAM);
  const printed = await city.admin('enroll-code', '--team', BENCH_TEAM);
  const code = /Enrollment code: (\S+)/.exec(printed)?.[1];
  if (!code) throw new Error(`no enrollment code in: ${printed}`);
  await page.getByRole('menuitem', { name: 'Sync' }).click();
  await page.getByLabel('Server address').fill(city.url);
  await page.getByLabel('Enrollment code').fill(code);
  await page.getByRole('button', { name: 'Enroll this laptop' }).click();
  await page.getByTestId('sync-enrolled').waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(BENCH_PASSWORD);
  return () => page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Waits until the laptop's first round has ended: "Last successful sync" says a time and the header
 * says "Synced". Throws with the Sync page's words when the round ends in a problem instead.
 */
export async function firstRoundDone(page, timeout) {
  const lastSuccess = page.getByTestId('sync-last-success');
  const problem = page.getByTestId('sync-problem');
  const done = page
    .waitForFunction(
      () => {
        const last = document.querySelector('[data-testid="sync-last-success"]')?.textContent ?? '';
        const indicator = document.querySelector('[data-testid="sync-indicator"]')?.textContent ?? '';
        return last !== '' && !last.includes('Not synced yet') && indicator === 'Synced';
      },
      undefined,
      { timeout, polling: 100 },
    )
    .then(() => 'done');
  // The loser of the race times out or ends with the page later: not an error of the run.
  const failed = problem
    .waitFor({ timeout })
    .then(() => 'problem')
    .catch(() => 'gone');
  const outcome = await Promise.race([done, failed]);
  if (outcome === 'problem')
    throw new Error(
      `the first round failed: ${await problem.textContent()} (${await lastSuccess.textContent()})`,
    );
}

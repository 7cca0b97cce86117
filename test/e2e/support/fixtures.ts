// One fixture gives each test the app on the chosen host, with its own data folder and its own
// browser profile (so its own IndexedDB). Specs are written once for both hosts.
import {
  _electron,
  chromium,
  type BrowserContext,
  type ElectronApplication,
  type Page,
  test as base,
} from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chooseHost, type HostChoice, REPO } from './host-choice';
import { startBrowserHost } from './browser-host';
import { killBrowserOfProfile } from './crash';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export interface DuchaApp {
  host: HostChoice;
  page: Page;
  /** The address the app was opened at (browser host), to open it again after a reload of the profile. */
  url: string | null;
  /** Opens the app again in the same profile, as a user restarting it would. */
  reopen: () => Promise<Page>;
  /** Kills the app's process hard (SIGKILL, as a crash would), then opens it again in the same profile. */
  crash: () => Promise<Page>;
}

interface Options {
  /** The system language the app starts under. */
  systemLocale: string;
  /** Extra query for the first load, e.g. "lang=en". */
  query: string;
}

export const test = base.extend<Options & { home: string; app: DuchaApp }>({
  systemLocale: ['zh-CN', { option: true }],
  query: ['', { option: true }],

  home: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ducha-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  app: async ({ home, systemLocale, query }, use, testInfo) => {
    const launched = await launchApp(home, { systemLocale, query });
    testInfo.annotations.push({
      type: 'host',
      description: `${launched.app.host.kind} (${launched.app.host.reason})`,
    });
    await use(launched.app);
    await launched.close();
  },
});

/**
 * Starts the app on the chosen host with its own data folder and browser profile: one laptop. The
 * fixture makes the first; a spec that needs two laptops (hand-over by USB) makes a second.
 */
export async function launchApp(
  home: string,
  { systemLocale, query }: Options,
): Promise<{ app: DuchaApp; close: () => Promise<void> }> {
  const host = chooseHost();
  if (host.kind === 'electron') {
    const launch = () =>
      _electron.launch({
        executablePath: host.electronBinary ?? undefined,
        args: [join(REPO, 'dist', 'electron', 'main.cjs')],
        env: {
          ...process.env,
          DUCHA_HOME: home,
          LANG: systemLocale.replace('-', '_'),
          ...(query.includes('lang=en') ? { DUCHA_LANG: 'en' } : {}),
        },
      });
    // As the browser host's profile below: a laptop set to reduce motion.
    const firstWindow = async (electron: ElectronApplication) => {
      const window = await electron.firstWindow();
      await window.emulateMedia({ reducedMotion: 'reduce' });
      return window;
    };
    let electronApp = await launch();
    const app: DuchaApp = {
      host,
      page: await firstWindow(electronApp),
      url: null,
      reopen: async () => {
        await electronApp.close();
        electronApp = await launch();
        app.page = await firstWindow(electronApp);
        return app.page;
      },
      crash: async () => {
        const exited = electronApp.waitForEvent('close');
        electronApp.process().kill('SIGKILL');
        await exited;
        electronApp = await launch();
        app.page = await firstWindow(electronApp);
        return app.page;
      },
    };
    return { app, close: () => electronApp.close() };
  }

  const server = await startBrowserHost(home);
  const profile = join(home, 'chromium-profile');
  const open = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: systemLocale,
      viewport: { width: 1366, height: 820 },
      // As on a laptop set to reduce motion: antd opens menus and dialogs at once. Every click waits
      // for its target to stop moving, which on a 2-core CI box made animations a good part of each
      // spec's time; what the specs assert does not depend on them.
      reducedMotion: 'reduce',
    });
  let context: BrowserContext = await open();
  const url = query ? `${server.url}&${query}` : server.url;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  const app: DuchaApp = {
    host,
    page,
    url,
    reopen: async () => {
      await context.close();
      context = await open();
      app.page = context.pages()[0] ?? (await context.newPage());
      await app.page.goto(url);
      return app.page;
    },
    crash: async () => {
      killBrowserOfProfile(profile);
      // The context is gone with its browser; closing it only settles Playwright's side.
      await context.close().catch(() => undefined);
      context = await open();
      app.page = context.pages()[0] ?? (await context.newPage());
      await app.page.goto(url);
      return app.page;
    },
  };
  return {
    app,
    close: async () => {
      await context.close();
      await server.stop();
    },
  };
}

export { expect } from '@playwright/test';

/** Counts the rows of a store straight from IndexedDB, not through the app. */
export function countStoredRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (storeName) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ducha');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
    store,
  );
}

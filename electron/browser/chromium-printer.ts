// The browser host's printer: headless Chromium through playwright-core, the same engine and print path
// as Electron's printToPDF. One browser is kept for the next print and closed after a minute idle;
// prints go one at a time, each in a fresh context that can reach no network.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  createPrintQueue,
  LOAD_FONTS_SCRIPT,
  type PdfPrinter,
  PrintError,
  unlessAborted,
} from '../host/print/pdf-printer';

const IDLE_MS = 60_000;
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUCHA_CHROMIUM ?? '/usr/bin/chromium';
}

/** Playwright's errors carry a call log after the first line; the first line says what happened. */
const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export interface ChromiumPrinterOptions {
  /** Chromium's environment (the tests give a FONTCONFIG_FILE with an office's fonts); the host's own by default. */
  readonly env?: NodeJS.ProcessEnv;
}

export function createChromiumPrinter(
  executablePath: string = chromiumPath(),
  options: ChromiumPrinterOptions = {},
): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  let idle: NodeJS.Timeout | undefined;

  const launch = async (): Promise<Browser> => {
    if (!existsSync(executablePath))
      throw new PrintError(
        `no Chromium to print with at ${executablePath}; install chromium or set DUCHA_CHROMIUM to the path of a Chromium or Chrome`,
      );
    const { chromium } = await import('playwright-core');
    const launched = await chromium
      .launch({ executablePath, headless: true, args: ARGS, ...(options.env ? { env: options.env } : {}) })
      .catch((error: unknown) => {
        throw new PrintError(
          `Chromium at ${executablePath} would not start (${firstLine(error)}); set DUCHA_CHROMIUM to a working Chromium or Chrome`,
        );
      });
    launched.on('disconnected', () => (browser = null));
    return launched;
  };

  const closeBrowser = async (): Promise<void> => {
    const open = browser;
    browser = null;
    if (open) await (await open.catch(() => null))?.close();
  };

  const render = async (context: BrowserContext, html: string): Promise<Uint8Array> => {
    // Nothing leaves the document: its photos and fonts are inline.
    await context.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    // No timeout here: the print handler's signal decides when to give up, for the whole print.
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    // A string, so that Node's types need no DOM: it runs in the page.
    await page.evaluate(LOAD_FONTS_SCRIPT);
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  };

  const printOne = async (html: string, signal?: AbortSignal): Promise<Uint8Array> => {
    clearTimeout(idle);
    if (!browser) {
      const launching = launch();
      browser = launching;
      // A browser that would not start is tried again at the next print.
      launching.catch(() => {
        if (browser === launching) browser = null;
      });
    }
    const current = await unlessAborted(browser, signal);
    // No script of the document runs (the policy says so too); the fonts are waited for from outside.
    const context = await current.newContext({ javaScriptEnabled: false });
    try {
      // On abort the print ends at once and the context is closed behind it.
      return await unlessAborted(render(context, html), signal);
    } catch (error) {
      if (error instanceof PrintError) throw error;
      throw new PrintError(`Chromium could not print the document (${firstLine(error)})`);
    } finally {
      await context.close().catch(() => undefined);
      idle = setTimeout(() => void closeBrowser(), IDLE_MS);
      idle.unref();
    }
  };

  const queue = createPrintQueue(printOne);
  return {
    print: queue.print,
    close: async () => {
      clearTimeout(idle);
      await queue.drained();
      await closeBrowser();
    },
  };
}

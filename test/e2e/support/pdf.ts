// Reading a saved PDF as an office would — its text, its fonts, its first page as a picture — with
// poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), installed by .ci/run.
import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The text in the order it was written (-raw): a table cell's wrapped lines stay together, so with
 * the whitespace taken out a long project name reads whole.
 */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: name, type, encoding, emb, sub, uni, object, ID. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // From the right: ID (2 columns: object and generation), uni, sub, emb.
      const emb = columns.at(-5);
      return { name: columns[0] ?? '', type: columns.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });
}

export const pdfPages = (file: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);

/** Renders page 1 to `<out>.png` at a size good for looking at; returns the file. */
export function firstPagePng(file: string, out: string, dpi = 60): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, out]);
  return `${out}.png`;
}

/** Clicks a button that saves a file and keeps the file in the test's output folder. */
export async function saveDownload(page: Page, click: () => Promise<void>, folder: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    click(),
  ]);
  const file = join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

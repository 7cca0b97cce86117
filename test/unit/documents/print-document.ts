// Printing the reports for real in the tests: the document's HTML rendered as the app renders it,
// printed by headless Chromium through the host's print handler with the fonts folder built as the
// build builds it, and the PDF read back with poppler (pdfinfo, pdftotext -bbox, pdffonts).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { createChromiumPrinter } from '../../../electron/browser/chromium-printer';
import { createPrintHandlers } from '../../../electron/host/print/print-handlers';
import { firstPagePng, pdfFonts } from '../../e2e/support/pdf';

export type Printer = ReturnType<typeof createChromiumPrinter>;

export async function printToFile(
  printer: Printer,
  fontsDir: string,
  html: string,
  file: string,
): Promise<string> {
  const { printPdf } = createPrintHandlers({ printer, fontsDir });
  const reply = await printPdf({ html, title: 'document' }, { dataDir: join(file, '..') });
  writeFileSync(file, Buffer.from(reply.pdfBase64, 'base64'));
  return file;
}

const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Page size in points, from pdfinfo. */
export function pageSize(file: string): { width: number; height: number; pages: number } {
  const info = poppler('pdfinfo', file);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
  };
}

export interface Line {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every line of text with its box in points (pdftotext -bbox-layout), page by page. */
export function textLines(file: string): Line[] {
  const xhtml = poppler('pdftotext', '-bbox-layout', file, '-');
  const lines: Line[] = [];
  const pages = xhtml.split('<page ').slice(1);
  for (const [index, page] of pages.entries())
    for (const match of page.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...(match[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1] ?? '');
      lines.push({
        page: index + 1,
        text: words.join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      });
    }
  return lines;
}

/** The fonts pdffonts lists, without the subset tag (ABCDEF+). */
export const fontNames = (file: string): { name: string; embedded: boolean }[] =>
  pdfFonts(file).map((font) => ({ name: font.name.replace(/^[A-Z]{6}\+/, ''), embedded: font.embedded }));

/** The text of the PDF, whitespace taken out (Chromium draws CJK spacing as gaps). */
export const plainText = (file: string): string =>
  poppler('pdftotext', '-raw', file, '-').replace(/\s+/g, '');

export { firstPagePng };

export const mm = (points: number): number => (points * 25.4) / 72;

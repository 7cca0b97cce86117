// The print handler with a stand-in printer: what it hands the printer, what it answers, and how it fails.
// The real print through headless Chromium is in electron/browser/chromium-printer.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts } from '../../../scripts/copy-fonts.mjs';
import { createPrintQueue, type PdfPrinter } from './pdf-printer';
import { createPrintHandlers, NO_NETWORK_POLICY, withPolicy, withTitle } from './print-handlers';

const DOCUMENT =
  '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><p>整改通知书</p></body></html>';
const TWO_PAGES = '%PDF-1.4\n<< /Type /Pages /Count 2 >>\n<< /Type /Page >>\n<< /Type /Page >>\n%%EOF';

let dir = '';
let fontsDir = '';
const context = () => ({ dataDir: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-print-handler-'));
  fontsDir = join(dir, 'fonts');
  copyFonts(fontsDir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A printer that records what it was given and answers with a fixed PDF. */
function recordingPrinter(): PdfPrinter & { documents: string[] } {
  const documents: string[] = [];
  return {
    documents,
    print: (html) => {
      documents.push(html);
      return Promise.resolve(new TextEncoder().encode(TWO_PAGES));
    },
    close: () => Promise.resolve(),
  };
}

describe('the no-network policy', () => {
  it('is put before anything the document holds: right after its doctype, else at its start', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${NO_NETWORK_POLICY}">`;
    expect(withPolicy(DOCUMENT)).toBe(`<!doctype html>${meta}${DOCUMENT.slice('<!doctype html>'.length)}`);
    expect(withPolicy('<script>x()</script><!doctype html><head></head>')).toBe(
      `${meta}<script>x()</script><!doctype html><head></head>`,
    );
    expect(withPolicy('\uFEFF <!DOCTYPE HTML><html>')).toBe(`\uFEFF <!DOCTYPE HTML>${meta}<html>`);
  });

  it('is added even where the document quotes it, and beside a looser policy of the page', () => {
    // A comment naming the policy must not stand in for it.
    const quoting = DOCUMENT.replace('<html>', `<!-- content="${NO_NETWORK_POLICY}" --><html>`);
    expect(withPolicy(quoting).split(NO_NETWORK_POLICY)).toHaveLength(3);
    const loose = DOCUMENT.replace(
      '<title>',
      '<meta http-equiv="Content-Security-Policy" content="default-src *"><title>',
    );
    expect(withPolicy(loose)).toContain(NO_NETWORK_POLICY);
  });
});

describe('the title', () => {
  it('is given to a document without one, escaped', () => {
    const untitled = DOCUMENT.replace('<title>t</title>', '');
    expect(withTitle(untitled, '通报 <1> & 2')).toContain('<head><title>通报 &lt;1&gt; &amp; 2</title>');
    expect(withTitle(DOCUMENT, '通报')).toBe(DOCUMENT);
  });
});

describe('printPdf', () => {
  it('hands the printer the document with the policy and the font, and answers with the PDF', async () => {
    const printer = recordingPrinter();
    const { printPdf } = createPrintHandlers({ printer, fontsDir });
    const reply = await printPdf({ html: DOCUMENT, title: '整改通知书' }, context());
    const printed = printer.documents[0] ?? '';
    expect(printed.startsWith(`<!doctype html><meta http-equiv="Content-Security-Policy"`)).toBe(true);
    // The shipped font by default, before the document's own styles so that they win.
    expect(printed).toMatch(
      /<head><style>html,body\{font-family:'Noto Sans SC'\}@page\{font-family:'Noto Sans SC'\}<\/style><meta charset/,
    );
    expect(printed).toMatch(/<style>@font-face\{font-family:'Noto Sans SC'.*<\/style><\/head>/s);
    expect(reply).toEqual({
      pdfBase64: Buffer.from(TWO_PAGES, 'latin1').toString('base64'),
      pages: 2,
      bytes: TWO_PAGES.length,
    });
  });

  it('refuses a document without </head> before printing', async () => {
    const printer = recordingPrinter();
    const { printPdf } = createPrintHandlers({ printer, fontsDir });
    await expect(printPdf({ html: '<p>整改</p>', title: 't' }, context())).rejects.toThrow(
      'the document has no </head>; a report to print must be a complete HTML document',
    );
    expect(printer.documents).toEqual([]);
  });

  it('says to build when the fonts are missing', async () => {
    const { printPdf } = createPrintHandlers({ printer: recordingPrinter(), fontsDir: join(dir, 'none') });
    await expect(printPdf({ html: DOCUMENT, title: 't' }, context())).rejects.toThrow(/run "npm run build"/);
  });

  it('gives up a print that hangs, aborts it, and lets the next one through', async () => {
    const aborted: unknown[] = [];
    let calls = 0;
    const queue = createPrintQueue((_html, signal) => {
      calls += 1;
      if (calls > 1) return Promise.resolve(new TextEncoder().encode(TWO_PAGES));
      return new Promise<Uint8Array>((_, reject) => {
        signal?.addEventListener('abort', () => {
          aborted.push(signal.reason);
          reject(signal.reason as Error);
        });
      });
    });
    const printer: PdfPrinter = { print: queue.print, close: queue.drained };
    const { printPdf } = createPrintHandlers({ printer, fontsDir, timeoutMs: 50 });
    await expect(printPdf({ html: DOCUMENT, title: 't' }, context())).rejects.toThrow(
      'printing took longer than 0.05 s and was stopped',
    );
    expect(aborted).toHaveLength(1);
    expect((await printPdf({ html: DOCUMENT, title: 't' }, context())).pages).toBe(2);
  });
});

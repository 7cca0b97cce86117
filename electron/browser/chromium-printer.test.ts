// The print path for real: the shipped font built as the build builds it, a Chinese A4 document with
// page numbers in its margin boxes printed by headless Chromium (/usr/bin/chromium, or DUCHA_CHROMIUM)
// through the print handler, and the PDF read back with poppler (pdftotext, pdffonts, pdfinfo).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts } from '../../scripts/copy-fonts.mjs';
import { PrintError } from '../host/print/pdf-printer';
import { createPrintHandlers, NO_NETWORK_POLICY } from '../host/print/print-handlers';
import { createChromiumPrinter } from './chromium-printer';

const DOCUMENT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>整改通知书</title><style>
@page { size: A4; margin: 20mm; @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; } }
body { font-size: 14pt; }
h1 { font-weight: 700; }
</style></head><body><h1>整改通知书</h1><p>督查〔2026〕12号 思茅主城区污水处理厂二期</p>
<p style="break-before: page">二、限期整改</p></body></html>`;

let dir = '';
let fontsDir = '';
const printer = createChromiumPrinter();
const context = () => ({ dataDir: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-chromium-print-'));
  fontsDir = join(dir, 'fonts');
  copyFonts(fontsDir);
});

afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe('printing with headless Chromium through the handler', () => {
  it('makes an A4 PDF with the Chinese text, page numbers and the shipped font embedded', async () => {
    const { printPdf } = createPrintHandlers({ printer, fontsDir });
    const reply = await printPdf({ html: DOCUMENT, title: '整改通知书' }, context());
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, Buffer.from(reply.pdfBase64, 'base64'));
    expect(reply.bytes).toBe(Buffer.from(reply.pdfBase64, 'base64').byteLength);

    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(reply.pages).toBe(2);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);

    const text = poppler('pdftotext', '-layout', file, '-');
    expect(text).toContain('整改通知书');
    expect(text).toContain('督查〔2026〕12号');
    expect(text).toContain('二、限期整改');
    // Chromium draws the spaces between CJK glyphs as gaps, which pdftotext does not turn back into spaces.
    const unspaced = text.replace(/[ \t]+/g, '');
    expect(unspaced).toContain('第1页共2页');
    expect(unspaced).toContain('第2页共2页');

    // name, type, encoding, emb, sub, uni, object, id — after two header lines.
    const fonts = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), line).toBe('yes');
    // The document names no font: the handler's default covers body and margin boxes alike, so no
    // font of this machine is used at all.
    for (const line of fonts) expect(line, line).toMatch(/^[A-Z]{6}\+NotoSansSC/);
    expect(fonts.some((line) => /Bold/.test(line))).toBe(true);
  }, 60_000);

  it('prints margin boxes whose font nothing in the body has loaded', async () => {
    // The body is bold only: no regular-weight chunk is in use when the page is printed.
    const html = `<!doctype html><html><head><style>@page { size: A4; margin: 20mm;
      @bottom-center { content: "第 " counter(page) " 页"; } }</style></head><body><h1>督查通报</h1></body></html>`;
    const { printPdf } = createPrintHandlers({ printer, fontsDir });
    const reply = await printPdf({ html, title: '通报' }, context());
    const file = join(dir, 'bulletin.pdf');
    writeFileSync(file, Buffer.from(reply.pdfBase64, 'base64'));
    expect(poppler('pdftotext', file, '-').replace(/\s+/g, '')).toBe('督查通报第1页');
    // The document has no <title>: the request's title becomes the PDF's.
    expect(poppler('pdfinfo', file)).toMatch(/Title:\s+通报\n/);
  }, 60_000);

  it('loads nothing from the network, not even from this machine', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${String(port)}`;
    try {
      const { printPdf } = createPrintHandlers({ printer, fontsDir, timeoutMs: 30_000 });
      const html = DOCUMENT.replace(
        '</head>',
        `<link rel="stylesheet" href="${origin}/a.css"><style>h1{background:url(${origin}/b.png)}</style></head>`,
      ).replace(
        '</body>',
        `<img src="${origin}/c.png" alt="外部"><iframe src="${origin}/d.html"></iframe></body>`,
      );
      expect((await printPdf({ html, title: 't' }, context())).pages).toBe(2);
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('runs no script of the document, wherever it stands (issue 19: the policy could be bypassed)', async () => {
    const { printPdf } = createPrintHandlers({ printer, fontsDir, timeoutMs: 30_000 });
    const ran = (words: string) =>
      `<script>document.write('<p>${words}</p>');document.title='${words}'</script>`;
    const attempts = [
      // Before <head>: the policy used to be put after <head>, behind the script.
      `<!doctype html><html>${ran('BEFORE HEAD')}<head><meta charset="utf-8"></head><body><p>正文</p></body></html>`,
      // Before the doctype.
      `${ran('BEFORE DOCTYPE')}<!doctype html><html><head></head><body><p>正文</p></body></html>`,
      // A <head> in a comment, where the policy would have gone, and the policy's own words in another.
      `<!doctype html><!-- <head> content="${NO_NETWORK_POLICY}" -->${ran('IN COMMENT')}<html><head></head><body><p>正文</p></body></html>`,
      // An event handler rather than a script element.
      `<!doctype html><html><head></head><body><img src="data:," onerror="document.body.append('ONERROR RAN')"><p>正文</p></body></html>`,
    ];
    for (const html of attempts) {
      const reply = await printPdf({ html, title: '正文' }, context());
      const file = join(dir, 'attempt.pdf');
      writeFileSync(file, Buffer.from(reply.pdfBase64, 'base64'));
      const text = poppler('pdftotext', file, '-');
      expect(text, html).toContain('正文');
      expect(text, html).not.toMatch(/RAN|BEFORE|COMMENT/);
      expect(poppler('pdfinfo', file), html).toMatch(/Title:\s+正文\n/);
    }
  }, 120_000);

  it('gives up a print when told to, and prints the next one', async () => {
    const controller = new AbortController();
    const given = printer.print(DOCUMENT, controller.signal);
    setTimeout(() => controller.abort(new PrintError('stopped by the test')), 50);
    await expect(given).rejects.toThrow('stopped by the test');
    const { printPdf } = createPrintHandlers({ printer, fontsDir });
    expect((await printPdf({ html: DOCUMENT, title: 't' }, context())).pages).toBe(2);
  }, 60_000);

  it('says plainly when there is no Chromium to print with', async () => {
    const missing = createChromiumPrinter('/nonexistent/chromium');
    const { printPdf } = createPrintHandlers({ printer: missing, fontsDir });
    await expect(printPdf({ html: DOCUMENT, title: 't' }, context())).rejects.toThrow(
      'no Chromium to print with at /nonexistent/chromium; install chromium or set DUCHA_CHROMIUM to the path of a Chromium or Chrome',
    );
    await missing.close();
  });
});

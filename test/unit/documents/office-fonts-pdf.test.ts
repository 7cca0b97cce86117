// The notice and the bulletin on a laptop that has the office's fonts (as Windows, UOS and Kylin do):
// the PDF is set in, and embeds, 仿宋_GB2312, 方正小标宋简体, 黑体 and 楷体_GB2312 rather than the
// shipped faces, in the same type area. The office fonts are stand-ins made here (office-fonts.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts } from '../../../scripts/copy-fonts.mjs';
import { createChromiumPrinter } from '../../../electron/browser/chromium-printer';
import { renderReport } from '../../../renderer/features/reports/render-report';
import { Bulletin } from '../../../renderer/features/reports/templates/Bulletin';
import { RectificationNotice } from '../../../renderer/features/reports/templates/RectificationNotice';
import { bulletinModel, chineseT, noticeModel, svgPhoto } from '../../fixtures/documents';
import { expectGongwenPage } from './gongwen-layout';
import { officeFontsEnv, officeFontsMissing } from './office-fonts';
import { firstPagePng, fontNames, pageSize, printToFile, textLines, type Printer } from './print-document';

const missing = officeFontsMissing();
// CI installs what these need (.ci/run); elsewhere a machine without them says why and skips.
if (missing !== null && process.env.CI) throw new Error(`the office-font tests cannot run: ${missing}`);
if (missing !== null) console.warn(`[office fonts] skipped: ${missing}`);

let dir = '';
let fontsDir = '';
let printer: Printer | null = null;
const html: Record<'notice' | 'bulletin', string> = { notice: '', bulletin: '' };
const out = () => process.env.DUCHA_DOCUMENTS_OUT ?? dir;

beforeAll(async () => {
  if (missing !== null) return;
  dir = mkdtempSync(join(tmpdir(), 'ducha-office-fonts-'));
  fontsDir = join(dir, 'fonts');
  copyFonts(fontsDir);
  mkdirSync(out(), { recursive: true });
  const t = await chineseT();
  const photos = [svgPhoto('landscape', 1600, 900, '东侧围挡')];
  html.notice = renderReport(createElement(RectificationNotice, { model: noticeModel(), t, mode: 'print' }));
  html.bulletin = renderReport(createElement(Bulletin, { model: bulletinModel(photos), t, mode: 'print' }));
  const env = officeFontsEnv(join(dir, 'office'), `${html.notice}${html.bulletin}— 0123456789`);
  printer = createChromiumPrinter(undefined, { env });
});

afterAll(async () => {
  await printer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing !== null)('on a laptop with the office fonts', () => {
  for (const name of ['notice', 'bulletin'] as const)
    it(`sets the ${name} in them, embeds them, and keeps the type area`, async () => {
      if (!printer) throw new Error('no printer');
      const file = await printToFile(printer, fontsDir, html[name], join(out(), `${name}-office-fonts.pdf`));
      firstPagePng(file, join(out(), `${name}-office-fonts-page1`), 72);
      const fonts = fontNames(file);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      const names = new Set(fonts.map((f) => f.name));
      for (const office of ['FangSong_GB2312', 'FZXBSJW--GB1-0', 'SimHei', 'KaiTi_GB2312', 'SimSun'])
        expect(names.has(office), [...names].join()).toBe(true);
      // Nothing of the document fell back to a shipped face.
      expect([...names].filter((n) => /^(NotoSerifSC|NotoSansSC|LXGWWenKai)/.test(n))).toEqual([]);
      const lines = textLines(file);
      for (let page = 1; page <= pageSize(file).pages; page += 1) expectGongwenPage(lines, page);
    });
});

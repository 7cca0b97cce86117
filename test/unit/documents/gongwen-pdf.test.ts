// The rectification notice and the bulletin as GB/T 9704-2012 lays a 公文 out, printed for real by
// headless Chromium with the fonts the app ships (no office font on this machine): A4, the type area
// 156 × 225 mm at 28 mm from the left and 37 mm from the top (within 1 mm), 28 characters a line and
// 22 lines a page of the body, the 版头 with the authority and the number, the date in Chinese
// numerals, page numbers "— n —" at the outer edge, and serif faces for the body and title.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts } from '../../../scripts/copy-fonts.mjs';
import { createChromiumPrinter } from '../../../electron/browser/chromium-printer';
import { renderReport } from '../../../renderer/features/reports/render-report';
import { Bulletin } from '../../../renderer/features/reports/templates/Bulletin';
import { RectificationNotice } from '../../../renderer/features/reports/templates/RectificationNotice';
import {
  AUTHORITY,
  bulletinModel,
  chineseT,
  NOTICE_NUMBER,
  noticeModel,
  svgPhoto,
} from '../../fixtures/documents';
import { BODY_LINE_MM, expectGongwenPage, typeArea } from './gongwen-layout';
import {
  firstPagePng,
  fontNames,
  type Line,
  mm,
  pageSize,
  plainText,
  printToFile,
  textLines,
} from './print-document';

let dir = '';
let fontsDir = '';
let t: TFunction;
const printer = createChromiumPrinter();
/** Where the PDFs and pictures go: DUCHA_DOCUMENTS_OUT to keep them, else a folder removed after. */
const out = () => process.env.DUCHA_DOCUMENTS_OUT ?? dir;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-gongwen-'));
  fontsDir = join(dir, 'fonts');
  copyFonts(fontsDir);
  mkdirSync(out(), { recursive: true });
  t = await chineseT();
});

afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The shipped faces: Noto Serif SC regular (仿宋's stand-in, the body) and bold (小标宋's, the title),
 * LXGW WenKai (楷体) and only the bold of Noto Sans SC (黑体, the headings) — a regular sans would be
 * body text fallen back to the printer's default. (Fontsource's static instances carry their source's
 * light-master name: NotoSerifSCExtraLight-Regular is the regular weight.)
 */
function expectBundledFaces(names: readonly string[]) {
  expect(
    names.some((n) => /^NotoSerifSC.*-Regular$/.test(n)),
    names.join(),
  ).toBe(true);
  expect(names.some((n) => /^NotoSerifSC.*-Bold$/.test(n))).toBe(true);
  expect(names.some((n) => n.startsWith('LXGWWenKai'))).toBe(true);
  expect(names.filter((n) => n.startsWith('NotoSansSC') && !n.endsWith('-Bold'))).toEqual([]);
  expect(
    names.every((n) => /^(NotoSerifSC|NotoSansSC|LXGWWenKai)/.test(n)),
    names.join(),
  ).toBe(true);
}

describe('the rectification notice as a 公文', () => {
  let file = '';
  let lines: Line[] = [];
  beforeAll(async () => {
    const html = renderReport(createElement(RectificationNotice, { model: noticeModel(), t, mode: 'print' }));
    file = await printToFile(printer, fontsDir, html, join(out(), 'notice.pdf'));
    lines = textLines(file);
    firstPagePng(file, join(out(), 'notice-page1'), 72);
  });

  it('is A4 with the type area where GB/T 9704 puts it', () => {
    const size = pageSize(file);
    expect(mm(size.width)).toBeCloseTo(210, 0);
    expect(mm(size.height)).toBeCloseTo(297, 0);
    for (let page = 1; page <= size.pages; page += 1) expectGongwenPage(lines, page);
  });

  it('sets the body 28 characters a line, 22 lines a page', () => {
    // A full line of the body (no indent) holds 28 characters across the 156 mm.
    const full = lines.filter((l) => /^[\u4e00-\u9fff，、；：。（）“”]{28}$/.test(l.text));
    expect(full.length, lines.map((l) => l.text).join('\n')).toBeGreaterThan(1);
    for (const l of full) expect(mm(l.xMax - l.xMin)).toBeCloseTo(156, 0);
    // Body lines (3号, 16 pt: boxes 23 pt high) follow one another at the grid's pitch, so that 22 fit.
    const body = lines.filter((l) => l.page === 1 && Math.abs(l.yMax - l.yMin - 23) < 1);
    const steps = body.slice(1).map((l, i) => mm(l.yMin - (body[i] as Line).yMin));
    expect(steps.filter((s) => Math.abs(s - BODY_LINE_MM) < 0.05).length).toBeGreaterThan(3);
    expect(Math.floor(225 / BODY_LINE_MM)).toBe(22);
  });

  it('carries the 版头, the number, the title, the date in Chinese numerals and the 版记', () => {
    const text = plainText(file);
    expect(text.replace(/^—\d+—/, '').startsWith(AUTHORITY)).toBe(true);
    expect(text).toContain(NOTICE_NUMBER);
    expect(text).toContain('整改通知书');
    expect(text).toContain('二〇二六年十二月七日');
    expect(text).toContain('抄送：市委督查室，市政府督查室。');
    expect(text).toContain(`${AUTHORITY}2026年12月7日印发`);
    const [issuer, number] = typeArea(lines);
    expect(issuer?.text).toBe(AUTHORITY);
    // The number centred under the authority.
    expect(number?.text).toBe(NOTICE_NUMBER);
    expect(Math.abs(mm((number?.xMin ?? 0) + (number?.xMax ?? 0)) / 2 - 106)).toBeLessThan(1.5);
  });

  it('numbers the pages "— n —" at the outer edge, under the type area', () => {
    const numbers = lines.filter((line) => /^—\d+—$/.test(line.text));
    expect(numbers.map((n) => n.text)).toEqual(
      Array.from({ length: pageSize(file).pages }, (_, i) => `—${String(i + 1)}—`),
    );
    for (const number of numbers) {
      // Seven millimetres under the type area's bottom edge (262 mm), give or take the glyphs' box.
      expect(mm(number.yMin)).toBeGreaterThan(262 + 3);
      expect(mm(number.yMax)).toBeLessThan(262 + 16);
      if (number.page % 2 === 1) expect(mm(number.xMax)).toBeGreaterThan(184 - 12);
      else expect(mm(number.xMin)).toBeLessThan(28 + 12);
    }
  });

  it('embeds serif faces for the body and the title, and no light sans in the body', () => {
    const fonts = fontNames(file);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expectBundledFaces(fonts.map((f) => f.name));
  });
});

describe('the bulletin as a 公文', () => {
  let file = '';
  let lines: Line[] = [];
  beforeAll(async () => {
    const photos = [svgPhoto('landscape', 1600, 900, '东侧围挡'), svgPhoto('portrait', 900, 1600, '调节池')];
    const html = renderReport(createElement(Bulletin, { model: bulletinModel(photos), t, mode: 'print' }));
    file = await printToFile(printer, fontsDir, html, join(out(), 'bulletin.pdf'));
    lines = textLines(file);
    firstPagePng(file, join(out(), 'bulletin-page1'), 72);
  });

  it('is A4 with the type area where GB/T 9704 puts it, on every page', () => {
    const size = pageSize(file);
    expect(size.pages).toBeGreaterThan(1);
    for (let page = 1; page <= size.pages; page += 1) expectGongwenPage(lines, page);
  });

  it('carries the 版头, the edition, the title, the headings and the date in Chinese numerals', () => {
    const text = plainText(file);
    expect(text.replace(/^—\d+—/, '').startsWith('督查通报')).toBe(true);
    expect(text).toContain('2026年第3期');
    expect(text).toContain('关于2026年11月1日至2026年11月30日全市重点项目督查情况的通报');
    expect(text).toContain('一、督查概况');
    expect(text).toContain('（一）');
    expect(text).toContain('二〇二六年十二月七日');
  });

  it('embeds serif faces for the body and the title, and no light sans in the body', () => {
    expectBundledFaces(fontNames(file).map((f) => f.name));
  });
});

// The rectification notice and the bulletin as Word files (issue 20), for an office to edit in WPS or
// Word before stamping: read back from the package, they carry the very words of the PDF in its order,
// on GB/T 9704's page (A4, margins 37/28/26/35 mm within 1 mm, 22 lines of 28 characters of 3号), in
// the faces offices have (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312), the 版头 in red, the 落款 with
// the date in Chinese numerals, the 版记, and page numbers "— n —" at the outer edge of odd and even
// pages. LibreOffice then opens them — valid OOXML — and lays them out as a word processor does: A4,
// the type area where the standard puts it, 28 characters a line, the body's lines 28.95 pt apart.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createElement } from 'react';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../renderer/features/reports/render-report';
import { Bulletin } from '../../../renderer/features/reports/templates/Bulletin';
import { RectificationNotice } from '../../../renderer/features/reports/templates/RectificationNotice';
import { bulletinDocx, noticeDocx } from '../../../renderer/features/reports/word';
import {
  AUTHORITY,
  bulletinModel,
  chineseT,
  NOTICE_NUMBER,
  noticeIssues,
  noticeModel,
  svgPhoto,
} from '../../fixtures/documents';
import { type Line, mm, pageSize, plainText, textLines } from './print-document';
import { attribute, type Docx, paragraphsOf, plainWords, readDocx, type WordParagraph } from './read-docx';

const TWIPS_PER_MM = 1440 / 25.4;
/** 1 mm, the tolerance of the margins. */
const MM_IN_TWIPS = 57;
const BULLETIN_TITLE = '关于2026年11月1日至2026年11月30日全市重点项目督查情况的通报';
const SIGN_OFF_DATE = '二〇二六年十二月七日';

let dir = '';
let t: TFunction;
/** Where the files go: DUCHA_DOCUMENTS_OUT to keep them, else a folder removed after. */
const out = () => process.env.DUCHA_DOCUMENTS_OUT ?? dir;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-word-'));
  mkdirSync(out(), { recursive: true });
  t = await chineseT();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The words of the printed HTML, as the PDF carries them: the body's text, whitespace taken out. */
const htmlWords = (html: string): string =>
  html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');

function paragraph(paragraphs: readonly WordParagraph[], text: string): WordParagraph {
  const found = paragraphs.find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph "${text}" in:\n${paragraphs.map((p) => p.text).join('\n')}`);
  return found;
}

const sectionOf = (docx: Docx) => /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.document)?.[0] ?? '';
const margin = (docx: Docx, side: string) => Number(attribute(sectionOf(docx), 'w:pgMar', `w:${side}`));

/** A4, the margins of GB/T 9704 §5.2.1 within 1 mm, the page number's line 7 mm under the type area. */
function expectGongwenPage(docx: Docx) {
  const section = sectionOf(docx);
  expect(attribute(section, 'w:pgSz', 'w:w')).toBe('11906');
  expect(attribute(section, 'w:pgSz', 'w:h')).toBe('16838');
  for (const [side, millimetres] of [
    ['top', 37],
    ['left', 28],
    ['right', 26],
    ['bottom', 35],
  ] as const) {
    const twips = margin(docx, side);
    expect(
      Math.abs(twips - millimetres * TWIPS_PER_MM),
      `${side} margin ${String(twips)} twips`,
    ).toBeLessThan(MM_IN_TWIPS);
  }
  // Word places the footer by its bottom: the 14 pt number's top is then 7 mm under the type area.
  const footer = margin(docx, 'footer');
  expect(Math.abs(footer + 14 * 20 - (35 - 7) * TWIPS_PER_MM)).toBeLessThan(MM_IN_TWIPS);
}

/** 3号 仿宋 in lines of which 22 fill the type area's height and characters of which 28 fill its width. */
function expectBody(docx: Docx, body: WordParagraph) {
  const p = body.properties;
  expect(p.eastAsia).toBe('仿宋_GB2312');
  expect(p.ascii).toBe('仿宋_GB2312');
  expect(p.size).toBe(32);
  expect(p.alignment).toBe('both');
  expect(p.firstLineChars).toBe(200);
  expect(p.lineRule).toBe('exact');
  const height = 16838 - margin(docx, 'top') - margin(docx, 'bottom');
  const width = 11906 - margin(docx, 'left') - margin(docx, 'right');
  expect(Math.floor(height / (p.line ?? 1))).toBe(22);
  expect(Math.floor(width / (320 + (p.characterSpacing ?? 0)))).toBe(28);
}

/** The 版头: the issuer in red 小标宋, centred, on one line of the type area; the number below it. */
function expectBanner(paragraphs: readonly WordParagraph[], issuer: string, number: string) {
  const [mark, second] = paragraphs;
  expect(mark?.text).toBe(issuer);
  expect(mark?.properties.eastAsia).toBe('方正小标宋简体');
  expect(mark?.properties.color).toBe('E60012');
  expect(mark?.properties.alignment).toBe('center');
  const size = (mark?.properties.size ?? 0) / 2;
  expect(size).toBeLessThanOrEqual(36);
  // With its spacing, the name fits the 156 mm line.
  const spacing = (mark?.properties.characterSpacing ?? 0) / 20;
  expect([...issuer].length * (size + spacing)).toBeLessThanOrEqual((156 * 72) / 25.4);
  expect(second?.text).toBe(number);
  expect(second?.properties.alignment).toBe('center');
  // Two lines below the issuer.
  expect(second?.properties.before).toBe(2 * (second?.properties.line ?? 0));
}

/** The 落款: authority over the date in Chinese numerals, right, the longer four characters in. */
function expectSignOff(paragraphs: readonly WordParagraph[]) {
  const date = paragraph(paragraphs, SIGN_OFF_DATE);
  const authority = paragraphs[paragraphs.indexOf(date) - 1];
  expect(authority?.text).toBe(AUTHORITY);
  expect(authority?.properties.alignment).toBe('right');
  // Room for the seal above it.
  expect(authority?.properties.before).toBe(3 * (authority?.properties.line ?? 0));
  const character = 320 + (date.properties.characterSpacing ?? 0);
  // 普洱市重点项目督查办公室 (12) is the longer: four characters in; the date (10) centred under it.
  expect(authority?.properties.indentRight).toBe(Math.round(4 * character));
  expect(date.properties.indentRight).toBe(Math.round(5 * character));
}

/** The 版记: 抄送 and the 印发 line in 4号. */
function expectColophon(paragraphs: readonly WordParagraph[]) {
  const copyTo = paragraph(paragraphs, '抄送：市委督查室，市政府督查室。');
  const printed = paragraph(paragraphs, `${AUTHORITY}\t2026年12月7日印发`);
  for (const line of [copyTo, printed]) expect(line.properties.size).toBe(28);
}

function expectPageNumbers(docx: Docx) {
  expect(docx.settings).toContain('<w:evenAndOddHeaders/>');
  for (const [type, side] of [
    ['default', 'right'],
    ['even', 'left'],
  ] as const) {
    const footer = docx.footers.get(type) ?? '';
    // "— ", the PAGE field, " —".
    expect(footer).toMatch(/>— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
    const [number] = paragraphsOf(footer, docx.styles);
    expect(number?.properties.eastAsia).toBe('宋体');
    expect(number?.properties.size).toBe(28);
    expect(number?.properties.alignment).toBe(side);
    // A character in from the outer edge.
    expect(side === 'right' ? number?.properties.indentRight : number?.properties.indentLeft).toBe(280);
  }
}

describe('the rectification notice as a Word file', () => {
  let docx: Docx;
  let paragraphs: WordParagraph[];
  beforeAll(async () => {
    const bytes = await noticeDocx(noticeModel(), t);
    writeFileSync(join(out(), 'notice.docx'), bytes);
    docx = await readDocx(bytes);
    paragraphs = paragraphsOf(docx.document, docx.styles);
  });

  it('carries the very words of the PDF, in the same order', () => {
    const html = renderReport(createElement(RectificationNotice, { model: noticeModel(), t, mode: 'print' }));
    expect(plainWords(docx.document)).toBe(htmlWords(html));
  });

  it('is A4 with the margins of GB/T 9704, its body 22 lines of 28 characters of 3号 仿宋', () => {
    expectGongwenPage(docx);
    expectBody(docx, paragraph(paragraphs, noticeIssues[0]?.description ?? ''));
  });

  it('sets the 版头, the title, 主送 and the headings in the faces offices have', () => {
    expectBanner(paragraphs, AUTHORITY, NOTICE_NUMBER);
    // The red separator under the number.
    expect(paragraph(paragraphs, NOTICE_NUMBER).properties.borderBottomColor).toBe('E60012');
    const title = paragraph(paragraphs, '整改通知书');
    expect(title.properties.eastAsia).toBe('方正小标宋简体');
    expect(title.properties.size).toBe(44);
    expect(title.properties.alignment).toBe('center');
    const addressee = paragraph(paragraphs, '市住房和城乡建设局：');
    expect(addressee.properties.firstLine ?? 0).toBe(0);
    expect(addressee.properties.firstLineChars ?? 0).toBe(0);
    expect(paragraph(paragraphs, '一、存在的问题').properties.eastAsia).toBe('黑体');
    const problem = paragraph(paragraphs, '（一）思茅区污水处理厂二期工程：东侧围挡倒塌、裸土未覆盖');
    expect(problem.properties.eastAsia).toBe('楷体_GB2312');
    expect(problem.properties.firstLineChars).toBe(200);
    // A requirement's lead in 楷体, its text in 仿宋.
    const requirement = paragraphs.find((p) => p.text.startsWith('（一）高度重视'));
    expect(requirement?.runs.map((r) => r.properties.eastAsia)).toEqual(['楷体_GB2312', '仿宋_GB2312']);
  });

  it('signs off with the date in Chinese numerals and ends with the 版记', () => {
    expectSignOff(paragraphs);
    expectColophon(paragraphs);
    expect(paragraphs.some((p) => p.text.startsWith('签收人：'))).toBe(true);
  });

  it('numbers the pages "— n —" in 4号 宋体, odd pages at the right and even pages at the left', () => {
    expectPageNumbers(docx);
  });
});

describe('the bulletin as a Word file', () => {
  let docx: Docx;
  let paragraphs: WordParagraph[];
  beforeAll(async () => {
    const bytes = await bulletinDocx(bulletinModel(), t);
    writeFileSync(join(out(), 'bulletin.docx'), bytes);
    docx = await readDocx(bytes);
    paragraphs = paragraphsOf(docx.document, docx.styles);
  });

  it('carries the very words of the PDF, in the same order', () => {
    const html = renderReport(createElement(Bulletin, { model: bulletinModel(), t, mode: 'print' }));
    expect(plainWords(docx.document)).toBe(htmlWords(html));
  });

  it('leaves the photos to the PDF: with them its words are the same', async () => {
    const photos = [svgPhoto('landscape', 1600, 900, '东侧围挡'), svgPhoto('portrait', 900, 1600, '调节池')];
    const withPhotos = await readDocx(await bulletinDocx(bulletinModel(photos), t));
    expect(plainWords(withPhotos.document)).toBe(plainWords(docx.document));
  });

  it('is A4 with the margins of GB/T 9704, its body 22 lines of 28 characters of 3号 仿宋', () => {
    expectGongwenPage(docx);
    expectBody(docx, paragraph(paragraphs, t('dashboard.rankingRule')));
  });

  it('sets the 版头 with the edition, the sender and the date, the title and the figures', () => {
    expectBanner(paragraphs, '督查通报', '2026年第3期');
    const senderLine = paragraph(paragraphs, `${AUTHORITY}\t2026年12月7日`);
    expect(senderLine.properties.borderBottomColor).toBe('E60012');
    const title = paragraph(paragraphs, BULLETIN_TITLE);
    expect(title.properties.eastAsia).toBe('方正小标宋简体');
    expect(title.properties.size).toBe(44);
    expect(paragraph(paragraphs, '一、督查概况').properties.eastAsia).toBe('黑体');
    expect(paragraphs.find((p) => p.text.startsWith('（一）'))?.properties.eastAsia).toBe('楷体_GB2312');
    // The counties' table: each county with its figures and rank, the header row in 黑体.
    for (const county of ['思茅区', '宁洱县']) expect(paragraph(paragraphs, county).properties.size).toBe(24);
    expect(paragraph(paragraphs, '县(区)').properties.eastAsia).toBe('黑体');
    expect(docx.document).toContain('<w:tblHeader/>');
  });

  it('signs off with the date in Chinese numerals and ends with the 版记', () => {
    expectSignOff(paragraphs);
    expectColophon(paragraphs);
  });

  it('numbers the pages "— n —" in 4号 宋体, odd pages at the right and even pages at the left', () => {
    expectPageNumbers(docx);
  });
});

/** soffice on the PATH, or null. */
function sofficePath(): string | null {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'soffice');
    if (folder !== '' && existsSync(candidate)) return candidate;
  }
  return null;
}

const SOFFICE = sofficePath();
const SOFFICE_MISSING =
  SOFFICE === null
    ? 'soffice is not on the PATH: install LibreOffice (apt-get install libreoffice-writer-nogui; .ci/run does)'
    : null;
// Without LibreOffice the check is skipped with the reason printed, except in CI, where it fails.
const skipLibreOffice = SOFFICE_MISSING !== null && !process.env.CI;
if (skipLibreOffice) console.warn(`[word-docx] LibreOffice checks skipped: ${SOFFICE_MISSING ?? ''}`);

/** The body text's lines: everything but the page numbers, which lie under the type area. */
const typeArea = (lines: readonly Line[]) => lines.filter((line) => !/^—\d+—$/.test(line.text));
/** CJK punctuation may hang into the margin, as word processors let it. */
const endsInPunctuation = (line: Line) => /[，、；：。）”]$/.test(line.text);

describe.skipIf(skipLibreOffice)('the Word files opened in LibreOffice', () => {
  const pdfs = { notice: '', bulletin: '' };
  beforeAll(() => {
    if (SOFFICE === null)
      throw new Error(`CI must open the Word files in LibreOffice: ${SOFFICE_MISSING ?? ''}`);
    const files = (['notice', 'bulletin'] as const).map((name) => join(out(), `${name}.docx`));
    // A profile of its own, so that another LibreOffice running on the machine does not take the job.
    const profile = join(dir, 'libreoffice-profile');
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf'];
    const log = execFileSync(SOFFICE, [...args, '--outdir', out(), ...files], {
      encoding: 'utf8',
      timeout: 150_000,
      stdio: 'pipe',
    });
    pdfs.notice = join(out(), 'notice.pdf');
    pdfs.bulletin = join(out(), 'bulletin.pdf');
    for (const pdf of Object.values(pdfs))
      if (!existsSync(pdf)) throw new Error(`LibreOffice made no ${pdf}:\n${log}`);
  }, 180_000);

  it('opens the notice with the same words: authority, number, title, problems, date, 版记', () => {
    const text = plainText(pdfs.notice);
    expect(text.startsWith(AUTHORITY)).toBe(true);
    for (const words of [
      NOTICE_NUMBER,
      '整改通知书',
      '市住房和城乡建设局：',
      ...noticeIssues.map((issue) => issue.title),
      SIGN_OFF_DATE,
      '抄送：市委督查室，市政府督查室。',
      `${AUTHORITY}2026年12月7日印发`,
    ])
      expect(text).toContain(words);
  });

  it('opens the bulletin with the same words: edition, title, counties, date, 版记', () => {
    const text = plainText(pdfs.bulletin);
    expect(text.startsWith('督查通报')).toBe(true);
    for (const words of ['2026年第3期', BULLETIN_TITLE, '一、督查概况', '思茅区', '宁洱县', SIGN_OFF_DATE])
      expect(text).toContain(words);
    expect(text).toContain(`${AUTHORITY}2026年12月7日印发`);
  });

  it('lays both out on A4 with the type area where GB/T 9704 puts it', () => {
    for (const pdf of Object.values(pdfs)) {
      const size = pageSize(pdf);
      expect(mm(size.width)).toBeCloseTo(210, 0);
      expect(mm(size.height)).toBeCloseTo(297, 0);
      const lines = typeArea(textLines(pdf));
      for (let page = 1; page <= size.pages; page += 1) {
        const onPage = lines.filter((line) => line.page === page);
        const where = `${pdf} page ${String(page)}`;
        expect(Math.min(...onPage.map((l) => mm(l.xMin))), where).toBeGreaterThanOrEqual(28 - 1);
        expect(Math.min(...onPage.map((l) => mm(l.yMin))), where).toBeGreaterThanOrEqual(37 - 1);
        expect(Math.max(...onPage.map((l) => mm(l.yMax))), where).toBeLessThanOrEqual(262 + 1);
        const right = Math.max(...onPage.filter((l) => !endsInPunctuation(l)).map((l) => mm(l.xMax)));
        expect(right, where).toBeLessThanOrEqual(184 + 1);
      }
      // Page 1 starts at the type area's top-left corner: the 版头 at the top, the body from the left.
      const first = lines.filter((line) => line.page === 1);
      expect(Math.abs(mm(first[0]?.yMin ?? 0) - 37), pdf).toBeLessThanOrEqual(1.5);
      expect(Math.abs(Math.min(...first.map((l) => mm(l.xMin))) - 28), pdf).toBeLessThanOrEqual(1);
    }
  });

  it('sets the body 28 characters to the 156 mm line, its lines 28.95 pt apart', () => {
    const lines = textLines(pdfs.notice);
    const full = lines.filter((l) => /^[\u4e00-\u9fff，、；：。（）“”]{28}$/.test(l.text));
    expect(full.length, lines.map((l) => l.text).join('\n')).toBeGreaterThan(1);
    for (const l of full) expect(Math.abs(mm(l.xMax - l.xMin) - 156)).toBeLessThan(1.5);
    // 579 twips: 22 of them fill the 225 mm type area.
    const pitch = 579 / TWIPS_PER_MM;
    const steps = lines
      .slice(1)
      .map((l, i) => ({ l, previous: lines[i] as Line }))
      .filter(({ l, previous }) => l.page === previous.page)
      .map(({ l, previous }) => mm(l.yMin - previous.yMin));
    expect(steps.filter((s) => Math.abs(s - pitch) < 0.05).length).toBeGreaterThan(5);
  });

  it('centres the number under the authority and signs off four characters from the right', () => {
    const lines = typeArea(textLines(pdfs.notice));
    const number = lines.find((l) => l.text === NOTICE_NUMBER);
    expect(Math.abs(mm(((number?.xMin ?? 0) + (number?.xMax ?? 0)) / 2) - 106)).toBeLessThan(1.5);
    const date = lines.find((l) => l.text === SIGN_OFF_DATE);
    const authority = date && lines[lines.indexOf(date) - 1];
    expect(authority?.text).toBe(AUTHORITY);
    // Four characters of 3号 (5.57 mm each) in from the type area's right edge, the date centred under it.
    expect(Math.abs(mm(authority?.xMax ?? 0) - (184 - 4 * (156 / 28)))).toBeLessThan(1.5);
    const centre = (l: Line | undefined) => mm(((l?.xMin ?? 0) + (l?.xMax ?? 0)) / 2);
    expect(Math.abs(centre(authority) - centre(date))).toBeLessThan(1);
  });

  it('numbers the pages "— n —" 7 mm under the type area, at the outer edge', () => {
    for (const pdf of Object.values(pdfs)) {
      const numbers = textLines(pdf).filter((line) => /^—\d+—$/.test(line.text));
      expect(numbers.map((n) => n.text)).toEqual(
        Array.from({ length: pageSize(pdf).pages }, (_, i) => `—${String(i + 1)}—`),
      );
      for (const number of numbers) {
        expect(Math.abs(mm(number.yMin) - (262 + 7))).toBeLessThan(1.5);
        // A character of 4号 (4.94 mm) in from the outer edge.
        if (number.page % 2 === 1) expect(Math.abs(mm(number.xMax) - (184 - 4.94))).toBeLessThan(1.5);
        else expect(Math.abs(mm(number.xMin) - (28 + 4.94))).toBeLessThan(1.5);
      }
    }
  });
});

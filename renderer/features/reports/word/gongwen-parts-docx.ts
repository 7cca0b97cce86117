// The fixed parts of a 公文 in Word, as templates/gongwen-parts.tsx makes them for the PDF: the 版头
// (the issuer in red, the number two lines below it, the red separator 4 mm under that), paragraphs
// of each kind, the 落款 with room for the seal, the 版记, and page numbers at the outer edge.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { TFunction } from 'i18next';
import { issuerPt, signOffDate } from '../templates/gongwen-parts';
import { CHARACTER, LINE, RED, SMALL_PT, TYPE_AREA, twipsOfPt } from './gongwen-page';
import { fontOf, STYLE } from './gongwen-styles';

type Content = string | readonly TextRun[];
const runs = (content: Content): TextRun[] =>
  typeof content === 'string' ? [new TextRun(content)] : [...content];

/** Body text: justified, two characters in. */
export const body = (content: Content) => new Paragraph({ style: STYLE.body, children: runs(content) });
/** Text flush with the left edge: the addressee (主送), or an empty line. */
export const flush = (content: Content) => new Paragraph({ children: runs(content) });
/** 一、 headings, in 黑体. */
export const heading = (text: string) => new Paragraph({ style: STYLE.heading, children: runs(text) });
/** （一） headings, in 楷体. */
export const subheading = (text: string) => new Paragraph({ style: STYLE.subheading, children: runs(text) });
/** A run in 楷体 within body text (the lead of a numbered requirement). */
export const kai = (text: string) => new TextRun({ text, font: fontOf('subheading') });
/** The title: 2号 小标宋, centred. */
export const title = (text: string) => new Paragraph({ style: STYLE.title, children: runs(text) });
/** A note set apart in the middle of the line (the PDF's boxed "nothing in this period"). */
export const centred = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, text });

/**
 * The issuer's line, in its size: room for 小标宋's ascent and descent and little more, so the mark
 * stands at the type area's top as in the PDF (an exact line puts its spare room above the text).
 */
const ISSUER_LINE = 1.25;
/** The separator: red, 2 pt, across the type area, 4 mm under the line above it (§7.2.7). */
const SEPARATOR = { style: BorderStyle.SINGLE, color: RED, size: 16, space: 11 } as const;

/**
 * 版头: the issuer's mark, as large as 36 pt allows on one line (issuerPt, spaced as the PDF spaces
 * it), the document number two lines below it, for a bulletin the sender and the date under that, and
 * the separator under the last of them.
 */
export function banner(
  issuer: string,
  number: string,
  senderLine?: { sender: string; date: string },
): Paragraph[] {
  // Rounded down to Word's half points, so the name never grows past the line it was sized for.
  const halfPoints = Math.floor(issuerPt(issuer) * 2);
  const mark = new Paragraph({
    style: STYLE.issuer,
    spacing: { line: Math.round(halfPoints * 10 * ISSUER_LINE), lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({ text: issuer, size: halfPoints, characterSpacing: Math.floor(halfPoints * 0.08 * 10) }),
    ],
  });
  if (!senderLine)
    return [mark, new Paragraph({ style: STYLE.number, border: { bottom: SEPARATOR }, text: number })];
  return [
    mark,
    new Paragraph({ style: STYLE.number, text: number }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width }],
      border: { bottom: SEPARATOR },
      keepNext: true,
      children: [new TextRun(senderLine.sender), new TextRun({ children: [new Tab(), senderLine.date] })],
    }),
  ];
}

/** How wide a line of text is, in body characters: a Chinese character is one, a figure half. */
const widthOf = (text: string): number =>
  [...text].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2e80 && c !== '—' ? 0.5 : 1), 0);

/**
 * 落款: three lines down for the seal, the authority centred over the date, the longer of the two
 * four characters from the right edge (as the PDF sets them in one block, §7.3.5.1).
 */
export function signOff(authority: string, date: string, t: TFunction): Paragraph[] {
  const dated = signOffDate(date, t);
  const longer = Math.max(widthOf(authority), widthOf(dated));
  const rightIndent = (text: string) => Math.round((4 + (longer - widthOf(text)) / 2) * CHARACTER);
  return [
    new Paragraph({
      style: STYLE.signOff,
      indent: { right: rightIndent(authority) },
      spacing: { before: 3 * LINE },
      text: authority,
    }),
    new Paragraph({ style: STYLE.signOff, indent: { right: rightIndent(dated) }, text: dated }),
  ];
}

/** The 版记's rules: the first and the last thick, those between thin (§7.4.1). */
const THICK = { style: BorderStyle.SINGLE, color: '000000', size: 8, space: 1 } as const;
const THIN = { style: BorderStyle.SINGLE, color: '000000', size: 6, space: 1 } as const;

/**
 * 版记: 抄送 and the 印发 line (the printing office at the left, the date at the right) between rules,
 * each only where the team has set it; nothing when it has set neither.
 */
export function colophon(copyTo: string, printedBy: string, date: string, t: TFunction): Paragraph[] {
  const lines: { children: TextRun[]; tabStops?: { type: 'right'; position: number }[] }[] = [];
  if (copyTo.trim() !== '')
    lines.push({ children: [new TextRun(t('reports.gongwen.copyTo', { names: copyTo.trim() }))] });
  if (printedBy.trim() !== '') {
    const [y, m, d] = date.split('-').map(Number);
    const printedOn = t('reports.gongwen.printedOn', {
      date: t('reports.gongwen.arabicDate', { y, m, d, iso: date }),
    });
    lines.push({
      // Tab stops are measured from the margin: the date ends a character in from the right.
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - twipsOfPt(SMALL_PT) }],
      children: [new TextRun(printedBy.trim()), new TextRun({ children: [new Tab(), printedOn] })],
    });
  }
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: STYLE.colophon,
        ...line,
        spacing: i === 0 ? { before: 2 * LINE } : undefined,
        border: {
          top: i === 0 ? THICK : undefined,
          bottom: i === lines.length - 1 ? THICK : THIN,
        },
      }),
  );
}

/**
 * Page numbers "— n —" in 4号 宋体, a character in from the outer edge: odd pages at the right, even
 * pages at the left (§7.5). The document turns on different odd and even footers for these.
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  const number = (side: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
          style: STYLE.pageNumber,
          alignment: side,
          indent: { [side]: twipsOfPt(SMALL_PT) },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  return { default: number('right'), even: number('left') };
}

// The styles of a 公文 in Word: 3号 仿宋, 28 characters to a line and 22 lines to a page, and one
// named style for each part the PDF's style sheet sets apart (templates/gongwen-css.ts), so an office
// that edits the file keeps the layout by picking a style (一级标题, 二级标题…), not by setting fonts.
//
// Faces are named as offices have them (shared/reports/faces.ts) for every script — East Asian, ASCII
// and the rest — so WPS and Word set figures and Latin letters in the same face as the Chinese. None is
// made bold: 小标宋 and 黑体 are heavy faces already (the PDF bolds only their open stand-ins), and WPS
// would thicken them further.
import {
  AlignmentType,
  type IFontAttributesProperties,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LineRuleType,
} from 'docx';
import type { TFunction } from 'i18next';
import { type FaceRole, wordFontOf } from '../../../../shared/reports/faces';
import { BODY_PT, CHARACTER, LINE, RED, SMALL_PT, TITLE_PT, TRACKING, twipsOfPt } from './gongwen-page';

export const STYLE = {
  body: 'GongwenBody',
  issuer: 'GongwenIssuer',
  number: 'GongwenNumber',
  title: 'GongwenTitle',
  heading: 'GongwenHeading1',
  subheading: 'GongwenHeading2',
  signOff: 'GongwenSignOff',
  colophon: 'GongwenColophon',
  table: 'GongwenTable',
  tableHead: 'GongwenTableHead',
  pageNumber: 'GongwenPageNumber',
} as const;

/** A face for every script of a run. */
export function fontOf(role: FaceRole): IFontAttributesProperties {
  return face(wordFontOf(role));
}
const face = (name: string): IFontAttributesProperties => ({
  ascii: name,
  hAnsi: name,
  eastAsia: name,
  cs: name,
});
/** 宋体 sets the page numbers (§7.5); it is on every Chinese Windows, UOS and Kylin machine. */
const SONG = face('宋体');

/** Word sizes in half-points. */
const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Lines set exactly at the body's pitch, so 22 lie on a page whatever face the machine has. */
const exactLines = (lines = 1) => ({ line: LINE * lines, lineRule: LineRuleType.EXACT });
/** Two characters of first-line indent: in characters for Word and WPS, in twips for the rest. */
const TWO_CHARACTERS = { firstLineChars: 200, firstLine: Math.round(2 * CHARACTER) };

export function gongwenStyles(t: TFunction): IStylesOptions {
  const name = (key: keyof typeof STYLE) => t(`reports.gongwen.styles.${key}`);
  const style = (
    key: keyof typeof STYLE,
    options: Omit<IParagraphStyleOptions, 'id' | 'name'>,
  ): IParagraphStyleOptions => ({
    id: STYLE[key],
    name: name(key),
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    ...options,
  });
  return {
    default: {
      document: {
        run: {
          font: fontOf('body'),
          size: halfPoints(BODY_PT),
          characterSpacing: TRACKING,
          color: '000000',
          language: { value: 'zh-CN', eastAsia: 'zh-CN' },
        },
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLines() },
      },
    },
    paragraphStyles: [
      style('body', { paragraph: { indent: TWO_CHARACTERS } }),
      style('issuer', {
        // Its size, spacing and line are set where it is made, for the length of the issuer's name.
        run: { font: fontOf('title'), color: RED },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
      }),
      style('number', {
        // Two lines below the issuer (§7.2.5).
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { ...exactLines(), before: 2 * LINE },
          keepNext: true,
        },
      }),
      style('title', {
        run: { font: fontOf('title'), size: halfPoints(TITLE_PT), characterSpacing: 0 },
        // Two lines below the separator, a line before the text (§7.3.1).
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { ...exactLines(), before: 2 * LINE, after: LINE },
          keepNext: true,
        },
      }),
      style('heading', {
        run: { font: fontOf('heading') },
        paragraph: { indent: TWO_CHARACTERS, keepNext: true, outlineLevel: 0 },
      }),
      style('subheading', {
        run: { font: fontOf('subheading') },
        paragraph: { indent: TWO_CHARACTERS, keepNext: true, outlineLevel: 1 },
      }),
      style('signOff', {
        paragraph: { alignment: AlignmentType.RIGHT, keepNext: true, keepLines: true },
      }),
      style('colophon', {
        run: { size: halfPoints(SMALL_PT), characterSpacing: 0 },
        paragraph: {
          alignment: AlignmentType.LEFT,
          // A character of 4号 in from each side, as the 版记's lines are (§7.4.2, §7.4.3).
          indent: { left: twipsOfPt(SMALL_PT), right: twipsOfPt(SMALL_PT) },
          spacing: { line: twipsOfPt(SMALL_PT * 1.9), lineRule: LineRuleType.EXACT },
          keepNext: true,
          keepLines: true,
        },
      }),
      style('table', {
        run: { size: halfPoints(12), characterSpacing: 0 },
        paragraph: {
          alignment: AlignmentType.LEFT,
          spacing: { line: twipsOfPt(12 * 1.45), lineRule: LineRuleType.EXACT },
        },
      }),
      style('tableHead', {
        basedOn: STYLE.table,
        run: { font: fontOf('heading') },
        paragraph: { alignment: AlignmentType.CENTER },
      }),
      style('pageNumber', {
        run: { font: SONG, size: halfPoints(SMALL_PT), characterSpacing: 0 },
        paragraph: { spacing: { line: twipsOfPt(SMALL_PT), lineRule: LineRuleType.EXACT } },
      }),
    ],
  };
}

// The page of a 公文 (GB/T 9704-2012) in Word's units, from the same numbers as the PDF's style sheet
// (templates/gongwen-css.ts): A4, the 156 × 225 mm type area 37 mm from the top and 28 mm from the
// left, 22 lines of 28 characters of 3号 body text, and the page number 7 mm under the type area.
import { GONGWEN_PAGE, GONGWEN_RED } from '../templates/gongwen-css';

/** Word measures in twips: a twentieth of a point. */
export const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const twipsOfPt = (pt: number): number => Math.round(pt * 20);

const A4 = { widthMm: 210, heightMm: 297 } as const;
const RIGHT_MM = A4.widthMm - GONGWEN_PAGE.leftMm - GONGWEN_PAGE.widthMm;
const BOTTOM_MM = A4.heightMm - GONGWEN_PAGE.topMm - GONGWEN_PAGE.heightMm;

/** 3号, the body's size; 小初-sized issuers and 2号 titles are set in points where they are made. */
export const BODY_PT = 16;
/** 4号: the 版记 and the page numbers. */
export const SMALL_PT = 14;
/** 2号: the title. */
export const TITLE_PT = 22;

export const PAGE = {
  width: twips(A4.widthMm),
  height: twips(A4.heightMm),
  margin: {
    top: twips(GONGWEN_PAGE.topMm),
    left: twips(GONGWEN_PAGE.leftMm),
    right: twips(RIGHT_MM),
    bottom: twips(BOTTOM_MM),
  },
} as const;

/** The type area as Word computes it from the page and its margins (a twip or so off 156 × 225 mm). */
export const TYPE_AREA = {
  width: PAGE.width - PAGE.margin.left - PAGE.margin.right,
  height: PAGE.height - PAGE.margin.top - PAGE.margin.bottom,
} as const;

/**
 * One line of the grid: 22 of them fill the 225 mm type area (579 twips, 28.95 pt). Rounded down, so
 * that 22 fit whatever Word rounds.
 */
export const LINE = Math.floor(TYPE_AREA.height / GONGWEN_PAGE.lines);

/**
 * How much each character of the body gives up so that 28 fill the 156 mm line (w:spacing, in twips,
 * rounded down so the 28th always fits): 3号 is a little wide for it. The PDF's style sheet tracks its
 * letters the same way. A character grid (docGrid linesAndChars) would do it in Word and WPS alone, but
 * LibreOffice snaps each 3号 character to two of its narrower cells; tracking sets 28 in all three.
 */
export const TRACKING = Math.floor(TYPE_AREA.width / GONGWEN_PAGE.characters - twipsOfPt(BODY_PT));

/** One character of the body as it is set, in twips (for indents measured in characters). */
export const CHARACTER = twipsOfPt(BODY_PT) + TRACKING;

/** The page number's line: one 4号 line, set exactly so its place does not depend on the font. */
export const PAGE_NUMBER_LINE = twipsOfPt(SMALL_PT);

/**
 * Word places the footer by its bottom edge (w:footer, from the page's bottom): the number's top is
 * then 7 mm under the type area, as §7.5 has it.
 */
export const FOOTER = PAGE.margin.bottom - twips(7) - PAGE_NUMBER_LINE;
/** Nothing is in the header; Word's usual 15 mm. */
export const HEADER = twips(15);

/** The red of the 版头 and its separator, as Word writes colours (E60012). */
export const RED = GONGWEN_RED.replace('#', '').toUpperCase();

// The style sheet of a 公文 as GB/T 9704-2012 lays one out, for the rectification notice and the
// bulletin: A4 with a 37 mm top and 28 mm binding margin around a 156 × 225 mm type area, 22 lines of
// 28 characters of 3号 (16 pt) 仿宋; the 版头 (the issuing authority in red, the document number
// centred two lines below it, the red separator 4 mm under that); the title in 2号 小标宋 two lines
// below the separator; 一、 headings in 黑体 and （一） in 楷体; the 落款 with room for the seal;
// 版记 lines; page numbers "— n —" in 4号 宋体, 7 mm under the type area, at the outer edge.
import { fontStack } from '../../../../shared/reports/faces';
import { photoFrameCss } from './photo-css';

/** The type area and its margins (GB/T 9704-2012 §5.2.1–5.2.2). */
export const GONGWEN_PAGE = {
  topMm: 37,
  leftMm: 28,
  widthMm: 156,
  heightMm: 225,
  /** Lines a page and characters a line of 3号 body text (§5.2.2). */
  lines: 22,
  characters: 28,
} as const;

const PT_PER_MM = 72 / 25.4;
const right = 210 - GONGWEN_PAGE.leftMm - GONGWEN_PAGE.widthMm;
const bottom = 297 - GONGWEN_PAGE.topMm - GONGWEN_PAGE.heightMm;
/**
 * One line of the page's grid: 225 mm / 22 is 38.65 CSS pixels, but Chromium lays lines out in whole
 * pixels and rounds up to 39 — 22 lines would then need 227 mm and only 21 would fit. 38 px (10.05
 * mm) keeps exactly 22 lines in the 225 mm type area.
 */
export const LINE_PX = Math.floor(((GONGWEN_PAGE.heightMm / 25.4) * 96) / GONGWEN_PAGE.lines);
const line = `${String(LINE_PX)}px`;
/** 3号 is 16 pt; 28 of them are a little wider than 156 mm, so each character gives up the rest. */
const BODY_PT = 16;
const tracking = `${((GONGWEN_PAGE.widthMm * PT_PER_MM) / GONGWEN_PAGE.characters - BODY_PT).toFixed(3)}pt`;
/** The red of the 版头 and its separator. */
export const GONGWEN_RED = '#e60012';
const SONG = "'宋体', 'SimSun', 'Noto Serif SC', serif";

export function gongwenCss(): string {
  return `
@page {
  size: A4;
  margin: ${String(GONGWEN_PAGE.topMm)}mm ${String(right)}mm ${String(bottom)}mm ${String(GONGWEN_PAGE.leftMm)}mm;
}
@page :right {
  @bottom-right { content: "— " counter(page) " —"; font-family: ${SONG}; font-size: 14pt;
    vertical-align: top; text-align: right; padding-top: 5mm; padding-right: 14pt; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; font-family: ${SONG}; font-size: 14pt;
    vertical-align: top; text-align: left; padding-top: 5mm; padding-left: 14pt; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fontStack('body')}; font-size: ${String(BODY_PT)}pt; line-height: ${line};
  letter-spacing: ${tracking}; color: #000; font-synthesis: none; }
p { margin: 0; text-align: justify; text-indent: 2em; }
p.flush { text-indent: 0; }
.banner { text-align: center; break-inside: avoid; }
.issuer { font-family: ${fontStack('title')}; font-weight: 700; color: ${GONGWEN_RED}; line-height: normal;
  letter-spacing: 0.08em; white-space: nowrap; }
.doc-number { margin-top: calc(2 * ${line}); text-align: center; }
.banner .rule { border: 0; border-top: 2pt solid ${GONGWEN_RED}; margin: 4mm 0 0; height: 0; }
.banner .edition-line { display: flex; justify-content: space-between; text-indent: 0; }
h1.doc-title { font-family: ${fontStack('title')}; font-weight: 700; font-size: 22pt; line-height: ${line};
  text-align: center; margin: calc(2 * ${line}) 0 ${line}; letter-spacing: 0; }
.addressee { text-indent: 0; }
h2 { font-family: ${fontStack('heading')}; font-weight: 700; font-size: ${String(BODY_PT)}pt; margin: 0;
  text-indent: 2em; break-after: avoid; }
h3 { font-family: ${fontStack('subheading')}; font-weight: 400; font-size: ${String(BODY_PT)}pt; margin: 0;
  text-indent: 2em; break-after: avoid; }
.kai { font-family: ${fontStack('subheading')}; }
.attachment-title { font-family: ${fontStack('heading')}; font-weight: 700; margin-bottom: ${line}; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; font-size: 12pt; line-height: 1.45;
  letter-spacing: 0; text-indent: 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { font-family: ${fontStack('heading')}; font-weight: 700; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center { text-align: center; white-space: nowrap; }
.muted { color: #333; }
.signoff { margin-top: calc(3 * ${line}); break-inside: avoid; display: flex; justify-content: flex-end;
  padding-right: 4em; }
.signoff .block { text-align: center; }
.colophon { margin-top: calc(2 * ${line}); font-size: 14pt; line-height: 1.9; break-inside: avoid;
  letter-spacing: 0; }
.colophon p { text-indent: 0; padding: 0 1em; }
.colophon .printed { display: flex; justify-content: space-between; }
.colophon .thick { border: 0; border-top: 0.35mm solid #000; margin: 0; }
.colophon .thin { border: 0; border-top: 0.25mm solid #000; margin: 0; }
.photos { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 3mm; margin: 2mm 0; }
${photoFrameCss(40)}
figcaption { font-size: 9pt; line-height: 1.35; color: #333; margin-top: 1mm; letter-spacing: 0; text-indent: 0; }
.empty { border: 0.6pt dashed #999; padding: 4mm; text-align: center; color: #555; text-indent: 0; }
.receipt { margin-top: ${line}; }
.page-break { break-before: page; }
sup.amended { font-size: 7pt; color: #c00; margin-left: 0.5mm; }
@media screen { body { padding: 20mm 16mm; max-width: 210mm; margin: 0 auto; } }
`;
}

// The paged-media style sheet of the forms (the visit record and the close-out record): A4, a running
// header and "第 n 页 共 m 页" in the page margins (CSS margin boxes, printed the same by Electron's
// printToPDF and headless Chromium), and a 公文's faces where they apply — 仿宋 for the text, 小标宋
// for the title, 黑体 for headings and table heads, 楷体 for second-level headings (faces.ts).
import { fontStack } from '../../../../shared/reports/faces';
import { photoFrameCss } from './photo-css';

/**
 * A CSS string literal: margin-box content comes from user data (a project's name); `<` is escaped so
 * that no text can close the <style> element it sits in.
 */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

export function reportCss(runningHeader: string): string {
  return `
@page {
  size: A4;
  margin: 22mm 18mm 20mm 18mm;
  @top-center { content: ${cssString(runningHeader)}; font-size: 9pt; color: #555; }
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fontStack('body')}; font-size: 10.5pt; line-height: 1.6; color: #000;
  font-synthesis: none; }
h1 { font-family: ${fontStack('title')}; font-weight: 700; font-size: 20pt; text-align: center; margin: 0 0 4mm;
  letter-spacing: 2pt; }
h1.red-head { color: #c00; border-bottom: 2pt solid #c00; padding-bottom: 3mm; letter-spacing: 6pt; }
h2 { font-family: ${fontStack('heading')}; font-weight: 700; font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-family: ${fontStack('subheading')}; font-weight: 400; font-size: 12pt; margin: 4mm 0 1.5mm;
  break-after: avoid; }
p { margin: 0 0 2mm; text-align: justify; }
.doc-number { text-align: center; margin-bottom: 5mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 3mm; }
.indent { text-indent: 2em; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.5mm 2mm; vertical-align: top; }
th { font-family: ${fontStack('heading')}; background: #f0f0f0; font-weight: 700; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center { text-align: center; }
table.form th { width: 22%; text-align: left; }
.photos { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; margin: 2mm 0 4mm; }
.photos.three { grid-template-columns: 1fr 1fr 1fr; }
${photoFrameCss(58)}
.photos.three figure .frame { height: 40mm; }
figcaption { font-size: 8.5pt; color: #333; margin-top: 1mm; }
.photos.three .photo-missing { height: 40mm; }
.before-after { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; margin-top: 8mm; break-inside: avoid; }
.signature img { height: 18mm; max-width: 60mm; object-fit: contain; }
.signature .line { border-bottom: 0.6pt solid #000; min-height: 18mm; }
.seal { margin-top: 12mm; text-align: right; break-inside: avoid; }
.card-red { color: #c00; font-weight: 700; }
.card-yellow { color: #b8860b; font-weight: 700; }
.card-green { color: #2e7d32; }
.empty { border: 0.6pt dashed #999; padding: 6mm; text-align: center; color: #555; margin: 4mm 0; }
.muted { color: #555; }
/* Amended values: the mark beside the value, the footnotes under the table (amendment-notes.ts). */
sup.amended { font-size: 7pt; color: #c00; margin-left: 0.5mm; }
ol.amendments { list-style: none; padding: 0; margin: 1.5mm 0 0; font-size: 8.5pt; color: #333; }
.page-break { break-before: page; }
/* The preview in the app: the page's margins, which print gives by @page. */
@media screen { body { padding: 14mm 12mm; max-width: 210mm; margin: 0 auto; } }
`;
}

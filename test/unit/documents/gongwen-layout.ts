// The type area of a 公文 as the tests measure it on a printed page (GB/T 9704-2012 §5.2): 156 ×
// 225 mm at 28 mm from the left and 37 mm from the top, within 1 mm.
import { expect } from 'vitest';
import { type Line, mm } from './print-document';

export const TOLERANCE_MM = 1;
/** The body's line pitch: 38 CSS pixels (gongwen-css.ts says why not 225 mm / 22 exactly). */
export const BODY_LINE_MM = (38 / 96) * 25.4;

/** The lines of the type area: everything but the page numbers under it. */
export const typeArea = (lines: readonly Line[]) => lines.filter((line) => !/^—\d+—$/.test(line.text));

/**
 * Page 1 fills the type area from its top-left corner to its right edge (the 版头 at the top, body
 * lines of full width); on every page nothing lies outside it but the page number. A later page may
 * start with a table, whose text sits inside its cells' padding.
 */
export function expectGongwenPage(lines: readonly Line[], page: number) {
  const onPage = typeArea(lines.filter((line) => line.page === page));
  const left = Math.min(...onPage.map((l) => mm(l.xMin)));
  const right = Math.max(...onPage.map((l) => mm(l.xMax)));
  const top = Math.min(...onPage.map((l) => mm(l.yMin)));
  const bottom = Math.max(...onPage.map((l) => mm(l.yMax)));
  const where = (edge: string, value: number) => `page ${String(page)} ${edge} ${value.toFixed(2)} mm`;
  expect(left, where('left edge', left)).toBeGreaterThanOrEqual(28 - TOLERANCE_MM);
  expect(right, where('right edge', right)).toBeLessThanOrEqual(184 + TOLERANCE_MM);
  expect(top, where('top', top)).toBeGreaterThanOrEqual(37 - TOLERANCE_MM);
  expect(bottom, where('bottom', bottom)).toBeLessThanOrEqual(262 + TOLERANCE_MM);
  if (page !== 1) return;
  expect(Math.abs(left - 28), where('left edge', left)).toBeLessThanOrEqual(TOLERANCE_MM);
  expect(Math.abs(right - 184), where('right edge', right)).toBeLessThanOrEqual(TOLERANCE_MM);
  expect(Math.abs(top - 37), where('top', top)).toBeLessThanOrEqual(TOLERANCE_MM);
}

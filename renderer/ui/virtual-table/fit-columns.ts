// Which columns a table shows at its width: all of them when they fit, otherwise it leaves out the
// columns marked as optional, the least important first, so that the important ones stay on screen
// (a 1280-pixel laptop with the sidebar open has about 1000 pixels for a table) instead of being
// pushed off to the right behind a scroll bar.

/** The narrowest the flexible column (the name or the problem) may be. */
export const FLEX_MIN = 200;

interface Fittable {
  width: number | 'flex';
  /** Left out when the table is too narrow: the higher, the sooner. Columns without it always show. */
  dropOrder?: number;
}

const widthOf = (columns: readonly Fittable[], fixed: number): number =>
  columns.reduce((sum, c) => sum + (c.width === 'flex' ? FLEX_MIN : c.width), fixed);

/** The columns to show in `available` pixels, `fixed` of which go to columns of the table's own (ticks). */
export function fitColumns<C extends Fittable>(
  columns: readonly C[],
  available: number,
  fixed = 0,
): readonly C[] {
  if (available <= 0 || widthOf(columns, fixed) <= available) return columns;
  const optional = columns
    .filter((c) => c.dropOrder !== undefined)
    .sort((a, b) => (b.dropOrder ?? 0) - (a.dropOrder ?? 0));
  let shown = columns;
  for (const column of optional) {
    if (widthOf(shown, fixed) <= available) break;
    shown = shown.filter((c) => c !== column);
  }
  return shown;
}

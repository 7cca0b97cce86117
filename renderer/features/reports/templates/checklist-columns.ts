// The columns of a checklist's table in the visit record: the item, what was found (a number, a text,
// photos), the result (是 / 否 / 不适用) and the note each get a column of their own — a column only
// when some answer fills it — and each column is as wide as its text needs, so a long finding is not
// squeezed into a narrow result column while the note column stays empty.

export type ChecklistColumn = 'item' | 'finding' | 'result' | 'note';

export interface ChecklistRowText {
  readonly item: string;
  /** A number, a text or a count of photos; '' for a yes/no answer, which is a result. */
  readonly finding: string;
  /** 是 / 否 / 不适用; '' for an answer that is a finding. */
  readonly result: string;
  readonly note: string;
}

/** The row number's column, in percent of the table. */
export const NUMBER_COLUMN_PERCENT = 8;
/**
 * No column is narrower than its floor (a short result still needs its header), and none but the
 * item — the table's main text — wider than its ceiling, so what the item does not need goes to it.
 */
const MIN_PERCENT: Record<ChecklistColumn, number> = { item: 24, finding: 12, result: 9, note: 12 };
const MAX_PERCENT: Record<ChecklistColumn, number> = { item: 100, finding: 48, result: 48, note: 48 };

/** A text's width in ems: CJK characters one, Latin letters and digits about half. */
export function ems(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
  return width;
}

/**
 * The columns the rows need and their widths in percent (the number column's share taken out first):
 * each column's share follows the mean width of its texts — long texts wrap, so a column is never
 * sized by its single longest entry — kept between a floor and a ceiling.
 */
export function checklistColumns(
  rows: readonly ChecklistRowText[],
): { column: ChecklistColumn; percent: number }[] {
  const columns: ChecklistColumn[] = ['item', 'finding', 'result', 'note'];
  const used = columns.filter((column) => column === 'item' || rows.some((row) => row[column].trim() !== ''));
  const need = used.map((column) => {
    const filled = rows.map((row) => ems(row[column])).filter((width) => width > 0);
    const mean = filled.length === 0 ? 0 : filled.reduce((a, b) => a + b, 0) / filled.length;
    return { column, need: Math.max(mean, 2) };
  });
  const room = 100 - NUMBER_COLUMN_PERCENT;
  // Shares by need; a share past a floor or ceiling is held there and the others share what is left,
  // until none moves.
  const held = new Map<ChecklistColumn, number>();
  for (let round = 0; round < need.length; round += 1) {
    const free = need.filter((c) => !held.has(c.column));
    const freeRoom = room - [...held.values()].reduce((a, b) => a + b, 0);
    const freeNeed = free.reduce((sum, c) => sum + c.need, 0);
    let moved = false;
    for (const c of free) {
      const share = (c.need / freeNeed) * freeRoom;
      if (share < MIN_PERCENT[c.column]) held.set(c.column, MIN_PERCENT[c.column]);
      else if (share > MAX_PERCENT[c.column]) held.set(c.column, MAX_PERCENT[c.column]);
      else continue;
      moved = true;
    }
    if (!moved) break;
  }
  const free = need.filter((c) => !held.has(c.column));
  const freeRoom = room - [...held.values()].reduce((a, b) => a + b, 0);
  const freeNeed = free.reduce((sum, c) => sum + c.need, 0);
  const shares = need.map((c) => ({
    column: c.column,
    percent: held.get(c.column) ?? (c.need / freeNeed) * freeRoom,
  }));
  // Every column held (few columns, or one huge): the widest-needing one takes up the difference.
  if (free.length === 0) {
    const widest = need.reduce((a, b) => (b.need > a.need ? b : a));
    const share = shares.find((c) => c.column === widest.column);
    if (share) share.percent += freeRoom;
  }
  return shares.map((c) => ({ column: c.column, percent: Math.round(c.percent * 10) / 10 }));
}

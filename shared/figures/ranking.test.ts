import { describe, expect, it } from 'vitest';
import { rankCounties } from './ranking';
import type { RectificationFigure } from './rectification';

const figure = (
  found: number,
  rectified: number,
  closedOnTime: number,
  overdue: number,
): RectificationFigure => ({
  found,
  rectified,
  closedOnTime,
  overdue,
  dueSoon: 0,
  rectificationRate: found === 0 ? null : rectified / found,
  onTimeRate: rectified === 0 ? null : closedOnTime / rectified,
});

describe('rankCounties (排名)', () => {
  const ranking = rankCounties([
    { key: 'A', figure: figure(10, 5, 4, 2) }, //  rate 0.5,  on time 0.8, overdue 2
    { key: 'B', figure: figure(4, 3, 0, 0) }, //   rate 0.75: the highest rate → 1st
    { key: 'C', figure: figure(20, 10, 8, 2) }, // rate 0.5,  on time 0.8, overdue 2: ties with A
    { key: 'D', figure: figure(10, 5, 4, 1) }, //  rate 0.5,  on time 0.8, overdue 1: before A and C
    { key: 'E', figure: figure(2, 1, 1, 5) }, //   rate 0.5,  on time 1.0: before D despite 5 overdue
    { key: 'F', figure: figure(0, 0, 0, 0) }, //   nothing found: not ranked
    { key: 'G', figure: figure(3, 0, 0, 3) }, //   rate 0, nothing closed, overdue 3
    { key: 'H', figure: figure(6, 0, 0, 3) }, //   the same as G → tie
  ]);
  const table = ranking.map((r) => [r.key, r.rank, r.tied]);

  it('ranks by rate, then on-time rate, then fewer overdue', () => {
    expect(table.slice(0, 3)).toEqual([
      ['B', 1, false],
      ['E', 2, false],
      ['D', 3, false],
    ]);
  });

  it('lets equal counties share a rank and skips the next one', () => {
    // A and C share 4th (并列第4); G and H come 6th, not 5th, and share it.
    expect(table.slice(3, 7)).toEqual([
      ['A', 4, true],
      ['C', 4, true],
      ['G', 6, true],
      ['H', 6, true],
    ]);
  });

  it('lists counties with nothing found last, unranked', () => {
    expect(table.at(-1)).toEqual(['F', null, false]);
    expect(ranking).toHaveLength(8);
  });

  it('ties three ways and ranks everyone first when all are equal', () => {
    const all = rankCounties(['x', 'y', 'z'].map((key) => ({ key, figure: figure(4, 2, 1, 0) })));
    expect(all.map((r) => [r.key, r.rank, r.tied])).toEqual([
      ['x', 1, true],
      ['y', 1, true],
      ['z', 1, true],
    ]);
    expect(rankCounties([])).toEqual([]);
  });
});

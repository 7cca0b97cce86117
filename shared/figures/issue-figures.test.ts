import { describe, expect, it } from 'vitest';
import { issueFigures } from './issue-figures';
import type { FigureIssue } from './rectification';

const regions = [
  { id: 'simao', level: 'county' as const, parentId: null },
  { id: 'nanping', level: 'town' as const, parentId: 'simao' },
];
const options = { today: '2026-03-10', timeZone: 'Asia/Shanghai' };
const row = (o: Partial<FigureIssue>): FigureIssue => ({
  regionId: 'nanping',
  responsibleUnitIds: ['water'],
  status: 'inProgress',
  deadline: '2026-03-20',
  closedAt: null,
  createdAt: '2026-03-02T02:00:00Z',
  ...o,
});

describe('issueFigures', () => {
  it('gives the rectification figures and the trend from one pass', () => {
    const figures = issueFigures(
      [
        // found 03-02, open, green
        row({}),
        // found 02-10, closed 03-01 10:00 China time for a 03-05 deadline → on time
        row({ createdAt: '2026-02-10T02:00:00Z', status: 'closed', closedAt: '2026-03-01T02:00:00Z' }),
        // found 03-02, deadline 03-09 passed → red
        row({ deadline: '2026-03-09' }),
      ],
      regions,
      options,
    );
    // 3 live issues: 1 closed (on time) → 1/3; 1 overdue.
    expect(figures.total).toMatchObject({ found: 3, rectified: 1, closedOnTime: 1, overdue: 1, dueSoon: 0 });
    expect(figures.byCounty.get('simao')).toEqual(figures.total);
    expect(figures.byUnit.get('water')).toEqual(figures.total);
    // March: found 2, closed 1; February: found 1.
    expect(figures.trend.at(-1)).toMatchObject({ month: '2026-03', found: 2, closed: 1 });
    expect(figures.trend.at(-2)).toMatchObject({ month: '2026-02', found: 1, closed: 0 });
    expect(figures.trend).toHaveLength(12);
  });
});

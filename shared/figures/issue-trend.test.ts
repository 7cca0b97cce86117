import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/issue';
import { foundOn, passesFilter } from '../issues/issue-filter';
import { issueTrend } from './issue-trend';

type TrendIssue = Pick<Issue, 'createdAt' | 'closedAt' | 'status'>;
const found = (createdAt: string): TrendIssue => ({ createdAt, closedAt: null, status: 'inProgress' });
const closed = (createdAt: string, closedAt: string | null): TrendIssue => ({
  createdAt,
  closedAt,
  status: 'closed',
});

const options = { today: '2026-03-10', timeZone: 'Asia/Shanghai' };

// China time is UTC+8: 16:00 UTC is midnight of the next day there.
const issues: TrendIssue[] = [
  found('2026-02-28T16:00:00.000Z'), // 03-01 00:00 in China → March
  found('2026-02-28T15:59:59.999Z'), // 02-28 23:59 → February
  found('2026-03-10T09:00:00Z'), // → March
  found('2025-03-31T16:00:00Z'), // 2025-04-01 00:00 → April 2025, the first of the twelve months
  found('2025-03-31T15:59:59Z'), // 2025-03-31 → before the twelve months: not counted
  closed('2025-12-01T02:00:00Z', '2026-01-31T16:30:00Z'), // found December; closed 02-01 00:30 → February
  closed('2026-01-05T02:00:00Z', null), // closed with no instant: found January, closed nowhere
];

describe('issueTrend', () => {
  const trend = issueTrend(issues, options);

  it('gives the last twelve months, today’s last, with their first and last days', () => {
    expect(trend.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(trend[10]).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(trend[11]).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-31' });
  });

  it('counts found by the day recorded and closed by the day closed, in the office zone', () => {
    const counts = Object.fromEntries(trend.map((m) => [m.month, [m.found, m.closed]]));
    expect(counts['2026-03']).toEqual([2, 0]);
    expect(counts['2026-02']).toEqual([1, 1]);
    expect(counts['2026-01']).toEqual([1, 0]);
    expect(counts['2025-12']).toEqual([1, 0]);
    expect(counts['2025-04']).toEqual([1, 0]);
    // 7 issues, one found before the twelve months → 6 found in them; one closed.
    expect(trend.reduce((s, m) => s + m.found, 0)).toBe(6);
    expect(trend.reduce((s, m) => s + m.closed, 0)).toBe(1);
  });

  it('agrees with the list’s found-on filter month by month', () => {
    for (const m of trend) {
      const listed = issues.filter((i) => {
        const day = foundOn(i, options.timeZone);
        return day >= m.firstDay && day <= m.lastDay;
      });
      expect(m.found, m.month).toBe(listed.length);
    }
  });

  it('agrees with the list’s closed-on filter month by month', () => {
    for (const m of trend) {
      const filter = { closedFrom: m.firstDay, closedTo: m.lastDay };
      // The filter reads only the status and closedAt of these issues.
      const listed = issues.filter((i) => passesFilter(i as Issue, filter, options.today, options.timeZone));
      expect(m.closed, m.month).toBe(listed.length);
    }
  });

  it('places instants written with an offset, as imported data may have them', () => {
    const written = issueTrend(
      [
        found('2026-03-01T00:00:00+08:00'),
        found('2026-02-28T23:59:59+08:00'),
        found('2024-01-01T00:00:00+08:00'),
      ],
      options,
    );
    // 03-01 00:00 and 02-28 23:59 China time; 2024 lies before the twelve months.
    expect(written.map((m) => m.found).slice(-2)).toEqual([1, 1]);
    expect(written.reduce((sum, m) => sum + m.found, 0)).toBe(2);
  });

  it('moves with the zone and the number of months', () => {
    // In UTC the 16:00 instant of 02-28 is still February.
    const utc = issueTrend(issues, { today: '2026-03-10', timeZone: 'UTC' }, 2);
    expect(utc).toEqual([
      { month: '2026-02', firstDay: '2026-02-01', lastDay: '2026-02-28', found: 2, closed: 0 },
      { month: '2026-03', firstDay: '2026-03-01', lastDay: '2026-03-31', found: 1, closed: 0 },
    ]);
    // Across a year's end: January's twelve months run from the February before.
    const january = issueTrend([], { today: '2027-01-15', timeZone: 'UTC' });
    expect([january[0]?.month, january[11]?.month]).toEqual(['2026-02', '2027-01']);
  });
});

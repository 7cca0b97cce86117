import { describe, expect, it } from 'vitest';
import type { Region } from '../domain/organization';
import { makeIssue } from '../../test/fixtures/records';
import { bulletinFigures } from './bulletin-figures';

type Node = Pick<Region, 'id' | 'level' | 'parentId'>;
const regions: Node[] = [
  { id: 'puer', level: 'city', parentId: null },
  { id: 'simao', level: 'county', parentId: 'puer' },
  { id: 'nanping', level: 'town', parentId: 'simao' },
  { id: 'ninger', level: 'county', parentId: 'puer' },
  { id: 'jinggu', level: 'county', parentId: 'puer' },
];

// Found 02:00 UTC = 10:00 China time on the day given.
const found = (day: string) => `${day}T02:00:00.000Z`;
const issue = (id: string, regionId: string, day: string, more: Parameters<typeof makeIssue>[0] = {}) =>
  makeIssue({
    id,
    regionId,
    createdAt: found(day),
    updatedAt: found(day),
    responsibleUnitIds: ['u1'],
    ...more,
  });

// The period is March 2026; the bulletin's day 2026-04-05.
const issues = [
  // 思茅 (with its town 南屏): 3 found in March, 2 closed (one on time, one late) → 66.7%.
  issue('s1', 'simao', '2026-03-02', {
    status: 'closed',
    deadline: '2026-03-20',
    closedAt: '2026-03-19T04:00:00Z',
    severity: 'grave',
  }),
  issue('s2', 'nanping', '2026-03-15', {
    status: 'closed',
    deadline: '2026-03-20',
    closedAt: '2026-03-25T04:00:00Z',
  }),
  issue('s3', 'simao', '2026-03-31', { status: 'inProgress', deadline: '2026-04-01', severity: 'serious' }),
  // 宁洱: 2 found in March, both closed on time → 100%, ranks first.
  issue('n1', 'ninger', '2026-03-05', {
    status: 'closed',
    deadline: '2026-03-30',
    closedAt: '2026-03-29T04:00:00Z',
  }),
  issue('n2', 'ninger', '2026-03-06', {
    status: 'closed',
    deadline: '2026-03-30',
    closedAt: '2026-03-29T04:00:00Z',
  }),
  // 景谷: 1 found in March, open and overdue → 0%.
  issue('j1', 'jinggu', '2026-03-10', { status: 'issued', deadline: '2026-03-31', severity: 'grave' }),
  // Outside the period: found in February (not counted) but overdue on the day (listed).
  issue('s0', 'simao', '2026-02-27', { status: 'inProgress', deadline: '2026-03-01' }),
  // Found 2026-04-01 00:30 China time = 03-31 16:30 UTC: April in China, so outside the period.
  makeIssue({ id: 's9', regionId: 'simao', createdAt: '2026-03-31T16:30:00.000Z', deadline: '2026-05-01' }),
];

const options = { from: '2026-03-01', to: '2026-03-31', today: '2026-04-05', timeZone: 'Asia/Shanghai' };

describe('bulletinFigures', () => {
  it('counts the issues found in the period, as of the bulletin’s day, and ranks every county', () => {
    const b = bulletinFigures(issues, regions, { ...options, countyId: null });
    expect(b.foundInPeriod).toBe(6);
    expect(b.figures.total).toMatchObject({ found: 6, rectified: 4, closedOnTime: 3, overdue: 2 });
    expect(b.figures.total.rectificationRate).toBeCloseTo(4 / 6);
    expect(b.figures.byCounty.get('simao')).toMatchObject({
      found: 3,
      rectified: 2,
      closedOnTime: 1,
      overdue: 1,
    });
    expect(b.ranking.map((r) => [r.key, r.rank])).toEqual([
      ['ninger', 1],
      ['simao', 2],
      ['jinggu', 3],
    ]);
    expect(b.place).toBeNull();
    // Grave first, then serious, each oldest first; general problems are not typical.
    expect(b.typical.map((i) => i.id)).toEqual(['s1', 'j1', 's3']);
    // Every open issue past its deadline on the day, most overdue first, whenever found.
    expect(b.overdue.map((o) => [o.issue.id, o.daysOverdue])).toEqual([
      ['s0', 35],
      ['j1', 5],
      ['s3', 4],
    ]);
  });

  it('gives one county its own figures and its place among all', () => {
    const b = bulletinFigures(issues, regions, { ...options, countyId: 'simao' });
    expect(b.foundInPeriod).toBe(3);
    expect([...b.figures.byCounty.keys()]).toEqual(['simao']);
    expect(b.figures.total).toMatchObject({ found: 3, rectified: 2 });
    expect(b.place).toEqual({ rank: 2, tied: false, of: 3 });
    expect(b.overdue.map((o) => o.issue.id)).toEqual(['s0', 's3']);
    expect(b.typical.map((i) => i.id)).toEqual(['s1', 's3']);
  });

  it('makes an empty bulletin of a period with nothing in it', () => {
    const b = bulletinFigures(issues, regions, {
      ...options,
      from: '2025-01-01',
      to: '2025-01-31',
      countyId: null,
    });
    expect(b.foundInPeriod).toBe(0);
    expect(b.figures.total.rectificationRate).toBeNull();
    expect(b.ranking.every((r) => r.rank === null)).toBe(true);
    expect(b.typical).toEqual([]);
  });
});

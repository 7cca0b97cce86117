import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/dates';
import type { Issue } from '../domain/issue';
import type { Region } from '../domain/organization';
import { colourCard } from '../issues/colour-card';
import { type IssueFilter, passesFilter } from '../issues/issue-filter';
import { regionsOfCounties } from './counties';
import { rectificationFigures } from './rectification';

const TODAY = '2026-03-10';
const ZONE = 'Asia/Shanghai';
const options = { today: TODAY, timeZone: ZONE };

type Node = Pick<Region, 'id' | 'level' | 'parentId'>;
const regions: Node[] = [
  { id: 'puer', level: 'city', parentId: null },
  { id: 'simao', level: 'county', parentId: 'puer' },
  { id: 'nanping', level: 'town', parentId: 'simao' },
  { id: 'ninger', level: 'county', parentId: 'puer' },
  { id: 'jinggu', level: 'county', parentId: 'puer' },
];

let n = 0;
function issue(
  regionId: string,
  status: Issue['status'],
  deadline: string,
  units: string[],
  closedAt: string | null = null,
): Issue {
  n += 1;
  return {
    id: `issue-${n}`,
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    projectId: 'project-1',
    regionId,
    visitId: null,
    title: `问题${n}`,
    description: '',
    category: 'other',
    severity: 'general',
    responsibleUnitIds: units,
    responsiblePerson: '',
    coordinatingLeaderId: null,
    deadline,
    originalDeadline: deadline,
    status,
    needsCoordination: false,
    noticeNumber: null,
    closedAt,
  };
}

// Today is 2026-03-10 in China (UTC+8). Red: deadline before today; yellow: today to 03-13.
const issues: Issue[] = [
  // 1 思茅: closed 23:59:59 China time on the deadline day → on time.
  issue('simao', 'closed', '2026-03-05', ['water'], '2026-03-05T15:59:59Z'),
  // 2 南屏 (a town of 思茅): closed 00:00 China time the day after → late.
  issue('nanping', 'closed', '2026-03-05', ['water', 'construction'], '2026-03-05T16:00:00.000Z'),
  // 3 思茅: open, deadline yesterday → overdue (red).
  issue('simao', 'inProgress', '2026-03-09', ['construction']),
  // 4 南屏: open, deadline today → due soon (yellow); the water bureau named twice counts once.
  issue('nanping', 'issued', '2026-03-10', ['water', 'water']),
  // 5 思茅: a draft due today + 3 → yellow.
  issue('simao', 'draft', '2026-03-13', ['development']),
  // 6 思茅: due today + 4 → green, in neither column.
  issue('simao', 'acknowledged', '2026-03-14', ['development']),
  // 7 宁洱: closed 10:00 China time on 02-20 for a 02-28 deadline → on time.
  issue('ninger', 'closed', '2026-02-28', ['construction'], '2026-02-20T02:00:00Z'),
  // 8 宁洱: extension requested, deadline passed → red.
  issue('ninger', 'extensionRequested', '2026-03-01', ['construction']),
  // 9 a project placed at the city: red; in the totals, in no county.
  issue('puer', 'inProgress', '2026-03-01', ['development']),
  // 10 a region no longer known: closed 09:00 China time on 03-02 for 03-01 → late; totals only.
  issue('region-gone', 'closed', '2026-03-01', ['finance'], '2026-03-02T01:00:00Z'),
];

describe('rectificationFigures', () => {
  const figures = rectificationFigures(issues, regions, options);

  it('counts per county, towns rolled up into theirs', () => {
    // 思茅 = issues 1–6: found 6; rectified 1, 2 = 2 → 2 / 6 = 1/3; on time 1 of 2 closed → 0.5;
    // overdue 3 → 1; due soon 4, 5 → 2.
    expect(figures.byCounty.get('simao')).toEqual({
      found: 6,
      rectified: 2,
      closedOnTime: 1,
      overdue: 1,
      dueSoon: 2,
      rectificationRate: 1 / 3,
      onTimeRate: 0.5,
    });
    // 宁洱 = issues 7, 8: found 2, rectified 1 → 0.5, on time 1 of 1 → 1, overdue 1.
    expect(figures.byCounty.get('ninger')).toEqual({
      found: 2,
      rectified: 1,
      closedOnTime: 1,
      overdue: 1,
      dueSoon: 0,
      rectificationRate: 0.5,
      onTimeRate: 1,
    });
    // 景谷 found nothing: zeros and no rates.
    expect(figures.byCounty.get('jinggu')).toEqual({
      found: 0,
      rectified: 0,
      closedOnTime: 0,
      overdue: 0,
      dueSoon: 0,
      rectificationRate: null,
      onTimeRate: null,
    });
    expect([...figures.byCounty.keys()]).toEqual(['simao', 'ninger', 'jinggu']);
  });

  it('counts every issue in the totals', () => {
    // found 10; rectified 1, 2, 7, 10 = 4 → 0.4; on time 1, 7 = 2 of 4 → 0.5; overdue 3, 8, 9 = 3;
    // due soon 4, 5 = 2.
    expect(figures.total).toEqual({
      found: 10,
      rectified: 4,
      closedOnTime: 2,
      overdue: 3,
      dueSoon: 2,
      rectificationRate: 0.4,
      onTimeRate: 0.5,
    });
  });

  it('counts an issue for each of its responsible units', () => {
    // water = 1, 2, 4: rectified 1, 2 → 2/3; on time 1 of 2 → 0.5; due soon 4.
    expect(figures.byUnit.get('water')).toMatchObject({
      found: 3,
      rectified: 2,
      closedOnTime: 1,
      dueSoon: 1,
    });
    expect(figures.byUnit.get('water')?.rectificationRate).toBeCloseTo(2 / 3, 12);
    // construction = 2, 3, 7, 8: rectified 2, 7 → 0.5; on time 7 → 1 of 2 → 0.5; overdue 3, 8 → 2.
    expect(figures.byUnit.get('construction')).toEqual({
      found: 4,
      rectified: 2,
      closedOnTime: 1,
      overdue: 2,
      dueSoon: 0,
      rectificationRate: 0.5,
      onTimeRate: 0.5,
    });
    // development = 5, 6, 9: nothing closed → rate 0, no on-time rate; overdue 9; due soon 5.
    expect(figures.byUnit.get('development')).toEqual({
      found: 3,
      rectified: 0,
      closedOnTime: 0,
      overdue: 1,
      dueSoon: 1,
      rectificationRate: 0,
      onTimeRate: null,
    });
    // finance = 10: closed late → 1 of 1 rectified, 0 on time.
    expect(figures.byUnit.get('finance')).toMatchObject({ rectificationRate: 1, onTimeRate: 0 });
  });

  it('gives the counts of the lists each figure opens', () => {
    const counties = regionsOfCounties(regions);
    const listed = (filter: IssueFilter) => issues.filter((i) => passesFilter(i, filter, TODAY, ZONE)).length;
    for (const [countyId, regionIds] of counties) {
      const f = figures.byCounty.get(countyId);
      expect(f?.found).toBe(listed({ regionIds }));
      expect(f?.rectified).toBe(listed({ regionIds, statuses: ['closed'] }));
      expect(f?.closedOnTime).toBe(listed({ regionIds, timeliness: 'onTime' }));
      expect(f?.overdue).toBe(listed({ regionIds, cards: ['red'] }));
      expect(f?.dueSoon).toBe(listed({ regionIds, cards: ['yellow'] }));
    }
    for (const [unitId, f] of figures.byUnit) {
      expect(f.found).toBe(listed({ unitId }));
      expect(f.closedOnTime).toBe(listed({ unitId, timeliness: 'onTime' }));
      expect(f.overdue).toBe(listed({ unitId, cards: ['red'] }));
    }
  });

  it('puts an open issue in the overdue and due-soon columns exactly as its colour card', () => {
    for (let days = -5; days <= 6; days++) {
      const deadline = addDays(TODAY, days);
      const open = issue('simao', 'inProgress', deadline, ['water']);
      const { total } = rectificationFigures([open], regions, options);
      const card = colourCard(open, TODAY);
      expect(total.overdue, deadline).toBe(card === 'red' ? 1 : 0);
      expect(total.dueSoon, deadline).toBe(card === 'yellow' ? 1 : 0);
    }
  });

  it('has no rates for no issues', () => {
    const none = rectificationFigures([], regions, options);
    expect(none.total.rectificationRate).toBeNull();
    expect(none.byUnit.size).toBe(0);
  });
});

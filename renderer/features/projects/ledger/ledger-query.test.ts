import { describe, expect, it } from 'vitest';
import { parseWan, type Fen } from '../../../../shared/domain/money';
import { makeProject, makeRegion } from '../../../../test/fixtures/records';
import { EMPTY_FILTER, filterProjects, normalizeForSearch, sortProjects } from './ledger-query';

const wan = (t: string) => parseWan(t) as Fen;
const regions = [
  makeRegion({ id: 'puer', name: '普洱市', level: 'city', parentId: null }),
  makeRegion({ id: 'ninger', name: '宁洱县', level: 'county', parentId: 'puer' }),
  makeRegion({ id: 'ninger-town', name: '宁洱镇', level: 'town', parentId: 'ninger' }),
  makeRegion({ id: 'jinggu', name: '景谷县', level: 'county', parentId: 'puer' }),
];
const projects = [
  makeProject({
    id: 'a',
    name: '宁洱县城镇生活垃圾处理场',
    regionId: 'ninger-town',
    category: 'waste',
    owner: '宁洱县住建局',
    annualPlan: wan('1200'),
    completedThisYear: wan('610'),
  }),
  makeProject({
    id: 'b',
    name: '景谷县城镇生活垃圾处理工程',
    regionId: 'jinggu',
    category: 'waste',
    phase: 'continuing',
    annualPlan: wan('1500'),
    completedThisYear: wan('1120'),
  }),
  makeProject({
    id: 'c',
    name: '宁洱县廉租住房建设项目',
    regionId: 'ninger',
    category: 'lowRentHousing',
    responsibleUnitIds: ['unit-housing'],
    leaderId: 'leader-li',
    annualPlan: wan('2120.6'),
    completedThisYear: wan('318'),
  }),
];
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('ledger filter', () => {
  it('finds Chinese words without spaces, all words required', () => {
    expect(ids(filterProjects(projects, { ...EMPTY_FILTER, search: '垃圾' }, regions))).toEqual(['a', 'b']);
    expect(ids(filterProjects(projects, { ...EMPTY_FILTER, search: '宁洱 垃圾' }, regions))).toEqual(['a']);
    expect(ids(filterProjects(projects, { ...EMPTY_FILTER, search: '住建局' }, regions))).toEqual(['a']);
  });

  it('matches full-width and half-width alike', () => {
    expect(normalizeForSearch('ＰＰＰ项目 2026')).toBe('ppp项目2026');
  });

  it('takes a county with its towns', () => {
    expect(ids(filterProjects(projects, { ...EMPTY_FILTER, regionId: 'ninger' }, regions))).toEqual([
      'a',
      'c',
    ]);
    expect(ids(filterProjects(projects, { ...EMPTY_FILTER, regionId: 'puer' }, regions))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('filters by category, phase, leader and responsible unit together', () => {
    expect(
      ids(filterProjects(projects, { ...EMPTY_FILTER, category: 'waste', phase: 'continuing' }, regions)),
    ).toEqual(['b']);
    expect(
      ids(
        filterProjects(projects, { ...EMPTY_FILTER, leaderId: 'leader-li', unitId: 'unit-housing' }, regions),
      ),
    ).toEqual(['c']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, unitId: 'nobody' }, regions)).toEqual([]);
  });
});

describe('ledger sort', () => {
  const names = new Map(regions.map((r) => [r.id, r.name]));
  it('sorts by the annual completion rate, highest first', () => {
    // 1120/1500 = 74.7%, 610/1200 = 50.8%, 318/2120.6 = 15.0%
    expect(ids(sortProjects(projects, { key: 'annualRate', order: 'desc' }, names))).toEqual(['b', 'a', 'c']);
  });
  it('sorts names in pinyin order', () => {
    // jǐng < níng: 景谷 before 宁洱
    expect(ids(sortProjects(projects, { key: 'name', order: 'asc' }, names))[0]).toBe('b');
  });
});

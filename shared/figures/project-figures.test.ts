import { describe, expect, it } from 'vitest';
import { type Fen, parseWan } from '../domain/money';
import type { Region } from '../domain/organization';
import type { Milestone, Project } from '../domain/project';
import {
  type projectFigures,
  projectFiguresByCounty,
  type ProjectTargets,
  verdictOf,
} from './project-figures';

const wan = (text: string): Fen => parseWan(text) as Fen;
const regions: Pick<Region, 'id' | 'level' | 'parentId'>[] = [
  { id: 'puer', level: 'city', parentId: null },
  { id: 'simao', level: 'county', parentId: 'puer' },
  { id: 'nanping', level: 'town', parentId: 'simao' },
  { id: 'ninger', level: 'county', parentId: 'puer' },
];

type P = Parameters<typeof projectFigures>[0][number];
const project = (
  id: string,
  regionId: string,
  o: {
    planYear?: number;
    plan?: string;
    done?: string;
    committed?: string;
    arrived?: string;
    area?: [number, number | null];
    groundbreaking?: [string, string | null];
  },
): P => ({
  id,
  regionId,
  planYear: o.planYear ?? 2026,
  annualPlan: wan(o.plan ?? '0'),
  completedThisYear: wan(o.done ?? '0'),
  funding: o.committed
    ? [{ source: 'centralSubsidy', committed: wan(o.committed), arrived: wan(o.arrived ?? '0') }]
    : [],
  scale: {
    areaM2: o.area?.[0] ?? null,
    completedAreaM2: o.area?.[1] ?? null,
    households: null,
    capacity: null,
    landMu: null,
    description: '',
  } satisfies Project['scale'],
  milestones: o.groundbreaking
    ? [
        {
          kind: 'groundbreaking',
          planned: o.groundbreaking[0],
          actual: o.groundbreaking[1],
        } satisfies Milestone,
      ]
    : [],
});

// "年底前完成投资额的60%以上，竣工面积不少于50%", "5月底前所有项目开工", funds 80% arrived.
const targets: ProjectTargets = {
  year: 2026,
  annualInvestmentShare: 0.6,
  completedAreaShare: 0.5,
  startRate: 1,
  startBy: '2026-05-31',
  fundingArrivalShare: 0.8,
};
const TODAY = '2026-03-10';

const projects: P[] = [
  // 思茅: 2100 of 4000 万元 → 0.525, below 60%; funds all arrived; started 03-05 for a 03-01 plan.
  project('P1', 'simao', {
    plan: '4000',
    done: '2100',
    committed: '4350',
    arrived: '4350',
    groundbreaking: ['2026-03-01', '2026-03-05'],
  }),
  // 南屏 (a town of 思茅): 900 of 1000 → 0.9; 500 of 1000 arrived → 0.5, below 80%; 22,000 of 40,000 m²
  // → 0.55; planned to start 05-20, not yet started.
  project('P2', 'nanping', {
    plan: '1000',
    done: '900',
    committed: '1000',
    arrived: '500',
    area: [40_000, 22_000],
    groundbreaking: ['2026-05-20', null],
  }),
  // 思茅: last year's plan (not counted for 2026's investment); 3,000 of 10,000 m² → 0.3, below 50%;
  // planned to start 06-15, after the target's date.
  project('P3', 'simao', {
    planYear: 2025,
    plan: '500',
    done: '100',
    area: [10_000, 3_000],
    groundbreaking: ['2026-06-15', null],
  }),
  // 宁洱: 700 of 1000 → 0.7; started early (02-20 for 04-01); no funds committed, no area.
  project('P4', 'ninger', { plan: '1000', done: '700', groundbreaking: ['2026-04-01', '2026-02-20'] }),
  // A project placed at the city: nothing done of 2000; in the totals only.
  project('P5', 'puer', { plan: '2000', done: '0' }),
];

describe('projectFiguresByCounty', () => {
  const { byCounty, total } = projectFiguresByCounty(projects, regions, targets, TODAY);
  const simao = byCounty.get('simao');
  const ninger = byCounty.get('ninger');

  it('judges 年度投资完成率 by the sums of the year’s plans', () => {
    // 思茅 (P1, P2): (2100 + 900) / (4000 + 1000) = 3000 / 5000 = 0.6 → met (at the target exactly);
    // P1 alone is below.
    expect(simao?.investment).toEqual({
      rate: 0.6,
      target: 0.6,
      verdict: 'met',
      below: ['P1'],
      completed: wan('3000'),
      plan: wan('5000'),
    });
    // 宁洱: 700 / 1000 = 0.7 → met.
    expect(ninger?.investment).toMatchObject({ rate: 0.7, verdict: 'met', below: [] });
    // All: (2100 + 900 + 700 + 0) / (4000 + 1000 + 1000 + 2000) = 3700 / 8000 = 0.4625 → not met.
    expect(total.investment).toMatchObject({ rate: 0.4625, verdict: 'notMet', below: ['P1', 'P5'] });
  });

  it('counts 开工率 over the projects planned to start by the target’s date', () => {
    // 思茅 by 05-31: P1 and P2 planned (P3 is planned for 06-15); P1 started → 1 / 2 = 0.5 → not met.
    expect(simao?.start).toEqual({
      rate: 0.5,
      target: 1,
      verdict: 'notMet',
      below: ['P2'],
      planned: 2,
      started: 1,
      plannedBy: '2026-05-31',
    });
    expect(ninger?.start).toMatchObject({ rate: 1, verdict: 'met', planned: 1, started: 1 });
    // After the date, every plan due by today counts: on 07-01 P3 too → 1 / 3.
    const july = projectFiguresByCounty(projects, regions, targets, '2026-07-01').byCounty.get('simao');
    expect(july?.start).toMatchObject({
      planned: 3,
      started: 1,
      below: ['P2', 'P3'],
      plannedBy: '2026-07-01',
    });
    expect(july?.start.rate).toBeCloseTo(1 / 3, 12);
  });

  it('judges 资金到位率 and 竣工面积比例 by their sums', () => {
    // 思茅 funds: (4350 + 500) / (4350 + 1000) = 4850 / 5350 ≈ 0.9065 → met; P2 alone (0.5) below.
    expect(simao?.funding).toMatchObject({ verdict: 'met', below: ['P2'], arrived: wan('4850') });
    expect(simao?.funding.rate).toBeCloseTo(4850 / 5350, 12);
    // 思茅 area: (22,000 + 3,000) / (40,000 + 10,000) = 0.5 → met; P3 alone (0.3) below.
    expect(simao?.area).toEqual({
      rate: 0.5,
      target: 0.5,
      verdict: 'met',
      below: ['P3'],
      completedM2: 25_000,
      areaM2: 50_000,
    });
    // 宁洱 has neither funds committed nor an area: nothing to judge.
    expect(ninger?.funding).toMatchObject({ rate: null, verdict: null });
    expect(ninger?.area).toMatchObject({ rate: null, verdict: null });
    expect([simao?.projects, ninger?.projects, total.projects]).toEqual([3, 1, 5]);
  });

  it('changes its verdict with the target', () => {
    const stricter = projectFiguresByCounty(
      projects,
      regions,
      { ...targets, annualInvestmentShare: 0.65 },
      TODAY,
    );
    // 0.6 < 0.65 → not met, and P1 (0.525) is still the one below; P2 (0.9) is not.
    expect(stricter.byCounty.get('simao')?.investment).toMatchObject({ verdict: 'notMet', below: ['P1'] });
  });
});

describe('verdictOf', () => {
  it('is met at or above the target, nothing without a rate', () => {
    expect(verdictOf(0.6, 0.6)).toBe('met');
    expect(verdictOf(0.59, 0.6)).toBe('notMet');
    expect(verdictOf(null, 0.6)).toBeNull();
  });
});

// 目标完成情况: per county, the project figures the leaders judge the year by — 年度投资完成率, 开工率,
// 资金到位率 and 竣工面积比例 — each against the target the office set, with the projects that fall
// short of it themselves. A county's rate is a ratio of sums (all completed investment over all planned
// investment), so a large project weighs as much as its money, as in the office's own reports.
import { type Fen, ratio } from '../domain/money';
import type { Region } from '../domain/organization';
import type { Project } from '../domain/project';
import type { TargetValues } from '../domain/targets';
import { countyOfRegion } from './counties';
import { fundingTotals } from './funding';
import { annualCompletionRate, completedAreaRatio } from './investment';
import { startCounts } from './start-rate';

export type Verdict = 'met' | 'notMet';

export interface TargetFigure {
  /** The county's figure as a fraction; null when there is nothing to measure. */
  rate: number | null;
  /** The target it is judged against, as a fraction. */
  target: number;
  /** met when rate ≥ target; null when there is no rate. */
  verdict: Verdict | null;
  /** The projects that fall short of the target themselves, by id. */
  below: string[];
}

export interface ProjectFigures {
  /** Projects counted (of any plan year). */
  projects: number;
  /** 年度投资完成率 over the projects whose plan is for the target year. */
  investment: TargetFigure & { completed: Fen; plan: Fen };
  /** 开工率: of the projects planned to start by the target's date (or today, if later), those started. */
  start: TargetFigure & { planned: number; started: number; plannedBy: string };
  /** 资金到位率 over every source of every project. */
  funding: TargetFigure & { arrived: Fen; committed: Fen };
  /** 竣工面积比例 over the projects with a floor area and a completed area reported. */
  area: TargetFigure & { completedM2: number; areaM2: number };
}

export interface ProjectFiguresByCounty {
  total: ProjectFigures;
  /** Every county, with empty figures where it has no projects. */
  byCounty: Map<string, ProjectFigures>;
}

export interface ProjectTargets extends TargetValues {
  year: number;
}

type FigureProject = Pick<
  Project,
  'id' | 'regionId' | 'planYear' | 'annualPlan' | 'completedThisYear' | 'funding' | 'scale' | 'milestones'
>;

export const verdictOf = (rate: number | null, target: number): Verdict | null =>
  rate === null ? null : rate >= target ? 'met' : 'notMet';

const judged = (rate: number | null, target: number, below: string[]): TargetFigure => ({
  rate,
  target,
  verdict: verdictOf(rate, target),
  below,
});

/** The figures of one set of projects (a county's, or all of them). */
export function projectFigures(
  projects: readonly FigureProject[],
  targets: ProjectTargets,
  today: string,
): ProjectFigures {
  const plannedBy = targets.startBy > today ? targets.startBy : today;
  let completed = 0;
  let plan = 0;
  const investmentBelow: string[] = [];
  let arrived = 0;
  let committed = 0;
  const fundingBelow: string[] = [];
  let completedM2 = 0;
  let areaM2 = 0;
  const areaBelow: string[] = [];
  for (const p of projects) {
    if (p.planYear === targets.year && p.annualPlan > 0) {
      completed += p.completedThisYear;
      plan += p.annualPlan;
      if ((annualCompletionRate(p) ?? 0) < targets.annualInvestmentShare) investmentBelow.push(p.id);
    }
    const funds = fundingTotals(p);
    if (funds.committed > 0) {
      committed += funds.committed;
      arrived += funds.arrived;
      if ((ratio(funds.arrived, funds.committed) ?? 0) < targets.fundingArrivalShare) fundingBelow.push(p.id);
    }
    const areaRatio = completedAreaRatio(p);
    if (areaRatio !== null) {
      areaM2 += p.scale.areaM2 ?? 0;
      completedM2 += p.scale.completedAreaM2 ?? 0;
      if (areaRatio < targets.completedAreaShare) areaBelow.push(p.id);
    }
  }

  const { planned, started } = startCounts(projects, today, plannedBy);
  const notStarted = projects
    .filter((p) => {
      const own = startCounts([p], today, plannedBy);
      return own.planned === 1 && own.started === 0;
    })
    .map((p) => p.id);

  return {
    projects: projects.length,
    investment: {
      ...judged(ratio(completed as Fen, plan as Fen), targets.annualInvestmentShare, investmentBelow),
      completed: completed as Fen,
      plan: plan as Fen,
    },
    start: {
      ...judged(planned === 0 ? null : started / planned, targets.startRate, notStarted),
      planned,
      started,
      plannedBy,
    },
    funding: {
      ...judged(ratio(arrived as Fen, committed as Fen), targets.fundingArrivalShare, fundingBelow),
      arrived: arrived as Fen,
      committed: committed as Fen,
    },
    area: {
      ...judged(areaM2 === 0 ? null : completedM2 / areaM2, targets.completedAreaShare, areaBelow),
      completedM2,
      areaM2,
    },
  };
}

/** The project figures of every county and of all projects together. */
export function projectFiguresByCounty(
  projects: readonly FigureProject[],
  regions: readonly Pick<Region, 'id' | 'level' | 'parentId'>[],
  targets: ProjectTargets,
  today: string,
): ProjectFiguresByCounty {
  const countyOf = countyOfRegion(regions);
  const grouped = new Map<string, FigureProject[]>();
  for (const r of regions) if (r.level === 'county') grouped.set(r.id, []);
  for (const p of projects) {
    const county = countyOf.get(p.regionId);
    if (county !== undefined) grouped.get(county)?.push(p);
  }
  return {
    total: projectFigures(projects, targets, today),
    byCounty: new Map([...grouped].map(([county, list]) => [county, projectFigures(list, targets, today)])),
  };
}

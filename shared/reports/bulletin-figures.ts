// The figures of a supervision bulletin (督查通报) for a period: the issues found in the period and how
// far they have been rectified as of the bulletin's day, per county and per unit; the counties ranked
// by the dashboard's rule (the whole city always, so that one county's bulletin can say "在十四个县(市)区
// 中排名第七位"); the typical problems; and every issue overdue on the day, whenever it was found.
import { daysBetween } from '../domain/dates';
import type { Issue } from '../domain/issue';
import type { Region } from '../domain/organization';
import { countyOfRegion } from '../figures/counties';
import { rankCounties, type Ranked } from '../figures/ranking';
import {
  rectificationFigures,
  type RectificationFigure,
  type RectificationFigures,
} from '../figures/rectification';
import { foundOn } from '../issues/issue-filter';

export interface BulletinOptions {
  from: string;
  to: string;
  /** The bulletin's day: rectified and overdue are counted as of it. */
  today: string;
  timeZone: string;
  /** The county the bulletin covers, or null for all of them. */
  countyId: string | null;
  /** How many typical problems to show at most. */
  typicalLimit?: number;
}

export interface OverdueIssue {
  issue: Issue;
  daysOverdue: number;
}

export interface BulletinFigures {
  /** The covered issues found in the period, by county and by unit. */
  figures: RectificationFigures;
  /** Every county of the city ranked on its issues found in the period. */
  ranking: Ranked<string>[];
  /** The covered county's place among the ranked ones, when the bulletin covers one county. */
  place: { rank: number; tied: boolean; of: number } | null;
  /** The worst problems found in the period: grave first, then serious, oldest first. */
  typical: Issue[];
  /** Open issues of the covered area past their deadline on the bulletin's day, most overdue first. */
  overdue: OverdueIssue[];
  /** Issues found in the period in the covered area. */
  foundInPeriod: number;
}

const TYPICAL_LIMIT = 10;
const SEVERITY_ORDER = { grave: 0, serious: 1, general: 2 } as const;

/** The worst problems among those given: grave first, then serious, oldest first; general ones never. */
export function typicalProblems(issues: readonly Issue[], limit = TYPICAL_LIMIT): Issue[] {
  return issues
    .filter((i) => i.severity !== 'general')
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}

export function bulletinFigures(
  issues: readonly Issue[],
  regions: readonly Pick<Region, 'id' | 'level' | 'parentId'>[],
  options: BulletinOptions,
): BulletinFigures {
  const county = countyOfRegion(regions);
  const covered = (i: Issue) => options.countyId === null || county.get(i.regionId) === options.countyId;
  const inPeriod = issues.filter((i) => {
    const day = foundOn(i, options.timeZone);
    return day >= options.from && day <= options.to;
  });
  const figureOptions = { today: options.today, timeZone: options.timeZone };
  // Ranking over the whole city's issues of the period; the tables over the covered ones.
  const cityFigures = rectificationFigures(inPeriod, regions, figureOptions);
  const coveredInPeriod = inPeriod.filter(covered);
  const figures =
    options.countyId === null ? cityFigures : rectificationFigures(coveredInPeriod, regions, figureOptions);
  if (options.countyId !== null) {
    // Only the covered county's row: the others are not this bulletin's business.
    const own = figures.byCounty.get(options.countyId);
    figures.byCounty = new Map(own ? [[options.countyId, own]] : []);
  }
  const ranking = rankCounties(
    [...cityFigures.byCounty].map(([key, figure]: [string, RectificationFigure]) => ({ key, figure })),
  );
  const ranked = ranking.filter((r) => r.rank !== null);
  const mine = options.countyId === null ? undefined : ranked.find((r) => r.key === options.countyId);
  const typical = typicalProblems(coveredInPeriod, options.typicalLimit);
  const overdue = issues
    .filter((i) => covered(i) && i.status !== 'closed' && i.deadline < options.today)
    .map((issue) => ({ issue, daysOverdue: daysBetween(issue.deadline, options.today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.issue.id.localeCompare(b.issue.id));
  return {
    figures,
    ranking,
    place: mine?.rank ? { rank: mine.rank, tied: mine.tied, of: ranked.length } : null,
    typical,
    overdue,
    foundInPeriod: coveredInPeriod.length,
  };
}

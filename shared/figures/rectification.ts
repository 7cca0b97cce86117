// 整改情况: per county and per responsible unit, the issues found, rectified (销号), the rectification
// and on-time close-out rates, the overdue ones (red cards) and those due within three days (yellow
// cards). Counted in one pass over the issues with no per-issue date parsing, so that the dashboard over
// 200,000 issues costs about what reading them costs. Every count is the count of a list the issue list
// can show (issue-filter.ts), so a figure and the list behind it always agree.
import { addDays } from '../domain/dates';
import type { Issue } from '../domain/issue';
import { YELLOW_WITHIN_DAYS } from '../issues/colour-card';
import { closedTimelinessIn } from './closed-on-time';
import { countyOfRegion } from './counties';
import type { Region } from '../domain/organization';

/** What the figures read of an issue. */
export type FigureIssue = Pick<
  Issue,
  'regionId' | 'responsibleUnitIds' | 'status' | 'deadline' | 'closedAt' | 'createdAt'
>;

export interface RectificationFigure {
  /** Issues recorded (发现问题), drafts included. */
  found: number;
  /** Issues closed out (已销号). */
  rectified: number;
  /** Closed issues closed on or before the deadline in force (an extension moves it). */
  closedOnTime: number;
  /** Open issues past their deadline: exactly the red cards. */
  overdue: number;
  /** Open issues due today or within three days: exactly the yellow cards. */
  dueSoon: number;
  /** rectified / found (整改率); null when nothing was found. */
  rectificationRate: number | null;
  /** closedOnTime / rectified (按期销号率); null when nothing is closed. */
  onTimeRate: number | null;
}

type Counts = Omit<RectificationFigure, 'rectificationRate' | 'onTimeRate'>;

export interface RectificationFigures {
  /** Every issue, wherever it lies. */
  total: RectificationFigure;
  /** Every county (with zeros where nothing was found). */
  byCounty: Map<string, RectificationFigure>;
  /** Every responsible unit named on an issue; an issue with two units counts for each. */
  byUnit: Map<string, RectificationFigure>;
}

export interface FigureOptions {
  /** Today in the office's zone, YYYY-MM-DD. */
  today: string;
  timeZone: string;
}

/** Gathers figures one issue at a time, so that several tallies can share one pass over the rows. */
export interface IssueTally<R, I = FigureIssue> {
  add: (issue: I) => void;
  result: () => R;
}

const zero = (): Counts => ({ found: 0, rectified: 0, closedOnTime: 0, overdue: 0, dueSoon: 0 });

function count(c: Counts, rectified: number, onTime: number, overdue: number, dueSoon: number): void {
  c.found += 1;
  c.rectified += rectified;
  c.closedOnTime += onTime;
  c.overdue += overdue;
  c.dueSoon += dueSoon;
}

const withRates = (c: Counts): RectificationFigure => ({
  ...c,
  rectificationRate: c.found === 0 ? null : c.rectified / c.found,
  onTimeRate: c.rectified === 0 ? null : c.closedOnTime / c.rectified,
});

const mapValues = <V, W>(map: Map<string, V>, f: (v: V) => W): Map<string, W> =>
  new Map([...map].map(([k, v]) => [k, f(v)]));

export function rectificationTally(
  regions: readonly Pick<Region, 'id' | 'level' | 'parentId'>[],
  { today, timeZone }: FigureOptions,
): IssueTally<RectificationFigures> {
  const total = zero();
  const byCounty = new Map<string, Counts>();
  for (const r of regions) if (r.level === 'county') byCounty.set(r.id, zero());
  // Region → its county's counts, looked up once per issue.
  const countsOfRegion = new Map<string, Counts>();
  for (const [regionId, countyId] of countyOfRegion(regions)) {
    const counts = byCounty.get(countyId);
    if (counts) countsOfRegion.set(regionId, counts);
  }
  const byUnit = new Map<string, Counts>();
  const timeliness = closedTimelinessIn(timeZone);
  // colourCard's rules as string comparisons: red when the deadline is before today, yellow up to
  // today + 3 days (YYYY-MM-DD sorts as dates).
  const yellowUntil = addDays(today, YELLOW_WITHIN_DAYS);

  return {
    add: (issue) => {
      let rectified = 0;
      let onTime = 0;
      let overdue = 0;
      let dueSoon = 0;
      if (issue.status === 'closed') {
        rectified = 1;
        if (timeliness(issue) === 'onTime') onTime = 1;
      } else if (issue.deadline < today) overdue = 1;
      else if (issue.deadline <= yellowUntil) dueSoon = 1;
      count(total, rectified, onTime, overdue, dueSoon);
      const county = countsOfRegion.get(issue.regionId);
      if (county) count(county, rectified, onTime, overdue, dueSoon);
      const units = issue.responsibleUnitIds;
      for (let i = 0; i < units.length; i++) {
        const unitId = units[i] as string;
        if (i > 0 && units.indexOf(unitId) !== i) continue; // a unit named twice counts once
        let unit = byUnit.get(unitId);
        if (!unit) byUnit.set(unitId, (unit = zero()));
        count(unit, rectified, onTime, overdue, dueSoon);
      }
    },
    result: () => ({
      total: withRates(total),
      byCounty: mapValues(byCounty, withRates),
      byUnit: mapValues(byUnit, withRates),
    }),
  };
}

/** The rectification figures of a set of issues (the live ones: callers leave out deleted rows). */
export function rectificationFigures(
  issues: Iterable<FigureIssue>,
  regions: readonly Pick<Region, 'id' | 'level' | 'parentId'>[],
  options: FigureOptions,
): RectificationFigures {
  const tally = rectificationTally(regions, options);
  for (const issue of issues) tally.add(issue);
  return tally.result();
}

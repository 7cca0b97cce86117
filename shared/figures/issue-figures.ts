// Every issue figure of the dashboard in one pass over the issues: the rectification figures per county
// and unit, and the monthly trend.
import type { Region } from '../domain/organization';
import { type TrendMonth, trendTally } from './issue-trend';
import {
  type FigureIssue,
  type FigureOptions,
  type RectificationFigures,
  rectificationTally,
} from './rectification';

export interface IssueFigures extends RectificationFigures {
  trend: TrendMonth[];
}

/** Live issues only: callers leave out deleted rows (a row with `_deleted` is skipped here too). */
export function issueFigures(
  issues: readonly (FigureIssue & { _deleted?: boolean })[],
  regions: readonly Pick<Region, 'id' | 'level' | 'parentId'>[],
  options: FigureOptions,
): IssueFigures {
  const rectification = rectificationTally(regions, options);
  const trend = trendTally(options);
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as FigureIssue & { _deleted?: boolean };
    if (issue._deleted === true) continue;
    rectification.add(issue);
    trend.add(issue);
  }
  return { ...rectification.result(), trend: trend.result() };
}

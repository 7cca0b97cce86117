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

/** Live issues only: the data layer leaves out deleted ones. */
export function issueFigures(
  issues: readonly FigureIssue[],
  regions: readonly Pick<Region, 'id' | 'level' | 'parentId'>[],
  options: FigureOptions,
): IssueFigures {
  const rectification = rectificationTally(regions, options);
  const trend = trendTally(options);
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as FigureIssue;
    rectification.add(issue);
    trend.add(issue);
  }
  return { ...rectification.result(), trend: trend.result() };
}

// Which issue list each figure opens: the figure's group (a county with its towns, a unit, everything)
// plus the condition of its column. The figures count with the list's own rules (shared/figures), so the
// list opened shows as many issues as the figure said.
import type { IssueFilter } from '../../../shared/issues/issue-filter';
import type { TrendMonth } from '../../../shared/figures/issue-trend';

export const RECTIFICATION_COLUMNS = [
  'found',
  'rectified',
  'rate',
  'onTimeRate',
  'overdue',
  'dueSoon',
] as const;
export type RectificationColumn = (typeof RECTIFICATION_COLUMNS)[number];

/** The list behind a figure of a group. A rate opens the issues it counts as done. */
export function filterOf(column: RectificationColumn, group: IssueFilter): IssueFilter {
  switch (column) {
    case 'found':
      return group;
    case 'rectified':
    case 'rate':
      return { ...group, statuses: ['closed'] };
    case 'onTimeRate':
      return { ...group, timeliness: 'onTime' };
    case 'overdue':
      return { ...group, cards: ['red'] };
    case 'dueSoon':
      return { ...group, cards: ['yellow'] };
  }
}

/** The issues found, or closed, in a month of the trend. */
export const trendFilterOf = (month: TrendMonth, series: 'found' | 'closed'): IssueFilter =>
  series === 'found'
    ? { foundFrom: month.firstDay, foundTo: month.lastDay }
    : { closedFrom: month.firstDay, closedTo: month.lastDay };

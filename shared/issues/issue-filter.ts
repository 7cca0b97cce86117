// The conditions of the issue list (问题清单), shared by the list, the dashboard's figures (each
// figure opens the list behind it, so both must count with the same rules) and the reminders.
import { localDate } from '../domain/dates';
import type { Issue, IssueCategory, IssueStatus, Severity } from '../domain/issue';
import { type CardColour, colourCard } from './colour-card';

/** When a closed issue was closed relative to the deadline in force (an extension moves it). */
export type Timeliness = 'onTime' | 'late';

export interface IssueFilter {
  search?: string;
  statuses?: readonly IssueStatus[];
  cards?: readonly CardColour[];
  categories?: readonly IssueCategory[];
  severities?: readonly Severity[];
  projectId?: string | null;
  /** Regions the issue's project lies in (callers expand a county to its towns). */
  regionIds?: readonly string[];
  unitId?: string | null;
  deadlineFrom?: string | null;
  deadlineTo?: string | null;
  /** The day the issue was recorded (its createdAt, in the office's time zone). */
  foundFrom?: string | null;
  foundTo?: string | null;
  /** Only closed issues, by the day they were closed (closedAt, in the office's time zone). */
  closedFrom?: string | null;
  closedTo?: string | null;
  /** Only closed issues, closed on time or late. */
  timeliness?: Timeliness | null;
  needsCoordination?: boolean;
}

const some = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/** The day an instant falls on in the office's zone, YYYY-MM-DD. */
const dayOf = (instant: string, timeZone: string): string => localDate(Date.parse(instant), timeZone);

/** Whether a closed issue was closed on or before its deadline; null while it is open. */
export function closedTimeliness(
  issue: Pick<Issue, 'closedAt' | 'deadline' | 'status'>,
  timeZone: string,
): Timeliness | null {
  if (issue.status !== 'closed' || issue.closedAt === null) return null;
  return dayOf(issue.closedAt, timeZone) <= issue.deadline ? 'onTime' : 'late';
}

/** The day the issue was recorded, in the office's zone. */
export const foundOn = (issue: Pick<Issue, 'createdAt'>, timeZone: string): string =>
  dayOf(issue.createdAt, timeZone);

/** Whether an issue passes every condition of the filter except the search (see issue-search). */
export function passesFilter(issue: Issue, filter: IssueFilter, today: string, timeZone: string): boolean {
  if (some(filter.statuses) && !filter.statuses.includes(issue.status)) return false;
  if (some(filter.categories) && !filter.categories.includes(issue.category)) return false;
  if (some(filter.severities) && !filter.severities.includes(issue.severity)) return false;
  if (some(filter.regionIds) && !filter.regionIds.includes(issue.regionId)) return false;
  if (filter.projectId && issue.projectId !== filter.projectId) return false;
  if (filter.unitId && !issue.responsibleUnitIds.includes(filter.unitId)) return false;
  if (filter.deadlineFrom && issue.deadline < filter.deadlineFrom) return false;
  if (filter.deadlineTo && issue.deadline > filter.deadlineTo) return false;
  if (filter.needsCoordination && !issue.needsCoordination) return false;
  if (filter.foundFrom || filter.foundTo) {
    const found = foundOn(issue, timeZone);
    if (filter.foundFrom && found < filter.foundFrom) return false;
    if (filter.foundTo && found > filter.foundTo) return false;
  }
  if (filter.closedFrom || filter.closedTo) {
    if (issue.status !== 'closed' || issue.closedAt === null) return false;
    const closed = dayOf(issue.closedAt, timeZone);
    if (filter.closedFrom && closed < filter.closedFrom) return false;
    if (filter.closedTo && closed > filter.closedTo) return false;
  }
  if (filter.timeliness && closedTimeliness(issue, timeZone) !== filter.timeliness) return false;
  if (some(filter.cards)) {
    const card = colourCard(issue, today);
    if (card === null || !filter.cards.includes(card)) return false;
  }
  return true;
}

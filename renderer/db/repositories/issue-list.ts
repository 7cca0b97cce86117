// The issue list (问题清单): the live issues that pass a filter, soonest deadline first. The most
// selective index is used to read (the bigram index for a search, the status index for statuses,
// the region or project index), and the remaining conditions are checked on the rows read.
import { daysBetween } from '../../../shared/domain/dates';
import type { Issue, IssueCategory, IssueStatus, Severity } from '../../../shared/domain/issue';
import { type CardColour, colourCard } from '../../../shared/issues/colour-card';
import type { DuchaDatabase, Stored } from '../database';
import { searchIssues } from './issue-search';

export interface IssueFilter {
  search?: string;
  statuses?: readonly IssueStatus[];
  cards?: readonly CardColour[];
  categories?: readonly IssueCategory[];
  severities?: readonly Severity[];
  projectId?: string | null;
  regionIds?: readonly string[];
  unitId?: string | null;
  deadlineFrom?: string | null;
  deadlineTo?: string | null;
  needsCoordination?: boolean;
}

const some = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/** Whether an issue passes every condition of the filter except the search. */
export function passesFilter(issue: Issue, filter: IssueFilter, today: string): boolean {
  if (some(filter.statuses) && !filter.statuses.includes(issue.status)) return false;
  if (some(filter.categories) && !filter.categories.includes(issue.category)) return false;
  if (some(filter.severities) && !filter.severities.includes(issue.severity)) return false;
  if (some(filter.regionIds) && !filter.regionIds.includes(issue.regionId)) return false;
  if (filter.projectId && issue.projectId !== filter.projectId) return false;
  if (filter.unitId && !issue.responsibleUnitIds.includes(filter.unitId)) return false;
  if (filter.deadlineFrom && issue.deadline < filter.deadlineFrom) return false;
  if (filter.deadlineTo && issue.deadline > filter.deadlineTo) return false;
  if (filter.needsCoordination && !issue.needsCoordination) return false;
  if (some(filter.cards)) {
    const card = colourCard(issue, today);
    if (card === null || !filter.cards.includes(card)) return false;
  }
  return true;
}

async function candidates(db: DuchaDatabase, filter: IssueFilter): Promise<Stored<Issue>[]> {
  if (filter.search && filter.search.trim() !== '') {
    const found = await searchIssues(db, filter.search);
    if (found !== null) return found;
  }
  if (filter.projectId) return db.issues.where('projectId').equals(filter.projectId).toArray();
  if (some(filter.statuses))
    return db.issues
      .where('status')
      .anyOf([...filter.statuses])
      .toArray();
  if (some(filter.regionIds))
    return db.issues
      .where('regionId')
      .anyOf([...filter.regionIds])
      .toArray();
  return db.issues.toArray();
}

export async function listIssues(
  db: DuchaDatabase,
  filter: IssueFilter,
  today: string,
): Promise<Stored<Issue>[]> {
  const rows = await candidates(db, filter);
  return rows
    .filter((row) => row._deleted !== true && passesFilter(row, filter, today))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

/** Days left to the deadline (negative: overdue), for the list's column. */
export const daysLeft = (issue: Pick<Issue, 'deadline'>, today: string): number =>
  daysBetween(today, issue.deadline);

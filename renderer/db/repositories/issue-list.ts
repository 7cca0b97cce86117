// The issue list (问题清单): the live issues that pass a filter, in the chosen order. The most
// selective index is used to read (the bigram index for a search, the project, status, region or unit
// index), and the remaining conditions are checked on the rows read. With no condition that has an
// index, the deadline index reads the rows already in the default order.
import Dexie from 'dexie';
import { daysBetween } from '../../../shared/domain/dates';
import { ISSUE_STATUSES, type Issue, SEVERITIES } from '../../../shared/domain/issue';
import type { IssueSort } from '../../../shared/issues/filter-params';
import { type IssueFilter, passesFilter } from '../../../shared/issues/issue-filter';
import { type DuchaDatabase, isLive, liveRows, type Stored } from '../database';
import { issueRowsMatching } from './issue-search';

export type { IssueFilter };

const some = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

async function candidates(db: DuchaDatabase, filter: IssueFilter): Promise<Stored<Issue>[]> {
  if (filter.search && filter.search.trim() !== '') {
    const found = await issueRowsMatching(db, filter.search);
    if (found !== null) return found;
  }
  if (filter.projectId) return db.issues.where('projectId').equals(filter.projectId).toArray();
  if (some(filter.statuses)) {
    // Each status's rows come in deadline order from the compound index.
    const parts = await Promise.all(
      filter.statuses.map((status) =>
        db.issues
          .where('[status+deadline]')
          .between([status, Dexie.minKey], [status, Dexie.maxKey])
          .toArray(),
      ),
    );
    return parts.length === 1 ? (parts[0] ?? []) : parts.flat();
  }
  if (some(filter.regionIds))
    return db.issues
      .where('regionId')
      .anyOf([...filter.regionIds])
      .toArray();
  if (filter.unitId) return db.issues.where('responsibleUnitIds').equals(filter.unitId).toArray();
  return db.issues.orderBy('deadline').toArray();
}

const STATUS_ORDER = new Map(ISSUE_STATUSES.map((s, i) => [s, i]));
const SEVERITY_ORDER = new Map(SEVERITIES.map((s, i) => [s, i]));
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
let titleCollator: Intl.Collator | null = null;

/** Compares two issues by the sort's column, ties by deadline then id, so the order is total. */
function comparator(sort: IssueSort): (a: Issue, b: Issue) => number {
  const sign = sort.order === 'asc' ? 1 : -1;
  const tie = (a: Issue, b: Issue) => byText(a.deadline, b.deadline) || byText(a.id, b.id);
  switch (sort.key) {
    case 'deadline':
      return (a, b) => sign * tie(a, b);
    case 'found':
      return (a, b) => sign * byText(a.createdAt, b.createdAt) || tie(a, b);
    case 'status':
      return (a, b) =>
        sign * ((STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0)) || tie(a, b);
    case 'severity':
      return (a, b) =>
        sign * ((SEVERITY_ORDER.get(a.severity) ?? 0) - (SEVERITY_ORDER.get(b.severity) ?? 0)) || tie(a, b);
    case 'title': {
      // Pinyin order for Chinese titles, as offices sort their ledgers; one collator, built once.
      const collator = (titleCollator ??= new Intl.Collator('zh-CN'));
      return (a, b) => sign * collator.compare(a.title, b.title) || tie(a, b);
    }
  }
}

const isEmpty = (filter: IssueFilter): boolean =>
  Object.values(filter).every(
    (v) => v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0),
  );

export async function listIssues(
  db: DuchaDatabase,
  filter: IssueFilter,
  sort: IssueSort,
  today: string,
  timeZone: string,
): Promise<Issue[]> {
  const rows = await candidates(db, filter);
  const kept = isEmpty(filter)
    ? liveRows(rows)
    : liveRows(rows.filter((row) => isLive(row) && passesFilter(row, filter, today, timeZone)));
  // Rows read in deadline order are sorted in one linear pass (the sort's runs are already ordered).
  return kept.sort(comparator(sort));
}

/** Days left to the deadline (negative: overdue), for the list's column. */
export const daysLeft = (issue: Pick<Issue, 'deadline'>, today: string): number =>
  daysBetween(today, issue.deadline);

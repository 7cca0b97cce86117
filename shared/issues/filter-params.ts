// The issue list's filter and sort in the address (#/issues?status=issued,inProgress&card=red), so a
// dashboard figure, a reminder or a saved filter opens exactly the list behind it, and Back works.
import { ISSUE_CATEGORIES, ISSUE_STATUSES, SEVERITIES } from '../domain/issue';
import { CARD_COLOURS } from './colour-card';
import type { IssueFilter, Timeliness } from './issue-filter';

export const ISSUE_SORT_KEYS = ['deadline', 'found', 'status', 'severity', 'title'] as const;
export type IssueSortKey = (typeof ISSUE_SORT_KEYS)[number];
export interface IssueSort {
  key: IssueSortKey;
  order: 'asc' | 'desc';
}
export const DEFAULT_ISSUE_SORT: IssueSort = { key: 'deadline', order: 'asc' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined => {
  if (!value) return undefined;
  const chosen = value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return chosen.length > 0 ? chosen : undefined;
};
const dateOf = (value: string | null): string | undefined => (value && DATE.test(value) ? value : undefined);

/** Reads a filter from the address's query; unknown or malformed values are ignored, never thrown. */
export function filterFromParams(params: URLSearchParams): IssueFilter {
  const filter: IssueFilter = {};
  const search = params.get('q');
  if (search) filter.search = search;
  const statuses = listOf(params.get('status'), ISSUE_STATUSES);
  if (statuses) filter.statuses = statuses;
  const cards = listOf(params.get('card'), CARD_COLOURS);
  if (cards) filter.cards = cards;
  const categories = listOf(params.get('category'), ISSUE_CATEGORIES);
  if (categories) filter.categories = categories;
  const severities = listOf(params.get('severity'), SEVERITIES);
  if (severities) filter.severities = severities;
  const project = params.get('project');
  if (project) filter.projectId = project;
  const regions = params.get('region');
  if (regions) filter.regionIds = regions.split(',').filter((r) => r !== '');
  const unit = params.get('unit');
  if (unit) filter.unitId = unit;
  const deadlineFrom = dateOf(params.get('deadlineFrom'));
  if (deadlineFrom) filter.deadlineFrom = deadlineFrom;
  const deadlineTo = dateOf(params.get('deadlineTo'));
  if (deadlineTo) filter.deadlineTo = deadlineTo;
  const foundFrom = dateOf(params.get('foundFrom'));
  if (foundFrom) filter.foundFrom = foundFrom;
  const foundTo = dateOf(params.get('foundTo'));
  if (foundTo) filter.foundTo = foundTo;
  const closedFrom = dateOf(params.get('closedFrom'));
  if (closedFrom) filter.closedFrom = closedFrom;
  const closedTo = dateOf(params.get('closedTo'));
  if (closedTo) filter.closedTo = closedTo;
  const timeliness = params.get('timeliness');
  if (timeliness === 'onTime' || timeliness === 'late') filter.timeliness = timeliness satisfies Timeliness;
  if (params.get('coordination') === '1') filter.needsCoordination = true;
  return filter;
}

/** Writes a filter (and a sort other than the default) as an address query, in a stable order. */
export function paramsOfFilter(filter: IssueFilter, sort: IssueSort = DEFAULT_ISSUE_SORT): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null | undefined) => {
    if (value) params.set(key, value);
  };
  put('q', filter.search?.trim());
  put('status', filter.statuses?.join(','));
  put('card', filter.cards?.join(','));
  put('category', filter.categories?.join(','));
  put('severity', filter.severities?.join(','));
  put('project', filter.projectId);
  put('region', filter.regionIds?.join(','));
  put('unit', filter.unitId);
  put('deadlineFrom', filter.deadlineFrom);
  put('deadlineTo', filter.deadlineTo);
  put('foundFrom', filter.foundFrom);
  put('foundTo', filter.foundTo);
  put('closedFrom', filter.closedFrom);
  put('closedTo', filter.closedTo);
  put('timeliness', filter.timeliness);
  if (filter.needsCoordination) params.set('coordination', '1');
  if (sort.key !== DEFAULT_ISSUE_SORT.key || sort.order !== DEFAULT_ISSUE_SORT.order)
    params.set('sort', `${sort.key}:${sort.order}`);
  return params;
}

/** Reads the sort from the address; the default when absent or malformed. */
export function sortFromParams(params: URLSearchParams): IssueSort {
  const [key, order] = (params.get('sort') ?? '').split(':');
  if ((ISSUE_SORT_KEYS as readonly string[]).includes(key ?? '') && (order === 'asc' || order === 'desc'))
    return { key: key as IssueSortKey, order };
  return DEFAULT_ISSUE_SORT;
}

/** The address of the issue list showing a filter: what dashboard figures and reminders link to. */
export const issueListPath = (filter: IssueFilter, sort?: IssueSort): string => {
  const query = paramsOfFilter(filter, sort).toString();
  return query ? `/issues?${query}` : '/issues';
};

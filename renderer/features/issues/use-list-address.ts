// The issue list's filter and sort live in the address (shared/issues/filter-params.ts), so a figure
// of the dashboard, a reminder or a saved filter opens exactly that list, and Back undoes a change.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  filterFromParams,
  type IssueSort,
  paramsOfFilter,
  sortFromParams,
} from '../../../shared/issues/filter-params';
import type { IssueFilter } from '../../../shared/issues/issue-filter';

export function useListAddress() {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const { filter, sort } = useMemo(() => {
    const read = new URLSearchParams(query);
    return { filter: filterFromParams(read), sort: sortFromParams(read) };
  }, [query]);

  const go = (next: IssueFilter, nextSort: IssueSort, replace = false) =>
    setParams(paramsOfFilter(next, nextSort), { replace });

  return {
    filter,
    sort,
    /** The query as filter-params writes it (for saving and comparing with saved filters). */
    query: paramsOfFilter(filter, sort).toString(),
    /** Changes some conditions; typing in the search box replaces the entry instead of adding one. */
    setFilter: (change: Partial<IssueFilter>, replace = false) => go({ ...filter, ...change }, sort, replace),
    setSort: (next: IssueSort) => go(filter, next, true),
    clear: () => go({}, sort),
  };
}

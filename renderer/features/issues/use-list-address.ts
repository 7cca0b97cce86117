// The issue list's filter and sort live in the address (shared/issues/filter-params.ts), so a figure
// of the dashboard, a reminder or a saved filter opens exactly that list, and Back undoes a change.
// On a laptop that holds several teams (the office's) the team chosen is there too, as `team`: a
// reload or Back keeps it, and a saved filter carries it.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  filterFromParams,
  type IssueSort,
  paramsOfFilter,
  sortFromParams,
} from '../../../shared/issues/filter-params';
import type { IssueFilter } from '../../../shared/issues/issue-filter';

const TEAM_PARAM = 'team';

/** The address of a filter, a sort and a team (none: every team). */
function paramsOf(filter: IssueFilter, sort: IssueSort, team: string | null): URLSearchParams {
  const params = paramsOfFilter(filter, sort);
  if (team !== null) params.set(TEAM_PARAM, team);
  return params;
}

export function useListAddress() {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const { filter, sort, team } = useMemo(() => {
    const read = new URLSearchParams(query);
    return { filter: filterFromParams(read), sort: sortFromParams(read), team: read.get(TEAM_PARAM) };
  }, [query]);

  const go = (next: IssueFilter, nextSort: IssueSort, nextTeam: string | null, replace = false) =>
    setParams(paramsOf(next, nextSort, nextTeam), { replace });

  return {
    filter,
    sort,
    /** The team whose issues alone are listed, or null for every team. */
    team,
    /** The query as filter-params writes it, with the team (for saving and comparing with saved filters). */
    query: paramsOf(filter, sort, team).toString(),
    /** Changes some conditions; typing in the search box replaces the entry instead of adding one. */
    setFilter: (change: Partial<IssueFilter>, replace = false) =>
      go({ ...filter, ...change }, sort, team, replace),
    setSort: (next: IssueSort) => go(filter, next, team, true),
    setTeam: (next: string | null) => go(filter, sort, next),
    clear: () => go({}, sort, null),
  };
}

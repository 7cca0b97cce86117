// Issues, live: one issue, its history with the chain's verdict, the filtered list, the joint-meeting
// list and the reminders (they follow every change of issues that could change them).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../../../shared/domain/issue';
import type { IssueSort } from '../../../../shared/issues/filter-params';
import { liveRecord } from '../../database';
import { useDatabase } from '../../provider';
import { type IssueFilter, listIssues } from '../../repositories/issue-list';
import { contradictedIssues } from '../../repositories/contradictions';
import { issueHistoryView } from '../../repositories/history-view';
import { issueTeams } from '../../repositories/issue-teams';
import { meetingIssues } from '../../repositories/meeting';
import { readReminders } from '../../repositories/reminders';

/** undefined while loading, null when there is no such issue. */
export function useIssue(id: string) {
  const db = useDatabase();
  return useLiveQuery(async (): Promise<Issue | null> => liveRecord(await db.issues.get(id)), [db, id]);
}

/**
 * The issue's history in clock order, whether its hashes hold, its branches, the laptop of each step
 * and the steps taken apart that contradict each other; undefined while loading.
 */
export function useIssueHistory(issueId: string) {
  const db = useDatabase();
  return useLiveQuery(() => issueHistoryView(db, issueId), [db, issueId]);
}

/** The issues that pass the filter, in the sort's order; undefined while loading. */
export function useIssueList(filter: IssueFilter, sort: IssueSort, today: string, timeZone: string) {
  const db = useDatabase();
  // By value: callers build fresh objects on every render.
  const key = JSON.stringify([filter, sort]);
  return useLiveQuery(() => {
    const [f, s] = JSON.parse(key) as [IssueFilter, IssueSort];
    return listIssues(db, f, s, today, timeZone);
  }, [db, key, today, timeZone]);
}

/**
 * Issue id → its team's record id, on a laptop holding several teams (the office's); an empty map
 * without reading anything when `several` is false. undefined while loading.
 */
export function useIssueTeams(several: boolean) {
  const db = useDatabase();
  return useLiveQuery(
    () => (several ? issueTeams(db) : Promise.resolve(new Map<string, string>())),
    [db, several],
  );
}

/** The open issues flagged for the joint meeting, in no particular order; undefined while loading. */
export function useMeetingIssues() {
  const db = useDatabase();
  return useLiveQuery(() => meetingIssues(db), [db]);
}

/** Overdue and due-soon counts and the most urgent issues as of `today`; undefined while loading. */
export function useReminders(today: string) {
  const db = useDatabase();
  return useLiveQuery(() => readReminders(db, today), [db, today]);
}

/** Issues whose steps taken apart contradict each other, for the office; undefined while loading. */
export function useContradictedIssues() {
  const db = useDatabase();
  return useLiveQuery(() => contradictedIssues(db), [db]);
}

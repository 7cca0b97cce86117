// Issues for components: one issue live, its history with the chain's verdict, and the lifecycle steps.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../shared/domain/issue';
import type { StepInput } from '../../shared/issues/lifecycle';
import type { DuchaDatabase, Stored } from './database';
import { useDatabase } from './provider';
import { type IssueFilter, listIssues } from './repositories/issue-list';
import { applyIssueStep, historyOfIssue, verifyIssueHistory } from './repositories/issue-steps';

export { IssueStepRefusedError } from './repositories/issue-steps';
export { daysLeft, type IssueFilter } from './repositories/issue-list';

/** undefined while loading, null when there is no such issue. */
export function useIssue(id: string) {
  const db = useDatabase();
  return useLiveQuery(async (): Promise<Stored<Issue> | null> => {
    const row = await db.issues.get(id);
    return row && row._deleted !== true ? row : null;
  }, [db, id]);
}

/** The issue's history in order and whether its hash chain holds; undefined while loading. */
export function useIssueHistory(issueId: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [events, verdict] = await Promise.all([
      historyOfIssue(db, issueId),
      verifyIssueHistory(db, issueId),
    ]);
    return { events, verdict };
  }, [db, issueId]);
}

export const issueActions = (db: DuchaDatabase) => ({
  step: (issueId: string, input: StepInput) => applyIssueStep(db, issueId, input),
});

/** The issues that pass the filter, soonest deadline first; undefined while loading. */
export function useIssueList(filter: IssueFilter, today: string) {
  const db = useDatabase();
  const key = JSON.stringify(filter); // by value: callers build a fresh object on every render
  return useLiveQuery(() => listIssues(db, JSON.parse(key) as IssueFilter, today), [db, key, today]);
}

// Issues for components: one issue live, its history with the chain's verdict, and the lifecycle steps.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../shared/domain/issue';
import type { Project } from '../../shared/domain/project';
import type { IssueSort } from '../../shared/issues/filter-params';
import type { StepInput } from '../../shared/issues/lifecycle';
import { type DuchaDatabase, liveRecord } from './database';
import { useDatabase } from './provider';
import { type IssueFilter, listIssues } from './repositories/issue-list';
import { createIssue, type FindingInput } from './repositories/issue-create';
import {
  applyBulkStep,
  applyIssueStep,
  historyOfIssue,
  verifyIssueHistory,
} from './repositories/issue-steps';

export { type BulkStepOutcome, IssueStepRefusedError } from './repositories/issue-steps';
export { daysLeft, type IssueFilter } from './repositories/issue-list';

/** undefined while loading, null when there is no such issue. */
export function useIssue(id: string) {
  const db = useDatabase();
  return useLiveQuery(async (): Promise<Issue | null> => liveRecord(await db.issues.get(id)), [db, id]);
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
  /** The same step on many issues; refused ones are counted and skipped. */
  bulkStep: (issueIds: readonly string[], input: StepInput, onProgress?: (done: number) => void) =>
    applyBulkStep(db, issueIds, input, { onProgress }),
  /** A new draft issue entered on the list, not from a visit. */
  create: (project: Pick<Project, 'id' | 'regionId'>, input: FindingInput, actorName: string) =>
    createIssue(db, project, null, input, actorName),
});

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

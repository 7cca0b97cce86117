// Visits, live: one visit, a project's and the recent ones, a visit's findings and amendments, and the
// re-inspections of an issue with their before and after photos.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../../../shared/domain/issue';
import { useDatabase } from '../../provider';
import { beforeAndAfterPhotos, reinspectionsOfIssue } from '../../repositories/reinspections';
import { amendmentHistoryView } from '../../repositories/history-view';
import { getVisit, issuesOfVisit, recentVisits, visitsOfProject } from '../../repositories/visits';

/** undefined while loading, null when there is no such visit. */
export function useVisit(id: string) {
  const db = useDatabase();
  return useLiveQuery(() => getVisit(db, id), [db, id]);
}

export function useProjectVisits(projectId: string) {
  const db = useDatabase();
  return useLiveQuery(() => visitsOfProject(db, projectId), [db, projectId]);
}

export function useRecentVisits() {
  const db = useDatabase();
  return useLiveQuery(() => recentVisits(db), [db]);
}

/** The issues recorded as findings of the visit. */
export function useVisitIssues(visitId: string) {
  const db = useDatabase();
  return useLiveQuery(() => issuesOfVisit(db, visitId), [db, visitId]);
}

/** A visit's amendments in order and whether their chain is intact; undefined while loading. */
export function useAmendments(visitId: string) {
  const db = useDatabase();
  return useLiveQuery(() => amendmentHistoryView(db, visitId), [db, visitId]);
}

/** The re-inspection visits carrying the issue, newest first; undefined while loading. */
export function useIssueReinspections(issue: Pick<Issue, 'id' | 'projectId'>) {
  const db = useDatabase();
  const { id, projectId } = issue;
  return useLiveQuery(() => reinspectionsOfIssue(db, { id, projectId }), [db, id, projectId]);
}

/** The issue's photos from before the visit and those taken on it; undefined while loading. */
export function useBeforeAndAfterPhotos(visitId: string, issueId: string) {
  const db = useDatabase();
  return useLiveQuery(() => beforeAndAfterPhotos(db, visitId, issueId), [db, visitId, issueId]);
}

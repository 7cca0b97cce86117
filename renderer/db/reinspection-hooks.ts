// Re-inspections for components: the visits that carry an issue, an issue's before and after photos
// on a visit, and the commands that start a re-inspection and record its result.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../shared/domain/issue';
import type { Visit } from '../../shared/domain/visit';
import type { DuchaDatabase } from './database';
import { useDatabase } from './provider';
import {
  beforeAndAfterPhotos,
  type ReinspectionResult,
  recordReinspectionResult,
  reinspectionsOfIssue,
  startReinspection,
} from './repositories/reinspections';

export { canStartReinspection, type ReinspectionResult } from './repositories/reinspections';

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

export const reinspectionActions = (db: DuchaDatabase) => ({
  /** Opens the issue's re-inspection visit, storing `draft` if there is none to reopen. */
  start: (issueId: string, draft: Visit, actorName: string) =>
    startReinspection(db, issueId, draft, actorName),
  recordResult: (visitId: string, issueId: string, result: ReinspectionResult) =>
    recordReinspectionResult(db, visitId, issueId, result),
});

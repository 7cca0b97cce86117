// The project ledger, live: the projects (shared by every reader, see live-cache.ts) and one project.
import { useLiveQuery } from 'dexie-react-hooks';
import { sharedQueriesOf, useShared } from '../../live-cache';
import { useDatabase } from '../../provider';
import { getProject } from '../../repositories/projects';

/** The live projects, in no particular order; undefined while loading. The rows are shared: do not change them. */
export function useProjects() {
  return useShared(sharedQueriesOf(useDatabase()).projects);
}

export function useHasProjects() {
  return useShared(sharedQueriesOf(useDatabase()).hasProjects);
}

/** undefined while loading, null when there is no such project. */
export function useProject(id: string) {
  const db = useDatabase();
  return useLiveQuery(() => getProject(db, id), [db, id]);
}

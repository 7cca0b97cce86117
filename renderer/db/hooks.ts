// Live queries for components: they re-render when the rows behind them change.
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingOperations } from './repositories/outbox';
import { getProject, hasProjects, listProjects } from './repositories/projects';
import { readOrganization } from './repositories/organization';
import {
  checklistResultsOfVisit,
  checklistTemplates,
  getVisit,
  issuesOfVisit,
  recentVisits,
  visitsOfProject,
} from './repositories/visits';
import { readSetupChoice, type SetupChoice } from './repositories/setup';
import { templateCatalog, templateVersions } from './repositories/checklist-templates';
import { deviceNodeId } from './device-clock';
import { useDatabase } from './provider';

/** undefined while loading. */
export function useSetupChoice(): SetupChoice | null | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readSetupChoice(db), [db]);
}

export function useProjects() {
  const db = useDatabase();
  return useLiveQuery(() => listProjects(db), [db]);
}

export function useHasProjects() {
  const db = useDatabase();
  return useLiveQuery(() => hasProjects(db), [db]);
}

/** Regions, units and people with their display names; undefined while loading. */
export function useOrganization() {
  const db = useDatabase();
  return useLiveQuery(() => readOrganization(db), [db]);
}

/** undefined while loading, null when there is no such project. */
export function useProject(id: string) {
  const db = useDatabase();
  return useLiveQuery(() => getProject(db, id), [db, id]);
}

export function usePendingOperationCount() {
  const db = useDatabase();
  return useLiveQuery(() => countPendingOperations(db), [db]);
}

export function useDeviceNodeId() {
  const db = useDatabase();
  return useLiveQuery(() => deviceNodeId(db), [db]);
}

export function useProjectVisits(projectId: string) {
  const db = useDatabase();
  return useLiveQuery(() => visitsOfProject(db, projectId), [db, projectId]);
}

export function useRecentVisits() {
  const db = useDatabase();
  return useLiveQuery(() => recentVisits(db), [db]);
}

/** undefined while loading, null when there is no such visit. */
export function useVisit(id: string) {
  const db = useDatabase();
  return useLiveQuery(() => getVisit(db, id), [db, id]);
}

export function useChecklistTemplates() {
  const db = useDatabase();
  return useLiveQuery(() => checklistTemplates(db), [db]);
}

export function useVisitChecklists(visitId: string) {
  const db = useDatabase();
  return useLiveQuery(() => checklistResultsOfVisit(db, visitId), [db, visitId]);
}

export function useVisitIssues(visitId: string) {
  const db = useDatabase();
  return useLiveQuery(() => issuesOfVisit(db, visitId), [db, visitId]);
}

export function useTeams() {
  const db = useDatabase();
  return useLiveQuery(() => db.teams.toArray(), [db]);
}

/** Every checklist template by its latest version. */
export function useTemplateCatalog() {
  const db = useDatabase();
  return useLiveQuery(() => templateCatalog(db), [db]);
}

/** The versions of one checklist template, newest first; empty when there is no such template. */
export function useTemplateVersions(key: string) {
  const db = useDatabase();
  return useLiveQuery(() => templateVersions(db, key), [db, key]);
}

// Checklists, live: the templates (latest versions, the catalog, one template's versions) and the
// checklists filled on a visit.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../provider';
import { templateCatalog, templateVersions } from '../../repositories/checklist-templates';
import { checklistResultsOfVisit, checklistTemplates } from '../../repositories/visits';

/** The latest version of each template, by name. */
export function useChecklistTemplates() {
  const db = useDatabase();
  return useLiveQuery(() => checklistTemplates(db), [db]);
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

/** The checklists filled on a visit, each with the template version it was filled with. */
export function useVisitChecklists(visitId: string) {
  const db = useDatabase();
  return useLiveQuery(() => checklistResultsOfVisit(db, visitId), [db, visitId]);
}

// What components may ask of the data layer beyond reading: the commands, bound to the open database.
import type { Campaign } from '../../shared/sample/campaign';
import type { DuchaDatabase } from './database';
import type { Project } from '../../shared/domain/project';
import type { RecordEdit } from './repositories/edits';
import { createProject, saveProjectEdits, updateProject } from './repositories/projects';
import { importProjects } from './repositories/projects-import';
import type { ChecklistResult, ChecklistTemplate } from '../../shared/domain/checklist';
import type { Visit } from '../../shared/domain/visit';
import { loadCampaign, startEmpty } from './repositories/setup';
import { deleteDraftVisit, draftVisitContents } from './repositories/visit-delete';
import { saveChecklistAnswers } from './repositories/checklist-answers';
import { saveTemplateVersion } from './repositories/checklist-templates';
import {
  createVisit,
  finalizeVisit,
  type FindingInput,
  recordFinding,
  saveChecklistResult,
  saveVisitEdits,
  updateDraftVisit,
} from './repositories/visits';

export const setupActions = (db: DuchaDatabase) => ({
  startEmpty: () => startEmpty(db),
  loadSampleCampaign: (campaign: Campaign) => loadCampaign(db, campaign),
});

export const projectActions = (db: DuchaDatabase) => ({
  create: (project: Project) => createProject(db, project),
  update: (id: string, changes: Partial<Project>) => updateProject(db, id, changes),
  /** Writes only what the person changed; returns conflicts instead when a changed field moved underneath. */
  saveEdits: (id: string, edit: RecordEdit<Project>) => saveProjectEdits(db, id, edit),
  /** All or nothing: one transaction. */
  importMany: (projects: readonly Project[]) => importProjects(db, projects),
});

export const visitActions = (db: DuchaDatabase) => ({
  create: (visit: Visit) => createVisit(db, visit),
  update: (id: string, changes: Partial<Visit>) => updateDraftVisit(db, id, changes),
  /** Writes only what the person changed; returns conflicts instead when a changed field moved underneath. */
  saveEdits: (id: string, edit: RecordEdit<Visit>) => saveVisitEdits(db, id, edit),
  finalize: (id: string) => finalizeVisit(db, id),
  /** A draft visit made by mistake, with its photos and checklists; refused once finalized. */
  deleteDraft: (id: string) => deleteDraftVisit(db, id),
  /** What deleteDraft would take with it, for the confirmation. */
  draftContents: (id: string) => draftVisitContents(db, id),
  saveChecklist: (result: ChecklistResult) => saveChecklistResult(db, result),
  /** Only the items changed since `base`, merged into the answers stored now. */
  saveChecklistAnswers: (
    resultId: string,
    edit: { base: ChecklistResult['answers']; edited: ChecklistResult['answers'] },
  ) => saveChecklistAnswers(db, resultId, edit),
  recordFinding: (
    visit: Visit,
    project: Pick<Project, 'id' | 'regionId'>,
    finding: FindingInput,
    actor: string,
  ) => recordFinding(db, visit, project, finding, actor),
});

export const checklistTemplateActions = (db: DuchaDatabase) => ({
  /** Adds a version; never overwrites an older one, which visits filled with it still show. */
  saveVersion: (template: ChecklistTemplate) => saveTemplateVersion(db, template),
});

// Commands on visits (督查记录): the record, findings, sign-off and amendments, re-inspections.
import type { Project } from '../../../../shared/domain/project';
import type { Visit } from '../../../../shared/domain/visit';
import type { DuchaDatabase } from '../../database';
import type { RecordEdit } from '../../repositories/edits';
import {
  type ReinspectionResult,
  recordReinspectionResult,
  startReinspection,
} from '../../repositories/reinspections';
import { removeSignature, type SignatureInput, signVisit } from '../../repositories/sign-off';
import { amendVisit, type VisitCorrection } from '../../repositories/visit-amendments';
import { deleteDraftVisit, draftVisitContents } from '../../repositories/visit-delete';
import {
  createVisit,
  finalizeVisit,
  type FindingInput,
  recordFinding,
  saveVisitEdits,
  updateDraftVisit,
} from '../../repositories/visits';

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
  recordFinding: (
    visit: Visit,
    project: Pick<Project, 'id' | 'regionId'>,
    finding: FindingInput,
    actor: string,
  ) => recordFinding(db, visit, project, finding, actor),
  sign: (visitId: string, input: SignatureInput) => signVisit(db, visitId, input),
  removeSignature: (visitId: string, role: SignatureInput['role']) => removeSignature(db, visitId, role),
  /** A correction of a finalized visit, with its reason, appended to the visit's hash-chained history. */
  amend: (visitId: string, correction: VisitCorrection, reason: string, actor: string) =>
    amendVisit(db, visitId, correction, reason, actor),
  /** Opens the issue's re-inspection visit, storing `draft` if there is none to reopen. */
  startReinspection: (issueId: string, draft: Visit, actorName: string) =>
    startReinspection(db, issueId, draft, actorName),
  recordReinspectionResult: (visitId: string, issueId: string, result: ReinspectionResult) =>
    recordReinspectionResult(db, visitId, issueId, result),
});

// The data layer's public face for the app and features.
export { DatabaseProvider, useDatabase } from './provider';
export * from './hooks';
export { checklistTemplateActions, projectActions, setupActions, visitActions } from './actions';
export { type TemplateSummary, TemplateVersionConflictError } from './repositories/checklist-templates';
export { type FindingInput, VisitLockedError } from './repositories/visits';
export {
  changedFields,
  type FieldConflict,
  type RecordEdit,
  RecordGoneError,
  type Resolution,
  type SaveEditsResult,
} from './repositories/edits';
export type { Organization } from './repositories/organization';
export { openDatabase, type OpenFailure, type OpenFailureKind } from './open';
export type { DuchaDatabase } from './database';
export * from './photo-hooks';
export * from './record-hooks';
export * from './issue-hooks';
export * from './dashboard-hooks';
export * from './meeting-hooks';
export * from './reinspection-hooks';
export * from './report-hooks';
export * from './exchange-hooks';
export { useDraft, type DraftControl, type DraftOffer } from './draft-hooks';

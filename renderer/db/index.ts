// The data layer's public face for the app, the features and the shared UI: one command module and one
// hooks module per domain area (api/<area>/), named here one by one. Nothing outside renderer/db reaches
// further in (lint holds it); start-up uses ./start, which loads no more than opening needs.
export { DatabaseProvider, useDatabase } from './provider';
export type { DuchaDatabase, DeviceRow, ImportReceiptRow, PhotoBlobRow } from './database';

// Projects (项目台账)
export { projectActions } from './api/projects/actions';
export { useHasProjects, useProject, useProjects } from './api/projects/hooks';
export { ImportConflictError } from './repositories/projects-import';

// Visits (督查记录): the record, findings, sign-off, amendments, re-inspections
export { visitActions } from './api/visits/actions';
export {
  useAmendments,
  useBeforeAndAfterPhotos,
  useIssueReinspections,
  useProjectVisits,
  useRecentVisits,
  useVisit,
  useVisitIssues,
} from './api/visits/hooks';
export { type FindingInput, SignatureMissingError, VisitLockedError } from './repositories/visits';
export type { SignatureInput } from './repositories/sign-off';
export {
  diffVisit,
  NotFinalizedError,
  NothingToAmendError,
  type VisitCorrection,
} from './repositories/visit-amendments';
export { canStartReinspection, type ReinspectionResult } from './repositories/reinspections';

// Checklists (检查表)
export { checklistActions } from './api/checklists/actions';
export {
  useChecklistTemplates,
  useTemplateCatalog,
  useTemplateVersions,
  useVisitChecklists,
} from './api/checklists/hooks';
export { type TemplateSummary, TemplateVersionConflictError } from './repositories/checklist-templates';

// Issues (问题清单), the joint meeting and the reminders
export { issueActions } from './api/issues/actions';
export {
  useContradictedIssues,
  useIssue,
  useIssueHistory,
  useIssueList,
  useIssueTeams,
  useMeetingIssues,
  useReminders,
} from './api/issues/hooks';
export { type BulkStepOutcome, IssueStepRefusedError } from './repositories/issue-steps';
export { daysLeft, type IssueFilter } from './repositories/issue-list';
export type { Reminders } from './repositories/reminders';

// Photos
export { photoActions } from './api/photos/actions';
export {
  useAnnotation,
  useHoldsOriginal,
  usePhotoDerivativeUrl,
  usePhotos,
  useThumbnailUrls,
} from './api/photos/hooks';
export { type AddedPhoto, MAX_CAPTION_LENGTH, type PhotoLink, type PhotoOwner } from './repositories/photos';

// Reports and statistics: documents, notices, the dashboard and its targets
export { reportActions } from './api/reports/actions';
export {
  useClosedIssues,
  useDashboardIssues,
  useNextNoticeNumber,
  useTargets,
  useUnitNotices,
} from './api/reports/hooks';
export type {
  BulletinQuery,
  BulletinSource,
  CloseOutSource,
  NoticeSource,
  PrintablePhoto,
  VisitRecordSource,
} from './repositories/report-sources';
export { NoticeDeadlineError, NoticeRefusedError } from './repositories/notices';
export type { YearTargets } from './repositories/targets';

// Hand-over by USB (导出导入)
export { exchangeActions } from './api/exchange/actions';
export { useDevicePublicFace, useImportReceipts, useKnownDevices } from './api/exchange/hooks';
export type { DeviceIdentity } from './repositories/exchange/device-identity';
export type { ExportBlob, ExportPhoto, ExportSnapshot } from './repositories/exchange/export-snapshot';
export type { ImportConflict, ImportPreview, InvalidRecord } from './repositories/exchange/import-preview';
export type { FieldChange, RecordChange } from './repositories/exchange/import-changes';
export { type ImportToApply, InvalidImportError } from './repositories/exchange/import-apply';
export type { LeaderPageSource } from './repositories/exchange/leader-page-source';

// Sync with the city's server (同步)
export { syncActions } from './api/sync/actions';
export {
  useReadOnly,
  useRecordConflicts,
  useSyncConflicts,
  useSyncRefusals,
  useSyncState,
} from './api/sync/hooks';
export { ConflictGoneError } from './repositories/sync/conflict-decisions';
export { ReadOnlyPersonError } from './repositories/sync/read-only';
export type {
  PhotoOriginals,
  SyncEnrollment,
  SyncSignIn,
  SyncState,
  SyncSuccess,
} from './repositories/sync/sync-state';
export { PHOTO_ORIGINALS } from './repositories/sync/sync-state';
export type { ConflictSide, SyncConflictRow, SyncRefusalRow } from './database';

// Settings: the first run, the organization, this laptop
export { settingsActions } from './api/settings/actions';
export {
  useDeviceNodeId,
  useOrganization,
  usePendingOperationCount,
  useSetupChoice,
  useTeams,
} from './api/settings/hooks';
export type { Organization } from './repositories/organization';

// The team's own setup (组织) and who works on this laptop
export { organizationActions } from './api/organization/actions';
export { useWorkingContext } from './api/organization/hooks';
export { DuplicateNameError } from './repositories/organization-edit';
export type { WorkingContext } from './repositories/working-context';

// Saving what a person typed: drafts, edits that write only what changed, and their conflicts
export { type DraftControl, type DraftOffer, useDraft } from './api/drafts/hooks';
export {
  changedFields,
  type FieldConflict,
  type RecordEdit,
  RecordGoneError,
  type Resolution,
  type SaveEditsResult,
} from './repositories/edits';
export { InvalidRecordError } from './record-writer';

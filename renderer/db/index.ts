// The data layer's public face for the app and features.
export { DatabaseProvider, useDatabase } from './provider';
export * from './hooks';
export { projectActions, setupActions, visitActions } from './actions';
export { type FindingInput, VisitLockedError } from './repositories/visits';
export type { Organization } from './repositories/organization';
export { openDatabase, type OpenFailure, type OpenFailureKind } from './open';
export type { DuchaDatabase, Stored } from './database';
export * from './photo-hooks';

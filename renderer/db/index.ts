// The data layer's public face for the app and features.
export { DatabaseProvider, useDatabase } from './provider';
export * from './hooks';
export { projectActions, setupActions } from './actions';
export type { Organization } from './repositories/organization';
export { openDatabase, type OpenFailure, type OpenFailureKind } from './open';
export type { DuchaDatabase, Stored } from './database';

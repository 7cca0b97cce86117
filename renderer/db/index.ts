// The data layer's public face for the app and features.
export { DatabaseProvider, useDatabase } from './provider';
export * from './hooks';
export { setupActions } from './actions';
export { openDatabase, type OpenFailure, type OpenFailureKind } from './open';
export type { DuchaDatabase, Stored } from './database';

// The data layer's start-up face, for renderer/main.tsx and app/start.tsx: open the database and start
// the first screen's reads before the rest of the app (and the rest of the data layer) has loaded.
export { openDatabase, type OpenFailure, type OpenFailureKind, type OpenResult } from './open';
export { firstScreenRead, startFirstScreenReads } from './live-cache';

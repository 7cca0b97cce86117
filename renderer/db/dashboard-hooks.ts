// The dashboard for components: its issue rows and the office's targets, live, and the command that sets
// the targets.
import { useLiveQuery } from 'dexie-react-hooks';
import type { TargetValues } from '../../shared/domain/targets';
import type { DuchaDatabase } from './database';
import { useDatabase } from './provider';
import { readDashboardIssues } from './repositories/dashboard';
import { readTargets, saveTargets } from './repositories/targets';

export type { YearTargets } from './repositories/targets';

/**
 * Every issue row (deleted ones included: the figures skip them); undefined while loading. Read again
 * only when the issues change — not on writes to other tables, and not when the targets change.
 */
export function useDashboardIssues() {
  const db = useDatabase();
  return useLiveQuery(() => readDashboardIssues(db), [db]);
}

/** The year's targets, the defaults when the office has set none; undefined while loading. */
export function useTargets(year: number) {
  const db = useDatabase();
  return useLiveQuery(() => readTargets(db, year), [db, year]);
}

export const targetActions = (db: DuchaDatabase) => ({
  save: (year: number, values: TargetValues) => saveTargets(db, year, values),
});

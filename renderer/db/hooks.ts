// Live queries for components: they re-render when the rows behind them change.
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingOperations } from './repositories/outbox';
import { countProjects, listProjects } from './repositories/projects';
import { regionNames, unitNames } from './repositories/organization';
import { readSetupChoice, type SetupChoice } from './repositories/setup';
import { deviceNodeId } from './device-clock';
import { useDatabase } from './provider';

/** undefined while loading. */
export function useSetupChoice(): SetupChoice | null | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readSetupChoice(db), [db]);
}

export function useProjects() {
  const db = useDatabase();
  return useLiveQuery(() => listProjects(db), [db]);
}

export function useProjectCount() {
  const db = useDatabase();
  return useLiveQuery(() => countProjects(db), [db]);
}

export function useNames() {
  const db = useDatabase();
  return useLiveQuery(async () => ({ regions: await regionNames(db), units: await unitNames(db) }), [db]);
}

export function usePendingOperationCount() {
  const db = useDatabase();
  return useLiveQuery(() => countPendingOperations(db), [db]);
}

export function useDeviceNodeId() {
  const db = useDatabase();
  return useLiveQuery(() => deviceNodeId(db), [db]);
}

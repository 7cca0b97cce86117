// The team's setup, live: the first-run choice, the organization (regions, units, people, teams), this
// laptop's node id and the operations waiting to leave it.
import { useLiveQuery } from 'dexie-react-hooks';
import { liveRecords } from '../../database';
import { deviceNodeId } from '../../device-clock';
import { sharedQueriesOf, useShared } from '../../live-cache';
import { useDatabase } from '../../provider';
import { countPendingOperations } from '../../repositories/outbox';
import type { SetupChoice } from '../../repositories/setup';

/** undefined while loading. */
export function useSetupChoice(): SetupChoice | null | undefined {
  return useShared(sharedQueriesOf(useDatabase()).setupChoice);
}

/** Regions, units and people with their display names; undefined while loading. */
export function useOrganization() {
  return useShared(sharedQueriesOf(useDatabase()).organization);
}

export function useTeams() {
  const db = useDatabase();
  return useLiveQuery(async () => liveRecords(await db.teams.toArray()), [db]);
}

export function useDeviceNodeId() {
  const db = useDatabase();
  return useLiveQuery(() => deviceNodeId(db), [db]);
}

export function usePendingOperationCount() {
  const db = useDatabase();
  return useLiveQuery(() => countPendingOperations(db), [db]);
}

// Sync, live: this laptop's standing with its server, and what the server refused.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../provider';
import { listConflicts, openConflictsOf } from '../../repositories/sync/conflict-decisions';
import { isReadOnlySignIn } from '../../repositories/sync/read-only';
import { readSignIn, syncState } from '../../repositories/sync/sync-state';

export function useSyncState() {
  const db = useDatabase();
  return useLiveQuery(() => syncState(db), [db]);
}

export function useSyncRefusals() {
  const db = useDatabase();
  return useLiveQuery(() => db.syncRefusals.orderBy('refusedAt').reverse().limit(200).toArray(), [db]);
}

/** Conflicts kept for a person to confirm: open ones first. */
export function useSyncConflicts() {
  const db = useDatabase();
  return useLiveQuery(() => listConflicts(db), [db]);
}

/** The open conflicts of one record (its page says so and links to the Conflicts page). */
export function useRecordConflicts(table: string, rowId: string) {
  const db = useDatabase();
  return useLiveQuery(() => openConflictsOf(db, table, rowId), [db, table, rowId]);
}

/**
 * Whether the person signed in only reads (a leader): the page then offers no write. Undefined while
 * it is being read, so that a leader's page never flashes its write buttons on.
 */
export function useReadOnly(): boolean | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => isReadOnlySignIn(await readSignIn(db)), [db]);
}

// The sync engine's status for the header's indicator and the Sync page, and the engine itself (the
// page's buttons call it). Set once the database is open (renderer/sync/start-sync.ts).
import { create } from 'zustand';
import type { SyncEngine, SyncStatus } from '../sync/sync-engine';

interface SyncStore {
  engine: SyncEngine | null;
  status: SyncStatus | null;
}

export const useSync = create<SyncStore>()(() => ({ engine: null, status: null }));

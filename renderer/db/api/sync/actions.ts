// Commands of sync: this laptop's standing with its server, the replica a round works on, the device
// key that signs, and a watch on the outbox so the engine hears of local changes.
import { liveQuery } from 'dexie';
import type { DuchaDatabase } from '../../database';
import { deviceIdentity } from '../../repositories/exchange/device-identity';
import { deviceSigner } from '../../repositories/sync/device-signer';
import { dexieReplica, mergeHeldBack } from '../../repositories/sync/replica';
import {
  forgetSignIn,
  saveAutomatic,
  saveEnrollment,
  saveServerUrl,
  saveSignIn,
  saveSuccess,
  saveTeamName,
  type SyncEnrollment,
  type SyncSignIn,
  type SyncSuccess,
  syncState,
} from '../../repositories/sync/sync-state';

export const syncActions = (db: DuchaDatabase) => ({
  state: () => syncState(db),
  identity: () => deviceIdentity(db),
  signer: (deviceId: string) => deviceSigner(db, deviceId),
  replica: () => dexieReplica(db),
  /** Operations held back for tables this app did not know, merged once it does (after an update). */
  mergeHeldBack: () => mergeHeldBack(db),
  saveServerUrl: (url: string) => saveServerUrl(db, url),
  saveEnrollment: (enrollment: SyncEnrollment) => saveEnrollment(db, enrollment),
  saveSignIn: (signIn: SyncSignIn) => saveSignIn(db, signIn),
  forgetSignIn: () => forgetSignIn(db),
  saveTeamName: (name: string) => saveTeamName(db, name),
  saveSuccess: (success: SyncSuccess) => saveSuccess(db, success),
  saveAutomatic: (automatic: boolean) => saveAutomatic(db, automatic),
  /** Calls back with the number of operations waiting, now and whenever it changes. */
  watchOutbox(onCount: (waiting: number) => void): () => void {
    const subscription = liveQuery(() => db.outbox.count()).subscribe({
      next: onCount,
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  },
});

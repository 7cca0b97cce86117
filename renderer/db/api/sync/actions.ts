// Commands of sync: this laptop's standing with its server, the replica a round works on, the device
// key that signs, and a watch on the outbox so the engine hears of local changes.
import { liveQuery } from 'dexie';
import type { DuchaDatabase } from '../../database';
import { deviceIdentity } from '../../repositories/exchange/device-identity';
import { decideConflict } from '../../repositories/sync/conflict-decisions';
import { deviceSigner } from '../../repositories/sync/device-signer';
import { dexieNoticePool } from '../../repositories/sync/notice-pool';
import {
  type NoticeReservationContext,
  topUpNoticeNumbers,
} from '../../../../shared/sync/notice-reservation';
import { dexiePhotoLibrary } from '../../repositories/sync/photos';
import { dexieReplica, mergeHeldBack } from '../../repositories/sync/replica';
import { teamOfRowOrParent } from '../../repositories/sync/row-team';
import {
  askForOriginal,
  forgetSignIn,
  type PhotoOriginals,
  saveAutomatic,
  savePhotoOriginals,
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
  /** An office laptop's replica of one team's log (a cursor of its own; rows noted as that team's). */
  teamReplica: (teamId: string) => dexieReplica(db, { teamId }),
  /** The team log a change goes into on an office laptop: its row's, or the record's it hangs on. */
  teamOfRow: (table: string, rowId: string) => teamOfRowOrParent(db, table, rowId),
  /** The photos photo sync moves: originals to send, records waiting for theirs. */
  photoLibrary: () => dexiePhotoLibrary(db),
  /** Operations held back for tables this app did not know, merged once it does (after an update). */
  mergeHeldBack: () => mergeHeldBack(db),
  saveServerUrl: (url: string) => saveServerUrl(db, url),
  saveEnrollment: (enrollment: SyncEnrollment) => saveEnrollment(db, enrollment),
  saveSignIn: (signIn: SyncSignIn) => saveSignIn(db, signIn),
  forgetSignIn: () => forgetSignIn(db),
  saveTeamName: (name: string) => saveTeamName(db, name),
  /** Confirms the value the merge kept, or writes the one that lost again as a new change. */
  decideConflict: (id: number, kept: 'winner' | 'loser', by: string | null) =>
    decideConflict(db, id, kept, by),
  saveSuccess: (success: SyncSuccess) => saveSuccess(db, success),
  saveAutomatic: (automatic: boolean) => saveAutomatic(db, automatic),
  savePhotoOriginals: (mode: PhotoOriginals) => savePhotoOriginals(db, mode),
  askForOriginal: (sha256: string) => askForOriginal(db, sha256),
  /** Reserves notice numbers when the pool runs low and makes provisional numbers final. */
  topUpNoticeNumbers: (ctx: NoticeReservationContext) => topUpNoticeNumbers(dexieNoticePool(db), ctx),
  /** Calls back with the number of operations waiting, now and whenever it changes. */
  watchOutbox(onCount: (waiting: number) => void): () => void {
    const subscription = liveQuery(() => db.outbox.count()).subscribe({
      next: onCount,
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  },
});

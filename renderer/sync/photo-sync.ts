// The engine's photo step, run after a round has pushed and pulled the records: this laptop's
// originals up, the originals of records that came without them down, with what waits and what moves
// published into the Sync status. A failure is a SyncFailure like a round's, so the engine's back-off
// tries again later; the records themselves are already in and shown.
import type { DerivedImages } from '../../shared/photos/derive-protocol';
import type { PhotoTransport } from '../../shared/sync/client/photo-transport';
import {
  type PhotoLibrary,
  type PhotoProgress,
  type PhotoResult,
  type PhotoWaiting,
  syncPhotos,
} from '../../shared/sync/client/photos';

export type { PhotoProgress, PhotoWaiting } from '../../shared/sync/client/photos';

/** How the engine reaches the server's photo routes and makes a photo's smaller copies. */
export interface LaptopPhotos {
  readonly transportFor: (serverUrl: string) => PhotoTransport;
  /** The app's image workers (renderer/features/photos/derive.ts); the tests' own decoder in Node. */
  readonly derive: (original: Blob) => Promise<DerivedImages>;
}

export interface PhotoStepContext {
  readonly serverUrl: string;
  readonly teamId: string;
  /** The server's epoch after the round. */
  readonly epoch: string;
  readonly library: PhotoLibrary;
  readonly session: () => Promise<string>;
  readonly renewSession: () => Promise<string>;
  readonly publish: (change: { photos?: PhotoWaiting; photoProgress?: PhotoProgress | null }) => void;
}

export function syncLaptopPhotos(photos: LaptopPhotos, ctx: PhotoStepContext): Promise<PhotoResult> {
  return syncPhotos({
    transport: photos.transportFor(ctx.serverUrl),
    library: ctx.library,
    teamId: ctx.teamId,
    epoch: ctx.epoch,
    session: ctx.session,
    renewSession: ctx.renewSession,
    derive: photos.derive,
    onWaiting: (waiting) => ctx.publish({ photos: waiting }),
    onProgress: (progress) => ctx.publish({ photoProgress: progress }),
  });
}

// Starts the sync engine once the database is open: requests go through the host's relay (the page
// itself talks only to its host), the status goes to the store, and the browser's online and offline
// events start a round or say so.
import type { HostApi } from '../../shared/contract';
import type { SyncTransport } from '../../shared/sync/client/answers';
import type { DuchaDatabase } from '../db';
import { useSession } from '../stores/session';
import { useSync } from '../stores/sync';
import { deriveImages } from '../features/photos/derive';
import { relayPhotoTransport } from './relay-photo-transport';
import { SyncEngine } from './sync-engine';

/** The relay as the engine's transport: the server's address goes with every request. */
export const relayTransport =
  (api: HostApi, server: string): SyncTransport =>
  (request) =>
    // The host itself out of reach (the page offline, the browser host stopped) is no answer either.
    api.syncCall({ server, ...request }).catch((error: unknown) => ({
      kind: 'unreachable' as const,
      detail: `the host did not answer: ${error instanceof Error ? `${error.name}: ${error.message}` : 'error'}`,
    }));

export function startSync(db: DuchaDatabase, api: HostApi): SyncEngine {
  const engine = new SyncEngine(
    db,
    (server) => relayTransport(api, server),
    (status) => useSync.setState({ status }),
    {
      online: () => navigator.onLine,
      appVersion: useSession.getState().appInfo?.version,
      // Photos through the relay's photo channels; copies made by the same workers as at intake.
      photos: { transportFor: (server) => relayPhotoTransport(api, server), derive: deriveImages },
    },
  );
  useSync.setState({ engine, status: engine.current() });
  window.addEventListener('online', () => engine.cameOnline());
  window.addEventListener('offline', () => engine.wentOffline());
  engine.start();
  return engine;
}

// Laptops that sync photos: a real server with a photo folder (test/unit/listening-city.ts) and
// laptops on fake-indexeddb whose every request goes through the host relay's real handlers
// (electron/host/sync/sync-handlers.ts) behind the contract's checks — the app's own path, minus IPC.
import 'fake-indexeddb/auto';
import type { HostHandlers, RequestOf, ResponseOf } from '../../../shared/contract';
import { dispatch } from '../../../shared/contract/dispatch';
import type { SyncTransport } from '../../../shared/sync/client/answers';
import type { PhotoTransport } from '../../../shared/sync/client/photo-transport';
import { createDatabase, type DuchaDatabase } from '../../../renderer/db/database';
import { SyncEngine, type SyncStatus } from '../../../renderer/sync/sync-engine';
import { createSyncHandlers, type SyncHandlers } from '../../../electron/host/sync/sync-handlers';
import { NORTH, PASSWORD } from '../../../server/test/support/http-city';
import { type ListeningCity, startListeningCity } from '../listening-city';
import { nodeDerive } from './node-derive';

const handlers = createSyncHandlers() as unknown as HostHandlers;

async function relay<C extends keyof SyncHandlers>(
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await dispatch(handlers, channel, request, { dataDir: '/nonexistent' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

export const relayCall =
  (server: string): SyncTransport =>
  (request) =>
    relay('syncCall', { server, ...request });

export const relayPhotos = (server: string): PhotoTransport => ({
  call: relayCall(server),
  upload: (chunk) => relay('syncUpload', { server, ...chunk }),
  download: (request) => relay('syncDownload', { server, ...request }),
});

export interface PhotoLaptop {
  readonly db: DuchaDatabase;
  readonly engine: SyncEngine;
  readonly statuses: SyncStatus[];
}

let laptops = 0;

export class PhotoCity {
  private constructor(readonly listening: ListeningCity) {}

  static async start(): Promise<PhotoCity> {
    const listening = await startListeningCity();
    // The laptops' clocks are real: the server's must be too, or their operations are refused.
    listening.city.clock.ms = Date.now();
    return new PhotoCity(listening);
  }

  get server(): string {
    return this.listening.server;
  }

  /**
   * An enrolled laptop with `login` signed in; `photos` wraps its photo transport (faults), `derive`
   * makes its photos' smaller copies.
   */
  async laptop(
    login: string,
    photos: (real: PhotoTransport) => PhotoTransport = (real) => real,
    derive: typeof nodeDerive = nodeDerive,
  ): Promise<PhotoLaptop> {
    const { city } = this.listening;
    const db = createDatabase(`photo-laptop-${String(++laptops)}-${login}`);
    await db.open();
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine(db, relayCall, (status) => statuses.push(status), {
      photos: { transportFor: (server) => photos(relayPhotos(server)), derive },
    });
    await city.addPerson('inspector', NORTH, login);
    await engine.enroll(this.server, await city.code(NORTH));
    await engine.signIn(login, PASSWORD);
    return { db, engine, statuses };
  }

  close(): Promise<void> {
    return this.listening.close();
  }
}

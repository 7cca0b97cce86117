// A real Ducha server (in this process, listening on loopback, on a fresh SQLite file) and laptops on
// fake-indexeddb databases with their own device keys, syncing through the real engine with plain
// fetch as the transport — the relay's place in the app. For the Node tests of laptop sync.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncAnswer, SyncTransport } from '../../../shared/sync/client/answers';
import { createDatabase, type DuchaDatabase } from '../../../renderer/db/database';
import { SyncEngine, type SyncStatus } from '../../../renderer/sync/sync-engine';
import { openStore } from '../../../server/src/store/open-store';
import { type City, NORTH, PASSWORD, startCity } from '../../../server/test/support/http-city';

/** Plain fetch to the server, answering in the relay's shapes. */
export function fetchTransport(serverUrl: string): SyncTransport {
  return async (request): Promise<SyncAnswer> => {
    try {
      const response = await fetch(`${serverUrl}${request.path}`, {
        method: request.method,
        headers: {
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(request.session ? { authorization: `Bearer ${request.session}` } : {}),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        return { kind: 'badReply', status: response.status, detail: 'not JSON' };
      }
      const retry = response.headers.get('retry-after');
      return {
        kind: 'reply',
        status: response.status,
        body,
        retryAfterSeconds: retry ? Number(retry) : null,
      };
    } catch (error) {
      return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
    }
  };
}

export interface Laptop {
  readonly db: DuchaDatabase;
  readonly engine: SyncEngine;
  readonly statuses: SyncStatus[];
}

let laptops = 0;

export class LaptopCity {
  private constructor(
    readonly city: City,
    readonly url: string,
    private readonly home: string,
  ) {}

  static async start(): Promise<LaptopCity> {
    const home = mkdtempSync(join(tmpdir(), 'ducha-laptop-sync-'));
    const store = openStore(undefined, home);
    await store.migrate();
    const city = await startCity(store);
    // The laptops' clocks are real: the server's must be too, or their operations are a day ahead.
    city.clock.ms = Date.now();
    const address = await city.app.listen({ port: 0, host: '127.0.0.1' });
    return new LaptopCity(city, address, home);
  }

  /** A laptop with its own database and device key, enrolled into `teamId`, `login` signed in. */
  async laptop(
    login: string,
    teamId: string | null = NORTH,
    transportFor: (url: string) => SyncTransport = fetchTransport,
    role: 'inspector' | 'office' | 'leader' = 'inspector',
  ): Promise<Laptop> {
    const db = createDatabase(`laptop-${String(++laptops)}-${login}`);
    await db.open();
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine(db, transportFor, (status) => statuses.push(status));
    await this.city.addPerson(role, role === 'inspector' ? teamId : null, login);
    await engine.enroll(this.url, await this.city.code(teamId));
    await engine.signIn(login, PASSWORD);
    return { db, engine, statuses };
  }

  async close(): Promise<void> {
    await this.city.close();
    rmSync(this.home, { recursive: true, force: true });
  }
}

// A real Ducha server for the relay's tests: the app of server/src/app.ts on a fresh SQLite store and a
// photo folder, listening on a loopback port, with the city of server/test/support/http-city.ts (teams,
// people, enrolled and signed-in laptops). It notes every request that reaches its HTTP server, so a
// test can show that a refused route was never sent.
import type { AddressInfo } from 'node:net';
import { FsBlobStore } from '../../server/src/blobs/fs-blob-store';
import { sqliteBackend } from '../../server/test/support/backends';
import { startCity, type City } from '../../server/test/support/http-city';

export interface ListeningCity {
  readonly city: City;
  /** The address a laptop would be given: http://127.0.0.1:<port>. */
  readonly server: string;
  /** "METHOD /path?query" of every request the server received, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startListeningCity(): Promise<ListeningCity> {
  const backend = sqliteBackend();
  await backend.setUp();
  const fresh = await backend.fresh();
  const city = await startCity(fresh.store, { blobs: await FsBlobStore.open(fresh.home) });
  const seen: string[] = [];
  // The Node server under Fastify: it sees every request, before any route or hook.
  city.app.server.on('request', (request: { method?: string; url?: string }) => {
    seen.push(`${request.method ?? '?'} ${request.url ?? '?'}`);
  });
  await city.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = city.app.server.address() as AddressInfo;
  return {
    city,
    server: `http://127.0.0.1:${String(port)}`,
    seen,
    close: async () => {
      await city.close();
      await backend.tearDown();
    },
  };
}

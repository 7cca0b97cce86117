// The peer to beat: PouchDB 9 on the laptop (memory adapter) replicating into express-pouchdb 4 over
// loopback — push the laptop's documents in batches, then a fresh device's initial pull. Each run gets
// a fresh server process with an empty database, like Ducha's side.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './child.mjs';
import { cpuMeter } from './cpu.mjs';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));
const LaptopPouch = PouchDB.defaults({ adapter: 'memory' });

let databases = 0;

/**
 * One run: the documents written into a laptop's memory database (not timed), replicated to a fresh
 * server in batches of `batchSize` (timed), then replicated from it into a second, empty laptop
 * database (timed). Resolves with both times in ms and their CPU; throws unless every document arrived both ways.
 */
export async function pouchRun(documents, { batchSize, serverAdapter }) {
  const folder = mkdtempSync(join(tmpdir(), 'ducha-bench-pouchdb-'));
  const server = await startChild(join(import.meta.dirname, 'pouchdb-server.mjs'), {
    label: 'the PouchDB peer',
    args: [serverAdapter, folder],
    ready: /PouchDB peer listening on (\d+)/,
  });
  const name = `bench-${process.pid}-${++databases}`;
  const laptop = new LaptopPouch(`laptop-${name}`);
  const fresh = new LaptopPouch(`fresh-${name}`);
  const remote = new PouchDB(`http://127.0.0.1:${server.match[1]}/${name}`);
  try {
    for (let from = 0; from < documents.length; from += 5000) {
      await laptop.bulkDocs(documents.slice(from, from + 5000));
    }
    await remote.info(); // creates the server's database before the clock starts

    let cpu = cpuMeter({ serverPid: server.pid });
    const pushStarted = performance.now();
    const pushed = await PouchDB.replicate(laptop, remote, { batch_size: batchSize });
    const pushMs = performance.now() - pushStarted;
    const pushCpu = cpu();

    cpu = cpuMeter({ serverPid: server.pid });
    const pullStarted = performance.now();
    const pulled = await PouchDB.replicate(remote, fresh, { batch_size: batchSize });
    const pullMs = performance.now() - pullStarted;
    const pullCpu = cpu();

    const [onServer, onFresh] = await Promise.all([remote.info(), fresh.info()]);
    if (
      !pushed.ok ||
      !pulled.ok ||
      onServer.doc_count !== documents.length ||
      onFresh.doc_count !== documents.length
    ) {
      throw new Error(
        `PouchDB lost documents: ${documents.length} made, ${onServer.doc_count} on the server, ${onFresh.doc_count} pulled`,
      );
    }
    return { pushMs, pullMs, pushCpu, pullCpu };
  } finally {
    await Promise.allSettled([laptop.destroy(), fresh.destroy()]);
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

// Benchmark: the central server (issue 17), each figure a ratio against a baseline measured in the
// same run, on the same machine. The parts live in bench/sync-server/; this file reads the settings,
// bundles the server and the reference laptop from the tree, runs the parts and prints the verdicts.
//
//   1. against a peer: 20,000 records pushed in batches of 500, then a fresh device's initial pull —
//      PouchDB 9 into express-pouchdb 4 vs Ducha's server (SQLite; PostgreSQL too with DUCHA_TEST_PG);
//      target: Ducha ≥ 3× PouchDB's records per second, push and initial pull, each database.
//   2. against the database: 100,000 operations pushed over HTTP vs the same rows inserted directly in
//      one transaction; target ≥ 0.5, each database.
//   3. many laptops: 50 laptops pushing and pulling at once; operations/s, p50/p99 latency (no target).
//   4. photos: 1 GB through the chunk protocol vs PUT to a bare Node http server with fsync; target ≥ 0.7.
//
// Run: node bench/run.mjs sync-server   (or: node bench/sync-server.bench.mjs). No build needed: the
// server is bundled from server/src at the start. Settings (environment variables):
//   BENCH_RUNS=n               timed runs of parts 1, 2 and 4 (default 5; medians are reported)
//   BENCH_PARTS=peer,database,laptops,photos   which parts (default all)
//   BENCH_RECORDS=n            part 1's records (default 20000)
//   BENCH_PUSH_BATCH=n         part 1's batch: PouchDB documents per batch (default 500)
//   BENCH_DUCHA_BATCH=n        part 1's Ducha operations per push (default BENCH_PUSH_BATCH; the protocol
//                              takes at most 1000, i.e. 250 of these records, so 500 records' worth is no
//                              one request)
//   BENCH_POUCH_SERVER=leveldb|memory   where express-pouchdb keeps its databases (default leveldb)
//   BENCH_DB_OPERATIONS=n      part 2's operations (default 100000)
//   BENCH_DB_BATCH=n           part 2's push size (default the protocol's largest, 1000)
//   BENCH_PUSHES_IN_FLIGHT=n   parts 1 and 2: pushes the laptop has in flight at once (default 2)
//   BENCH_LAPTOPS=n, BENCH_LAPTOP_ROUNDS=n, BENCH_LAPTOP_OPERATIONS=n   part 3 (default 50, 20, 100)
//   DUCHA_BENCH_PHOTO_MB=n     part 4's megabytes of photos (10^6 bytes; default 1000)
//   DUCHA_TEST_PG=postgres://… also run on PostgreSQL (`.ci/postgres.sh` starts it and prints the URL);
//                              the bench makes a database of its own and drops it at the end
//   BENCH_VERBOSE=1            say on stderr how far it got
import { loadAverage, machineLine } from './support.mjs';
import { againstDatabase } from './sync-server/against-database.mjs';
import { againstPeer } from './sync-server/against-peer.mjs';
import { buildKit } from './sync-server/kit.mjs';
import { manyLaptops } from './sync-server/many-laptops.mjs';
import { photoUploads } from './sync-server/photos.mjs';
import { BenchPostgres } from './sync-server/postgres.mjs';
import { verdicts } from './sync-server/report.mjs';

const env = process.env;
const number = (name, fallback) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not ${env[name]}`);
  return value;
};
const PARTS = ['peer', 'database', 'laptops', 'photos'];

const settings = {
  runs: number('BENCH_RUNS', 5),
  parts: (env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((p) => p.trim()),
  records: number('BENCH_RECORDS', 20_000),
  pushBatch: number('BENCH_PUSH_BATCH', 500),
  duchaBatch: number('BENCH_DUCHA_BATCH', Number(env.BENCH_PUSH_BATCH ?? 500)),
  pouchServer: env.BENCH_POUCH_SERVER === 'memory' ? 'memory' : 'leveldb',
  databaseOperations: number('BENCH_DB_OPERATIONS', 100_000),
  databaseBatch: env.BENCH_DB_BATCH ? number('BENCH_DB_BATCH') : undefined,
  pushesInFlight: number('BENCH_PUSHES_IN_FLIGHT', 2),
  laptops: number('BENCH_LAPTOPS', 50),
  laptopRounds: number('BENCH_LAPTOP_ROUNDS', 20),
  laptopOperations: number('BENCH_LAPTOP_OPERATIONS', 100),
  photoMegabytes: number('DUCHA_BENCH_PHOTO_MB', 1000),
};
const unknown = settings.parts.filter((p) => !PARTS.includes(p));
if (unknown.length > 0)
  throw new Error(`BENCH_PARTS: unknown ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);

const started = Date.now();
const say = (text) => {
  if (env.BENCH_VERBOSE === '1')
    console.error(`[sync-server ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}`);
};

const loadBefore = loadAverage();
const postgres = env.DUCHA_TEST_PG ? new BenchPostgres(env.DUCHA_TEST_PG) : null;
let kit = null;
try {
  say('bundling the server and the reference laptop');
  kit = await buildKit();
  const backends = [{ name: 'SQLite' }];
  if (postgres) {
    await postgres.create();
    backends.push({ name: 'PostgreSQL', postgres });
  }
  console.log('sync-server bench: the central server (issue 17), ratios against baselines of the same run');
  console.log(
    `databases: SQLite (WAL, synchronous=FULL, in a temporary folder)` +
      (postgres
        ? `, PostgreSQL at ${postgres.where} (a fresh database, a fresh schema per server)`
        : ' — PostgreSQL skipped: DUCHA_TEST_PG is unset (.ci/postgres.sh prints it)'),
  );
  console.log(`parts: ${settings.parts.join(', ')}; runs: ${settings.runs}`);

  const context = { kit, backends, settings, say };
  if (settings.parts.includes('peer')) await againstPeer(context);
  if (settings.parts.includes('database')) await againstDatabase(context);
  if (settings.parts.includes('laptops')) await manyLaptops(context);
  if (settings.parts.includes('photos')) await photoUploads(context);

  console.log('');
  console.log(machineLine(loadBefore));
  const missed = verdicts.filter((v) => !v.met);
  console.log(
    `summary: ${verdicts.length - missed.length} of ${verdicts.length} targets met` +
      (missed.length
        ? ` — MISSED: ${missed.map((v) => v.label).join('; ')} (a measurement, not a test: exit code 0)`
        : ''),
  );
} catch (error) {
  console.error(`sync-server bench could not run: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  kit?.remove();
  await postgres
    ?.drop()
    .catch((error) => console.error(`could not drop the bench's PostgreSQL database: ${error}`));
}

// Part 1b ("pouch"): the first sync against PouchDB. The same city as part 1 — the rows the reference
// laptop that filled Ducha's server holds after its merge, one document per record (`<table>:<id>`,
// the record's fields, no clocks) — put into express-pouchdb (a child process, LevelDB;
// bench/laptop-sync/pouch-server.mjs) from Node, untimed. Each timed run: a fresh Chromium profile with
// the bench's flags opens a blank page of that server's origin, loads PouchDB 9's browser build from
// npm, and replicates the server's database into a new browser PouchDB on IndexedDB (adapter `idb`,
// PouchDB's default in a browser; `BENCH_POUCH_ADAPTER=indexeddb` for the newer one), batch_size 500
// as in bench/sync-server; timed in the page until replicate() resolves, then every document is
// counted there. Ours is part 1's time (sign-in → round done → the ledger counts every project); the
// speed-up is PouchDB's median / ours', target ≥ 3.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, median } from '../support.mjs';
import { startChild } from '../sync-server/child.mjs';
import { count, megabytes, timeOf, verdict } from '../sync-server/report.mjs';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');

export const POUCH_TARGET = 3;
const DATABASE = 'city';
const BATCH_SIZE = 500;
const FILL_BATCH = 2000;

/**
 * One PouchDB document per merged row of the city (`rows`: rowKey → row, keys `<table>\u0000<id>`):
 * `_id` `<table>:<id>` and the record's own fields, without the clocks and tombstones of Ducha's rows.
 */
export function cityDocuments(rows) {
  const documents = [];
  for (const [key, row] of rows) {
    const document = { _id: key.replace('\u0000', ':') };
    for (const [field, value] of Object.entries(row))
      if (field !== 'id' && !field.startsWith('_')) document[field] = value;
    documents.push(document);
  }
  return documents;
}

/** In the page: the replication, timed in the page. Self-contained (handed to page.evaluate). */
async function replicateInPage({ database, adapter, batchSize }) {
  const local = new window.PouchDB(`laptop-${database}`, { adapter });
  const started = performance.now();
  const result = await window.PouchDB.replicate(`${location.origin}/${database}`, local, {
    batch_size: batchSize,
  });
  const ms = performance.now() - started;
  const info = await local.info();
  return { ms, ok: result.ok, written: result.docs_written, docCount: info.doc_count, adapter: info.adapter };
}

/**
 * PouchDB's first sync of `documents`: a fresh server filled from Node, then `runs` fresh browser
 * profiles each replicating it. Resolves with the runs ({ ms }).
 */
async function pouchRuns(documents, { runs, adapter, say }) {
  const folder = mkdtempSync(join(tmpdir(), 'ducha-bench-pouch-city-'));
  const server = await startChild(join(import.meta.dirname, 'pouch-server.mjs'), {
    label: 'the PouchDB city',
    args: [folder],
    ready: /PouchDB city listening on (\d+)/,
  });
  const origin = `http://127.0.0.1:${server.match[1]}`;
  try {
    const remote = new PouchDB(`${origin}/${DATABASE}`);
    say(`pouch: putting ${documents.length} documents into express-pouchdb`);
    for (let from = 0; from < documents.length; from += FILL_BATCH) {
      const replies = await remote.bulkDocs(documents.slice(from, from + FILL_BATCH));
      const refused = replies.find((reply) => reply.error);
      if (refused) throw new Error(`express-pouchdb refused ${refused.id}: ${refused.reason}`);
    }
    const results = [];
    for (let run = 0; run < runs; run++) {
      say(`pouch: run ${run + 1}`);
      const profile = mkdtempSync(join(tmpdir(), 'ducha-bench-pouch-profile-'));
      const context = await launchChromium(profile);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${origin}/bench-pouch/laptop.html`);
        await page.waitForFunction(() => typeof window.PouchDB === 'function');
        const result = await page.evaluate(replicateInPage, {
          database: DATABASE,
          adapter,
          batchSize: BATCH_SIZE,
        });
        // An adapter the build does not have would fall back silently: say so instead.
        if (result.adapter !== adapter)
          throw new Error(`the browser PouchDB used adapter ${result.adapter}, not ${adapter}`);
        if (!result.ok || result.docCount !== documents.length)
          throw new Error(
            `PouchDB replicated ${result.docCount} of ${documents.length} documents (ok: ${result.ok})`,
          );
        results.push(result);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    return results;
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs PouchDB's side on the city part 1 built (`filler`: the reference laptop that filled it) and
 * prints the comparison with ours' times from part 1 (`oursMs`, empty when part 1 could not finish).
 */
export async function pouchFirstSync({ filler, oursMs, settings, say }) {
  const documents = cityDocuments(filler.rows);
  const bytes = documents.reduce((sum, d) => sum + JSON.stringify(d).length, 0);
  const adapter = settings.pouchAdapter;
  console.log('');
  console.log(
    `1b. a new laptop's first sync vs PouchDB: the same city as ${count(documents.length)} documents ` +
      `(${megabytes(bytes)} as JSON) replicated from express-pouchdb into a browser PouchDB (${adapter})`,
  );
  const runs = await pouchRuns(documents, { runs: settings.runs, adapter, say }).catch((error) => {
    console.log(`   PouchDB could not finish: ${String(error?.message ?? error).slice(0, 400)}`);
    return [];
  });
  const pouchMs = runs.map((r) => r.ms);
  if (pouchMs.length > 0) console.log(`   PouchDB: ${timeOf(pouchMs)}; runs: ${pouchMs.length}`);
  if (oursMs.length > 0) console.log(`   ours (part 1): ${timeOf(oursMs)}`);
  else console.log('   ours: part 1 could not finish');
  const speedUp = pouchMs.length > 0 && oursMs.length > 0 ? median(pouchMs) / median(oursMs) : Number.NaN;
  console.log(`   → PouchDB / ours (speed-up): ${verdict('first sync vs PouchDB', speedUp, POUCH_TARGET)}`);
  return { pouchMs, speedUp };
}

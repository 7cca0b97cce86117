// Benchmark: sync on the laptops (issue 18), each figure against a baseline of the same run, on the
// same machine. The parts live in bench/laptop-sync/; this file reads the settings, bundles the server
// and the reference laptop from the tree (bench/sync-server/kit.mjs), runs the parts, prints verdicts.
//
//   1. first sync: a server whose team log holds a large sample city; a fresh browser laptop signs in
//      and syncs until its ledger counts every project, vs the same snapshot fetched raw by the page and
//      written with plain IndexedDB; target baseline / ours ≥ 0.6.
//   2. change to screen: two browser laptops online, automatic sync on; a team name saved on A until B
//      holds it; p50 and p95 of BENCH_EDITS edits, target p50 ≤ 2 s.
//   3. photos down: a server holding BENCH_PHOTO_MB of JPEGs of the team (records and originals, put
//      there by a reference laptop); a fresh browser laptop signs in until its photo store holds every
//      original, vs the same bytes fetched through the host relay by the page and stored as Blobs in
//      one IndexedDB transaction; target baseline / ours ≥ 0.6.
//   1b. first sync vs PouchDB (part pouch): part 1's city, one document per record, replicated from
//      express-pouchdb into a browser PouchDB on IndexedDB in the same Chromium, vs ours' time of
//      part 1; target ≥ 3× faster.
//
// Run: npm run build && node bench/run.mjs laptop-sync. Settings (environment variables):
//   BENCH_RUNS=n                 timed runs of each side of parts 1, 3 and 4 (default 3; medians)
//   BENCH_PARTS=first,screen,photos,pouch   which parts (default all; pouch runs first too)
//   BENCH_PROJECTS, BENCH_VISITS, BENCH_ISSUES   the city of part 1 (default 200 / 5,000 / 20,000; the
//                                issue's full size is 2,000 / 50,000 / 200,000)
//   BENCH_EDITS=n                part 2's edits (default 20)
//   BENCH_PHOTO_MB=n             part 3's megabytes (10⁶ B) of photos (default 100; the issue's 1000)
//   BENCH_PHOTO_KIND=noise       part 3 with random bytes instead of JPEGs (a diagnostic: no copies made)
//   BENCH_POUCH_ADAPTER          part 4's browser PouchDB adapter: idb (default) or indexeddb
//   DUCHA_DIST                   another build of the app (see bench/README.md)
//   BENCH_VERBOSE=1              say on stderr how far it got
import { chromium } from '@playwright/test';
import { CHROMIUM, checkBuilt, hostLine, loadAverage, machineLine } from './support.mjs';
import { buildKit } from './sync-server/kit.mjs';
import { count, verdicts } from './sync-server/report.mjs';
import { largeCity } from './laptop-sync/city.mjs';
import { changeToScreen } from './laptop-sync/change-to-screen.mjs';
import { firstSync } from './laptop-sync/first-sync.mjs';
import { photosDown } from './laptop-sync/photos-down.mjs';
import { pouchFirstSync } from './laptop-sync/pouch.mjs';

const env = process.env;
const number = (name, fallback) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not ${env[name]}`);
  return value;
};
const PARTS = ['first', 'screen', 'photos', 'pouch'];
const settings = {
  runs: number('BENCH_RUNS', 3),
  parts: (env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((p) => p.trim()),
  scale: {
    projects: number('BENCH_PROJECTS', 200),
    visits: number('BENCH_VISITS', 5000),
    issues: number('BENCH_ISSUES', 20_000),
    photos: 0,
  },
  edits: number('BENCH_EDITS', 20),
  photoMegabytes: number('BENCH_PHOTO_MB', 100),
  pouchAdapter: env.BENCH_POUCH_ADAPTER ?? 'idb',
  photoKind: env.BENCH_PHOTO_KIND ?? 'jpeg',
};
const unknown = settings.parts.filter((p) => !PARTS.includes(p));
if (unknown.length > 0)
  throw new Error(`BENCH_PARTS: unknown ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
// PouchDB's side is compared with ours' first sync of the same city: part 4 needs part 1.
if (settings.parts.includes('pouch') && !settings.parts.includes('first')) settings.parts.unshift('first');
if (!['jpeg', 'noise'].includes(settings.photoKind))
  throw new Error(`BENCH_PHOTO_KIND must be jpeg or noise, not ${settings.photoKind}`);
if (!['idb', 'indexeddb'].includes(settings.pouchAdapter))
  throw new Error(`BENCH_POUCH_ADAPTER must be idb or indexeddb, not ${settings.pouchAdapter}`);

const started = Date.now();
const say = (text) => {
  if (env.BENCH_VERBOSE === '1')
    console.error(`[laptop-sync ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}`);
};

if (checkBuilt('laptop-sync')) {
  const loadBefore = loadAverage();
  let kit = null;
  let city = null;
  try {
    say('bundling the server and the reference laptop');
    kit = await buildKit();
    console.log(
      'laptop-sync bench: sync on the laptops (issue 18), ratios against baselines of the same run',
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    console.log(hostLine(browser.version()));
    await browser.close();
    console.log(`server: Ducha's, bundled from the tree, SQLite; parts: ${settings.parts.join(', ')}`);
    if (settings.parts.includes('first')) {
      const filled = await largeCity(kit, settings.scale, say);
      city = filled.city;
      const tables = Object.entries(filled.rows)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${count(n)} ${table}`)
        .join(', ');
      console.log(
        `city: ${tables} — ${count(filled.operations)} operations, ${(filled.bytes / 1e6).toFixed(0)} MB as JSON; ` +
          `runs: ${settings.runs}`,
      );
      const first = await firstSync({ ...filled, settings, say });
      if (settings.parts.includes('pouch')) {
        // Ours' runs that finished (a failed one carries no time).
        const oursMs = (first?.ours ?? []).map((r) => r.ms).filter(Number.isFinite);
        await pouchFirstSync({ filler: filled.filler, oursMs, settings, say });
      }
      await city.remove();
      city = null;
    }
    if (settings.parts.includes('screen')) await changeToScreen({ kit, settings, say });
    if (settings.parts.includes('photos')) await photosDown({ kit, settings, say });
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
    console.error(`laptop-sync bench could not run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  } finally {
    await city?.remove();
    kit?.remove();
  }
}

// Benchmark: the hand-over by USB (issue 6) — exporting 1 GB of photo originals with their records to a
// folder, and importing that folder into a second, empty laptop.
//
// Targets (ratio = baseline / ours, so 1.0 means "as fast as the bare copy or the bare writes"):
//   export ≥ 0.7: ours is the Exchange page's Export with the reports and ledgers checkbox OFF (the data
//     hand-over alone), from the click on "Export" until the outcome says "Export complete" — which
//     includes planning the export from the database, every file sent to the host and fsynced there,
//     the signed manifest, the folders' fsyncs, the rename into place and the host reading every file
//     back and checking its SHA-256. Baseline: `cp -r` of the same folder (the same bytes, from an
//     earlier export) into a fresh folder on the same file system, then `sync`.
//   import ≥ 0.6: ours is that export folder imported into a second, empty laptop (its own browser-host
//     data folder and Chromium profile), from the click on "Apply import" until the outcome says
//     "Import complete" (Verify, which comes before, is timed and printed apart). Baseline: the same
//     records and photo originals written with plain IndexedDB, in one transaction, into the 'ducha'
//     database the app created in a page of the same kind (a fresh profile after "Start empty"); its
//     bytes are already in the page's memory when its clock starts (only the Blobs are made inside it).
//
// Data: the sample campaign generator (projects, visits, checklist results, issues with their histories,
// photos, annotations…) with its photos' originals replaced by real JPEGs of 1–4 MB each (the sample's
// JPEG with random bytes in APP15 segments: valid images, incompressible, each one distinct), ~1 GB in
// all, stored under their real SHA-256; every reference to a photo's hash (checklist answers, issue
// evidence, annotations) follows, and the issue histories are sealed again. Rows are stored as the app
// stores them: every field with its clock (`_clocks`, one clock of this laptop's node, as after one
// write), derived fields; no outbox. The laptop's clock is moved past that clock.
//
// All of ours is timed inside the page with performance.now() (click → outcome in the DOM); the page
// also records, without touching the app, every host call (Resource Timing of /api/…), every
// Blob.arrayBuffer(), every crypto.subtle.digest() and the read-write IndexedDB transactions, which the
// bench prints as "where the time went". A supplementary "host alone" line replays the host's share of
// both sides from Node (the same files, the same channels, pieces and parallelism), so the page's share
// is the difference.
//
// Run: npm run build && node bench/run.mjs exchange   (or: node bench/exchange.bench.mjs)
// Settings:
//   BENCH_RUNS=n      timed runs of each side (default 3)
//   BENCH_PHOTOS=n    photos (default 400)
//   BENCH_MB=n        total bytes of the originals in MB of 10^6 bytes (default 1000)
//   BENCH_HOST_ALONE=0  skip the supplementary host-alone replay
//   BENCH_FETCH_COST=0  skip the supplementary fetch-cost probe (it needs a host with grants)
//   BENCH_PROFILE=/tmp/x  after the timed runs, one more export and one more import with a CPU profile
//                       of the page's main thread (/tmp/x-export.cpuprofile, -verify, -apply; open in
//                       Chrome DevTools), taken through a DevTools pipe with only the Profiler domain,
//                       and the functions with the most self time printed
//   BENCH_VERBOSE=1     say on stderr how far it got
//   DUCHA_DIST, DUCHA_CHROMIUM as for every benchmark
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  bundle,
  CHROMIUM,
  CAMPAIGN_SEED,
  CAMPAIGN_TODAY,
  checkBuilt,
  checkSchema,
  hostLine,
  launchChromium,
  loadAverage,
  machineLine,
  median,
  ms,
  range,
  sleep,
  startBrowserHost,
  startEmpty,
  VIEWPORT,
} from './support.mjs';
import { chromiumOf, cpuBetween, cpuSeconds, hostOf } from './cpu-time.mjs';
import {
  armFetchCostInPage,
  armInPage,
  armRawInPage,
  buildDataInPage,
  clockInPage,
  collectInPage,
  contentsInPage,
  probe,
  rawWriteInPage,
  seedInPage,
} from './exchange/in-page.mjs';
import { exportBreakdown, verifyBreakdown, applyBreakdown, medianOf } from './exchange/breakdown.mjs';
import {
  IMPORT_READ_BYTES,
  IMPORT_LANES,
  EXPORT_LANES,
  EXPORT_PIECE,
  hostAloneExport,
  hostAloneImport,
  hostCall,
} from './exchange/host-alone.mjs';
import { bytePathInPage, startBytePathServer } from './exchange/byte-path.mjs';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? '3');
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? '400');
const TOTAL_BYTES = Math.round(Number(process.env.BENCH_MB ?? '1000') * 1e6);
const HOST_ALONE = process.env.BENCH_HOST_ALONE !== '0';
const FETCH_COST = process.env.BENCH_FETCH_COST !== '0';
const PROFILE = process.env.BENCH_PROFILE ?? '';
const EXPORT_TARGET = 0.7;
/** Issue 21: the real export against the byte path alone (byte-path.mjs). */
const BYTE_PATH_TARGET = 0.7;
const IMPORT_TARGET = 0.6;
/** For a timed step; every other step of the UI gets STEP_TIMEOUT. */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;
const STEP_TIMEOUT = 60_000;
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const say = (text) => VERBOSE && console.error(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
/** Between timed steps (after an untimed `sync`), so one step's write-back does not land in the next. */
const SETTLE_MS = 2000;
const CAMPAIGN = {
  seed: CAMPAIGN_SEED,
  today: CAMPAIGN_TODAY,
  scale: { projects: 40, visits: 300, issues: 300, photos: PHOTOS },
  // Small scenes: the originals are padded to their real size afterwards.
  photoSize: { width: 320, height: 240 },
};
/** The size of the request bodies of the fetch-cost probe: an average photo. */
const FETCH_COST_BYTES = 2_500_000;

const PAGE_MODULES = `
export { generateCampaign } from './shared/sample/campaign';
export { withDerivedFields } from './renderer/db/derived-fields';
export { LATEST_VERSION } from './renderer/db/migrations';
export { sealChain } from './shared/history/chain';
export { SYNCED_TABLES } from './shared/sync/tables';
export { encodeHlc, decodeHlc } from './shared/sync/hlc';
`;

// ---------------------------------------------------------------------------------------------------
// In Node.

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const rate = (bytes, millis) => `${(bytes / 1e6 / (millis / 1000)).toFixed(0)} MB/s`;
const sec = (millis) => `${(millis / 1000).toFixed(2)} s`;
const sum = (list, f) => list.reduce((n, x) => n + f(x), 0);

/** Flushes what is dirty (untimed) and waits, so that a timed step starts on a quiet disk. */
async function quiet() {
  spawnSync('sync');
  await sleep(SETTLE_MS);
}

/** Every file under a folder: count and bytes. */
function treeSize(folder) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

async function chooseFolder(page, path) {
  await page.getByRole('button', { name: 'Choose folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose folder' });
  const input = dialog.getByLabel('Folder path');
  // The home folder's listing arrives first; typing before it would be overwritten.
  await page.waitForFunction(
    () => document.querySelector('.ant-modal input[aria-label="Folder path"]')?.value !== '',
  );
  // Typed and taken without Open: the dialog opens the typed folder itself before it takes it.
  await input.fill(path);
  await dialog.getByRole('button', { name: 'Use this folder' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const place = (await page.getByTestId(/-place$/).innerText()).trim();
  if (!place.endsWith(path)) throw new Error(`chose ${place}, not ${path}`);
}

async function openExchange(page, hostUrl, tab = 'export') {
  await page.goto(`${hostUrl}&lang=en#/exchange?tab=${tab}`);
  await page.getByRole('heading', { name: 'Exchange', exact: true }).waitFor();
  await page
    .getByRole('tab', { name: tab === 'export' ? 'Export' : 'Import', exact: true, selected: true })
    .waitFor();
}

/**
 * A minimal DevTools client over Chromium's --remote-debugging-pipe (fd 3 in, fd 4 out, messages
 * ended by NUL), for the CPU profile: it attaches to the page with the Profiler domain only.
 */
function cdpPipe(input, output) {
  let id = 0;
  let buffer = '';
  const waiting = new Map();
  output.setEncoding('utf8');
  output.on('data', (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const waiter = message.id === undefined ? undefined : waiting.get(message.id);
      if (!waiter) continue;
      waiting.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    }
  });
  return {
    send: (method, params = {}, sessionId = undefined) =>
      new Promise((resolve, reject) => {
        id += 1;
        waiting.set(id, { resolve, reject, method });
        input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      }),
  };
}

let launchArgs = null;
/**
 * The command line with which Playwright starts Chromium for every other benchmark (launchChromium:
 * its own switches and the end-to-end specs' flags, headless), read from a throwaway launch, without
 * the profile and the DevTools pipe: the bench starts Chromium itself with the same switches.
 */
async function playwrightArgs() {
  if (launchArgs) return launchArgs;
  const dir = mkdtempSync(join(os.tmpdir(), 'ducha-bench-exchange-args-'));
  const profile = join(dir, 'profile');
  const context = await launchChromium(profile);
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let args;
      try {
        args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      } catch {
        continue; // gone meanwhile
      }
      if (!args.includes(`--user-data-dir=${profile}`) || args.some((a) => a.startsWith('--type='))) continue;
      launchArgs = args
        .slice(1)
        .filter(
          (a) =>
            a.startsWith('--') && !/^--(user-data-dir|remote-debugging-pipe|load-extension)(=|$)/.test(a),
        );
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!launchArgs?.includes('--headless'))
    throw new Error(`could not read Playwright's Chromium command line (${launchArgs})`);
  return launchArgs;
}

/**
 * A laptop: its own browser-host data folder and Chromium profile, the app started ("Start empty").
 * Chromium is started by the bench (Playwright's own command line, see playwrightArgs) with a DevTools port that
 * Playwright connects to for the untimed steps, and disconnects from for the timed ones: Playwright
 * enables DevTools' Network domain on every page it drives, and with it each fetch() with a large
 * request body costs the page several times what it costs without (the body is kept for DevTools).
 */
async function openLaptop(root, name) {
  const home = join(root, name);
  mkdirSync(home);
  const host = await startBrowserHost(home);
  host.token = new URL(host.url).searchParams.get('token');
  const profile = join(home, 'profile');
  const child = spawn(
    CHROMIUM,
    [
      ...(await playwrightArgs()),
      '--remote-debugging-port=0',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      '--lang=en-US',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const endpoint = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      if (output.length < 100_000) output += chunk.toString(); // keep draining it either way
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${output}`)));
  });
  const pipe = cdpPipe(child.stdio[3], child.stdio[4]);
  const devtools = `http://127.0.0.1:${new URL(endpoint).port}`;
  const laptop = {
    name,
    home,
    host,
    profile,
    pipe,
    /** Paths of CPU profiles to take of the next timed steps, in turn. */
    profiling: [],
    browser: null,
    page: null,
    version: 'unknown',
    async connect() {
      this.browser = await chromium.connectOverCDP(endpoint);
      this.version = this.browser.version();
      const context = this.browser.contexts()[0];
      await context.addInitScript(probe);
      this.page =
        context.pages().find((p) => p.url() !== 'about:blank') ??
        context.pages()[0] ??
        (await context.newPage());
      this.page.setDefaultTimeout(STEP_TIMEOUT);
      return this.page;
    },
    async disconnect() {
      await this.browser?.close(); // connected over CDP: disconnects, the pages stay
      this.browser = null;
      this.page = null;
    },
    /** Waits, attached to nothing, until the page's title says "xb:done". */
    async waitDone(timeout = TIMEOUT) {
      const until = Date.now() + timeout;
      while (Date.now() < until) {
        const targets = await (await fetch(`${devtools}/json/list`)).json();
        if (targets.some((t) => t.type === 'page' && t.title === 'xb:done')) return;
        await sleep(200);
      }
      throw new Error(`${name}: the timed step did not finish within ${timeout / 1000} s`);
    },
    /** The page's target, for the pipe. */
    async targetId() {
      const { targetInfos } = await pipe.send('Target.getTargets');
      const page = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(host.origin));
      if (!page) throw new Error(`${name}: no page of the app`);
      return page.targetId;
    },
    cpu: () => ({ browser: cpuSeconds(chromiumOf(profile)), host: cpuSeconds(hostOf(home)).total }),
    async close() {
      await this.disconnect().catch(() => undefined);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await host.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  const page = await laptop.connect();
  await startEmpty(page, host.url);
  return laptop;
}

/** Two readings of laptop.cpu() → Chromium's seconds in all and by kind, and the host's. */
function cpuSince(before, after) {
  const browser = cpuBetween(before.browser, after.browser);
  return { browser: browser.total, byKind: browser.byKind, host: after.host - before.host };
}

/** "Chromium 46.5 s (renderer 30.1 s, browser 9.0 s, …), browser host 11.8 s": medians of runs' CPU. */
function cpuText(cpus) {
  const kinds = [...new Set(cpus.flatMap((c) => Object.keys(c.byKind)))]
    .map((kind) => [kind, median(cpus.map((c) => c.byKind[kind] ?? 0))])
    .filter(([, seconds]) => seconds >= 0.1)
    .sort((x, y) => y[1] - x[1]);
  return (
    `Chromium ${median(cpus.map((c) => c.browser)).toFixed(1)} s (${kinds.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}), ` +
    `browser host ${median(cpus.map((c) => c.host)).toFixed(1)} s`
  );
}

/**
 * Runs an armed step with nothing attached to the page (optionally with the pipe's CPU profiler
 * only), then connects again; returns the CPU the browser and the host used meanwhile.
 */
async function detached(laptop, arm, args) {
  await laptop.page.evaluate(arm, { ...args, delay: 1000 });
  const path = laptop.profiling?.shift();
  const session = path ? await startProfile(laptop) : null;
  await laptop.disconnect();
  const before = laptop.cpu();
  try {
    await laptop.waitDone();
  } catch (error) {
    // Say what the page shows instead.
    await laptop.connect();
    const shown = await laptop.page.evaluate(() => ({
      run: window.__xb?.run,
      title: document.title,
      text: document.body.innerText.slice(0, 1500),
    }));
    throw new Error(`${error.message}; the page: ${JSON.stringify(shown)}`, { cause: error });
  }
  const cpu = cpuSince(before, laptop.cpu());
  const profiled = session ? await stopProfile(laptop, session, path) : null;
  await laptop.connect();
  return { cpu, profiled };
}

/** Ours: an export of everything, reports and ledgers OFF, to `stick`; the page's timings. */
async function exportOurs(laptop, stick) {
  const page = laptop.page;
  await openExchange(page, laptop.host.url);
  await chooseFolder(page, stick);
  const reports = page.getByRole('checkbox', { name: /reports/ });
  if (await reports.isChecked()) await reports.click();
  if (await reports.isChecked()) throw new Error('the reports checkbox stayed ticked');
  await quiet();
  const { cpu, profiled } = await detached(laptop, armInPage, {
    button: 'Export',
    outcomes: ['[data-testid="export-outcome"]'],
  });
  const run = await laptop.page.evaluate(collectInPage);
  if (!/Export complete/.test(run.text ?? '')) throw new Error(`export: ${run.text}`);
  const path = (await laptop.page.getByTestId('export-path').innerText()).trim();
  return { ...run, cpu, profiled, path };
}

/** The export's baseline: cp -r of the same folder into a fresh one on the same file system, then sync. */
async function exportBaseline(source, target) {
  await quiet();
  const started = performance.now();
  const cp = spawnSync('cp', ['-r', source, target]);
  if (cp.status !== 0) throw new Error(`cp: ${cp.stderr}`);
  const copied = performance.now();
  spawnSync('sync');
  const end = performance.now();
  return { ms: end - started, cpMs: copied - started, syncMs: end - copied };
}

/** Ours: Verify, then Apply import, in a laptop just started empty. */
async function importOurs(laptop, folder) {
  await openExchange(laptop.page, laptop.host.url, 'import');
  await chooseFolder(laptop.page, folder);
  await quiet();
  const verified = await detached(laptop, armInPage, {
    button: 'Verify',
    outcomes: ['[data-testid="import-preview"]', '[data-testid="import-problem"]'],
  });
  const verify = {
    ...(await laptop.page.evaluate(collectInPage)),
    cpu: verified.cpu,
    profiled: verified.profiled,
  };
  const page = laptop.page;
  const preview = page.getByTestId('import-preview');
  if (verify.which !== '[data-testid="import-preview"]') throw new Error(`verify: ${verify.text}`);
  if (!(await preview.innerText()).includes('The bundle is complete and its signature is valid'))
    throw new Error(`verify: ${await preview.innerText()}`);
  const newPhotos = Number(await page.getByTestId('import-newPhotos').innerText());
  await page.getByRole('checkbox', { name: 'I have compared it and trust this laptop' }).check();
  await quiet();
  const applied = await detached(laptop, armInPage, {
    button: 'Apply import',
    outcomes: ['[data-testid="import-outcome"]', '[data-testid="import-problem"]'],
  });
  const apply = {
    ...(await laptop.page.evaluate(collectInPage)),
    cpu: applied.cpu,
    profiled: applied.profiled,
  };
  if (!/Import complete/.test(apply.text ?? '')) throw new Error(`import: ${apply.text}`);
  return { verify, apply, newPhotos };
}

/** The import's baseline in a laptop just started empty: the same rows and blobs with plain IndexedDB. */
async function importBaseline(laptop, { pageScript, hlc, blobKeys, expect }) {
  const page = laptop.page;
  await page.goto(`${laptop.host.origin}/favicon.svg`);
  await page.evaluate(pageScript);
  const built = await page.evaluate(buildDataInPage, { campaign: CAMPAIGN, totalBytes: TOTAL_BYTES, hlc });
  if (built.fingerprint !== expect.fingerprint || built.blobBytes !== expect.blobBytes)
    throw new Error('the baseline built other records or bytes than laptop A holds');
  await page.evaluate(`window.__xbRaw = ${rawWriteInPage.toString()}`);
  await quiet();
  const { cpu } = await detached(laptop, armRawInPage, { args: { blobKeys } });
  const raw = await laptop.page.evaluate(() => window.__xb.raw);
  if (!raw || raw.error) throw new Error(`baseline: ${raw?.error}`);
  return { ms: raw.ms, cpu };
}

/** Starts the Profiler on the page through the pipe (only that domain: no Network, no Playwright). */
async function startProfile(laptop) {
  const { sessionId } = await laptop.pipe.send('Target.attachToTarget', {
    targetId: await laptop.targetId(),
    flatten: true,
  });
  await laptop.pipe.send('Profiler.enable', {}, sessionId);
  await laptop.pipe.send('Profiler.setSamplingInterval', { interval: 500 }, sessionId);
  await laptop.pipe.send('Profiler.start', {}, sessionId);
  return sessionId;
}

/** Stops it, writes the profile to `path`, and returns the functions with the most self time. */
async function stopProfile(laptop, sessionId, path) {
  const { profile } = await laptop.pipe.send('Profiler.stop', {}, sessionId);
  await laptop.pipe.send('Target.detachFromTarget', { sessionId });
  writeFileSync(path, JSON.stringify(profile));
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const file = f.url.split('/').at(-1) || '(native)';
    const key = f.url ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}` : f.functionName;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()]
    .filter(([key]) => key !== '(idle)' && key !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  return { path, total, idle: self.get('(idle)') ?? 0, top };
}

const printProfile = (what, p) => {
  console.log(
    `    CPU profile of the page's main thread during one more ${what} (${p.path}): ${sec(p.total)} sampled, ${sec(p.idle)} idle; ` +
      `most self time: ${p.top.map(([key, t]) => `${key} ${ms(t)}`).join('; ')}`,
  );
};

// ---------------------------------------------------------------------------------------------------

async function main() {
  if (!checkBuilt('exchange')) return;
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a whole number ≥ 1');
  if (!Number.isInteger(PHOTOS) || PHOTOS < 1) throw new Error('BENCH_PHOTOS must be a whole number ≥ 1');
  if (!(TOTAL_BYTES >= PHOTOS * 200_000)) throw new Error('BENCH_MB must allow at least 0.2 MB a photo');
  const loadBefore = loadAverage();
  const benchStart = performance.now();
  const pageScript = await bundle(PAGE_MODULES, '__duchaSample');
  const root = mkdtempSync(join(os.tmpdir(), 'ducha-bench-exchange-'));
  const stick = join(root, 'stick');
  mkdirSync(stick);
  const laptops = [];
  const fileSystem =
    spawnSync('findmnt', ['-n', '-o', 'FSTYPE', '-T', stick], { encoding: 'utf8' }).stdout?.trim() ||
    'unknown';
  try {
    // Laptop A: the app started empty, then the data written into its database.
    const a = await openLaptop(root, 'laptop-a');
    laptops.push(a);
    const neutral = `${a.host.origin}/favicon.svg`;
    await a.page.goto(neutral);
    await a.page.evaluate(pageScript);
    const clock = await a.page.evaluate(clockInPage);
    checkSchema(clock, 'exchange');
    const seedStart = performance.now();
    const data = await a.page.evaluate(buildDataInPage, {
      campaign: CAMPAIGN,
      totalBytes: TOTAL_BYTES,
      hlc: clock.hlc,
    });
    const seedWriteMs = await a.page.evaluate(seedInPage, { hlc: clock.hlc });
    const seedMs = performance.now() - seedStart;
    const seeded = await a.page.evaluate(contentsInPage, Object.keys(data.counts));
    say(`seeded ${data.blobs} originals, ${mb(data.blobBytes)}, in ${sec(seedMs)}`);

    // Exports. The first run's export (ours goes first in it) is the bundle imported below and the
    // folder the baseline copies; later runs' exports are removed after their run.
    const exports = { ours: [], baseline: [] };
    let bundleFolder = null;
    let bundleSize = null;
    for (let i = 0; i < RUNS; i++) {
      const copy = join(stick, `cp-${i}`);
      for (const side of i % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours']) {
        if (side === 'ours') exports.ours.push(await exportOurs(a, stick));
        else exports.baseline.push(await exportBaseline(bundleFolder, copy));
        say(
          `export run ${i + 1}, ${side}: ${sec((side === 'ours' ? exports.ours : exports.baseline).at(-1).ms)}`,
        );
        bundleFolder ??= exports.ours[0].path;
        bundleSize ??= treeSize(bundleFolder);
      }
      const size = treeSize(copy);
      if (size.files !== bundleSize.files || size.bytes !== bundleSize.bytes)
        throw new Error(
          `cp copied ${size.files} files, ${size.bytes} bytes, not ${bundleSize.files}, ${bundleSize.bytes}`,
        );
      rmSync(copy, { recursive: true, force: true });
      if (i > 0) rmSync(exports.ours.at(-1).path, { recursive: true, force: true });
    }
    // What the bundle carries: the photos' originals (and whatever other blobs the app sends along).
    const carriedFiles = JSON.parse(
      readFileSync(join(bundleFolder, 'bundle', 'manifest.json'), 'utf8'),
    ).files.filter((f) => f.role === 'blob');
    const carried = {
      keys: [...new Set(carriedFiles.map((f) => f.sha256))],
      files: carriedFiles.length,
      bytes: sum(carriedFiles, (f) => f.size),
    };

    let hostExport = null;
    if (HOST_ALONE) {
      await quiet();
      hostExport = await hostAloneExport(a.host, bundleFolder, stick);
      rmSync(hostExport.path, { recursive: true, force: true });
    }

    // What a fetch() with a request body costs the page: the export sends every piece as a Uint8Array.
    // Into a real export session (the host refuses a write to an unknown one before reading its body),
    // aborted after.
    let fetchCost = null;
    if (FETCH_COST) {
      await quiet();
      const costFolder = join(root, 'fetch-cost');
      mkdirSync(costFolder);
      const { grant: costGrant } = await hostCall(a.host, 'exchangeGrant', { path: costFolder });
      const costSession = await hostCall(a.host, 'exportBegin', {
        grant: costGrant,
        folderName: 'fetch-cost',
        totalBytes: FETCH_COST_BYTES * 40,
        largestFileBytes: FETCH_COST_BYTES,
      });
      await detached(a, armFetchCostInPage, {
        size: FETCH_COST_BYTES,
        count: 20,
        sessionId: costSession.sessionId,
      });
      fetchCost = await a.page.evaluate(() => window.__xb.fetchCost);
      await hostCall(a.host, 'exportAbort', { sessionId: costSession.sessionId });
      rmSync(costFolder, { recursive: true, force: true });
      if (!fetchCost || fetchCost.error) throw new Error(`fetch cost: ${fetchCost?.error}`);
    }

    let exportProfile = null;
    if (PROFILE) {
      a.profiling.push(`${PROFILE}-export.cpuprofile`);
      exportProfile = await exportOurs(a, stick);
      rmSync(exportProfile.path, { recursive: true, force: true });
    }

    // The byte path alone (issue 21): the same photos, page → host → disk, and nothing else. Last on
    // laptop A, which it leaves on a page without the app's CSP.
    const bytePath = [];
    const byteServer = await startBytePathServer();
    try {
      const cdp = await a.page.context().newCDPSession(a.page);
      await cdp.send('Page.setBypassCSP', { enabled: true });
      await a.page.goto(neutral);
      for (let i = 0; i < RUNS; i++) {
        const folder = join(stick, `byte-path-${i}`);
        byteServer.into(folder);
        await quiet();
        const run = await a.page.evaluate(bytePathInPage, {
          url: byteServer.url,
          keys: carried.keys,
          lanes: EXPORT_LANES,
          piece: EXPORT_PIECE,
        });
        const size = treeSize(folder);
        if (size.files !== carried.keys.length || size.bytes !== run.bytes)
          throw new Error(
            `byte path wrote ${size.files} files, ${size.bytes} bytes, not ${carried.keys.length}, ${run.bytes}`,
          );
        bytePath.push(run);
        say(`byte path run ${i + 1}: ${sec(run.ms)}`);
        rmSync(folder, { recursive: true, force: true });
      }
      await cdp.detach();
    } finally {
      await byteServer.stop();
    }

    // Imports: each into a second laptop of its own, started empty.
    const imports = { ours: [], baseline: [] };
    const received = [];
    for (let i = 0; i < RUNS; i++) {
      for (const side of i % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours']) {
        const b = await openLaptop(root, `laptop-${side === 'ours' ? 'b' : 'raw'}-${i}`);
        laptops.push(b);
        try {
          if (side === 'ours') {
            imports.ours.push(await importOurs(b, bundleFolder));
          } else {
            imports.baseline.push(
              await importBaseline(b, { pageScript, hlc: clock.hlc, blobKeys: carried.keys, expect: data }),
            );
          }
          say(
            `import run ${i + 1}, ${side}: ${side === 'ours' ? `verify ${sec(imports.ours.at(-1).verify.ms)}, apply ${sec(imports.ours.at(-1).apply.ms)}` : sec(imports.baseline.at(-1).ms)}`,
          );
          received.push({ side, ...(await b.page.evaluate(contentsInPage, Object.keys(data.counts))) });
        } finally {
          await b.close();
          laptops.splice(laptops.indexOf(b), 1);
        }
      }
    }

    let importProfile = null;
    if (PROFILE) {
      const b = await openLaptop(root, 'laptop-profile');
      laptops.push(b);
      try {
        b.profiling.push(`${PROFILE}-verify.cpuprofile`, `${PROFILE}-apply.cpuprofile`);
        importProfile = await importOurs(b, bundleFolder);
      } finally {
        await b.close();
        laptops.splice(laptops.indexOf(b), 1);
      }
    }

    let hostImport = null;
    if (HOST_ALONE) {
      await quiet();
      hostImport = await hostAloneImport(a.host, bundleFolder);
    }

    // ---------------------------------------------------------------------------------------------
    console.log(
      'Ducha benchmark: hand-over by USB — export and import of ~1 GB of photos (bench/exchange.bench.mjs)',
    );
    console.log(machineLine(loadBefore));
    console.log(hostLine(a.version));
    console.log(
      `data: sample campaign (seed ${CAMPAIGN.seed}, ${CAMPAIGN.scale.projects} projects, ${data.counts.visits} visits, ` +
        `${data.counts.issues} issues, ${data.counts.issueEvents} history events, ${data.photos} photos): ` +
        `${data.records.toLocaleString('en')} records (${mb(data.recordBytes)} as JSON) and ${data.blobs} photo originals, ` +
        `${mb(data.blobBytes)} (${(data.blobBytes / 2 ** 30).toFixed(2)} GiB; ${(data.smallest / 1e6).toFixed(2)}–${(data.largest / 1e6).toFixed(2)} MB each: ` +
        `the sample's JPEG with random APP15 segments, stored under its real SHA-256); rows with a clock on every field, ` +
        `written with raw IndexedDB after "Start empty" in ${sec(seedMs)} (writing ${sec(seedWriteMs)}); the laptop also holds the ` +
        `sample's ${data.otherBlobs} signature images (${mb(data.otherBlobBytes)}); the bundle carries ${carried.keys.length} blobs, ${mb(carried.bytes)}`,
    );
    console.log(
      `stick: a folder under ${os.tmpdir()} (${fileSystem}), the same file system as the baseline's copy; everything in the ` +
        'page cache (24 GiB of RAM, nothing dropped); an untimed `sync` and 2 s of rest before every timed step',
    );
    console.log(
      `runs: ${RUNS} of each side, alternating which goes first (ours first in the first run: its export is the folder the baseline ` +
        'copies and the bundle imported); no warm-up; medians (min–max); ratio = baseline / ours',
    );

    const oursExportMs = exports.ours.map((r) => r.ms);
    const baseExportMs = exports.baseline.map((r) => r.ms);
    const exportRatio = median(baseExportMs) / median(oursExportMs);
    const exportMet = exportRatio >= EXPORT_TARGET;
    console.log(
      `export of everything, reports and ledgers OFF (the data hand-over only): ours ${sec(median(oursExportMs))}, ` +
        `cp -r + sync ${sec(median(baseExportMs))}, ratio ${exportRatio.toFixed(2)} (target ≥ ${EXPORT_TARGET}) — ${exportMet ? 'met' : 'MISSED'}`,
    );
    console.log(
      `    ours: click on "Export" → "${(exports.ours[0].text ?? '').replace(exports.ours[0].path, '').trim()}"; ${range(oursExportMs)}; ` +
        `${bundleSize.files} files, ${mb(bundleSize.bytes)}, ${rate(bundleSize.bytes, median(oursExportMs))}`,
    );
    console.log(
      `    baseline: cp -r of that folder (${bundleSize.files} files, ${mb(bundleSize.bytes)}) into a fresh folder, then sync; ` +
        `${range(baseExportMs)}, ${rate(bundleSize.bytes, median(baseExportMs))}; cp ${sec(medianOf(exports.baseline, 'cpMs'))} + sync ` +
        `${sec(medianOf(exports.baseline, 'syncMs'))}`,
    );
    const byteMs = bytePath.map((r) => r.ms);
    const byteRatio = median(byteMs) / median(oursExportMs);
    console.log(
      `export vs the byte path alone (issue 21): ours ${sec(median(oursExportMs))}, byte path ${sec(median(byteMs))}, ` +
        `ratio ${byteRatio.toFixed(2)} (target ≥ ${BYTE_PATH_TARGET}) — ${byteRatio >= BYTE_PATH_TARGET ? 'met' : 'MISSED'}`,
    );
    console.log(
      `    byte path: the bundle's ${bytePath[0]?.files ?? 0} photo Blobs (${mb(bytePath[0]?.bytes ?? 0)}) read from IndexedDB in the page one by one ` +
        `and sent as fetch() bodies in ${EXPORT_PIECE / 2 ** 20} MiB pieces, ${EXPORT_LANES} files at a time, to a bare loopback handler that ` +
        `writes them and fsyncs each file, then the folder; ${range(byteMs)}, ${rate(bytePath[0]?.bytes ?? 0, median(byteMs))}`,
    );
    const eb = exports.ours.map(exportBreakdown);
    console.log(
      `    where ours' time went (medians): planning (records read, operations, paths, until exportBegin) ${ms(medianOf(eb, 'plan'))}; ` +
        `exportBegin ${ms(medianOf(eb, 'begin'))}; writing ${sec(medianOf(eb, 'writing'))} — ${medianOf(eb, 'writes')} exportWrite calls, ` +
        `${EXPORT_LANES} files at a time, ${ms(medianOf(eb, 'writeEach'))} each (send, write, hash, fsync; ${sec(medianOf(eb, 'writeSum'))} summed), ` +
        `each photo sent as the Blob IndexedDB holds (${medianOf(eb, 'blobReads')} Blob.arrayBuffer() calls in the page); manifest made and signed ${ms(medianOf(eb, 'manifest'))}; exportFinish ` +
        `(manifest written, folders fsynced, rename, every file read back and hashed) ${sec(medianOf(eb, 'finish'))}; outcome shown ` +
        `${ms(medianOf(eb, 'after'))} later; long tasks ${eb.map((x) => `${x.longTasks} (${ms(x.longTaskMs)})`).join(', ')}`,
    );
    console.log(`    CPU during ours (medians; 2 cores): ${cpuText(exports.ours.map((r) => r.cpu))}`);
    if (hostExport)
      console.log(
        `    host alone (supplementary, from Node, once): the same files and manifest through exportBegin/exportWrite/exportFinish, ` +
          `${EXPORT_LANES} at a time: ${sec(hostExport.ms)} (writing ${sec(hostExport.writeMs)}, exportFinish ${sec(hostExport.finishMs)}), ` +
          `${rate(hostExport.bytes, hostExport.ms)}; ratio to the baseline ${(median(baseExportMs) / hostExport.ms).toFixed(2)}`,
      );

    if (exportProfile) printProfile(`export (${sec(exportProfile.ms)})`, exportProfile.profiled);
    const cost = (kind, key) => median(fetchCost[kind].map((r) => r[key]));
    if (fetchCost)
      console.log(
        `    what one fetch() of ${(FETCH_COST_BYTES / 1e6).toFixed(1)} MB costs the page (supplementary, ${fetchCost.bytes.length} POSTs of each ` +
          `kind to the host, medians): the body as a Uint8Array (as write-export.ts sent pieces until 2026-12-03) blocks the main thread ` +
          `${ms(cost('bytes', 'blocked'))} in the call and takes ${ms(cost('bytes', 'total'))} to the reply; the same bytes as a Blob (as it sends photos now) ` +
          `${ms(cost('blob', 'blocked'))} (new Blob included) and ${ms(cost('blob', 'total'))}`,
      );

    const verifyMs = imports.ours.map((r) => r.verify.ms);
    const oursImportMs = imports.ours.map((r) => r.apply.ms);
    const baseImportMs = imports.baseline.map((r) => r.ms);
    const importRatio = median(baseImportMs) / median(oursImportMs);
    const importMet = importRatio >= IMPORT_TARGET;
    console.log(
      `import into an empty second laptop: ours (Apply import) ${sec(median(oursImportMs))}, raw IndexedDB writes ` +
        `${sec(median(baseImportMs))}, ratio ${importRatio.toFixed(2)} (target ≥ ${IMPORT_TARGET}) — ${importMet ? 'met' : 'MISSED'}`,
    );
    console.log(
      `    ours: click on "Apply import" → "${(imports.ours[0].apply.text ?? '').trim()}"; ${range(oursImportMs)}; ` +
        `${rate(carried.bytes, median(oursImportMs))} of originals`,
    );
    console.log(
      `    Verify (before it, timed apart): click on "Verify" → the preview; ${sec(median(verifyMs))} (${range(verifyMs)}); ` +
        `Verify + Apply ${sec(median(imports.ours.map((r) => r.verify.ms + r.apply.ms)))}`,
    );
    console.log(
      `    baseline: ${data.records.toLocaleString('en')} rows and the ${carried.keys.length} blobs the bundle carries (${mb(carried.bytes)}) put with plain IndexedDB in ` +
        `one transaction in a fresh profile after "Start empty", the bytes already in the page's memory (Blobs made inside the clock); ` +
        `${range(baseImportMs)}, ${rate(carried.bytes, median(baseImportMs))}`,
    );
    const vb = imports.ours.map((r) => verifyBreakdown(r.verify));
    console.log(
      `    where Verify's time went (medians): importScan (the host walks the folder and hashes every file) ${sec(medianOf(vb, 'scan'))}; ` +
        `reading the operations ${ms(medianOf(vb, 'reads'))}; the rest (signature, decoding, preview against the database, render) ` +
        `${ms(medianOf(vb, 'rest'))}`,
    );
    const ab = imports.ours.map((r) => applyBreakdown(r.apply));
    console.log(
      `    where Apply's time went (medians): until the first read ${ms(medianOf(ab, 'beforeFirstRead'))}; reading the originals through ` +
        `the host ${sec(medianOf(ab, 'reading'))} — ${medianOf(ab, 'reads')} importReadFiles calls of up to ${IMPORT_READ_BYTES / 2 ** 20} MiB, ${IMPORT_LANES} at a time (the host checks each file's SHA-256 as it reads it), ${ms(medianOf(ab, 'readEach'))} each ` +
        `(${sec(medianOf(ab, 'readSum'))} summed), with ${medianOf(ab, 'digests')} SHA-256 digests of ${mb(medianOf(ab, 'digestBytes'))} in the ` +
        `page (${sec(medianOf(ab, 'digestSum'))} summed) between them; the one write transaction opened ${ms(medianOf(ab, 'txStart'))} ` +
        `after the last read and took ${sec(medianOf(ab, 'tx'))}; outcome shown ${ms(medianOf(ab, 'after'))} later; long tasks ` +
        `${ab.map((x) => `${x.longTasks} (${ms(x.longTaskMs)})`).join(', ')}`,
    );
    console.log(
      `    CPU (medians; 2 cores): Apply ${cpuText(imports.ours.map((r) => r.apply.cpu))}; Verify ` +
        `${cpuText(imports.ours.map((r) => r.verify.cpu))}; baseline ${cpuText(imports.baseline.map((r) => r.cpu))}`,
    );
    if (hostImport)
      console.log(
        `    host alone (supplementary, from Node, once): importScan ${sec(hostImport.scanMs)}; every original read and checked ` +
          `through ${hostImport.reads} importReadFiles calls, ${IMPORT_LANES} at a time, ${sec(hostImport.readMs)} (${rate(hostImport.bytes, hostImport.readMs)})`,
      );
    if (importProfile) {
      printProfile(`Verify (${sec(importProfile.verify.ms)})`, importProfile.verify.profiled);
      printProfile(`Apply import (${sec(importProfile.apply.ms)})`, importProfile.apply.profiled);
    }
    console.log(
      `per run: ${exports.ours
        .map(
          (r, i) =>
            `${i + 1}) export ${sec(r.ms)} / ${sec(exports.baseline[i].ms)}, verify ${sec(imports.ours[i].verify.ms)}, apply ` +
            `${sec(imports.ours[i].apply.ms)} / ${sec(imports.baseline[i].ms)} (${i % 2 === 0 ? 'ours' : 'baseline'} first)`,
        )
        .join('; ')}`,
    );

    // Every side must have moved everything.
    const problems = [];
    if (seeded.blobs !== data.blobs + data.otherBlobs || seeded.counts.photos !== data.photos)
      problems.push(`laptop A holds ${seeded.blobs} originals and ${seeded.counts.photos} photos`);
    const expectedDigest = received.find((r) => r.side === 'baseline')?.blobDigest;
    if (carried.keys.length !== carried.files)
      problems.push(`the bundle carries ${carried.files} blob files for ${carried.keys.length} blobs`);
    for (const [i, r] of received.entries()) {
      if (r.blobs !== carried.keys.length || r.blobBytes !== carried.bytes)
        problems.push(`${r.side} laptop ${i + 1} holds ${r.blobs} originals of ${r.blobBytes} bytes`);
      if (r.blobDigest !== expectedDigest) problems.push(`${r.side} laptop ${i + 1} holds other originals`);
      for (const [table, count] of Object.entries(data.counts))
        if (r.counts[table] !== count)
          problems.push(`${r.side} laptop ${i + 1}: ${r.counts[table]} ${table}, not ${count}`);
    }
    for (const [i, r] of imports.ours.entries())
      if (r.newPhotos !== carried.keys.length)
        problems.push(`ours run ${i + 1} previewed ${r.newPhotos} new photos`);
    console.log(
      problems.length === 0
        ? `checked: every export wrote ${bundleSize.files} files (${carried.files} blobs + the bundle's operations, manifest and the ` +
            `leader's page), ${mb(carried.bytes)} of originals; every second laptop, ours and the baseline's, holds ` +
            `the same ${carried.keys.length} blobs and ${data.records.toLocaleString('en')} records`
        : `WARNING: ${problems.join('; ')}`,
    );
    const results = [exportMet, importMet];
    console.log(
      `targets: ${results.filter(Boolean).length} of ${results.length} met` +
        (results.every(Boolean) ? '' : ' — see MISSED above (a measurement, not a test: exit code 0)') +
        `; the bench took ${((performance.now() - benchStart) / 60_000).toFixed(1)} min`,
    );
  } finally {
    for (const laptop of laptops) await laptop.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`exchange bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

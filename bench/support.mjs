// What every benchmark starts with: the browser host from a build of the app, Debian's Chromium with
// the end-to-end specs' flags in a fresh profile, the app's database created through its own first run,
// the sample campaign generator bundled for the page and its records written with raw IndexedDB, and
// the medians and the lines that say on which machine and browser the figures were taken.
// Functions whose names say "in the page" are handed to page.evaluate: they must stay self-contained.
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..');
export const DIST = process.env.DUCHA_DIST ?? join(REPO, 'dist');
export const CHROMIUM = process.env.DUCHA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];
export const VIEWPORT = { width: 1366, height: 820 };
/** The sample campaign every benchmark draws from (its own seed and today). */
export const CAMPAIGN_SEED = 20_260_301;
export const CAMPAIGN_TODAY = '2026-06-30';

/** Whether DIST holds a built app; says what to do when it does not. */
export function checkBuilt(bench) {
  if (
    existsSync(join(DIST, 'browser-host', 'server.mjs')) &&
    existsSync(join(DIST, 'renderer', 'index.html'))
  )
    return true;
  console.error(`${bench} bench: the app is not built (${DIST} is incomplete); run "npm run build" first.`);
  process.exitCode = 1;
  return false;
}

/**
 * Starts the built browser host (as `npm run start:browser` runs it) with its data in `home`, on a
 * free port unless `port` is given; resolves with its address (token included) and a stop function.
 */
export function startBrowserHost(home, { port = 0 } = {}) {
  // BENCH_HOST_NODE_ARGS: Node options for the host, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(DIST, 'browser-host', 'server.mjs'), '--no-open'],
    {
      env: { ...process.env, DUCHA_PORT: String(port), DUCHA_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /Ducha is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], origin: new URL(match[1]).origin, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
}

/** Chromium, headless, with the end-to-end specs' flags, in the browser profile at `profileDir`. */
export function launchChromium(profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-US',
    viewport: VIEWPORT,
  });
}

/** Bundles `contents` (importing the repository's modules) as one classic script for a page or worker. */
export async function bundle(contents, globalName) {
  const result = await build({
    stdin: { contents, resolveDir: REPO, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'iife',
    // page.evaluate runs a script in a function scope: publish the namespace explicitly.
    ...(globalName ? { globalName, footer: { js: `globalThis.${globalName} = ${globalName};` } } : {}),
    platform: 'browser',
    target: 'chrome120',
    write: false,
    // derive.ts names its worker with import.meta.url, which a classic script has not; unused here.
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/**
 * The sample campaign generator for the page (window.__duchaSample), with what makes a stored row
 * look like the app's own: the derived fields of each table (the issues' search bigrams) and the
 * schema version the sources expect.
 */
export function sampleGeneratorScript() {
  return bundle(
    [
      "export { generateCampaign } from './shared/sample/campaign';",
      "export { withDerivedFields } from './renderer/db/derived-fields';",
      "export { LATEST_VERSION } from './renderer/db/migrations';",
    ].join('\n'),
    '__duchaSample',
  );
}

/**
 * The app's first run in the page: open it at the project ledger, choose "Start empty" and wait for
 * the ledger, so the app itself has created (or upgraded) its database before anything is seeded.
 */
export async function startEmpty(page, hostUrl) {
  await page.goto(`${hostUrl}&lang=en#/projects`);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('table', { name: 'Project ledger' }).waitFor();
}

/**
 * In the page (after sampleGeneratorScript): generates the campaign and writes the records of
 * `stores` with raw IndexedDB into the app's database as the app stores them (derived fields, empty
 * clocks; no outbox operations), in transactions of at most `batch` rows. Returns the row counts,
 * the first project and the database's schema version in Dexie's numbering.
 */
export async function seedCampaignInPage({ campaign, stores, batch = 5000, progress = false }) {
  const sample = window.__duchaSample;
  const started = performance.now();
  // With `progress`, says how far it got on the page's console (a bench may print that).
  const say = (text) =>
    progress && console.info(`seed: ${text} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const data = await sample.generateCampaign(campaign);
  say('generated');
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const counts = {};
  for (const store of stores) {
    const rows = data[store];
    for (let from = 0; from < rows.length; from += batch) {
      await new Promise((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const target = tx.objectStore(store);
        for (const row of rows.slice(from, from + batch))
          target.put({ ...sample.withDerivedFields(store, row), _clocks: {} });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      if (rows.length > batch) say(`${store} ${Math.min(rows.length, from + batch)} of ${rows.length}`);
    }
    counts[store] = rows.length;
    say(`${store} written`);
  }
  // Dexie opens version n as IndexedDB version 10n (10n + 1 when it patches a schema it did not declare).
  const version = Math.floor(db.version / 10);
  db.close();
  const [project] = data.projects;
  return {
    counts,
    firstProject: project ? { id: project.id, name: project.name } : null,
    version,
    expectedVersion: sample.LATEST_VERSION,
  };
}

/**
 * In the page (after sampleGeneratorScript): the schema version of the app's database and the one the
 * sources expect, in the form seedCampaignInPage returns them (for checkSchema before seeding).
 */
export function schemaInPage() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      resolve({
        version: Math.floor(open.result.version / 10),
        expectedVersion: window.__duchaSample.LATEST_VERSION,
      });
      open.result.close();
    };
  });
}

/** Throws unless the app's database has the schema version the sources (migrations.ts) expect. */
export function checkSchema(seeded, bench) {
  if (seeded.version !== seeded.expectedVersion)
    throw new Error(
      `${bench} bench: the app created its database at schema version ${seeded.version}, but ` +
        `renderer/db/migrations.ts is at ${seeded.expectedVersion}: ${DIST} was built from other sources; ` +
        'run "npm run build" (or point DUCHA_DIST at a current build).',
    );
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The value at fraction `q` of the sorted values (nearest rank), e.g. q = 0.95 for the p95. */
export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
export const ms = (value) =>
  !Number.isFinite(value)
    ? '—'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const range = (values) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
export const loadAverage = () => os.loadavg()[0].toFixed(1);
/** The first number in a text such as "2,000 projects" or "共 57,859 个问题"; NaN when there is none. */
export const countIn = (text) => Number(/(\d[\d,]*)/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN);
export const sleep = (msToWait) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** "machine: …" — CPU, cores, memory, system, Node and the load average before and after. */
export function machineLine(loadBefore) {
  const cpus = os.cpus();
  return (
    `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.availableParallelism()} CPUs, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; ` +
    `load average ${loadBefore} before, ${loadAverage()} after (other work on the machine adds noise)`
  );
}

/** "host: …" — which host and browser ran (the browser host: there is no Electron binary here). */
export function hostLine(browserVersion) {
  return `host: browser host (${DIST}/browser-host/server.mjs) in headless Chromium ${browserVersion} (${CHROMIUM})`;
}

// Benchmark: the project ledger (项目台账) with 2,000 projects and 50,000 visits.
//
// Target (from the issue): time to the first rows of the list, and to a filter change, against a raw
// IndexedDB query of the same index for the same rows, measured in the same run on the same machine:
// ratio = baseline / ours ≥ 0.5. This prints the ratios; it never fails because of them.
//
// It starts the real browser host (dist/browser-host/server.mjs, as `npm run start:browser` runs it)
// and drives Debian's Chromium with the flags of the end-to-end specs, in a fresh profile. The data is
// the sample campaign generator's (shared/sample/campaign.ts) at a larger scale, bundled on the fly with
// esbuild, generated inside the page and written with raw IndexedDB (rows with empty clocks, no outbox).
//
// Run: npm run build && npm run bench   (or: node bench/ledger.bench.mjs)
// Settings:
//   BENCH_RUNS=n            timed runs of each side (default 7)
//   BENCH_TRACE=1           also print the IndexedDB requests and long tasks of one load of the app
//   BENCH_PROFILE=/tmp/x    after the timed runs, one more run of ours with a CPU profile per phase
//                           (/tmp/x-load.cpuprofile, -category, -search, -navigation)
//   DUCHA_DIST=dir          another build of the app (default dist/; e.g. one built with source maps)
//   DUCHA_CHROMIUM=path     another Chromium (default /usr/bin/chromium)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  CAMPAIGN_SEED,
  CAMPAIGN_TODAY,
  checkBuilt,
  countIn,
  hostLine,
  launchChromium,
  loadAverage,
  machineLine,
  median,
  ms,
  range,
  sampleGeneratorScript,
  seedCampaignInPage,
  startBrowserHost,
  startEmpty,
} from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? '7');
const TARGET = 0.5;
const SCALE = { projects: 2000, visits: 50_000, issues: 0, photos: 0 };
const CAMPAIGN = { seed: CAMPAIGN_SEED, today: CAMPAIGN_TODAY, scale: SCALE };
const SEEDED_STORES = ['regions', 'units', 'people', 'teams', 'projects', 'visits'];
// The filters timed: one with an index of its own (category), one without (the search box).
const CATEGORY = { value: 'sewage', label: 'Sewage treatment' };
const SEARCH = '污水';
// Dexie keeps a live query's result for 3 s after its last subscriber leaves; wait it out so that
// coming back to the ledger reads IndexedDB again.
const DEXIE_CACHE_MS = 3500;
const TIMEOUT = 120_000;

// ---------------------------------------------------------------------------------------------------
// In-page code. Everything is timed inside the page with performance.now(), whose zero is the
// navigation start of the document, so Playwright's round trips never count.

/** Runs at the start of every document (context.addInitScript), before any script of the page. */
function probe() {
  const now = () => performance.now();
  const bench = { marks: {}, idb: [], longTasks: [], timer: null };
  window.__bench = bench;

  if (location.pathname === '/favicon.svg') {
    // The baseline: a same-origin document with no script of ours. With ?bench=raw it opens the
    // database and reads the projects through their name index (the ledger's default order) at once.
    if (new URLSearchParams(location.search).get('bench') !== 'raw') return;
    bench.marks.openCalled = now();
    const open = indexedDB.open('ducha');
    open.onerror = () => (bench.error = String(open.error));
    open.onsuccess = () => {
      const db = open.result;
      bench.db = db;
      bench.marks.opened = now();
      const store = db.transaction('projects', 'readonly').objectStore('projects');
      const request = store.index('name').getAll();
      request.onerror = () => (bench.error = String(request.error));
      request.onsuccess = () => {
        bench.rowCount = request.result.length; // reading `result` deserializes the rows
        bench.marks.rows = now();
      };
    };
    return;
  }

  // The app: when the first ledger data row enters the DOM, and the frame that paints it.
  const firstRow = '[role="table"] [role="row"][aria-rowindex="2"]';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(firstRow)) return;
    bench.marks.firstRowDom = now();
    observer.disconnect();
    requestAnimationFrame(() => (bench.marks.firstRowFrame = now()));
  });
  observer.observe(document, { childList: true, subtree: true });

  // What the app asks of IndexedDB, and when (for the breakdown; the wrappers cost microseconds).
  const record = (what, request) => {
    const entry = { what, start: now(), end: null, steps: 0 };
    bench.idb.push(entry);
    request.addEventListener('success', () => {
      entry.end = now();
      entry.steps += 1;
    });
  };
  const openDatabase = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = openDatabase.apply(this, args);
    record(`open ${String(args[0])}`, request);
    return request;
  };
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']) {
      const original = proto[method];
      proto[method] = function (...args) {
        const request = original.apply(this, args);
        record(
          `${this instanceof IDBIndex ? `${this.objectStore.name}.${this.name}` : this.name} ${method}`,
          request,
        );
        return request;
      };
    }
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
}

/**
 * Arms a timer in the app: it starts at the next `start` event anywhere in the page (or now, for
 * 'now') and stops when the row count text changes ('count') or a first ledger row appears ('firstRow').
 */
function armTimer({ start, until }) {
  const timer = { start: null, end: null, frame: null, text: null };
  window.__bench.timer = timer;
  const stop = () => {
    timer.end = performance.now();
    timer.text = document.querySelector('[data-testid="project-count"]')?.textContent ?? null;
    observer.disconnect();
    requestAnimationFrame(() => (timer.frame = performance.now()));
  };
  let observer;
  if (until === 'count') {
    const count = document.querySelector('[data-testid="project-count"]');
    const before = count.textContent;
    observer = new MutationObserver(() => count.textContent !== before && stop());
    observer.observe(count, { childList: true, subtree: true, characterData: true });
  } else {
    const firstRow = '[role="table"] [role="row"][aria-rowindex="2"]';
    observer = new MutationObserver(() => document.querySelector(firstRow) && stop());
    observer.observe(document.body, { childList: true, subtree: true });
  }
  if (start === 'now') timer.start = performance.now();
  else {
    const onEvent = () => timer.start ?? (timer.start = performance.now());
    document.addEventListener(start, onEvent, { capture: true, once: true });
  }
}

/** A raw query on the connection the baseline page already holds open; `query` names which. */
function rawQuery({ query, category, search }) {
  const db = window.__bench.db;
  const normalize = (text) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const store = db.transaction('projects', 'readonly').objectStore('projects');
    const request =
      query === 'name'
        ? store.index('name').getAll()
        : query === 'category'
          ? store.index('category').getAll(category)
          : store.getAll();
    request.onerror = () => reject(new Error(String(request.error)));
    request.onsuccess = () => {
      let rows = request.result;
      if (query === 'search') {
        // The search box's own matching (ledger-query.ts): NFKC, case and spaces folded.
        const word = normalize(search);
        rows = rows.filter((p) => normalize(`${p.name} ${p.owner}`).includes(word));
      }
      resolve({ ms: performance.now() - start, rows: rows.length });
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Node side.

async function main() {
  if (!checkBuilt('ledger')) return;
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a whole number ≥ 1');

  const loadBefore = loadAverage();
  const home = mkdtempSync(join(os.tmpdir(), 'ducha-bench-'));
  const host = await startBrowserHost(home);
  let context;
  try {
    const origin = host.origin;
    const appUrl = `${host.url}&lang=en#/projects`;
    const neutralUrl = `${origin}/favicon.svg`;
    const rawUrl = `${origin}/favicon.svg?bench=raw`;
    context = await launchChromium(join(home, 'chromium-profile'));
    await context.addInitScript(probe);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    const browserVersion = context.browser()?.version() ?? 'unknown';

    // First run: the app creates its database; "Start empty", then seed from a same-origin page.
    const setupStart = performance.now();
    await startEmpty(page, host.url);
    await page.goto(neutralUrl);
    await page.evaluate(await sampleGeneratorScript());
    const { counts } = await page.evaluate(seedCampaignInPage, { campaign: CAMPAIGN, stores: SEEDED_STORES });
    const setupMs = performance.now() - setupStart;

    const countText = page.getByTestId('project-count');
    const waitForTimer = () => page.waitForFunction(() => (window.__bench.timer?.frame ?? null) !== null);
    const readTimer = () => page.evaluate(() => window.__bench.timer);

    // Ours. `phase(name, running)` is called around each timed phase (for the optional CPU profiles).
    const ours = async (phase = async () => {}) => {
      // a) First rows: a fresh load of the app at #/projects.
      await page.goto(neutralUrl);
      await phase('load', true);
      await page.goto(appUrl);
      await page.waitForFunction(() => window.__bench?.marks.firstRowFrame !== undefined);
      await phase('load', false);
      const load = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const script = performance
          .getEntriesByType('resource')
          .find((r) => r.initiatorType === 'script' && /\/assets\/index-[^/]*\.js$/.test(r.name));
        // The app is split into chunks: count every script and style sheet of ours loaded before the
        // first row, not only the entry.
        const before = performance
          .getEntriesByType('resource')
          .filter((r) => /\/assets\/[^/]+\.(js|css)$/.test(r.name))
          .filter((r) => r.responseEnd <= window.__bench.marks.firstRowDom);
        const sum = (list, field) => list.reduce((total, r) => total + (r[field] ?? 0), 0);
        const scripts = before.filter((r) => r.name.endsWith('.js'));
        const styles = before.filter((r) => r.name.endsWith('.css'));
        const table = document.querySelector('[role="table"]');
        return {
          marks: window.__bench.marks,
          idb: window.__bench.idb,
          longTasks: window.__bench.longTasks,
          rowCount: Number(table?.getAttribute('aria-rowcount')) - 1,
          html: nav?.responseEnd,
          script: script?.responseEnd,
          scriptFiles: scripts.length,
          scriptBytes: sum(scripts, 'decodedBodySize'),
          styleBytes: sum(styles, 'decodedBodySize'),
          transferred: sum(before, 'transferSize'),
          domContentLoaded: nav?.domContentLoadedEventEnd,
        };
      });

      // b) Filter change with an index behind it: the category, picked from its dropdown.
      await page.getByRole('combobox', { name: 'Category' }).click();
      const option = page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: CATEGORY.label })
        .first();
      await option.waitFor();
      await page.evaluate(armTimer, { start: 'click', until: 'count' });
      await phase('category', true);
      await option.click();
      await waitForTimer();
      await phase('category', false);
      const category = await readTimer();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await countText.filter({ hasText: `${SCALE.projects} projects` }).waitFor();

      // c) Filter change without an index: a word in the search box.
      await page.evaluate(armTimer, { start: 'input', until: 'count' });
      await phase('search', true);
      await page.getByRole('searchbox', { name: 'Search project name or owner' }).fill(SEARCH);
      await waitForTimer();
      await phase('search', false);
      const search = await readTimer();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await countText.filter({ hasText: `${SCALE.projects} projects` }).waitFor();

      // d) First rows with the app already running: Settings → Projects inside the app.
      await page.evaluate(() => (location.hash = '#/settings'));
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await page.waitForTimeout(DEXIE_CACHE_MS);
      await phase('navigation', true);
      await page.evaluate(armTimer, { start: 'now', until: 'firstRow' });
      await page.evaluate(() => (location.hash = '#/projects'));
      await waitForTimer();
      await phase('navigation', false);
      const navigation = await page.evaluate(() => {
        const timer = window.__bench.timer;
        const projects = window.__bench.idb.find(
          (e) => e.what === 'projects getAll' && e.start >= timer.start,
        );
        return { ...timer, asked: projects?.start, returned: projects?.end };
      });
      return { load, category, search, navigation };
    };

    // The baseline: raw IndexedDB from a same-origin page with no script of ours.
    const raw = async () => {
      await page.goto(neutralUrl);
      await page.goto(rawUrl);
      await page.waitForFunction(() => window.__bench?.marks.rows !== undefined || window.__bench?.error);
      const load = await page.evaluate(() => ({
        marks: window.__bench.marks,
        rowCount: window.__bench.rowCount,
        error: window.__bench.error,
      }));
      if (load.error) throw new Error(`raw query failed: ${load.error}`);
      const options = { category: CATEGORY.value, search: SEARCH };
      const category = await page.evaluate(rawQuery, { query: 'category', ...options });
      const search = await page.evaluate(rawQuery, { query: 'search', ...options });
      const navigation = await page.evaluate(rawQuery, { query: 'name', ...options });
      return { load, category, search, navigation };
    };

    // One warm-up of each (HTTP and code caches, the database's files), not counted; then the runs,
    // alternating which side goes first.
    await ours();
    await raw();
    const runs = { ours: [], raw: [] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const side of i % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'])
        runs[side].push(side === 'ours' ? await ours() : await raw());
    }

    console.log('Ducha benchmark: the project ledger (bench/ledger.bench.mjs)');
    console.log(machineLine(loadBefore));
    console.log(hostLine(browserVersion));
    const o = runs.ours[0];
    const r = runs.raw[0];
    console.log(
      `data: ${Object.entries(counts)
        .map(([store, n]) => `${n.toLocaleString('en')} ${store}`)
        .join(', ')} (sample campaign generator, seed ${CAMPAIGN.seed}, today ${CAMPAIGN.today}); ` +
        `set up in ${(setupMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `runs: ${RUNS} of each side after one warm-up, alternating which goes first; medians (min–max); ` +
        'ratio = baseline / ours',
    );
    console.log(
      'timing: performance.now() in the page — for first rows from the navigation start of a fresh document\n' +
        '  (both sides navigate from the same neutral same-origin page), else from the user event or route change',
    );

    const results = [];
    const report = ({ name, ours, raw, frame, oursWhat, rawWhat, oursRows, rawRows, headline = true }) => {
      const ratio = median(raw) / median(ours);
      const met = ratio >= TARGET;
      if (headline) results.push(met);
      console.log(
        `${name}: ours ${ms(median(ours))}, raw IndexedDB ${ms(median(raw))}, ratio ${ratio.toFixed(2)} ` +
          `(target ≥ ${TARGET}) — ${met ? 'met' : 'MISSED'}${headline ? '' : ' [supplementary, not the target]'}`,
      );
      const painted = frame ? `; its frame starts ${ms(median(frame))} later` : '';
      console.log(`    ours: ${oursWhat}; ${range(ours)}, ${oursRows.toLocaleString('en')} rows${painted}`);
      console.log(`    raw:  ${rawWhat}; ${range(raw)}, ${rawRows.toLocaleString('en')} rows`);
      if (oursRows !== rawRows)
        console.log('    WARNING: ours and the baseline did not find the same number of rows');
    };
    const timed = (key) => runs.ours.map((x) => x[key].end - x[key].start);
    const frameAfter = (key) => runs.ours.map((x) => x[key].frame - x[key].end);
    report({
      name: 'ledger first rows',
      ours: runs.ours.map((x) => x.load.marks.firstRowDom),
      raw: runs.raw.map((x) => x.load.marks.rows),
      frame: runs.ours.map((x) => x.load.marks.firstRowFrame - x.load.marks.firstRowDom),
      oursWhat: 'fresh load of the app at #/projects until the first data row is in the DOM',
      rawWhat:
        "fresh load of a same-origin static page (/favicon.svg), indexedDB.open('ducha'), " +
        "projects.index('name').getAll(), until the rows are in hand",
      oursRows: o.load.rowCount,
      rawRows: r.load.rowCount,
    });
    report({
      name: `ledger filter change (category = ${CATEGORY.value}, indexed)`,
      ours: timed('category'),
      raw: runs.raw.map((x) => x.category.ms),
      frame: frameAfter('category'),
      oursWhat: 'click on the option until the row count shows the filtered count',
      rawWhat: `projects.index('category').getAll('${CATEGORY.value}') on an open connection`,
      oursRows: countIn(o.category.text),
      rawRows: r.category.rows,
    });
    report({
      name: `ledger filter change (search "${SEARCH}", no index)`,
      ours: timed('search'),
      raw: runs.raw.map((x) => x.search.ms),
      frame: frameAfter('search'),
      oursWhat: 'input event until the row count shows the filtered count',
      rawWhat: "projects.getAll() and the ledger's substring match on an open connection",
      oursRows: countIn(o.search.text),
      rawRows: r.search.rows,
    });
    report({
      name: 'ledger first rows, app already running',
      ours: timed('navigation'),
      raw: runs.raw.map((x) => x.navigation.ms),
      frame: frameAfter('navigation'),
      oursWhat: `#/settings → #/projects (${DEXIE_CACHE_MS} ms after leaving, past Dexie's cache) until the first data row is in the DOM`,
      rawWhat: "projects.index('name').getAll() on an open connection",
      oursRows: countIn(o.navigation.text),
      rawRows: r.navigation.rows,
      headline: false,
    });

    // Where ours spends the time before its first rows on a fresh load.
    const medianOf = (f) => median(runs.ours.map(f));
    const request = (x, pattern, field) =>
      x.load.idb.find((e) => pattern.test(e.what))?.[field] ?? Number.NaN;
    const steps = [
      ['HTML', (x) => x.load.html],
      ['app script', (x) => x.load.script],
      ['DOMContentLoaded', (x) => x.load.domContentLoaded],
      ['open called', (x) => request(x, /^open ducha$/, 'start')],
      ['opened', (x) => request(x, /^open ducha$/, 'end')],
      ['projects getAll asked', (x) => request(x, /^projects getAll$/, 'start')],
      ['returned', (x) => request(x, /^projects getAll$/, 'end')],
      ['first row in the DOM', (x) => x.load.marks.firstRowDom],
    ];
    console.log('where ours spends a fresh load (medians, ms since navigation start):');
    console.log(`    ${steps.map(([name, f]) => `${name} ${medianOf(f).toFixed(0)}`).join(' → ')}`);
    const requests = new Map();
    for (const x of runs.ours) {
      for (const e of x.load.idb) {
        if (e.end === null || e.start > x.load.marks.firstRowDom) continue;
        const list = requests.get(e.what) ?? [];
        list.push(e);
        requests.set(e.what, list);
      }
    }
    console.log(
      `    IndexedDB requests before the first row (median start → end): ${[...requests]
        .map(([what, list]) => {
          const n = median(list.map((e) => e.steps));
          return `${what} ${median(list.map((e) => e.start)).toFixed(0)} → ${median(list.map((e) => e.end)).toFixed(0)}${n > 1 ? ` (${n} cursor steps)` : ''}`;
        })
        .join('; ')}`,
    );
    const longTaskMs = (x) =>
      x.load.longTasks
        .filter((t) => t.start < x.load.marks.firstRowDom)
        .reduce((sum, t) => sum + t.duration, 0);
    console.log(
      `    main-thread long tasks before the first row ${ms(medianOf(longTaskMs))}; ` +
        `before it, ${o.load.scriptFiles} app scripts of ${(o.load.scriptBytes / 1e6).toFixed(2)} MB and style sheets of ` +
        `${(o.load.styleBytes / 1e6).toFixed(2)} MB, ${o.load.transferred.toLocaleString('en')} bytes ` +
        `transferred; baseline's open + getAll alone ${ms(median(runs.raw.map((x) => x.load.marks.rows - x.load.marks.openCalled)))}`,
    );
    const sinceRouteChange = (field) =>
      ms(median(runs.ours.map((x) => x.navigation[field] - x.navigation.start)));
    console.log(
      `where ours spends the route change (app already running; medians since the hash change): projects getAll ` +
        `asked ${sinceRouteChange('asked')} → returned ${sinceRouteChange('returned')} → first row in the DOM ${sinceRouteChange('end')}`,
    );

    if (process.env.BENCH_TRACE) {
      const last = runs.ours.at(-1);
      console.log('trace of the last fresh load of ours (ms since navigation start):');
      for (const e of last.load.idb) {
        const end = e.end === null ? '—' : e.end.toFixed(0);
        console.log(
          `    ${e.start.toFixed(0).padStart(5)} → ${end.padStart(5)}  ${e.what}${e.steps > 1 ? ` (${e.steps} steps)` : ''}`,
        );
      }
      for (const t of last.load.longTasks)
        console.log(
          `    ${t.start.toFixed(0).padStart(5)} + ${t.duration.toFixed(0).padStart(4)}  long task`,
        );
    }
    if (process.env.BENCH_PROFILE) {
      // Not timed: the profiler slows the page down.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      const written = [];
      await ours(async (name, running) => {
        if (running) return void (await cdp.send('Profiler.start'));
        const { profile } = await cdp.send('Profiler.stop');
        const file = `${process.env.BENCH_PROFILE}-${name}.cpuprofile`;
        writeFileSync(file, JSON.stringify(profile));
        written.push(file);
      });
      console.log(`CPU profiles of one more run of ours: ${written.join(', ')}`);
    }
    console.log(
      `targets: ${results.filter(Boolean).length} of ${results.length} met` +
        (results.every(Boolean) ? '' : ' — see MISSED above (a measurement, not a test: exit code 0)'),
    );
  } finally {
    await context?.close();
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();

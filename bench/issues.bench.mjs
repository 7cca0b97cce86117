// Benchmark: the issue list (问题清单) and the dashboard (统计) over 200,000 issues and 2,000 projects.
//
// Targets (from the issue), each a ratio = baseline / ours measured in the same run on the same machine:
//   - a filter change until its first rows are on screen vs a raw IndexedDB index query for the same
//     rows: ≥ 0.5; the same for a full-text search of a two-character Chinese term: ≥ 0.5;
//   - the dashboard computing every figure vs one raw pass over the same rows (getAll and a loop): ≥ 0.5;
//   - scrolling 200,000 rows: p95 frame time of a bare virtual list of plain rows vs our table: ≥ 0.7.
// This prints the ratios; it never fails because of them.
//
// It starts the real browser host (dist/browser-host/server.mjs) and drives Debian's Chromium with the
// end-to-end specs' flags (bench/support.mjs). The data is the sample campaign generator's
// (shared/sample/campaign.ts) at 200,000 issues, stored as the app stores rows (search bigrams, clocks)
// into the database the app created. Seeding takes minutes, so the seeded browser profile is kept in a
// cache folder, keyed by everything that shapes it (the generator, the derived fields and the schema
// history as bundled, the campaign's options, the Chromium version) and copied afresh for every run.
//
// Run: npm run build && node bench/run.mjs issues   (or: node bench/issues.bench.mjs)
// Settings:
//   BENCH_RUNS=n             timed runs of each side (default 7)
//   BENCH_SEARCH=词           the two-character term searched (default 扬尘)
//   BENCH_SCROLL_PX=n        pixels scrolled per animation frame (default 60)
//   BENCH_SCROLL_SECONDS=s   seconds of scrolling per run (default 5)
//   BENCH_ISSUES_CACHE=dir   where the seeded profile is kept (default <tmp>/ducha-bench-issues-v1)
//   BENCH_ONLY=a,b           only these measures: filter, search, dashboard, scroll (default all)
//   BENCH_PROFILE=/tmp/x     after the timed runs, one more run of ours with a CPU profile of each
//                            measure (/tmp/x-filter.cpuprofile, -search, -dashboard, -scroll)
//   DUCHA_DIST=dir           another build of the app (default dist/)
//   DUCHA_CHROMIUM=path      another Chromium (default /usr/bin/chromium)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import {
  bundle,
  CAMPAIGN_SEED,
  CAMPAIGN_TODAY,
  checkBuilt,
  checkSchema,
  CHROMIUM,
  countIn,
  hostLine,
  launchChromium,
  loadAverage,
  machineLine,
  median,
  ms,
  quantile,
  range,
  sampleGeneratorScript,
  schemaInPage,
  seedCampaignInPage,
  startBrowserHost,
  startEmpty,
} from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? '7');
const SCALE = { projects: 2000, visits: 50_000, issues: 200_000, photos: 0 };
const CAMPAIGN = { seed: CAMPAIGN_SEED, today: CAMPAIGN_TODAY, scale: SCALE };
const SEEDED_STORES = ['regions', 'units', 'people', 'teams', 'projects', 'visits', 'issues', 'issueEvents'];
/** The filter timed: one served by an index of its own. */
const STATUS = 'inProgress';
/** Its option in the list's Status dropdown (the app runs in English). */
const STATUS_LABEL = /^In progress$/;
const SEARCH = process.env.BENCH_SEARCH ?? '扬尘';
const SCROLL_PX = Number(process.env.BENCH_SCROLL_PX ?? '60');
const SCROLL_MS = Number(process.env.BENCH_SCROLL_SECONDS ?? '5') * 1000;
/** Frames at the start of a scroll not counted (the first scroll events set things in motion). */
const SCROLL_SKIP_FRAMES = 5;
const MEASURES = ['filter', 'search', 'dashboard', 'scroll'];
const ONLY = (process.env.BENCH_ONLY ?? MEASURES.join(',')).split(',').map((m) => m.trim());
const TARGETS = { filter: 0.5, search: 0.5, dashboard: 0.5, scroll: 0.7 };
const DASHBOARD_MARK = 'ducha:dashboard-figures';
// Dexie keeps a live query's result for 3 s after its last subscriber leaves; wait it out so that
// every timed change reads IndexedDB.
const DEXIE_CACHE_MS = 3500;
/** Between loading a list and scrolling it, so that the load's leftovers do not land in the frames. */
const SETTLE_MS = 1000;
const CACHE_ROOT = process.env.BENCH_ISSUES_CACHE ?? join(os.tmpdir(), 'ducha-bench-issues-v1');
/** Bump when the way the profile is prepared changes in a way the key below cannot see. */
const CACHE_FORMAT = 1;
const TIMEOUT = 300_000;
const BARE_PATH = '/bench-bare-list.html';

// ---------------------------------------------------------------------------------------------------
// In-page code. Everything is timed inside the page with performance.now(), so Playwright's round
// trips never count.

/** Runs at the start of every document (context.addInitScript), before any script of the page. */
function probe() {
  const now = () => performance.now();
  const bench = { marks: {}, timer: null, longFrames: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longFrames.push({
          start: e.startTime,
          duration: e.duration,
          // Style and layout of the frame, after its scripts (scroll events and rAF callbacks included).
          layout: e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((x) => ({
            what: `${x.invoker}${x.sourceFunctionName ? ` (${x.sourceFunctionName})` : ''}`,
            duration: x.duration,
          })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long-animation-frame timing in this browser
  }

  if (location.pathname === '/favicon.svg') {
    // The baseline: a same-origin document with no script of ours. With ?bench=raw it opens the
    // database and reads every issue through the deadline index (the list's default order) at once,
    // then keeps the connection open for the raw queries.
    if (new URLSearchParams(location.search).get('bench') !== 'raw') return;
    bench.marks.openCalled = now();
    const open = indexedDB.open('ducha');
    open.onerror = () => (bench.error = String(open.error));
    open.onsuccess = () => {
      const db = open.result;
      bench.db = db;
      bench.marks.opened = now();
      const request = db.transaction('issues', 'readonly').objectStore('issues').index('deadline').getAll();
      request.onerror = () => (bench.error = String(request.error));
      request.onsuccess = () => {
        bench.rowCount = request.result.length; // reading `result` deserializes the rows
        bench.marks.rows = now();
      };
    };
    return;
  }
  if (location.pathname === '/bench-bare-list.html') return;

  // The app: when the first data row of the issue list enters the DOM, and the frame that paints it.
  const firstRow = '[role="table"] [role="row"][aria-rowindex="2"]';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(firstRow)) return;
    bench.marks.firstRowDom = now();
    observer.disconnect();
    requestAnimationFrame(() => (bench.marks.firstRowFrame = now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Times a change in the app, in the page: from just before it sets location.hash to `hash` (or, with
 * no hash, from the next click anywhere in the page, seen first in the capture phase) until the issue
 * list shows a new count with its first data row ('rows'), or until the dashboard has marked its
 * figures ('figures'); then the next animation frame, and the moment after that frame's rendering (a
 * message posted from it), when the rows or figures are painted.
 */
function changeRoute({ hash, until, mark }) {
  const timer = {
    start: null,
    end: null,
    frame: null,
    painted: null,
    text: null,
    ready: null,
    firstRow: null,
  };
  window.__bench.timer = timer;
  const afterPaint = () =>
    requestAnimationFrame(() => {
      timer.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (timer.painted = performance.now());
      channel.port2.postMessage(null);
    });
  const countOf = () => document.querySelector('[data-testid="issue-count"]')?.textContent ?? '';
  const firstRow = () => document.querySelector('[role="table"] [role="row"][aria-rowindex="2"]');
  let observer;
  if (until === 'rows') {
    const before = countOf();
    const hasNumber = (text) => /\d/.test(text);
    observer = new MutationObserver(() => {
      const text = countOf();
      const row = firstRow();
      if (text === before || !hasNumber(text) || !row) return;
      timer.end = performance.now();
      timer.text = text;
      timer.firstRow = row.textContent;
      observer.disconnect();
      afterPaint();
    });
  } else {
    // The dashboard: the figures are computed when the app marks them (the mark's own time); they
    // are on screen when the page root says data-ready="true".
    observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="dashboard"][data-ready="true"]')) return;
      timer.ready = performance.now();
      observer.disconnect();
      afterPaint();
    });
    const poll = () => {
      const entry = performance.getEntriesByName(mark).find((e) => e.startTime >= timer.start);
      if (entry) timer.end = entry.startTime;
      else setTimeout(poll, 5);
    };
    setTimeout(poll, 5);
  }
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  if (hash === undefined) {
    const onClick = () => timer.start ?? (timer.start = performance.now());
    document.addEventListener('click', onClick, { capture: true, once: true });
    return;
  }
  timer.start = performance.now();
  location.hash = hash;
}

/** A raw query on the connection the baseline page holds open; `query` names which. */
function rawQuery({ query, status, term, today }) {
  const db = window.__bench.db;
  const byDeadline = (a, b) =>
    a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : 1;
  return new Promise((resolve, reject) => {
    const fail = (request) => () => reject(new Error(String(request.error)));
    if (query === 'status' || query === 'search') {
      const start = performance.now();
      const index = db.transaction('issues', 'readonly').objectStore('issues');
      const request =
        query === 'status' ? index.index('status').getAll(status) : index.index('_grams').getAll(term);
      request.onerror = fail(request);
      request.onsuccess = () => {
        const rows = request.result; // reading `result` deserializes the rows
        const ms = performance.now() - start;
        // Not timed: the first row in the list's order, to check ours shows the same one.
        const first = rows.length > 0 ? rows.reduce((a, b) => (byDeadline(a, b) <= 0 ? a : b)) : null;
        resolve({ ms, rows: rows.length, first: first && { title: first.title, deadline: first.deadline } });
      };
      return;
    }
    // The dashboard's raw pass: every live issue and project read, one loop over each touching the
    // fields the figures use (status, region, units, deadline, closing and finding days; the
    // investment, funding, area and milestone figures of the projects), groups kept in Maps.
    const start = performance.now();
    const tx = db.transaction(['issues', 'projects', 'regions', 'units'], 'readonly');
    const read = {};
    for (const store of ['issues', 'projects', 'regions', 'units']) {
      const request = tx.objectStore(store).getAll();
      request.onerror = fail(request);
      request.onsuccess = () => (read[store] = request.result);
    }
    tx.oncomplete = () => {
      const group = (map, key) => {
        let g = map.get(key);
        if (!g) map.set(key, (g = { found: 0, closed: 0, onTime: 0, overdue: 0, dueSoon: 0 }));
        return g;
      };
      const soon = new Date(Date.parse(today) + 3 * 86_400_000).toISOString().slice(0, 10);
      const byRegion = new Map();
      const byUnit = new Map();
      const found = new Map();
      const closedIn = new Map();
      let issues = 0;
      for (const issue of read.issues) {
        if (issue._deleted === true) continue;
        issues += 1;
        const closed = issue.status === 'closed';
        const onTime = closed && issue.closedAt !== null && issue.closedAt.slice(0, 10) <= issue.deadline;
        const open = !closed && issue.status !== 'draft';
        const overdue = open && issue.deadline < today;
        const dueSoon = open && !overdue && issue.deadline <= soon;
        const month = issue.createdAt.slice(0, 7);
        found.set(month, (found.get(month) ?? 0) + 1);
        if (closed && issue.closedAt) {
          const closedMonth = issue.closedAt.slice(0, 7);
          closedIn.set(closedMonth, (closedIn.get(closedMonth) ?? 0) + 1);
        }
        for (const g of [
          group(byRegion, issue.regionId),
          ...issue.responsibleUnitIds.map((u) => group(byUnit, u)),
        ]) {
          g.found += 1;
          if (closed) g.closed += 1;
          if (onTime) g.onTime += 1;
          if (overdue) g.overdue += 1;
          if (dueSoon) g.dueSoon += 1;
        }
      }
      const projectsByRegion = new Map();
      let projects = 0;
      for (const p of read.projects) {
        if (p._deleted === true) continue;
        projects += 1;
        let g = projectsByRegion.get(p.regionId);
        if (!g)
          projectsByRegion.set(
            p.regionId,
            (g = {
              plan: 0,
              done: 0,
              committed: 0,
              arrived: 0,
              area: 0,
              completedArea: 0,
              started: 0,
              count: 0,
            }),
          );
        g.count += 1;
        g.plan += p.annualPlan;
        g.done += p.completedThisYear;
        for (const line of p.funding) {
          g.committed += line.committed;
          g.arrived += line.arrived;
        }
        g.area += p.scale.areaM2 ?? 0;
        g.completedArea += p.scale.completedAreaM2 ?? 0;
        if (p.milestones.some((m) => m.kind === 'construction' && m.actual !== null && m.actual <= today))
          g.started += 1;
      }
      // Towns roll up into their county.
      const parent = new Map(read.regions.map((r) => [r.id, r.parentId]));
      const counties = new Map();
      for (const [regionId, g] of byRegion) {
        const county = counties.get(parent.get(regionId) ?? regionId) ?? { found: 0, closed: 0 };
        county.found += g.found;
        county.closed += g.closed;
        counties.set(parent.get(regionId) ?? regionId, county);
      }
      const ms = performance.now() - start;
      resolve({
        ms,
        rows: issues,
        projects,
        groups: byRegion.size + byUnit.size + projectsByRegion.size + counties.size,
        months: found.size + closedIn.size,
        units: read.units.length,
      });
    };
    tx.onerror = () => reject(new Error(String(tx.error)));
  });
}

/**
 * Scrolls a list steadily: every animation frame moves its scrolling element down by `px`, for
 * `durationMs`; frame times are the intervals between the frames' timestamps. At the end it checks
 * what is on screen at the top of the list (a row, and which).
 */
function scrollSteadily({ px, durationMs, skip }) {
  const el = document.querySelector('[data-bench-scroller]');
  const rowHeight = Number(el.dataset.benchRowHeight);
  return new Promise((resolve) => {
    const stamps = [];
    const from = el.scrollTop;
    const step = (timestamp) => {
      stamps.push(timestamp);
      if (timestamp - stamps[0] >= durationMs) {
        const box = el.getBoundingClientRect();
        const top = document
          .elementFromPoint(box.left + 20, box.top + 2)
          ?.closest('[aria-rowindex], [data-index]');
        const shown = top
          ? top.hasAttribute('aria-rowindex')
            ? Number(top.getAttribute('aria-rowindex')) - 2
            : Number(top.dataset.index)
          : null;
        const frames = stamps.slice(1).map((t, i) => t - stamps[i]);
        const longFrames = window.__bench.longFrames.filter((f) => f.start >= stamps[0]);
        resolve({
          frames: frames.slice(skip),
          scrolled: el.scrollTop - from,
          expectedTopRow: Math.floor(el.scrollTop / rowHeight),
          shownTopRow: shown,
          longFrames: longFrames.length,
          longestFrame: longFrames.reduce((max, f) => Math.max(max, f.duration), 0),
          // Where the long frames' time went: scripts by what ran them, and the rendering after.
          longFrameMs: longFrames.reduce((sum, f) => sum + f.duration, 0),
          layoutMs: longFrames.reduce((sum, f) => sum + f.layout, 0),
          scripts: Object.entries(
            longFrames
              .flatMap((f) => f.scripts)
              .reduce((sums, x) => ({ ...sums, [x.what]: (sums[x.what] ?? 0) + x.duration }), {}),
          )
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3),
        });
        return;
      }
      el.scrollTop += px;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** Marks the issue list's scrolling body for scrollSteadily and says its size and the row height. */
function markOurScroller() {
  const bodies = [...document.querySelectorAll('[role="table"] [role="rowgroup"]')];
  const el = bodies.find((b) => b.scrollHeight > b.clientHeight + 1);
  const row = document.querySelector('[role="table"] [role="row"][aria-rowindex="2"]');
  if (!el || !row) return null;
  el.scrollTop = 0;
  el.setAttribute('data-bench-scroller', '');
  el.dataset.benchRowHeight = String(row.getBoundingClientRect().height);
  return {
    // The box, scroll bar included: the bare list gets the same box.
    width: el.offsetWidth,
    height: el.offsetHeight,
    rowHeight: row.getBoundingClientRect().height,
    rows: Number(document.querySelector('[role="table"]')?.getAttribute('aria-rowcount')) - 1,
  };
}

/**
 * The bare list's page (served by the bench itself at a same-origin address, no script of ours):
 * a scrolling element of the given size holding absolutely placed plain rows of a fixed height, one
 * title each, kept by TanStack's virtual-core without React.
 */
function bareListPage(script) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare list</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  #list { overflow-y: auto; }
  #inner { position: relative; }
  .row { position: absolute; top: 0; left: 0; right: 0; padding: 0 12px; box-sizing: border-box;
         border-bottom: 1px solid #f0f0f0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
</style></head>
<body><div id="list" data-bench-scroller><div id="inner"></div></div><script>${script}</script></body></html>`;
}

const BARE_LIST_SCRIPT = `
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';

/** Reads every issue's title in the list's order (deadline, then id) from IndexedDB: not timed. */
function readTitles() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('issues', 'readonly').objectStore('issues').index('deadline').getAll();
      request.onerror = () => reject(new Error(String(request.error)));
      request.onsuccess = () => {
        const titles = request.result.filter((r) => r._deleted !== true).map((r) => r.title);
        db.close();
        resolve(titles);
      };
    };
  });
}

async function start({ width, height, rowHeight, overscan }) {
  const titles = await readTitles();
  const list = document.getElementById('list');
  const inner = document.getElementById('inner');
  list.style.width = width + 'px';
  list.style.height = height + 'px';
  list.dataset.benchRowHeight = String(rowHeight);
  const shown = new Map();
  const render = (v) => {
    inner.style.height = v.getTotalSize() + 'px';
    const keep = new Set();
    for (const item of v.getVirtualItems()) {
      keep.add(item.index);
      if (shown.has(item.index)) continue;
      const row = document.createElement('div');
      row.className = 'row';
      row.dataset.index = String(item.index);
      row.style.height = rowHeight + 'px';
      row.style.lineHeight = rowHeight + 'px';
      row.style.transform = 'translateY(' + item.start + 'px)';
      row.textContent = titles[item.index];
      inner.append(row);
      shown.set(item.index, row);
    }
    for (const [index, row] of shown) if (!keep.has(index)) { row.remove(); shown.delete(index); }
  };
  const virtualizer = new Virtualizer({
    count: titles.length,
    getScrollElement: () => list,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width, height },
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: (v) => render(v),
  });
  virtualizer._didMount();
  virtualizer._willUpdate();
  render(virtualizer);
  return { rows: titles.length };
}

window.__bareList = { start };
`;

// ---------------------------------------------------------------------------------------------------
// Node side.

/** A port that is free now (the seeded profile's database belongs to one origin, port included). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function chromiumVersion() {
  try {
    // Debian's wrapper script says more on stderr than the version: keep only stdout.
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch (error) {
    return `unknown (${String(error)})`;
  }
}

/**
 * The seeded browser profile: reused from the cache when everything that shapes it is unchanged (the
 * generator, the derived fields and the schema history as bundled, the campaign, the Chromium),
 * else made afresh — the app's own first run ("Start empty") creates the database, then the records
 * are written with raw IndexedDB — and the stale ones removed.
 */
async function preparedProfile(seedScript) {
  const chromium = chromiumVersion();
  const key = createHash('sha256')
    .update(JSON.stringify({ CACHE_FORMAT, CAMPAIGN, SEEDED_STORES, chromium }))
    .update(seedScript)
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE_ROOT, key);
  const metaFile = join(dir, 'meta.json');
  if (existsSync(metaFile)) return { dir, meta: JSON.parse(readFileSync(metaFile, 'utf8')), reused: true };

  mkdirSync(CACHE_ROOT, { recursive: true });
  for (const stale of readdirSync(CACHE_ROOT))
    rmSync(join(CACHE_ROOT, stale), { recursive: true, force: true });
  const partial = `${dir}.part`;
  mkdirSync(partial, { recursive: true });
  console.error(
    `issues bench: seeding ${SCALE.issues.toLocaleString('en')} issues into ${dir} (once; minutes)`,
  );
  const started = performance.now();
  const port = await freePort();
  const home = mkdtempSync(join(os.tmpdir(), 'ducha-bench-seed-'));
  const host = await startBrowserHost(home, { port });
  let context;
  try {
    context = await launchChromium(join(partial, 'profile'));
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    await startEmpty(page, host.url);
    await page.goto(`${host.origin}/favicon.svg`);
    await page.evaluate(seedScript);
    // Before the minutes of seeding: the app must have made the schema the sources describe.
    checkSchema(await page.evaluate(schemaInPage), 'issues');
    page.on('console', (message) => {
      if (message.text().startsWith('seed:')) console.error(`issues bench: ${message.text()}`);
    });
    const seeded = await page.evaluate(seedCampaignInPage, {
      campaign: CAMPAIGN,
      stores: SEEDED_STORES,
      progress: true,
    });
    const meta = {
      port,
      counts: seeded.counts,
      schemaVersion: seeded.version,
      chromium,
      seededAt: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 1000),
    };
    await context.close();
    context = undefined;
    writeFileSync(join(partial, 'meta.json'), JSON.stringify(meta, null, 2));
    renameSync(partial, dir);
    return { dir, meta, reused: false };
  } finally {
    await context?.close();
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

async function main() {
  if (!checkBuilt('issues')) return;
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a whole number ≥ 1');
  if (!(SCROLL_PX > 0) || !(SCROLL_MS > 0))
    throw new Error('BENCH_SCROLL_PX and BENCH_SCROLL_SECONDS must be > 0');
  const unknown = ONLY.filter((m) => !MEASURES.includes(m));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')} (known: ${MEASURES.join(', ')})`);
  const measure = (name) => ONLY.includes(name);

  const [seedScript, bareScript] = await Promise.all([sampleGeneratorScript(), bundle(BARE_LIST_SCRIPT)]);
  let prepared = await preparedProfile(seedScript);

  const loadBefore = loadAverage();
  const home = mkdtempSync(join(os.tmpdir(), 'ducha-bench-'));
  const profile = join(home, 'chromium-profile');
  const copyStart = performance.now();
  cpSync(join(prepared.dir, 'profile'), profile, { recursive: true });
  const copyMs = performance.now() - copyStart;
  let host;
  try {
    host = await startBrowserHost(home, { port: prepared.meta.port });
  } catch (error) {
    if (!/in use|EADDRINUSE/i.test(String(error))) throw error;
    // Another program holds the port the seeded database belongs to: seed again on a free one.
    console.error(`issues bench: port ${prepared.meta.port} is taken; seeding again on another port`);
    rmSync(prepared.dir, { recursive: true, force: true });
    prepared = await preparedProfile(seedScript);
    rmSync(profile, { recursive: true, force: true });
    cpSync(join(prepared.dir, 'profile'), profile, { recursive: true });
    host = await startBrowserHost(home, { port: prepared.meta.port });
  }
  let context;
  try {
    const origin = host.origin;
    const appUrl = (hash) => `${host.url}&lang=en#${hash}`;
    const neutralUrl = `${origin}/favicon.svg`;
    const rawUrl = `${origin}/favicon.svg?bench=raw`;
    context = await launchChromium(profile);
    await context.addInitScript(probe);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    const browserVersion = context.browser()?.version() ?? 'unknown';

    // What the raw side will find (for checking the app reaches the same rows), and the indexes it uses.
    await page.goto(neutralUrl);
    const expected = await page.evaluate(
      ({ status, term }) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('ducha');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('issues', 'readonly').objectStore('issues');
            const indexes = [...store.indexNames];
            const missing = ['status', 'deadline', '_grams'].filter((i) => !indexes.includes(i));
            if (missing.length > 0)
              return reject(new Error(`the issues store has no index ${missing.join(', ')}`));
            const result = { version: Math.floor(db.version / 10) };
            store.index('status').count(status).onsuccess = (e) => (result.status = e.target.result);
            store.index('_grams').count(term).onsuccess = (e) => (result.search = e.target.result);
            store.transaction.oncomplete = () => {
              db.close();
              resolve(result);
            };
          };
        }),
      { status: STATUS, term: SEARCH },
    );

    const countText = () =>
      page.evaluate(() => document.querySelector('[data-testid="issue-count"]')?.textContent ?? null);
    const waitForCount = (n, timeout = TIMEOUT) =>
      page.waitForFunction(
        (want) =>
          /(\d[\d,]*)/
            .exec(document.querySelector('[data-testid="issue-count"]')?.textContent ?? '')?.[1]
            ?.replace(/,/g, '') === String(want),
        n,
        { timeout },
      );
    const firstDataRow = page.locator('[role="table"] [role="row"][aria-rowindex="2"]').first();
    const waitForTimer = (field = 'painted') =>
      page.waitForFunction((f) => (window.__bench.timer?.[f] ?? null) !== null, field);
    const readTimer = () => page.evaluate(() => window.__bench.timer);
    /** The app at the full issue list, all rows counted and the first one shown. */
    const openFullList = async (fresh) => {
      if (fresh) {
        await page.goto(neutralUrl);
        await page.goto(appUrl('/issues'));
      } else {
        await page.evaluate(() => (location.hash = '#/issues'));
      }
      await waitForCount(SCALE.issues);
      await firstDataRow.waitFor();
      if (fresh) await page.waitForFunction(() => window.__bench?.marks.firstRowFrame !== undefined);
    };

    // The UI contract measured (the list's ARIA table and count, the filter read from the address, the
    // dashboard's mark and ready flag): what is not there yet is reported as waiting, not timed.
    const waiting = {};
    try {
      await page.goto(appUrl('/issues'));
      await waitForCount(SCALE.issues, 120_000);
      await firstDataRow.waitFor({ timeout: 10_000 });
    } catch {
      waiting.list =
        `the issue list shows no [role="table"] with a data row [role="row"][aria-rowindex="2"] and ` +
        `[data-testid="issue-count"] of ${SCALE.issues.toLocaleString('en')} within 2 minutes (count text: ${JSON.stringify(await countText())})`;
    }
    if (!waiting.list) {
      try {
        await page.evaluate((status) => (location.hash = `#/issues?status=${status}`), STATUS);
        await waitForCount(expected.status, 60_000);
      } catch {
        waiting.list = `the issue list does not show the ${expected.status.toLocaleString('en')} issues of #/issues?status=${STATUS} (count text: ${JSON.stringify(await countText())}): it does not read its filter from the address yet`;
      }
    }
    const database = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('ducha');
          open.onsuccess = () => {
            resolve(Math.floor(open.result.version / 10));
            open.result.close();
          };
          open.onerror = () => resolve(null);
        }),
    );
    if (database !== prepared.meta.schemaVersion)
      throw new Error(
        `issues bench: after the app opened it, the database is at schema version ${database}, but the sources ` +
          `(renderer/db/migrations.ts) are at ${prepared.meta.schemaVersion}: rebuild (npm run build) or set DUCHA_DIST to a current build`,
      );
    try {
      await page.evaluate(() => (location.hash = '#/dashboard'));
      await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 120_000 });
      const marked = await page.evaluate(
        (mark) => performance.getEntriesByName(mark).length > 0,
        DASHBOARD_MARK,
      );
      if (!marked)
        waiting.dashboard = `the dashboard is ready but made no performance.mark('${DASHBOARD_MARK}')`;
    } catch {
      waiting.dashboard = `#/dashboard shows no [data-testid="dashboard"][data-ready="true"] within 2 minutes`;
    }
    const ui = (name) => (name === 'dashboard' ? !waiting.dashboard : !waiting.list);
    const oursMeasures = ONLY.filter(ui);

    // Ours: the app in the browser host.
    // `phase(name, running)` is called around each timed phase (for the optional CPU profiles).
    const ours = async (phase = async () => {}) => {
      const result = {};
      const does = (name) => oursMeasures.includes(name);
      if (!waiting.list) {
        // The full list on a fresh load (supplementary), which the filter change starts from.
        await openFullList(true);
        result.load = await page.evaluate(() => ({
          marks: window.__bench.marks,
          rows: Number(document.querySelector('[role="table"]')?.getAttribute('aria-rowcount')) - 1,
        }));
      }
      if (does('filter')) {
        await page.waitForTimeout(DEXIE_CACHE_MS);
        await phase('filter', true);
        await page.evaluate(changeRoute, { hash: `#/issues?status=${STATUS}`, until: 'rows' });
        await waitForTimer();
        await phase('filter', false);
        result.filter = await readTimer();
        // The same change through the UI: the status option clicked in its dropdown (supplementary).
        await openFullList(false);
        await page.waitForTimeout(DEXIE_CACHE_MS);
        await page.getByRole('combobox', { name: 'Status' }).click();
        const option = page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .filter({ hasText: STATUS_LABEL })
          .first();
        await option.waitFor();
        await page.evaluate(changeRoute, { until: 'rows' });
        await option.click();
        await waitForTimer();
        result.filterUi = await readTimer();
        await page.keyboard.press('Escape');
      }
      if (does('search')) {
        await openFullList(false);
        await page.waitForTimeout(DEXIE_CACHE_MS);
        await phase('search', true);
        await page.evaluate(changeRoute, { hash: `#/issues?q=${encodeURIComponent(SEARCH)}`, until: 'rows' });
        await waitForTimer();
        await phase('search', false);
        result.search = await readTimer();
      }
      if (does('dashboard')) {
        await page.evaluate(() => (location.hash = '#/settings'));
        await page.getByRole('heading', { name: 'Settings' }).waitFor();
        await page.waitForTimeout(DEXIE_CACHE_MS);
        await phase('dashboard', true);
        await page.evaluate(changeRoute, { hash: '#/dashboard', until: 'figures', mark: DASHBOARD_MARK });
        await page.waitForFunction(
          () => window.__bench.timer.end !== null && window.__bench.timer.painted !== null,
          null,
          { timeout: 120_000 },
        );
        await phase('dashboard', false);
        result.dashboard = await readTimer();
        // The county table's total of issues found (a check that the figures cover every issue).
        result.dashboard.found = countIn(
          await page.evaluate(
            () => document.querySelector('[data-testid="figure-total-found"]')?.textContent,
          ),
        );
      }
      if (does('scroll')) {
        await openFullList(true);
        const list = await page.evaluate(markOurScroller);
        if (!list) throw new Error('issues bench: found no scrolling body with rows in the issue list');
        await page.waitForTimeout(SETTLE_MS);
        await phase('scroll', true);
        const scrolled = await page.evaluate(scrollSteadily, {
          px: SCROLL_PX,
          durationMs: SCROLL_MS,
          skip: SCROLL_SKIP_FRAMES,
        });
        await phase('scroll', false);
        result.scroll = { ...scrolled, list };
      }
      return result;
    };

    // The baselines: raw IndexedDB from a same-origin page with no script of ours, and a bare
    // virtual list in a page of the bench's own at a same-origin address.
    let listShape = null;
    const raw = async () => {
      const result = {};
      await page.goto(neutralUrl);
      await page.goto(rawUrl);
      await page.waitForFunction(() => window.__bench?.marks.rows !== undefined || window.__bench?.error);
      result.load = await page.evaluate(() => ({
        marks: window.__bench.marks,
        rows: window.__bench.rowCount,
        error: window.__bench.error,
      }));
      if (result.load.error) throw new Error(`raw query failed: ${result.load.error}`);
      const today = new Date().toISOString().slice(0, 10);
      if (measure('filter'))
        result.filter = await page.evaluate(rawQuery, { query: 'status', status: STATUS });
      if (measure('search')) result.search = await page.evaluate(rawQuery, { query: 'search', term: SEARCH });
      if (measure('dashboard'))
        result.dashboard = await page.evaluate(rawQuery, { query: 'dashboard', today });
      if (measure('scroll')) {
        // Same size, row height and overscan as ours; a page of its own, opened for this run only.
        const bare = await context.newPage();
        try {
          bare.setDefaultTimeout(TIMEOUT);
          await bare.route(`${origin}${BARE_PATH}`, (route) =>
            route.fulfill({
              status: 200,
              contentType: 'text/html; charset=utf-8',
              body: bareListPage(bareScript),
            }),
          );
          await bare.goto(`${origin}${BARE_PATH}`);
          const shape = listShape ?? { width: 1300, height: 560, rowHeight: 44 };
          const started = await bare.evaluate((s) => window.__bareList.start(s), { ...shape, overscan: 12 });
          await bare.bringToFront();
          await bare.waitForTimeout(SETTLE_MS);
          result.scroll = {
            ...(await bare.evaluate(scrollSteadily, {
              px: SCROLL_PX,
              durationMs: SCROLL_MS,
              skip: SCROLL_SKIP_FRAMES,
            })),
            list: { ...shape, rows: started.rows },
          };
        } finally {
          await bare.close();
          await page.bringToFront();
        }
      }
      return result;
    };

    // One warm-up of each (HTTP and code caches, the database's files), not counted; ours first, so
    // the bare list can take its size and row height from our table. Then the runs, alternating.
    const setupStart = performance.now();
    const oursRuns = oursMeasures.length > 0 || !waiting.list;
    const warm = oursRuns ? await ours() : {};
    if (warm.scroll)
      listShape = {
        width: warm.scroll.list.width,
        height: warm.scroll.list.height,
        rowHeight: warm.scroll.list.rowHeight,
      };
    await raw();
    const warmMs = performance.now() - setupStart;
    const runs = { ours: [], raw: [] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const side of i % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'])
        runs[side].push(side === 'ours' ? (oursRuns ? await ours() : {}) : await raw());
    }

    console.log(
      'Ducha benchmark: the issue list and the dashboard at 200,000 issues (bench/issues.bench.mjs)',
    );
    console.log(machineLine(loadBefore));
    console.log(`${hostLine(browserVersion)}; no Electron binary on this machine, so the browser host ran`);
    const { counts, seededAt, seconds } = prepared.meta;
    const stores = Object.entries(counts).map(([store, n]) => `${n.toLocaleString('en')} ${store}`);
    console.log(
      `data: ${stores.join(', ')} (sample campaign generator, seed ${CAMPAIGN.seed}, today ${CAMPAIGN.today}; ` +
        `issues with their search bigrams), schema version ${database}; ${expected.status.toLocaleString('en')} ` +
        `issues ${STATUS}, ${expected.search.toLocaleString('en')} with the bigram ${SEARCH}`,
    );
    console.log(
      `seeded profile: ${prepared.reused ? `reused (seeded ${seededAt} in ${seconds} s)` : `seeded now in ${seconds} s`}, ` +
        `kept in ${prepared.dir}; copied for this run in ${(copyMs / 1000).toFixed(1)} s; warm-up ${(warmMs / 1000).toFixed(0)} s`,
    );
    console.log(
      `runs: ${RUNS} of each side after one warm-up, alternating which goes first; medians (min–max); ` +
        'ratio = baseline / ours (higher is better)',
    );
    console.log(
      'timing: performance.now() in the page, from just before location.hash is set (ours) or the query is\n' +
        '  made (raw); the app is English; raw queries run on a connection the baseline page already holds open',
    );

    const results = [];
    const report = ({
      name,
      target,
      ours,
      raw,
      oursWhat,
      rawWhat,
      oursRows,
      rawRows,
      headline = true,
      extra = [],
    }) => {
      const ratio = median(raw) / median(ours);
      const met = ratio >= target;
      if (headline) results.push(met);
      console.log(
        `${name}: ours ${ms(median(ours))}, baseline ${ms(median(raw))}, ratio ${ratio.toFixed(2)} ` +
          `(target ≥ ${target}) — ${met ? 'met' : 'MISSED'}${headline ? '' : ' [supplementary, not a target]'}`,
      );
      console.log(
        `    ours: ${oursWhat}; ${range(ours)}; rows ${oursRows.toLocaleString('en')}; runs ${ours.length}`,
      );
      console.log(
        `    baseline: ${rawWhat}; ${range(raw)}; rows ${rawRows.toLocaleString('en')}; runs ${raw.length}`,
      );
      for (const line of extra) console.log(`    ${line}`);
      if (oursRows !== rawRows)
        console.log('    WARNING: ours and the baseline did not have the same number of rows');
    };
    /** A measure whose UI is not there yet: the baseline alone, and why ours was not timed. */
    const reportWaiting = ({ name, key, raw, rawWhat, rawRows }) => {
      console.log(
        `${name}: ours WAITING FOR THE UI — not timed: ${waiting[key === 'dashboard' ? 'dashboard' : 'list']}`,
      );
      console.log(
        `    baseline: ${rawWhat}; ${ms(median(raw))} (${range(raw)}); rows ${rawRows.toLocaleString('en')}; runs ${raw.length}`,
      );
    };
    const o = runs.ours[0];
    const r = runs.raw[0];
    const since = (key, field) => runs.ours.map((x) => x[key][field] - x[key].start);
    const firstRowCheck = (key) => {
      const shown = runs.ours.map((x) => x[key].firstRow ?? '');
      const first = r[key].first;
      if (!first) return 'no first row expected';
      const same = shown.filter((text) => text.includes(first.title) && text.includes(first.deadline)).length;
      return `first row shown (title and deadline) as the raw query's first in the list's order (deadline, id): ${same} of ${shown.length} runs`;
    };

    for (const key of ['filter', 'search']) {
      if (!measure(key)) continue;
      const isFilter = key === 'filter';
      const line = {
        name: isFilter ? `filter change (status = ${STATUS}, indexed)` : `search "${SEARCH}" (bigram index)`,
        key,
        raw: runs.raw.map((x) => x[key].ms),
        rawWhat: isFilter
          ? `issues.index('status').getAll('${STATUS}') on an open connection`
          : `issues.index('_grams').getAll('${SEARCH}') (multi-entry) on an open connection`,
        rawRows: r[key].rows,
      };
      if (!ui(key)) {
        reportWaiting(line);
        continue;
      }
      report({
        ...line,
        target: TARGETS[key],
        ours: since(key, 'painted'),
        oursWhat:
          `full list (${SCALE.issues.toLocaleString('en')}) → location.hash = "#/issues?${isFilter ? `status=${STATUS}` : `q=${SEARCH}`}" ` +
          'until a new count and the first data row (aria-rowindex 2) are in the DOM and that frame has rendered',
        oursRows: countIn(o[key].text),
        extra: [
          `ours in the DOM ${ms(median(since(key, 'end')))}, its animation frame ${ms(median(since(key, 'frame')))}, rendered ${ms(median(since(key, 'painted')))}`,
          firstRowCheck(key),
        ],
      });
      if (isFilter)
        report({
          ...line,
          name: `filter change through the UI (status = ${STATUS})`,
          target: TARGETS.filter,
          ours: since('filterUi', 'painted'),
          oursWhat:
            'full list, Status dropdown open → click on "In progress" until a new count and the first data row are ' +
            `in the DOM and that frame has rendered (in the DOM ${ms(median(since('filterUi', 'end')))})`,
          oursRows: countIn(o.filterUi.text),
          headline: false,
        });
    }
    if (measure('dashboard')) {
      const line = {
        name: 'dashboard figures',
        key: 'dashboard',
        raw: runs.raw.map((x) => x.dashboard.ms),
        rawWhat:
          'getAll of issues, projects, regions, units in one transaction and one loop over issues and over projects ' +
          '(status, region, units, deadline, closing and finding days; investment, funding, areas, milestones)',
        rawRows: r.dashboard.rows,
      };
      if (!ui('dashboard')) reportWaiting(line);
      else
        report({
          ...line,
          target: TARGETS.dashboard,
          ours: since('dashboard', 'end'),
          oursWhat: `#/settings → location.hash = "#/dashboard" until performance.mark('${DASHBOARD_MARK}')`,
          oursRows: o.dashboard.found,
          extra: [
            `figures on screen (data-ready="true") ${ms(median(since('dashboard', 'ready')))}, rendered ${ms(median(since('dashboard', 'painted')))}`,
            `ours' rows: the county table's total of issues found (figure-total-found); the raw pass also read ` +
              `${r.dashboard.projects.toLocaleString('en')} projects and ${r.dashboard.units} units, and made ${r.dashboard.groups} groups`,
          ],
        });
    }
    if (measure('scroll')) {
      const p95 = (x) => quantile(x.scroll.frames, 0.95);
      const describe = (side) => {
        const list = runs[side].map((x) => x.scroll);
        const frames = list.flatMap((x) => x.frames);
        const per = (f) => median(list.map(f));
        const scripts = {};
        for (const x of list)
          for (const [what, d] of x.scripts) scripts[what] = (scripts[what] ?? 0) + d / list.length;
        const top = Object.entries(scripts)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([what, d]) => `${what} ${ms(d)}`);
        return (
          `median frame ${ms(median(frames))}, ${((frames.filter((f) => f >= 25).length / frames.length) * 100).toFixed(0)}% of ` +
          `frames ≥ 25 ms, ${Math.round(per((x) => x.scrolled)).toLocaleString('en')} px scrolled a run; per run ` +
          `${per((x) => x.longFrames)} long animation frames (longest ${ms(Math.max(...list.map((x) => x.longestFrame)))}) of ` +
          `${ms(per((x) => x.longFrameMs))} in all, their style and layout ${ms(per((x) => x.layoutMs))}` +
          (top.length > 0 ? `; most script time in them (per run): ${top.join('; ')}` : '')
        );
      };
      const atTop = (side) =>
        runs[side].filter(
          (x) =>
            x.scroll.shownTopRow !== null && Math.abs(x.scroll.shownTopRow - x.scroll.expectedTopRow) <= 1,
        ).length;
      const shape = r.scroll.list;
      const line = {
        name: `scrolling ${SCALE.issues.toLocaleString('en')} rows, p95 frame time`,
        key: 'scroll',
        raw: runs.raw.map(p95),
        rawWhat:
          'a bare virtual list (TanStack virtual-core without React, plain rows of the titles, same size, row ' +
          'height and overscan as ours) in a same-origin page with no app script, scrolled the same way',
        rawRows: shape.rows,
      };
      if (!ui('scroll')) reportWaiting(line);
      else
        report({
          ...line,
          target: TARGETS.scroll,
          ours: runs.ours.map(p95),
          oursWhat:
            `the issue list's scrolling body, scrollTop += ${SCROLL_PX} px every animation frame for ${SCROLL_MS / 1000} s ` +
            `(first ${SCROLL_SKIP_FRAMES} frames not counted); frame time = interval between requestAnimationFrame ` +
            'timestamps; p95 of each run',
          oursRows: o.scroll.list.rows,
          extra: [
            `ours: ${describe('ours')}`,
            `baseline: ${describe('raw')}`,
            `list ${shape.width}×${shape.height} px, rows of ${shape.rowHeight} px, overscan 12; the row at the top ` +
              `at the end was the one the scroll position says in ${atTop('ours')} of ${RUNS} runs of ours, ` +
              `${atTop('raw')} of ${RUNS} of the baseline`,
          ],
        });
    }
    if (!waiting.list)
      report({
        name: 'full list on a fresh load',
        target: 0.5,
        ours: runs.ours.map((x) => x.load.marks.firstRowDom),
        raw: runs.raw.map((x) => x.load.marks.rows),
        oursWhat: 'navigation start of the app at #/issues until the first data row is in the DOM',
        rawWhat:
          "navigation start of a same-origin static page until indexedDB.open('ducha') and issues.index('deadline').getAll() have the rows",
        oursRows: o.load.rows,
        rawRows: r.load.rows,
        headline: false,
      });
    if (process.env.BENCH_PROFILE && oursRuns) {
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
    const waitingFor = ONLY.filter((m) => !ui(m));
    if (waitingFor.length > 0)
      console.log(`waiting for the UI: ${waitingFor.join(', ')} (baseline measured, ours not timed)`);
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

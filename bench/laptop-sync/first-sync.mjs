// Part 1: a new laptop's first sync of a large city. Ours: a fresh laptop enrolled (untimed), then
// from the click on "Sign in" (which starts its first round) until the round has ended and the
// project ledger counts every project. Baseline, in the same Chromium on a fresh laptop: the same
// snapshot, page by page, fetched raw by the page through the host relay's syncCall channel (the page cannot reach the
// server itself, and ours pays the same relay), its operations folded into rows and written with plain
// IndexedDB into object stores, one transaction per table. Ratio baseline / ours, target ≥ 0.6.
import { countIn, median } from '../support.mjs';
import { count, timeOf, verdict } from '../sync-server/report.mjs';
import { BENCH_TEAM } from './city.mjs';
import { enroll, firstRoundDone, freshLaptop } from './laptop.mjs';

const ROUND_TIMEOUT_MS = 30 * 60_000;

async function oursOnce(city, projects) {
  const laptop = await freshLaptop('ours');
  try {
    const signIn = await enroll(laptop.page, city);
    const started = performance.now();
    await signIn();
    await firstRoundDone(laptop.page, ROUND_TIMEOUT_MS);
    const roundMs = performance.now() - started;
    await laptop.page.getByRole('menuitem', { name: 'Projects' }).click();
    const countText = laptop.page.getByTestId('project-count');
    await laptop.page.waitForFunction(
      (expected) => {
        const text = document.querySelector('[data-testid="project-count"]')?.textContent ?? '';
        return Number(/(\d[\d,]*)/.exec(text)?.[1]?.replace(/,/g, '')) === expected;
      },
      projects,
      { timeout: 120_000, polling: 100 },
    );
    const ms = performance.now() - started;
    return { ms, roundMs, shown: countIn(await countText.textContent()) };
  } finally {
    await laptop.close();
  }
}

/**
 * In the page: the baseline, timed inside the page. Self-contained (handed to page.evaluate). The
 * snapshot page by page, as ours takes it (the server gives at most 2,000 rows a page); each page's
 * operations folded into rows and written in one transaction over the tables.
 */
async function rawSnapshotInPage({ server, path, session, database, tableNames }) {
  const started = performance.now();
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(database, 1);
    open.onupgradeneeded = () => {
      for (const table of tableNames) open.result.createObjectStore(table, { keyPath: 'id' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const counts = {};
  let operations = 0;
  let fetchMs = 0;
  let from = '';
  for (;;) {
    const asked = performance.now();
    const response = await fetch('/api/syncCall', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ducha-Token': sessionStorage.getItem('ducha.token') },
      body: JSON.stringify({ server, method: 'GET', path: `${path}?limit=2000${from}`, session }),
    });
    const reply = await response.json();
    if (!reply.ok || reply.value.kind !== 'reply' || reply.value.status !== 200)
      throw new Error(`snapshot: ${JSON.stringify(reply).slice(0, 500)}`);
    fetchMs += performance.now() - asked;
    const page = reply.value.body;
    const tables = new Map();
    for (const op of page.operations) {
      let rows = tables.get(op.table);
      if (!rows) tables.set(op.table, (rows = new Map()));
      let row = rows.get(op.rowId);
      if (!row) rows.set(op.rowId, (row = { id: op.rowId, _clocks: {} }));
      // Clocks of one node sort as text; the later one wins.
      if ((row._clocks[op.field] ?? '') < op.hlc) {
        row[op.field] = op.value;
        row._clocks[op.field] = op.hlc;
      }
    }
    operations += page.operations.length;
    await new Promise((resolve, reject) => {
      const tx = db.transaction([...tables.keys()], 'readwrite');
      for (const [table, rows] of tables) {
        const store = tx.objectStore(table);
        for (const row of rows.values()) store.put(row);
        counts[table] = (counts[table] ?? 0) + rows.size;
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    if (!page.next) break;
    // The next page's start as shared/sync/snapshot-key.ts spells it: JSON, UTF-8, base64url.
    const json = new TextEncoder().encode(JSON.stringify([page.next.table, page.next.rowId]));
    // eslint-disable-next-line no-restricted-globals -- in the page, where shared/ cannot be imported
    const base64 = btoa(String.fromCharCode(...json));
    from = `&next=${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }
  db.close();
  return { ms: performance.now() - started, fetchMs, operations, counts };
}

async function baselineOnce(city, reader, run, tableNames) {
  const laptop = await freshLaptop('raw');
  try {
    await reader.renewSession();
    return await laptop.page.evaluate(rawSnapshotInPage, {
      server: city.url,
      path: `/teams/${BENCH_TEAM}/snapshot`,
      // The reference laptop's session (a private field of its class: plain JavaScript here).
      session: reader.session,
      database: `raw-snapshot-${run}`,
      tableNames,
    });
  } finally {
    await laptop.close();
  }
}

export async function firstSync({ city, filler, rows, operations, settings, say }) {
  const ours = [];
  const raw = [];
  for (let run = 0; run < settings.runs; run++) {
    // Alternate which side goes first, so neither always meets a warmer machine.
    const order = run % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
    for (const side of order) {
      say(`first sync, run ${run + 1}: ${side}`);
      // A side that cannot finish (a snapshot over the relay's limit, say) is a finding, not a crash.
      const tableNames = Object.keys(rows).filter((table) => rows[table] > 0);
      const once =
        side === 'ours' ? oursOnce(city, rows.projects) : baselineOnce(city, filler, run, tableNames);
      const result = await once.catch((error) => ({ failed: String(error?.message ?? error).slice(0, 400) }));
      (side === 'ours' ? ours : raw).push(result);
    }
  }
  const failures = [...ours, ...raw].filter((r) => r.failed);
  if (failures.length > 0) {
    console.log('');
    console.log("1. a new laptop's first sync: could not finish");
    for (const f of failures) console.log(`   ${ours.includes(f) ? 'ours' : 'raw'}: ${f.failed}`);
    console.log(`   → ${verdict('first sync', Number.NaN, 0.6)}`);
    return { ours, raw };
  }
  const last = raw.at(-1);
  if (last && last.operations !== operations)
    console.log(
      `warning: the snapshot held ${count(last.operations)} operations, the city ${count(operations)}`,
    );
  if (last && last.counts.projects !== rows.projects)
    console.log(`warning: the raw rows hold ${last.counts.projects} projects, the city ${rows.projects}`);
  const oursMs = ours.map((r) => r.ms);
  const rawMs = raw.map((r) => r.ms);
  console.log('');
  console.log("1. a new laptop's first sync (sign-in → round done → the ledger counts every project)");
  console.log(`   ours: ${timeOf(oursMs)}; of which the round ${timeOf(ours.map((r) => r.roundMs))}`);
  console.log(
    `   raw snapshot + plain IndexedDB: ${timeOf(rawMs)}; of which the fetch through the relay ` +
      `${timeOf(raw.map((r) => r.fetchMs))}`,
  );
  console.log(`   → baseline / ours: ${verdict('first sync', median(rawMs) / median(oursMs), 0.6)}`);
  return { ours, raw };
}

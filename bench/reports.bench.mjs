// Benchmark: a supervision bulletin (督查通报) for 200 visits with 400 photos, from "Make preview" to the
// saved PDF, against printing the same HTML with no templating work — the print alone.
//
// Ours: the app's Reports page, Bulletin tab, the sample campaign's whole period; the clock runs from
// the click on "Make preview" (reading the records, preparing every photo at print size, computing
// the figures, rendering the document) through "Save PDF" (the host inlines the font and prints with
// headless Chromium) until the PDF's download has arrived. Baseline: the very HTML ours sent to the
// host (caught on its way), posted again to the host's printPdf channel from the same page, timed
// until the PDF is back. Ratio = baseline / ours (1.0: the templating costs nothing). Also printed:
// the PDF's pages and size, the HTML's size and how many photos it carries.
//
// Run: npm run build && node bench/run.mjs reports   (or: node bench/reports.bench.mjs)
// Settings: BENCH_RUNS=n (default 5), DUCHA_DIST, DUCHA_CHROMIUM.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  checkBuilt,
  hostLine,
  launchChromium,
  loadAverage,
  machineLine,
  median,
  ms,
  range,
  sampleGeneratorScript,
  startBrowserHost,
  startEmpty,
} from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? '5');
const CAMPAIGN = {
  seed: 20_260_301,
  today: '2026-06-30',
  scale: { projects: 60, visits: 200, issues: 300, photos: 400 },
};
const STORES = [
  'regions',
  'units',
  'people',
  'teams',
  'projects',
  'visits',
  'issues',
  'issueEvents',
  'photos',
];
const TIMEOUT = 600_000;

/** In the page: the campaign's records and photo originals written as the app stores them. */
async function seedInPage({ campaign, stores }) {
  const sample = window.__duchaSample;
  const data = await sample.generateCampaign(campaign);
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const put = (store, rows) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      for (const row of rows) tx.objectStore(store).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
  for (const store of stores)
    await put(
      store,
      data[store].map((row) => ({ ...sample.withDerivedFields(store, row), _clocks: {} })),
    );
  await put(
    'photoBlobs',
    data.photoBlobs.map((b) => ({
      sha256: b.sha256,
      mimeType: b.mimeType,
      byteLength: b.bytes.byteLength,
      blob: new Blob([b.bytes], { type: b.mimeType }),
    })),
  );
  const dates = data.visits.map((v) => v.date).sort();
  db.close();
  return {
    visits: data.visits.length,
    photos: data.photos.length,
    visitPhotos: data.photos.filter((p) => p.visitId !== null).length,
    from: dates[0],
    to: dates.at(-1),
  };
}

async function main() {
  if (!checkBuilt('reports')) return;
  const loadBefore = loadAverage();
  const home = mkdtempSync(join(os.tmpdir(), 'ducha-bench-reports-'));
  const host = await startBrowserHost(home);
  let context;
  try {
    context = await launchChromium(join(home, 'profile'));
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    await startEmpty(page, host.url);
    await page.evaluate(await sampleGeneratorScript());
    const seeded = await page.evaluate(seedInPage, { campaign: CAMPAIGN, stores: STORES });

    // Ours' print request, caught on its way to the host: the baseline prints exactly it.
    let printed = null;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/printPdf')) printed = request.postData();
    });

    const runOurs = async () => {
      await page.evaluate(() => (location.hash = '#/reports?doc=bulletin'));
      await page.getByLabel('From', { exact: true }).fill(seeded.from);
      await page.getByLabel('To', { exact: true }).fill(seeded.to);
      const started = performance.now();
      await page.getByRole('button', { name: 'Make preview' }).click();
      const save = page.getByRole('button', { name: 'Save PDF' });
      await page.locator('iframe[title^="Preview"]').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 300_000 }).catch(async (error) => {
          // Say what the page shows instead (a failed print names its cause).
          const shown = await page.locator('[role="alert"], .ant-alert').allInnerTexts();
          throw new Error(`no PDF: ${shown.join(' | ') || String(error)}`);
        }),
        save.click(),
      ]);
      const file = await download.path();
      const elapsed = performance.now() - started;
      const pages = Number(/pages: (\d+)/.exec(await page.getByText(/^Saved /).innerText())?.[1]);
      return { ms: elapsed, bytes: statSync(file).size, pages };
    };

    const runBaseline = () =>
      page.evaluate(async (body) => {
        const token = sessionStorage.getItem('ducha.token');
        const started = performance.now();
        const response = await fetch('/api/printPdf', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Ducha-Token': token ?? '' },
          body,
        });
        const reply = await response.json();
        if (!reply.ok) throw new Error(reply.error.message);
        return { ms: performance.now() - started, bytes: reply.value.bytes, pages: reply.value.pages };
      }, printed);

    await page.goto(`${host.url}&lang=en#/reports?doc=bulletin`);
    await runOurs(); // warm-up: the first print also starts the host's Chromium
    if (!printed) throw new Error('the app did not send its document to the host');
    const html = JSON.parse(printed).html;
    await runBaseline();
    const ours = [];
    const baseline = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${host.url}&lang=en#/projects`);
      if (i % 2 === 0) {
        ours.push(await runOurs());
        baseline.push(await runBaseline());
      } else {
        baseline.push(await runBaseline());
        ours.push(await runOurs());
      }
    }
    const oursMs = median(ours.map((r) => r.ms));
    const baseMs = median(baseline.map((r) => r.ms));
    const browserVersion = context.browser()?.version() ?? 'unknown';
    console.log('Ducha benchmark: a bulletin of 200 visits with 400 photos to PDF (bench/reports.bench.mjs)');
    console.log(machineLine(loadBefore));
    console.log(hostLine(browserVersion));
    console.log(
      `data: sample campaign (seed ${String(CAMPAIGN.seed)}), ${String(seeded.visits)} visits from ${seeded.from} to ${seeded.to}, ${String(seeded.photos)} photos (${String(seeded.visitPhotos)} on visits), originals 640×480 JPEG`,
    );
    console.log(`runs: ${String(RUNS)} of each side after a warm-up, alternating; medians (min–max)`);
    console.log(
      `bulletin to PDF: ours ${ms(oursMs)}, print alone ${ms(baseMs)}, ratio ${(baseMs / oursMs).toFixed(2)}`,
    );
    console.log(
      `    ours: click on "Make preview" → "Save PDF" → the PDF downloaded; ${range(ours.map((r) => r.ms))}`,
    );
    console.log(
      `    print alone: the same HTML posted to /api/printPdf → the PDF back; ${range(baseline.map((r) => r.ms))}`,
    );
    console.log(
      `    document: ${(html.length / 2 ** 20).toFixed(1)} MB of HTML carrying ${String((html.match(/<img /g) ?? []).length)} images; PDF ${String(ours[0]?.pages)} pages, ${(median(ours.map((r) => r.bytes)) / 2 ** 20).toFixed(1)} MB (print alone: ${String(baseline[0]?.pages)} pages)`,
    );
  } finally {
    await context?.close();
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`reports bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

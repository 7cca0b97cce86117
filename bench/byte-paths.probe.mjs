// Probe (not a benchmark: no baseline, no target): how fast a page moves bytes to and from a loopback
// server in each shape the hand-over could use, with nothing of Ducha's in the way. It chose the shapes
// of the import reads (many photos to one reply) and the export writes (one photo a request); the
// figures are in bench/README.md under exchange.bench.mjs.
//
// Download: the server hands out photo-sized pieces from memory, `k` to a reply, `lanes` replies in
// flight; the page keeps each photo as a Blob (response.blob(), sliced) or copies it (arrayBuffer()).
// Upload: the page posts Blobs it read from IndexedDB, `k` to a request, to a server that only counts.
//
// Run: node bench/byte-paths.probe.mjs   (PROBE_PHOTOS=n photos of 2.3 MB, default 200; DUCHA_CHROMIUM)
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './support.mjs';

const PHOTOS = Number(process.env.PROBE_PHOTOS ?? '200');
const SIZE = 2_300_000;
const DOWNLOADS = [
  ['blob', 4, 1],
  ['blob', 6, 1],
  ['arrayBuffer', 4, 1],
  ['blob', 4, 4],
  ['blob', 4, 8],
  ['blob', 4, 16],
  ['blob', 3, 14],
  ['blob', 1, PHOTOS],
];
const UPLOADS = [
  [6, 1],
  [3, 4],
  [3, 14],
  [1, PHOTOS],
];

const served = Array.from({ length: 8 }, () => randomBytes(SIZE));
let received = 0;
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://probe');
  if (request.method === 'GET' && url.pathname === '/') {
    response.setHeader('Content-Type', 'text/html');
    response.end('<!doctype html><title>probe</title>');
  } else if (request.method === 'GET') {
    const k = Number(url.searchParams.get('k') ?? '1');
    response.setHeader('Content-Type', 'application/octet-stream');
    response.setHeader('Content-Length', String(SIZE * k));
    for (let i = 0; i < k; i++) response.write(served[i % served.length]);
    response.end();
  } else {
    request.on('data', (chunk) => (received += chunk.length));
    request.on('end', () => response.end('{}'));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const mbps = (bytes, ms) => `${Math.round(bytes / 1e6 / (ms / 1000))} MB/s`;

console.log(
  `byte-paths probe: ${PHOTOS} photos of ${SIZE / 1e6} MB, headless Chromium ↔ a Node server on loopback`,
);
const profile = mkdtempSync(join(os.tmpdir(), 'ducha-probe-'));
const context = await launchChromium(profile);
try {
  // Downloads: a fresh page each, so the Blobs of the previous shape are gone.
  for (const [mode, lanes, k] of DOWNLOADS) {
    const page = await context.newPage();
    await page.goto(origin);
    const ms = await page.evaluate(
      async ({ mode, lanes, k, photos, size }) => {
        const kept = [];
        const replies = Math.ceil(photos / k);
        let next = 0;
        const started = performance.now();
        const lane = async () => {
          while (next < replies) {
            next++;
            const response = await fetch(`/photos?k=${k}`);
            if (mode === 'blob') {
              const whole = await response.blob();
              for (let i = 0; i < k; i++) kept.push(whole.slice(i * size, (i + 1) * size));
            } else {
              const bytes = await response.arrayBuffer();
              for (let i = 0; i < k; i++) kept.push(new Blob([new Uint8Array(bytes, i * size, size)]));
            }
          }
        };
        await Promise.all(Array.from({ length: lanes }, lane));
        return performance.now() - started;
      },
      { mode, lanes, k, photos: PHOTOS, size: SIZE },
    );
    const bytes = Math.ceil(PHOTOS / k) * k * SIZE;
    console.log(
      `  download, ${mode}(), ${k} a reply, ${lanes} in flight: ${Math.round(ms)} ms, ${mbps(bytes, ms)}`,
    );
    await page.close();
  }
  // Uploads: the photos stored in IndexedDB first, then read back as the export reads them.
  const page = await context.newPage();
  await page.goto(origin);
  await page.evaluate(
    async ({ photos, size }) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('photos');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (let i = 0; i < photos; i++) {
        const bytes = new Uint8Array(size);
        crypto.getRandomValues(bytes.subarray(0, 65_536));
        await new Promise((resolve, reject) => {
          const tx = db.transaction('photos', 'readwrite');
          tx.objectStore('photos').put(new Blob([bytes]), i);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      window.probeDb = db;
    },
    { photos: PHOTOS, size: SIZE },
  );
  for (const [lanes, k] of UPLOADS) {
    received = 0;
    const ms = await page.evaluate(
      async ({ lanes, k, photos }) => {
        const blobs = await new Promise((resolve, reject) => {
          const all = window.probeDb.transaction('photos').objectStore('photos').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        const requests = Math.ceil(photos / k);
        let next = 0;
        const started = performance.now();
        const lane = async () => {
          while (next < requests) {
            const i = next++;
            const body = new Blob(blobs.slice(i * k, (i + 1) * k));
            await (await fetch('/upload', { method: 'POST', body })).text();
          }
        };
        await Promise.all(Array.from({ length: lanes }, lane));
        return performance.now() - started;
      },
      { lanes, k, photos: PHOTOS },
    );
    console.log(
      `  upload, Blobs from IndexedDB, ${k} a request, ${lanes} in flight: ${Math.round(ms)} ms, ${mbps(received, ms)}`,
    );
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

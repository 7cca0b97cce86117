// The exchange benchmark's code that runs in the page: each function is handed to page.evaluate or
// addInitScript, so each is self-contained (no names from outside it, no imports).

/** At the start of every document: records host calls, blob reads, digests and write transactions. */
export function probe() {
  if (window.__xb) return; // added again by a later connection
  const now = () => performance.now();
  const bench = { blobReads: [], digests: [], txs: [], longTasks: [], run: null };
  window.__xb = bench;
  try {
    performance.setResourceTimingBufferSize(1_000_000);
  } catch {
    // no resource timing buffer to grow
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing
  }
  const arrayBuffer = Blob.prototype.arrayBuffer;
  Blob.prototype.arrayBuffer = function () {
    const start = now();
    const size = this.size;
    return arrayBuffer.call(this).then((result) => {
      bench.blobReads.push({ start, end: now(), size });
      return result;
    });
  };
  if (globalThis.SubtleCrypto) {
    const digest = SubtleCrypto.prototype.digest;
    SubtleCrypto.prototype.digest = function (algorithm, data) {
      const start = now();
      const size = data?.byteLength ?? 0;
      return digest.call(this, algorithm, data).then((result) => {
        bench.digests.push({ start, end: now(), size });
        return result;
      });
    };
  }
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    const stores = Array.from(tx.objectStoreNames);
    if (tx.mode === 'readwrite' || stores.includes('photoBlobs')) {
      const record = {
        start: now(),
        end: null,
        mode: tx.mode,
        stores: stores.length,
        photoBlobs: stores.includes('photoBlobs'),
      };
      bench.txs.push(record);
      const done = () => (record.end ??= now());
      tx.addEventListener('complete', done);
      tx.addEventListener('abort', done);
    }
    return tx;
  };
}

/**
 * Arms a timed step of ours, to run while no automation is attached: after `delay` ms the enabled,
 * visible button named `button` is clicked (element.click(), as React sees a user's click) and the
 * clock starts; it stops when one of `outcomes` (CSS selectors) is in the DOM, and the document's
 * title becomes "xb:done", which the bench watches from outside (the DevTools target list).
 */
export function armInPage({ button, outcomes, delay }) {
  const bench = window.__xb;
  for (const list of [bench.blobReads, bench.digests, bench.txs]) list.length = 0;
  const target = [...document.querySelectorAll('button')].find(
    (b) => b.textContent.trim() === button && !b.disabled && b.offsetParent !== null,
  );
  if (!target) throw new Error(`no enabled button "${button}" on the page`);
  const run = { start: null, end: null, text: null, which: null, title: document.title };
  bench.run = run;
  const check = () => {
    if (run.start === null || run.end !== null) return;
    for (const selector of outcomes) {
      const found = document.querySelector(selector);
      if (!found) continue;
      run.end = performance.now();
      run.text = found.textContent;
      run.which = selector;
      observer.disconnect();
      document.title = 'xb:done';
      return;
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  setTimeout(() => {
    run.start = performance.now();
    target.click();
  }, delay);
}

/** Arms the import's baseline (window.__xbRaw, after the data is built) to run after `delay` ms. */
export function armRawInPage({ args, delay }) {
  window.__xb.raw = null;
  setTimeout(async () => {
    try {
      window.__xb.raw = { ms: await window.__xbRaw(args) };
    } catch (error) {
      window.__xb.raw = { error: String(error) };
    }
    document.title = 'xb:done';
  }, delay);
}

/**
 * The cost of a fetch() with a request body, in the page: `count` POSTs of `size` bytes to the host's
 * exportWrite channel (with no export session, so the host reads the body and refuses it), the body
 * as a Uint8Array (as the page sends export pieces today) and as a Blob made from the same bytes.
 * For each: the main thread's time in the fetch() call itself (and in new Blob) and the round trip.
 */
export function armFetchCostInPage({ size, count, delay, sessionId }) {
  window.__xb.fetchCost = null;
  const token = sessionStorage.getItem('ducha.token') ?? '';
  const send = async (kind, i) => {
    const fields = encodeURIComponent(
      JSON.stringify({
        sessionId,
        path: `cost/${kind}-${String(i)}-${String(performance.now())}.bin`,
        offset: 0,
        final: true,
      }),
    );
    const bytes = new Uint8Array(size);
    bytes[0] = i;
    const start = performance.now();
    const body = kind === 'blob' ? new Blob([bytes]) : bytes;
    const pending = fetch('/api/exportWrite', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Ducha-Token': token,
        'X-Ducha-Fields': fields,
      },
      body,
    });
    const blocked = performance.now() - start;
    await (await pending).text();
    return { blocked, total: performance.now() - start };
  };
  setTimeout(async () => {
    const result = { bytes: [], blob: [] };
    try {
      for (let round = 0; round < 2; round++)
        for (const kind of ['bytes', 'blob'])
          for (let i = 0; i < count / 2; i++) result[kind].push(await send(kind, i));
      window.__xb.fetchCost = result;
    } catch (error) {
      window.__xb.fetchCost = { error: String(error) };
    }
    document.title = 'xb:done';
  }, delay);
}

/** What the probe saw during the armed run. */
export function collectInPage() {
  const bench = window.__xb;
  const run = bench.run;
  document.title = run.title;
  const within = (e) => e.start >= run.start - 1 && e.start <= run.end;
  const api = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/') && e.startTime >= run.start - 1 && e.startTime <= run.end)
    .map((e) => ({
      channel: new URL(e.name).pathname.slice(5),
      start: e.startTime,
      end: e.responseEnd,
      firstByte: e.responseStart,
    }));
  return {
    start: run.start,
    end: run.end,
    ms: run.end - run.start,
    text: run.text,
    which: run.which,
    api,
    blobReads: bench.blobReads.filter(within),
    digests: bench.digests.filter(within),
    txs: bench.txs.filter(within).map((t) => ({ ...t, end: t.end ?? run.end })),
    longTasks: bench.longTasks.filter(within),
  };
}

/**
 * Builds the benchmark's data in the page (after the PAGE_MODULES bundle): the sample campaign with
 * its photo originals replaced by 1–4 MB JPEGs (`totalBytes` in all), every reference to a photo's hash
 * following, the issue histories sealed again, and every row as the app stores it with `hlc` on each
 * field. Leaves { rows: { table: rows }, photoBlobs, otherBlobs } in window.__xbData.
 */
export async function buildDataInPage({ campaign, totalBytes, hlc }) {
  const s = window.__duchaSample;
  const data = await s.generateCampaign(campaign);
  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

  // The sample JPEG with `size - jpeg.length` bytes of APP15 segments after its own APPn segments,
  // random (xorshift32, seeded per photo): a valid image, incompressible, distinct.
  const padded = (jpeg, size, seed) => {
    const buffer = new ArrayBuffer(Math.ceil(size / 4) * 4);
    const words = new Uint32Array(buffer);
    let x = (Math.imul(seed + 1, 2654435761) ^ 0x9e3779b9) >>> 0 || 1;
    for (let i = 0; i < words.length; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      words[i] = x;
    }
    const out = new Uint8Array(buffer, 0, size);
    let at = 2;
    while (jpeg[at] === 0xff && jpeg[at + 1] >= 0xe0 && jpeg[at + 1] <= 0xef)
      at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
    out.set(jpeg.subarray(0, at), 0);
    const padding = size - jpeg.length;
    const segments = Math.ceil(padding / 65_000);
    const each = Math.floor(padding / segments);
    let pos = at;
    for (let k = 0; k < segments; k++) {
      const total = k === segments - 1 ? padding - each * (segments - 1) : each;
      const length = total - 2; // the length field counts itself, not the marker
      out[pos] = 0xff;
      out[pos + 1] = 0xef;
      out[pos + 2] = length >> 8;
      out[pos + 3] = length & 0xff;
      pos += total;
    }
    out.set(jpeg.subarray(at), pos);
    return out;
  };

  const originals = new Map(data.photoBlobs.map((b) => [b.sha256, b]));
  const distinct = [...new Set(data.photos.map((p) => p.sha256))];
  const weights = distinct.map((_, i) => 1 + 3 * ((i * 0.6180339887498949) % 1)); // 1–4, mean 2.5
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const remap = new Map();
  const sizeOf = new Map();
  const photoBlobs = [];
  for (const [i, oldSha] of distinct.entries()) {
    const jpeg = originals.get(oldSha).bytes;
    const size = Math.round((weights[i] / weightSum) * totalBytes);
    const sha256 = hex(await crypto.subtle.digest('SHA-256', padded(jpeg, size, i)));
    remap.set(oldSha, sha256);
    sizeOf.set(sha256, size);
    // The bytes are made again when written, not held: 1 GB of them held in the page while the seed
    // also turned them into Blobs stalled the seeding at about half way.
    photoBlobs.push({ sha256, mimeType: 'image/jpeg', byteLength: size, make: () => padded(jpeg, size, i) });
  }
  const otherBlobs = data.photoBlobs
    .filter((b) => !remap.has(b.sha256))
    .map((b) => ({
      sha256: b.sha256,
      mimeType: b.mimeType,
      byteLength: b.bytes.byteLength,
      make: () => b.bytes,
    }));

  const tables = s.SYNCED_TABLES.filter((t) => t !== 'checklistTemplates'); // "Start empty" wrote those
  const rows = {};
  for (const table of tables) {
    const text = JSON.stringify(data[table]).replace(/[0-9a-f]{64}/g, (m) => remap.get(m) ?? m);
    rows[table] = JSON.parse(text);
  }
  for (const photo of rows.photos) photo.byteLength = sizeOf.get(photo.sha256);
  // Evidence hashes changed: seal each issue's history again, as the generator did.
  const byIssue = new Map();
  for (const event of rows.issueEvents) {
    const list = byIssue.get(event.issueId) ?? [];
    list.push(event);
    byIssue.set(event.issueId, list);
  }
  for (const list of byIssue.values()) s.sealChain(list.sort((a, b) => a.seq - b.seq));
  for (const table of tables) {
    rows[table] = rows[table].map((row) => {
      const clocks = {};
      for (const [field, value] of Object.entries(row))
        if (field !== 'id' && value !== undefined) clocks[field] = hlc;
      return s.withDerivedFields(table, { ...row, _clocks: clocks });
    });
  }
  window.__xbData = { rows, photoBlobs, otherBlobs };
  const rowsText = JSON.stringify(rows);
  return {
    counts: Object.fromEntries(tables.map((t) => [t, rows[t].length])),
    records: tables.reduce((n, t) => n + rows[t].length, 0),
    recordBytes: new TextEncoder().encode(rowsText).byteLength,
    fingerprint: hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rowsText))),
    photos: rows.photos.length,
    blobs: photoBlobs.length,
    blobBytes: photoBlobs.reduce((n, b) => n + b.byteLength, 0),
    smallest: Math.min(...photoBlobs.map((b) => b.byteLength)),
    largest: Math.max(...photoBlobs.map((b) => b.byteLength)),
    otherBlobs: otherBlobs.length,
    otherBlobBytes: otherBlobs.reduce((n, b) => n + b.byteLength, 0),
  };
}

/** This laptop's node and a clock of it for the seeded rows (after everything it wrote so far). */
export async function clockInPage() {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const device = await new Promise((resolve, reject) => {
    const request = db.transaction('meta').objectStore('meta').get('device');
    request.onsuccess = () => resolve(request.result?.value);
    request.onerror = () => reject(new Error(String(request.error)));
  });
  const version = Math.floor(db.version / 10);
  db.close();
  if (!device) throw new Error('the app has not made its device identity');
  const s = window.__duchaSample;
  const last = s.decodeHlc(device.lastHlc);
  const hlc = s.encodeHlc({ wall: Math.max(Date.now(), last.wall + 1), counter: 0, node: device.nodeId });
  return { node: device.nodeId, hlc, version, expectedVersion: s.LATEST_VERSION };
}

/** Laptop A: writes window.__xbData as the app stores it, and moves the laptop's clock to `hlc`. */
export async function seedInPage({ hlc }) {
  const { rows, photoBlobs, otherBlobs } = window.__xbData;
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const write = (stores, fill) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
  const started = performance.now();
  for (const [table, list] of Object.entries(rows))
    await write(table, (tx) => list.forEach((row) => tx.objectStore(table).put(row)));
  await write('meta', (tx) => {
    const meta = tx.objectStore('meta');
    const request = meta.get('device');
    request.onsuccess = () => meta.put({ key: 'device', value: { ...request.result.value, lastHlc: hlc } });
  });
  const all = [...photoBlobs, ...otherBlobs];
  for (let from = 0; from < all.length; from += 20)
    await write('photoBlobs', (tx) => {
      for (const b of all.slice(from, from + 20))
        tx.objectStore('photoBlobs').put({
          sha256: b.sha256,
          mimeType: b.mimeType,
          byteLength: b.byteLength,
          blob: new Blob([b.make()], { type: b.mimeType }),
        });
    });
  db.close();
  delete window.__xbData;
  return performance.now() - started;
}

/**
 * The import's baseline: window.__xbData's rows and the originals the bundle carries (`blobKeys`; the
 * bytes already in memory) put with plain IndexedDB into the app's database, in one read-write
 * transaction, until it completes.
 */
export async function rawWriteInPage({ blobKeys }) {
  const { rows, photoBlobs: photos, otherBlobs } = window.__xbData;
  const carried = new Set(blobKeys);
  // The bytes in memory before the clock starts, as an import holds what it read.
  const photoBlobs = [...photos, ...otherBlobs]
    .filter((b) => carried.has(b.sha256))
    .map((b) => ({ ...b, bytes: b.make() }));
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const tx = db.transaction([...Object.keys(rows), 'photoBlobs'], 'readwrite');
    for (const [table, list] of Object.entries(rows)) {
      const store = tx.objectStore(table);
      for (const row of list) store.put(row);
    }
    const blobs = tx.objectStore('photoBlobs');
    for (const b of photoBlobs)
      blobs.put({
        sha256: b.sha256,
        mimeType: b.mimeType,
        byteLength: b.bytes.byteLength,
        blob: new Blob([b.bytes], { type: b.mimeType }),
      });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(String(tx.error)));
  });
  const elapsed = performance.now() - started;
  db.close();
  delete window.__xbData;
  return elapsed;
}

/** Rows per store, and the photo originals' count, bytes and a digest of their keys and sizes. */
export async function contentsInPage(tables) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ducha');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const tx = db.transaction([...tables, 'photoBlobs'], 'readonly');
  const counts = {};
  await Promise.all(
    tables.map(
      (table) =>
        new Promise((resolve) => {
          const request = tx.objectStore(table).count();
          request.onsuccess = () => resolve((counts[table] = request.result));
        }),
    ),
  );
  const blobs = [];
  await new Promise((resolve, reject) => {
    const request = tx.objectStore('photoBlobs').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      blobs.push(`${cursor.value.sha256}:${cursor.value.blob.size}`);
      cursor.continue();
    };
    request.onerror = () => reject(new Error(String(request.error)));
  });
  db.close();
  const text = new TextEncoder().encode(blobs.sort().join('\n'));
  const digest = await crypto.subtle.digest('SHA-256', text);
  return {
    counts,
    blobs: blobs.length,
    blobBytes: blobs.reduce((n, b) => n + Number(b.split(':')[1]), 0),
    blobDigest: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
  };
}

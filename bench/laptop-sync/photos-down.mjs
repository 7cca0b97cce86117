// Part 3: photos down. A server holds BENCH_PHOTO_MB of photos of the bench team — photo records, their
// originals and the thumbnail and display copy laptop A made of each (named by the record), pushed and
// uploaded through the chunk protocol by a reference laptop (what laptop A does after adding them;
// untimed). Ours: a fresh browser laptop B, enrolled (untimed), from the click on "Sign in" (which
// starts its first round: the records, then every thumbnail, every display copy, then the originals,
// two at a time) until B's photo store holds every original, checked by count and bytes (polled in
// B's page every 100 ms). Baseline, on another fresh
// laptop in the same Chromium: the page fetches the same originals through the same host relay
// (`POST /api/syncDownload`, which checks each hash as it does for ours) and stores them as Blobs in
// one IndexedDB transaction; timed inside the page. Ratio baseline / ours, target ≥ 0.6.
//
// The photos are real JPEGs of 2.4–5.2 MB: four scenes with camera-like grain encoded by Chromium at
// quality 0.92 (4000×3000 and so on), each copy made distinct by a comment segment of its own after
// the start-of-image marker, so every photo has a hash of its own and decodes as a full photo.
// Laptop A's copies are made from each scene in Chromium as the app's image workers make them (display
// copy at most 1,600 px on its longer side, thumbnail 320 px from it, JPEG quality 0.82), and made
// distinct per photo by a comment segment too. BENCH_PHOTO_KIND=noise (a diagnostic) sends random
// bytes of the same sizes instead, with no copies: the app cannot decode them, so B makes none, and the
// figure is the transfer and the storing alone.
import { createHash, randomFillSync } from 'node:crypto';
import { chromium } from '@playwright/test';
import { CHROMIUM, median } from '../support.mjs';
import { DuchaCity } from '../sync-server/ducha-city.mjs';
import { count, megabytes, timeOf, verdict } from '../sync-server/report.mjs';
import { BENCH_TEAM } from './city.mjs';
import { enroll, freshLaptop } from './laptop.mjs';

export const PHOTOS_TARGET = 0.6;
/** The scenes: width, height and the grain's amplitude (more grain, more bytes). */
const SCENES = [
  [4000, 3000, 10],
  [3264, 2448, 14],
  [4000, 3000, 6],
  [4608, 3456, 12],
];
const PROJECT_ID = 'bench-photos-project';

/** In a page: one scene as a JPEG, in base64. Self-contained (handed to page.evaluate). */
async function sceneJpegInPage({ width, height, grain, seed }) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#8fb8de');
  sky.addColorStop(0.55, '#d8e4ea');
  sky.addColorStop(0.56, '#7a6a55');
  sky.addColorStop(1, '#4d4234');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  // Buildings and scaffolding of a site: blocks of colour across the ground.
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `hsl(${(i * 37 + seed * 11) % 360} 30% ${30 + (i % 5) * 10}%)`;
    const x = (i * 997 + seed * 131) % width;
    const y = height * 0.3 + ((i * 331) % (height * 0.5));
    ctx.fillRect(x, y, 80 + ((i * 53) % 400), 60 + ((i * 71) % 500));
  }
  // A sensor's grain: what makes a camera's JPEG a few megabytes rather than a few hundred kilobytes.
  const image = ctx.getImageData(0, 0, width, height);
  const data = image.data;
  let state = 12_345 + seed;
  for (let i = 0; i < data.length; i += 4) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    const noise = (state % (2 * grain + 1)) - grain;
    data[i] += noise;
    data[i + 1] += noise;
    data[i + 2] += noise;
  }
  ctx.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  // As data: URLs' base64 (FileReader does it natively), to cross into Node.
  const base64Of = (bytes) =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(',') + 1));
      reader.onerror = () => reject(new Error(String(reader.error)));
      reader.readAsDataURL(bytes);
    });
  // Laptop A's copies, as renderer/features/photos/derivatives.worker.ts makes them.
  const scaledCopy = (source, longest) => {
    const scale = Math.min(1, longest / Math.max(source.width, source.height));
    const copy = new OffscreenCanvas(
      Math.max(1, Math.round(source.width * scale)),
      Math.max(1, Math.round(source.height * scale)),
    );
    const context = copy.getContext('2d', { alpha: false });
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, copy.width, copy.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, copy.width, copy.height);
    return copy;
  };
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const display = scaledCopy(bitmap, 1600);
  const thumbnail = scaledCopy(display, 320);
  const copyOf = async (copy) => ({
    base64: await base64Of(await copy.convertToBlob({ type: 'image/jpeg', quality: 0.82 })),
    width: copy.width,
    height: copy.height,
  });
  return {
    original: await base64Of(blob),
    display: await copyOf(display),
    thumbnail: await copyOf(thumbnail),
  };
}

/** The four scenes' JPEGs with laptop A's copies of each, made in a Chromium page of their own. */
async function makeScenes() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    const scenes = [];
    for (const [index, [width, height, grain]] of SCENES.entries()) {
      const made = await page.evaluate(sceneJpegInPage, { width, height, grain, seed: index });
      const copy = ({ base64, ...size }) => ({ bytes: Buffer.from(base64, 'base64'), ...size });
      scenes.push({
        original: Buffer.from(made.original, 'base64'),
        thumbnail: copy(made.thumbnail),
        display: copy(made.display),
      });
    }
    return scenes;
  } finally {
    await browser.close();
  }
}

/**
 * Photo `index` of the set: a scene with a comment segment (FF FE) of its own right after SOI; with
 * `noise`, random bytes of that photo's size.
 */
function photoBytes(scenes, index, noise) {
  const scene = scenes[index % scenes.length].original;
  if (noise)
    return randomFillSync(Buffer.allocUnsafe(scene.length + 4 + `ducha bench photo ${index}`.length));
  return withComment(scene, `ducha bench photo ${index}`);
}

/** The JPEG with a comment segment (FF FE) holding `words` right after its start-of-image marker. */
function withComment(jpeg, words) {
  const text = Buffer.from(words, 'utf8');
  const comment = Buffer.alloc(4 + text.length);
  comment.writeUInt16BE(0xfffe, 0);
  comment.writeUInt16BE(2 + text.length, 2);
  text.copy(comment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2)]);
}

/** Laptop A's thumbnail and display copy of photo `index`, each with bytes of its own. */
function photoCopies(scenes, index) {
  const scene = scenes[index % scenes.length];
  return Object.fromEntries(
    ['thumbnail', 'display'].map((kind) => {
      const bytes = withComment(scene[kind].bytes, `ducha bench photo ${index} ${kind}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { width, height } = scene[kind];
      return [kind, { bytes, named: { sha256, byteLength: bytes.length, width, height } }];
    }),
  );
}

/** The photo record of photo `index`, as the app stores one (PhotoSchema). */
function photoRecord(index, sha256, byteLength, scene, copies) {
  const takenAt = new Date(Date.UTC(2026, 5, 1, 8, 0, index)).toISOString();
  return {
    createdAt: takenAt,
    updatedAt: takenAt,
    sha256,
    fileName: `IMG_${String(index + 1).padStart(4, '0')}.jpg`,
    mimeType: 'image/jpeg',
    byteLength,
    width: scene[0],
    height: scene[1],
    takenAt,
    gps: { lat: 22.78, lng: 100.97 },
    camera: 'Bench camera',
    orientation: 1,
    caption: '',
    projectId: PROJECT_ID,
    visitId: null,
    issueId: null,
    checklistItemId: null,
    ...(copies ? { copies: { thumbnail: copies.thumbnail.named, display: copies.display.named } } : {}),
  };
}

/**
 * A fresh server whose bench team holds photos of about `megabytes` MB: records pushed and originals
 * uploaded by a reference laptop. Resolves with the city, the uploader and the photos' hashes and sizes.
 */
async function photoCity(kit, megabytesWanted, noise, say) {
  say('photos down: making the scenes');
  const scenes = await makeScenes();
  const city = await DuchaCity.start(kit, { name: 'SQLite' }, { teams: [BENCH_TEAM], label: 'photos-down' });
  const uploader = await city.laptop(BENCH_TEAM, 'bench-photos-a', { pushBatch: 500, pushesInFlight: 2 });
  const photos = [];
  let total = 0;
  for (let index = 0; total < megabytesWanted * 1e6; index++) {
    const bytes = photoBytes(scenes, index, noise);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await uploader.uploadBlob(new Uint8Array(bytes), kit.CHUNK_MAX_BYTES);
    const copies = noise ? null : photoCopies(scenes, index);
    for (const copy of Object.values(copies ?? {}))
      await uploader.uploadBlob(new Uint8Array(copy.bytes), kit.CHUNK_MAX_BYTES);
    const id = `bench-photo-${String(index + 1).padStart(5, '0')}`;
    const record = photoRecord(index, sha256, bytes.length, SCENES[index % SCENES.length], copies);
    for (const [field, value] of Object.entries(record)) uploader.edit('photos', id, field, value);
    photos.push({ sha256, byteLength: bytes.length });
    total += bytes.length;
    if (photos.length % 50 === 0) say(`photos down: ${photos.length} photos uploaded`);
  }
  await uploader.push();
  if (uploader.refused.size > 0)
    throw new Error(`the server refused ${uploader.refused.size} photo operations`);
  return { city, uploader, photos, total };
}

/**
 * In B's page: resolves once its photo store (Dexie's `photoBlobs`) holds `count` originals of `bytes`
 * bytes in all — with Date.now() then — or, after `timeoutMs`, with what it held and the Sync page's
 * problem, if any. Self-contained.
 */
async function photosHeldInPage({ count: wanted, bytes: wantedBytes, timeoutMs }) {
  const until = Date.now() + timeoutMs;
  const held = () =>
    new Promise((resolve) => {
      const open = indexedDB.open('ducha');
      open.onerror = () => resolve({ count: 0, bytes: 0 });
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('photoBlobs')) {
          db.close();
          resolve({ count: 0, bytes: 0 });
          return;
        }
        const store = db.transaction('photoBlobs').objectStore('photoBlobs');
        const counted = store.count();
        counted.onsuccess = () => {
          // The rows (Blob handles, not their bytes) are read only once the count is complete.
          if (counted.result < wanted) {
            db.close();
            resolve({ count: counted.result, bytes: null });
            return;
          }
          const rows = store.getAll();
          rows.onsuccess = () => {
            db.close();
            resolve({ count: rows.result.length, bytes: rows.result.reduce((s, r) => s + r.blob.size, 0) });
          };
        };
      };
    });
  let last = { count: 0, bytes: null };
  while (Date.now() < until) {
    last = await held();
    if (last.count === wanted && last.bytes === wantedBytes) return { at: Date.now(), ...last };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const problem = document.querySelector('[data-testid="sync-problem"]')?.textContent ?? null;
  return { at: null, ...last, problem };
}

async function oursOnce(city, set, timeoutMs) {
  const laptop = await freshLaptop('photos-b');
  try {
    const signIn = await enroll(laptop.page, city);
    const clicked = Date.now();
    await signIn();
    const held = await laptop.page.evaluate(photosHeldInPage, {
      count: set.photos.length,
      bytes: set.total,
      timeoutMs,
    });
    if (held.at === null)
      throw new Error(
        `after ${Math.round(timeoutMs / 1000)} s B held ${held.count} of ${set.photos.length} originals` +
          (held.problem ? ` (the Sync page says: ${held.problem})` : ''),
      );
    return { ms: held.at - clicked };
  } finally {
    await laptop.close();
  }
}

/** In the page: the baseline, timed inside the page. Self-contained (handed to page.evaluate). */
async function rawPhotosInPage({ server, teamId, session, photos, database }) {
  const started = performance.now();
  const token = sessionStorage.getItem('ducha.token');
  const fetched = [];
  for (const { sha256, byteLength } of photos) {
    const response = await fetch('/api/syncDownload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ducha-Token': token },
      body: JSON.stringify({ server, teamId, sha256, session }),
    });
    if (response.headers.get('content-type') !== 'application/octet-stream')
      throw new Error(`photo ${sha256}: ${(await response.text()).slice(0, 300)}`);
    const blob = await response.blob();
    if (blob.size !== byteLength) throw new Error(`photo ${sha256}: ${blob.size} bytes, not ${byteLength}`);
    fetched.push({ sha256, byteLength, blob: new Blob([blob], { type: 'image/jpeg' }) });
  }
  const fetchedAt = performance.now();
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(database, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('photoBlobs', { keyPath: 'sha256' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('photoBlobs', 'readwrite');
    const store = tx.objectStore('photoBlobs');
    for (const row of fetched) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(String(tx.error)));
  });
  db.close();
  return { ms: performance.now() - started, fetchMs: fetchedAt - started };
}

async function rawOnce(city, set, run) {
  const laptop = await freshLaptop('photos-raw');
  try {
    await set.uploader.renewSession();
    return await laptop.page.evaluate(rawPhotosInPage, {
      server: city.url,
      teamId: BENCH_TEAM,
      // The reference laptop's session (a private field of its class: plain JavaScript here).
      session: set.uploader.session,
      photos: set.photos,
      database: `raw-photos-${run}`,
    });
  } finally {
    await laptop.close();
  }
}

export async function photosDown({ kit, settings, say }) {
  const noise = settings.photoKind === 'noise';
  const set = await photoCity(kit, settings.photoMegabytes, noise, say);
  const { city } = set;
  try {
    // Generous: 20 s plus a second per 2 MB, for a loaded machine.
    const timeoutMs = 20_000 + (set.total / 2e6) * 1000;
    const ours = [];
    const raw = [];
    for (let run = 0; run < settings.runs; run++) {
      // Alternate which side goes first, so neither always meets a warmer machine.
      for (const side of run % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours']) {
        say(`photos down, run ${run + 1}: ${side}`);
        // A side that cannot finish is a finding, not a crash of the whole bench.
        const once = side === 'ours' ? oursOnce(city, set, timeoutMs) : rawOnce(city, set, run);
        const result = await once.catch((error) => ({
          failed: String(error?.message ?? error).slice(0, 400),
        }));
        (side === 'ours' ? ours : raw).push(result);
      }
    }
    const failures = [...ours, ...raw].filter((r) => r.failed);
    if (failures.length > 0) {
      console.log('');
      console.log(`3. photos down (${megabytes(set.total)}): could not finish`);
      for (const f of failures) console.log(`   ${ours.includes(f) ? 'ours' : 'raw'}: ${f.failed}`);
      console.log(`   → ${verdict('photos down', Number.NaN, PHOTOS_TARGET)}`);
      return { ours, raw };
    }
    const oursMs = ours.map((r) => r.ms);
    const rawMs = raw.map((r) => r.ms);
    const lengths = set.photos.map((p) => p.byteLength);
    const sizes = `${megabytes(Math.min(...lengths))}–${megabytes(Math.max(...lengths))}`;
    const rate = (msValue) => `${(set.total / 1e6 / (msValue / 1000)).toFixed(0)} MB/s`;
    console.log('');
    console.log(
      `3. photos down: ${count(set.photos.length)} ${noise ? 'photos of random bytes (BENCH_PHOTO_KIND=noise: no copies made)' : 'JPEGs'} of ${sizes}, ${megabytes(set.total)}, to a fresh laptop ` +
        `(sign-in → its photo store holds every original); runs: ${settings.runs}`,
    );
    console.log(
      `   ours: ${timeOf(oursMs)}, ${rate(median(oursMs))}` +
        (noise ? '' : " (with each photo's two copies, laptop A's, fetched first)"),
    );
    console.log(
      `   raw through the relay + Blobs in one IndexedDB transaction: ${timeOf(rawMs)}, ` +
        `${rate(median(rawMs))}; of which the fetches ${timeOf(raw.map((r) => r.fetchMs))}`,
    );
    console.log(
      `   → baseline / ours: ${verdict('photos down', median(rawMs) / median(oursMs), PHOTOS_TARGET)}`,
    );
    return { ours, raw };
  } finally {
    await city.remove();
  }
}

// Target 4, photos: the same photos (random bytes, incompressible like JPEGs, 2–5 MB each) uploaded
// one after another by a signed-in laptop through Ducha's chunk protocol — one call asking which
// hashes the server lacks, then per photo PATCHes from offset 0 (Upload-Offset; a 409 would say
// where a partial upload stands), in chunks of the protocol's largest size, until the server has verified the SHA-256, fsynced and
// renamed it — vs PUT to a bare Node `http` server that writes and fsyncs them. Both with Node's
// fetch from this process; the hashes are known beforehand (a laptop computes them when it takes the
// photo). Ratio = bare time / Ducha's ≥ 0.7. On the SQLite server (photos live in the data folder
// whatever the database).
import { createHash, randomFillSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../support.mjs';
import { startChild } from './child.mjs';
import { cpuLine, cpuMeter } from './cpu.mjs';
import { DuchaCity } from './ducha-city.mjs';
import { count, megabytes, timeOf, verdict } from './report.mjs';

export const PHOTO_TARGET = 0.7;
const TEAM = 'team-photos';
const MISSING_BATCH = 5000;

/** Photos of 2–5 MB (a fixed sequence of sizes) until `totalBytes`, each its own random bytes and hash. */
export function makePhotos(totalBytes) {
  const photos = [];
  let made = 0;
  let state = 20_260_301;
  while (made < totalBytes) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const size = Math.min(2_000_000 + (state % 3_000_001), Math.max(1, totalBytes - made));
    const bytes = randomFillSync(Buffer.allocUnsafe(size));
    photos.push({ bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    made += size;
  }
  return photos;
}

async function expectStatus(response, status, what) {
  if (response.status !== status) {
    throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  await response.arrayBuffer();
}

/** Ducha: ask what is missing, then HEAD + PATCHes per photo. Resolves with the ms it took. */
async function duchaUpload(url, session, teamId, photos, chunkBytes) {
  const auth = { authorization: `Bearer ${session}` };
  const started = performance.now();
  const missing = new Set();
  for (let from = 0; from < photos.length; from += MISSING_BATCH) {
    const response = await fetch(`${url}/teams/${teamId}/blobs/missing`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ hashes: photos.slice(from, from + MISSING_BATCH).map((p) => p.sha256) }),
    });
    if (response.status !== 200) throw new Error(`missing: HTTP ${response.status} ${await response.text()}`);
    for (const sha of (await response.json()).missing) missing.add(sha);
  }
  for (const { bytes, sha256 } of photos) {
    if (!missing.has(sha256)) continue;
    // A photo the server lacks is sent from 0 without asking first; had an earlier attempt left part
    // of it there, the server answers 409 with its offset and the upload goes on from there.
    let offset = 0;
    while (offset < bytes.length) {
      const chunk = bytes.subarray(offset, offset + chunkBytes);
      const response = await fetch(`${url}/blobs/${sha256}`, {
        method: 'PATCH',
        headers: {
          ...auth,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(offset),
          'upload-length': String(bytes.length),
        },
        body: chunk,
      });
      if (response.status !== 409) await expectStatus(response, 204, `PATCH at ${offset}`);
      else await response.arrayBuffer();
      offset = Number(response.headers.get('upload-offset'));
    }
  }
  return performance.now() - started;
}

/** The baseline: one PUT per photo to the bare server. Resolves with the ms it took. */
async function bareUpload(port, photos) {
  const started = performance.now();
  for (const { bytes, sha256 } of photos) {
    const response = await fetch(`http://127.0.0.1:${port}/${sha256}`, { method: 'PUT', body: bytes });
    await expectStatus(response, 204, 'PUT');
  }
  return performance.now() - started;
}

async function duchaRun(kit, photos) {
  const city = await DuchaCity.start(kit, { name: 'SQLite' }, { teams: [TEAM], label: 'photos' });
  try {
    const laptop = await city.laptop(TEAM, 'photo laptop');
    const meter = cpuMeter({ serverPid: city.serverPid });
    // The reference laptop keeps its session to itself (private in TypeScript); the bench borrows it.
    const ms = await duchaUpload(city.url, laptop.session, TEAM, photos, kit.CHUNK_MAX_BYTES);
    const cpu = meter();
    // Not timed: the server must now lack none of them (a blob counts only once verified and renamed).
    const response = await fetch(`${city.url}/teams/${TEAM}/blobs/missing`, {
      method: 'POST',
      headers: { authorization: `Bearer ${laptop.session}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hashes: photos.slice(0, MISSING_BATCH).map((p) => p.sha256) }),
    });
    const { missing } = await response.json();
    if (response.status !== 200 || missing.length > 0)
      throw new Error(`the Ducha server lacks ${missing?.length} photos`);
    return { ms, cpu };
  } finally {
    await city.remove();
  }
}

async function bareRun(photos) {
  const folder = mkdtempSync(join(tmpdir(), 'ducha-bench-bare-put-'));
  const server = await startChild(join(import.meta.dirname, 'bare-put-server.mjs'), {
    label: 'the bare PUT server',
    args: [folder],
    ready: /bare PUT server listening on (\d+)/,
  });
  try {
    const meter = cpuMeter({ serverPid: server.pid });
    const ms = await bareUpload(server.match[1], photos);
    const cpu = meter();
    if (readdirSync(folder).length !== photos.length) throw new Error('the bare server lost photos');
    return { ms, cpu };
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function photoUploads({ kit, settings, say }) {
  say(`photos: making ${settings.photoMegabytes} MB of photos`);
  const photos = makePhotos(settings.photoMegabytes * 1e6);
  const bytes = photos.reduce((sum, p) => sum + p.bytes.length, 0);
  const ours = [];
  const bare = [];
  const cpu = { ducha: [], bare: [] };
  for (let run = 0; run < settings.runs; run += 1) {
    for (const side of run % 2 === 0 ? ['ducha', 'bare'] : ['bare', 'ducha']) {
      say(`photos: run ${run + 1} of ${settings.runs}, ${side}`);
      const result = side === 'ducha' ? await duchaRun(kit, photos) : await bareRun(photos);
      (side === 'ducha' ? ours : bare).push(result.ms);
      cpu[side].push(result.cpu);
    }
  }
  const rate = (times) => `${megabytes(bytes / (median(times) / 1000))}/s`;
  console.log('');
  console.log('4. Photos');
  console.log(
    `   ${count(photos.length)} photos, ${megabytes(bytes)} (random bytes, 2–5 MB each), one after another; Ducha: one "missing" ` +
      `call, then PATCH from 0 in chunks of up to ${kit.CHUNK_MAX_BYTES / 2 ** 20} MiB per photo, on the SQLite server; bare: ` +
      `PUT to a Node http server that writes and fsyncs. ${settings.runs} run(s), median (min–max).`,
  );
  console.log(`     Ducha chunk protocol   ${timeOf(ours)}, ${rate(ours)}`);
  console.log(`       ${cpuLine(cpu.ducha, median)}`);
  console.log(`     bare PUT + fsync       ${timeOf(bare)}, ${rate(bare)}`);
  console.log(`       ${cpuLine(cpu.bare, median)}`);
  console.log(
    `     → ${verdict(`${megabytes(bytes)} of photos vs bare PUT`, median(bare) / median(ours), PHOTO_TARGET)}`,
  );
}

// The exchange benchmark's supplementary "host alone" replay: the host's share of ours' export and
// import driven from Node, the same files, channels, pieces and parallelism as the page uses, so the
// page's share is the difference.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The pieces the page sends (write-export.ts PIECE_BYTES) and asks for (read-bundle.ts READ_PIECE). */
export const EXPORT_PIECE = 8 * 1024 * 1024;
export const IMPORT_READ_BYTES = 32 * 1024 * 1024; // read-bundle.ts READ_BYTES
export const IMPORT_LANES = 3; // read-bundle.ts PARALLEL_READS
export const EXPORT_LANES = 6; // write-export.ts PARALLEL_FILES

const sum = (list, f) => list.reduce((n, x) => n + f(x), 0);

/** A call to the browser host's API from Node, as the page makes it (origin, token, binary bodies). */
export async function hostCall(host, channel, request) {
  const headers = { Origin: host.origin, 'X-Ducha-Token': host.token };
  let init;
  if (request.bytes) {
    const { bytes, ...fields } = request;
    init = {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'application/octet-stream',
        'X-Ducha-Fields': encodeURIComponent(JSON.stringify(fields)),
      },
      body: bytes,
    };
  } else {
    init = {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    };
  }
  const response = await fetch(`${host.origin}/api/${channel}`, init);
  if (response.headers.get('content-type') === 'application/octet-stream') {
    const fields = JSON.parse(decodeURIComponent(response.headers.get('X-Ducha-Fields') ?? '{}'));
    return { ...fields, bytes: new Uint8Array(await response.arrayBuffer()) };
  }
  const reply = await response.json();
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  if (reply.value?.status === 'failed')
    throw new Error(`${channel}: ${reply.value.fault}: ${reply.value.detail}`);
  return reply.value;
}

/**
 * The host's share of ours' export, from Node: the same files (read from an earlier export, in the
 * page cache) sent through exportBegin / exportWrite (8 MiB pieces, 6 files at a time) / exportFinish
 * with that export's manifest — what the page asks of the host, without the page.
 */
export async function hostAloneExport(host, source, targetDir) {
  const manifestText = readFileSync(join(source, 'bundle', 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText);
  const files = manifest.files;
  // As "Use this folder" in the in-app chooser: the host grants the folder, the calls name the grant.
  const { grant } = await hostCall(host, 'exchangeGrant', { path: targetDir });
  const started = performance.now();
  const begun = await hostCall(host, 'exportBegin', {
    grant,
    folderName: 'host-alone',
    totalBytes: sum(files, (f) => f.size),
    largestFileBytes: Math.max(...files.map((f) => f.size)),
  });
  const queue = [...files];
  const lane = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const bytes = await readFile(join(source, ...file.path.split('/')));
      for (let offset = 0; offset < bytes.byteLength || offset === 0; offset += EXPORT_PIECE) {
        const piece = bytes.subarray(offset, offset + EXPORT_PIECE);
        const final = offset + piece.byteLength >= bytes.byteLength;
        const reply = await hostCall(host, 'exportWrite', {
          sessionId: begun.sessionId,
          path: file.path,
          offset,
          final,
          bytes: piece,
        });
        if (final && reply.sha256 !== file.sha256)
          throw new Error(`host alone: ${file.path} hashed differently`);
        if (bytes.byteLength === 0) break;
      }
    }
  };
  await Promise.all(Array.from({ length: EXPORT_LANES }, lane));
  const finishStart = performance.now();
  const done = await hostCall(host, 'exportFinish', { sessionId: begun.sessionId, manifest: manifestText });
  const end = performance.now();
  return {
    ms: end - started,
    writeMs: finishStart - started,
    finishMs: end - finishStart,
    path: done.path,
    bytes: done.bytes,
    files: done.files,
  };
}

/**
 * The host's share of ours' import, from Node: importScan (Verify), then every photo read as Apply
 * reads them (read-bundle.ts): whole files checked against their SHA-256, many to a read, a few reads
 * at a time.
 */
export async function hostAloneImport(host, folder) {
  const { grant } = await hostCall(host, 'exchangeGrant', { path: folder });
  const started = performance.now();
  const scan = await hostCall(host, 'importScan', { grant });
  const scanMs = performance.now() - started;
  const manifest = JSON.parse(scan.manifest);
  const groups = [];
  let group = [];
  let groupBytes = 0;
  for (const file of manifest.files.filter((f) => f.role === 'blob')) {
    if (group.length > 0 && groupBytes + file.size > IMPORT_READ_BYTES) {
      groups.push(group);
      group = [];
      groupBytes = 0;
    }
    group.push(file);
    groupBytes += file.size;
  }
  if (group.length > 0) groups.push(group);
  const readStart = performance.now();
  let bytes = 0;
  let next = 0;
  const lane = async () => {
    while (next < groups.length) {
      const files = groups[next++].map((f) => ({ path: f.path, sha256: f.sha256 }));
      const reply = await hostCall(host, 'importReadFiles', { bundleGrant: scan.bundleGrant, files });
      if (reply.status !== 'read') throw new Error(`host alone: ${reply.detail}`);
      bytes += reply.bytes.byteLength;
    }
  };
  await Promise.all(Array.from({ length: IMPORT_LANES }, lane));
  return { scanMs, readMs: performance.now() - readStart, bytes, reads: groups.length };
}

// The export's fair limit (issue 21): the byte path alone. The same photo Blobs the export sends are
// read from IndexedDB in the page and sent by the fastest path the browser host has — a fetch() whose
// body is the Blob (or an 8 MiB slice of it), six files at a time, as write-export.ts sends them — to a
// bare handler that writes each piece where it belongs and fsyncs each file, then the folder. No
// planning, no hashing, no manifest, no rename, no read-back: what any export over this host must pay.
// The handler runs in the bench's own process on loopback (a second origin), so the page's CSP is
// bypassed for this step only, through DevTools.
import { createServer } from 'node:http';
import { mkdirSync, promises as fs } from 'node:fs';
import { join } from 'node:path';

/** A loopback server that writes what it is sent under `folder()`; `url` is its origin. */
export async function startBytePathServer() {
  let folder = null;
  const open = new Map(); // name → FileHandle
  const handleOf = async (name) => {
    let handle = open.get(name);
    if (!handle) {
      handle = await fs.open(join(folder, name), 'w');
      open.set(name, handle);
    }
    return handle;
  };
  const server = createServer(async (request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/write') {
        const name = url.searchParams.get('name') ?? '';
        if (!/^[0-9a-f]{64}$/.test(name)) throw new Error(`bad name ${name}`);
        let position = Number(url.searchParams.get('offset'));
        const handle = await handleOf(name);
        for await (const chunk of request) {
          await handle.write(chunk, 0, chunk.length, position);
          position += chunk.length;
        }
        if (url.searchParams.get('final') === '1') {
          await handle.sync();
          await handle.close();
          open.delete(name);
        }
      } else if (url.pathname === '/finish') {
        const dir = await fs.open(folder, 'r');
        await dir.sync();
        await dir.close();
      } else throw new Error(`no ${url.pathname}`);
      response.end('ok');
    } catch (error) {
      response.statusCode = 500;
      response.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Where the next run writes: a fresh folder. */
    into(path) {
      mkdirSync(path);
      folder = path;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * In the page (self-contained): the photos' Blobs read from the app's IndexedDB one by one, as the
 * export reads them, and sent in 8 MiB pieces, `lanes` files at a time; returns the page's time.
 */
export async function bytePathInPage({ url, keys, lanes, piece }) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('ducha');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const read = (key) =>
    new Promise((resolve, reject) => {
      const request = db.transaction('photoBlobs').objectStore('photoBlobs').get(key);
      request.onsuccess = () => resolve(request.result?.blob ?? null);
      request.onerror = () => reject(request.error);
    });
  const send = async (query, body) => {
    // text/plain keeps it a simple request: no preflight, as the host's own calls need none.
    const reply = await fetch(`${url}${query}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/plain' },
    });
    if (!reply.ok) throw new Error(await reply.text());
  };
  const start = performance.now();
  let next = 0;
  let bytes = 0;
  const lane = async () => {
    for (let index = next++; index < keys.length; index = next++) {
      const key = keys[index];
      const blob = await read(key);
      if (!blob) throw new Error(`no photo ${key}`);
      bytes += blob.size;
      let offset = 0;
      do {
        const end = Math.min(blob.size, offset + piece);
        const body = offset === 0 && end === blob.size ? blob : blob.slice(offset, end);
        await send(`/write?name=${key}&offset=${offset}&final=${end >= blob.size ? 1 : 0}`, body);
        offset = end;
      } while (offset < blob.size);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await send('/finish', '');
  db.close();
  return { ms: performance.now() - start, bytes, files: keys.length };
}

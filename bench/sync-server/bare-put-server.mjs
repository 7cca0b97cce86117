// The baseline of target 4, as a child process: a bare Node `http` server that takes `PUT /<name>`
// and writes the body to <folder>/<name>, fsyncs it (createWriteStream's `flush`), then answers 204.
// No checks, no hashing, no rename: the least a server can do to keep a photo.
//   node bench/sync-server/bare-put-server.mjs /tmp/folder   → "bare PUT server listening on <port>"
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const folder = process.argv[2];
if (!folder) throw new Error('usage: bare-put-server.mjs <folder>');

const server = createServer((request, response) => {
  const name = /^\/([0-9a-f]{64})$/.exec(request.url ?? '')?.[1];
  if (request.method !== 'PUT' || !name) {
    response.writeHead(404).end();
    return;
  }
  pipeline(request, createWriteStream(join(folder, name), { flush: true })).then(
    () => response.writeHead(204).end(),
    (error) => response.writeHead(500).end(String(error)),
  );
});
server.listen(0, '127.0.0.1', () => console.log(`bare PUT server listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

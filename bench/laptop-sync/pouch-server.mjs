// PouchDB's side of the first-sync comparison, as a child process: express-pouchdb 4 on Express 4 on
// loopback (PouchDB Server's CouchDB API, mode "minimumForPouchDB"), its databases on PouchDB's
// LevelDB adapter in a folder (PouchDB Server's default), as bench/sync-server/pouchdb-server.mjs runs
// it — and, on the same origin, a blank page with PouchDB's own browser build from npm (pouchdb 9's
// dist/pouchdb.min.js: core, the IndexedDB adapter "idb", HTTP and replication; the indexeddb plugin
// beside it), so the browser's PouchDB reaches the server without a CORS preflight on every request.
//   node bench/laptop-sync/pouch-server.mjs /tmp/folder   → "PouchDB city listening on <port>"
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from '../support.mjs';

const require = createRequire(import.meta.url);
const express = require('express');
const expressPouchDB = require('express-pouchdb');
const PouchDB = require('pouchdb');

const [folder = ''] = process.argv.slice(2);
const ServerPouch = PouchDB.defaults({ adapter: 'leveldb', prefix: `${folder}/` });
const POUCH_DIST = join(REPO, 'node_modules', 'pouchdb', 'dist');

const PAGE = [
  '<!doctype html><meta charset="utf-8"><title>PouchDB laptop</title>',
  '<script src="/bench-pouch/pouchdb.min.js"></script>',
  '<script src="/bench-pouch/pouchdb.indexeddb.min.js"></script>',
].join('\n');

const app = express();
app.get('/bench-pouch/laptop.html', (_request, response) => response.type('html').send(PAGE));
app.get('/bench-pouch/:file', (request, response) => {
  const file = request.params.file;
  if (file !== 'pouchdb.min.js' && file !== 'pouchdb.indexeddb.min.js') return response.sendStatus(404);
  return response.type('js').sendFile(join(POUCH_DIST, file));
});
app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB' }));
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`PouchDB city listening on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// The peer's server, as a child process: express-pouchdb 4 (the CouchDB HTTP API of PouchDB Server)
// on Express 4 on loopback, its databases on PouchDB's LevelDB adapter in a folder (argument "leveldb
// <folder>", what PouchDB Server uses by default) or in memory ("memory"). Mode "minimumForPouchDB":
// the routes replication needs, no config or log files.
//   node bench/sync-server/pouchdb-server.mjs leveldb /tmp/folder   → "PouchDB peer listening on <port>"
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const express = require('express');
const expressPouchDB = require('express-pouchdb');
const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));

const [adapter = 'leveldb', folder = ''] = process.argv.slice(2);
const ServerPouch =
  adapter === 'memory'
    ? PouchDB.defaults({ adapter: 'memory' })
    : PouchDB.defaults({ adapter: 'leveldb', prefix: `${folder}/` });

const app = express();
app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB' }));
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`PouchDB peer listening on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

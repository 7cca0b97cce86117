// Target 1, against a peer: the same records pushed from a laptop to the server in batches, then a
// fresh device's initial pull — PouchDB 9 into express-pouchdb 4, and Ducha's server on each database
// with the reference laptop (push; then snapshot + pull for the new laptop). Ducha ≥ 3× PouchDB's
// records per second, for the push and for the initial pull, on each database. Runs alternate which
// side goes first; each run starts every server afresh.
import { median } from '../support.mjs';
import { cpuLine, cpuMeter } from './cpu.mjs';
import { DuchaCity } from './ducha-city.mjs';
import { pouchRun } from './pouchdb-peer.mjs';
import { count, rateOf, timeOf, verdict } from './report.mjs';
import {
  asDocuments,
  documentBytes,
  editOnLaptop,
  FIELDS_PER_RECORD,
  payloadBytes,
  unitRecords,
} from './workload.mjs';

export const PEER_TARGET = 3;
const TEAM = 'team-peer';

/** One Ducha run on `backend`: push the records' operations, then a new laptop's snapshot + pull. */
async function duchaRun(kit, backend, records, batchSize, pushesInFlight) {
  const city = await DuchaCity.start(kit, backend, { teams: [TEAM], label: 'peer' });
  try {
    const laptop = await city.laptop(TEAM, 'pushing laptop', { pushBatch: batchSize, pushesInFlight });
    const newLaptop = await city.laptop(TEAM, 'new laptop');
    editOnLaptop(laptop, records);
    const operations = laptop.outbox.size;
    const meter = () => cpuMeter({ serverPid: city.serverPid, databaseName: backend.postgres?.name });

    let cpu = meter();
    const pushStarted = performance.now();
    const acknowledged = await laptop.push();
    const pushMs = performance.now() - pushStarted;
    const pushCpu = cpu();

    cpu = meter();
    const pullStarted = performance.now();
    await newLaptop.startFromSnapshot();
    await newLaptop.pull();
    const pullMs = performance.now() - pullStarted;
    const pullCpu = cpu();

    if (acknowledged !== operations || laptop.refused.size > 0) {
      throw new Error(
        `Ducha push: ${operations} operations, ${acknowledged} acknowledged, ${laptop.refused.size} refused`,
      );
    }
    if (newLaptop.rows.size !== records.length || newLaptop.stateText() !== laptop.stateText()) {
      throw new Error(
        `Ducha initial pull: ${newLaptop.rows.size} of ${records.length} records, or not the same state`,
      );
    }
    return { pushMs, pullMs, pushCpu, pullCpu, operations };
  } finally {
    await city.remove();
  }
}

export async function againstPeer({ kit, backends, settings, say }) {
  const records = unitRecords(settings.records, 'unit');
  const documents = asDocuments(records);
  const sides = ['PouchDB', ...backends.map((b) => b.name)];
  const results = Object.fromEntries(
    sides.map((side) => [side, { push: [], pull: [], pushCpu: [], pullCpu: [] }]),
  );
  let operations = 0;

  for (let run = 0; run < settings.runs; run += 1) {
    // Alternate the order, so a machine that slows down over time does not favour one side.
    const order = run % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      say(`against a peer: run ${run + 1} of ${settings.runs}, ${side}`);
      const result =
        side === 'PouchDB'
          ? await pouchRun(documents, { batchSize: settings.pushBatch, serverAdapter: settings.pouchServer })
          : await duchaRun(
              kit,
              backends.find((b) => b.name === side),
              records,
              settings.duchaBatch,
              settings.pushesInFlight,
            );
      for (const key of ['push', 'pull']) {
        results[side][key].push(result[`${key}Ms`]);
        results[side][`${key}Cpu`].push(result[`${key}Cpu`]);
      }
      operations = result.operations ?? operations;
    }
  }

  const n = records.length;
  console.log('');
  console.log('1. Against a peer: PouchDB 9 (memory adapter) → express-pouchdb 4 on loopback');
  console.log(
    `   ${count(n)} records: unit records (责任单位) of ${FIELDS_PER_RECORD} fields, ${documentBytes(records)} B as a PouchDB ` +
      `document, ${count(payloadBytes(records) / n)} B of field JSON each (${count(payloadBytes(records))} B in all, the same on both sides).`,
  );
  console.log(
    `   PouchDB: ${count(n)} documents, replication batch_size ${settings.pushBatch} both ways, its server's databases ` +
      `on ${settings.pouchServer === 'memory' ? 'the memory adapter' : 'LevelDB in a temporary folder'}. Ducha: ${count(operations)} ` +
      `operations (one per field), pushes of ${settings.duchaBatch} operations (${count(Math.ceil(operations / settings.duchaBatch))} ` +
      `requests); the new laptop takes the snapshot, then pulls from its cursor. Both laptops in this process, each server in its own.`,
  );
  console.log(
    `   Speeds in records per second at the median time; ${settings.runs} run(s), median (min–max).`,
  );
  for (const phase of ['push', 'pull']) {
    const title = phase === 'push' ? 'push' : 'initial pull';
    const base = results.PouchDB[phase];
    console.log(`   ${title}:`);
    console.log(`     PouchDB              ${timeOf(base)}, ${rateOf(n, base, 'records')}`);
    console.log(`       ${cpuLine(results.PouchDB[`${phase}Cpu`], median)}`);
    for (const backend of backends) {
      const ours = results[backend.name][phase];
      const ratio = median(base) / median(ours);
      console.log(
        `     Ducha on ${backend.name.padEnd(11)} ${timeOf(ours)}, ${rateOf(n, ours, 'records')} ` +
          `(${rateOf(operations, ours, 'operations')}) → ${verdict(`${title}, ${backend.name}, vs PouchDB`, ratio, PEER_TARGET)}`,
      );
      console.log(`       ${cpuLine(results[backend.name][`${phase}Cpu`], median)}`);
    }
  }
}

// Target 2, against the database itself: operations pushed over HTTP by the reference laptop, in
// pushes of the protocol's largest batch, vs the same rows (read back from what the server wrote)
// inserted directly in one transaction: ratio = bare time / Ducha's time ≥ 0.5, on each database.
import { median } from '../support.mjs';
import { cpuLine, cpuMeter } from './cpu.mjs';
import { barePostgres, bareSqlite, LOG_TABLES, readWrittenRows } from './bare-database.mjs';
import { DuchaCity } from './ducha-city.mjs';
import { count, rateOf, timeOf, verdict } from './report.mjs';
import { editOnLaptop, FIELDS_PER_RECORD, unitRecords } from './workload.mjs';

export const DATABASE_TARGET = 0.5;
const TEAM = 'team-db';

async function duchaRun(kit, backend, records, batchSize, pushesInFlight) {
  const city = await DuchaCity.start(kit, backend, { teams: [TEAM], label: 'db' });
  try {
    const laptop = await city.laptop(TEAM, 'pushing laptop', { pushBatch: batchSize, pushesInFlight });
    editOnLaptop(laptop, records);
    const operations = laptop.outbox.size;
    const cpu = cpuMeter({ serverPid: city.serverPid, databaseName: backend.postgres?.name });
    const started = performance.now();
    const acknowledged = await laptop.push();
    const pushMs = performance.now() - started;
    const pushCpu = cpu();
    if (acknowledged !== operations || laptop.refused.size > 0) {
      throw new Error(
        `Ducha push: ${operations} operations, ${acknowledged} acknowledged, ${laptop.refused.size} refused`,
      );
    }
    await city.stop();
    const rows = await readWrittenRows(city, backend.postgres);
    if (rows.operations.length !== operations)
      throw new Error(`the server holds ${rows.operations.length} of ${operations}`);
    return { pushMs, pushCpu, rows, operations };
  } finally {
    await city.remove();
  }
}

export async function againstDatabase({ kit, backends, settings, say }) {
  const records = unitRecords(Math.ceil(settings.databaseOperations / FIELDS_PER_RECORD), 'unit');
  const batchSize = settings.databaseBatch ?? kit.PUSH_MAX_OPERATIONS;
  const lines = [];
  for (const backend of backends) {
    const ours = [];
    const oursCpu = [];
    const bare = [];
    let written = null;
    for (let run = 0; run < settings.runs; run += 1) {
      say(`against the database: run ${run + 1} of ${settings.runs}, ${backend.name}`);
      const result = await duchaRun(kit, backend, records, batchSize, settings.pushesInFlight);
      ours.push(result.pushMs);
      oursCpu.push(result.pushCpu);
      written = result.rows;
      bare.push(
        backend.name === 'SQLite'
          ? bareSqlite(kit, result.rows)
          : await barePostgres(kit, result.rows, backend.postgres),
      );
    }
    const operations = written.operations.length;
    const ratio = median(bare) / median(ours);
    lines.push(
      `   ${backend.name}: rows written ${LOG_TABLES.map((t) => `${t} ${count(written[t].length)}`).join(', ')}`,
      `     Ducha over HTTP   ${timeOf(ours)}, ${rateOf(operations, ours, 'operations')}`,
      `       ${cpuLine(oursCpu, median)}`,
      `     bare ${backend.name === 'SQLite' ? 'better-sqlite3, one transaction' : 'multi-row INSERTs, one transaction'}  ${timeOf(bare)}, ${rateOf(operations, bare, 'operations')}`,
      `     → ${verdict(`${count(operations)} operations over HTTP vs bare inserts, ${backend.name}`, ratio, DATABASE_TARGET)}`,
    );
  }
  console.log('');
  console.log('2. Against the database itself');
  console.log(
    `   ${count(records.length * FIELDS_PER_RECORD)} operations (${count(records.length)} unit records × ${FIELDS_PER_RECORD} fields) ` +
      `pushed by one laptop in pushes of ${batchSize}, vs the rows the server wrote for them (read back after it stopped) ` +
      `inserted into an empty database of the same schema in one transaction. ${settings.runs} run(s), median (min–max).`,
  );
  for (const line of lines) console.log(line);
}

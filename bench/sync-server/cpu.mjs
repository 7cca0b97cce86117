// Where a timed phase's CPU went: the server's process, this process (the laptops: the reference
// client, or PouchDB's), and PostgreSQL's backends serving the bench's database. On a shared 2-core
// machine it says whether a side waited on its server, on its client, or on the database.
import { readFileSync } from 'node:fs';
import { cpuSeconds } from '../cpu-time.mjs';

const cmdlineHas = (pid, text) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);

/** Starts measuring; the returned function gives the CPU seconds used since, by part. */
export function cpuMeter({ serverPid, databaseName = null }) {
  const read = () => {
    const own = process.cpuUsage();
    return {
      server: cpuSeconds((pid) => pid === serverPid).total,
      laptop: (own.user + own.system) / 1e6,
      database: databaseName ? cpuSeconds((pid) => cmdlineHas(pid, databaseName)).total : Number.NaN,
    };
  };
  const before = read();
  return () => {
    const after = read();
    return {
      server: after.server - before.server,
      laptop: after.laptop - before.laptop,
      database: after.database - before.database,
    };
  };
}

/** "CPU (medians): server 1.20 s, laptop 0.40 s, PostgreSQL 0.80 s". */
export function cpuLine(samples, median) {
  const part = (key) => median(samples.map((s) => s[key]));
  const text = [`server ${part('server').toFixed(2)} s`, `laptop ${part('laptop').toFixed(2)} s`];
  if (samples.every((s) => Number.isFinite(s.database)))
    text.push(`PostgreSQL ${part('database').toFixed(2)} s`);
  return `CPU (medians): ${text.join(', ')}`;
}

// CPU time of process trees (Linux /proc), for the benchmarks that report where their CPU went: other
// work on a shared machine moves wall-clock times much more than the CPU a run itself used.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(out.stdout?.trim()) || 100;
})();

/** What kind of Chromium process a command line is: browser, renderer, GPU, or a utility's name. */
export function processKind(args) {
  const type = args.find((a) => a.startsWith('--type='))?.slice(7);
  if (!type) return 'browser';
  if (type === 'zygote') return 'renderer'; // zygotes only fork renderers; an exited one's time is counted here
  if (type === 'gpu-process') return 'GPU';
  if (type !== 'utility') return type;
  const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? 'utility';
  return sub.replace(/\.mojom\.\w+$/, '').replace(/^.*\./, '');
}

/**
 * CPU seconds used so far (user + system, children that exited included) by the processes `isRoot`
 * picks and their descendants, in all and by kind of Chromium process; total NaN off Linux.
 */
export function cpuSeconds(isRoot) {
  const byKind = {};
  if (process.platform !== 'linux') return { total: Number.NaN, byKind };
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), {
        ppid: Number(f[1]),
        ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
      });
    } catch {
      // gone meanwhile
    }
  }
  const roots = new Set();
  for (const pid of stats.keys()) {
    try {
      if (isRoot(pid)) roots.add(pid);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  for (const [pid, stat] of stats) {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = stats.get(p)?.ppid ?? 0, hops += 1) {
      if (!roots.has(p)) continue;
      let kind = 'other';
      try {
        kind = processKind(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/));
      } catch {
        // gone meanwhile
      }
      byKind[kind] = (byKind[kind] ?? 0) + stat.ticks / CLOCK_TICKS;
      total += stat.ticks / CLOCK_TICKS;
      break;
    }
  }
  return { total, byKind };
}

/** The browser process of a Chromium profile (Chromium rewrites its children's command lines). */
export const chromiumOf = (profile) => (pid) => {
  const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  return line.includes(`--user-data-dir=${profile} `) && !line.includes(' --type=');
};

/** The browser host serving a data folder. */
export const hostOf = (home) => (pid) =>
  readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DUCHA_HOME=${home}`);

/** The CPU seconds between two readings of cpuSeconds, in all and by kind. */
export const cpuBetween = (before, after) => ({
  total: after.total - before.total,
  byKind: Object.fromEntries(Object.entries(after.byKind).map(([k, v]) => [k, v - (before.byKind[k] ?? 0)])),
});

// How the sync-server bench prints: times as medians with their range, speeds, ratios against the
// baseline of the same run with "met" or "MISSED", and the list of verdicts for the closing summary.
import { median } from '../support.mjs';

export const count = (n) => Math.round(n).toLocaleString('en-US');
export const seconds = (msValue) =>
  msValue >= 10_000
    ? `${(msValue / 1000).toFixed(1)} s`
    : msValue >= 1000
      ? `${(msValue / 1000).toFixed(2)} s`
      : `${msValue.toFixed(0)} ms`;
/** "1.62 s (1.55–1.80 s)": the median and the range of a list of times in ms. */
export const timeOf = (times) =>
  times.length === 1
    ? seconds(times[0])
    : `${seconds(median(times))} (${seconds(Math.min(...times))}–${seconds(Math.max(...times))})`;
/** "12,345 records/s": items per second at the median time. */
export const rateOf = (items, times, unit) => `${count(items / (median(times) / 1000))} ${unit}/s`;
export const megabytes = (bytes) => `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;

/** Every target's verdict, in the order printed, for the summary at the end. */
export const verdicts = [];

/** Records and returns "ratio 3.57 (target ≥ 3) — met". */
export function verdict(label, ratio, target) {
  const met = Number.isFinite(ratio) && ratio >= target;
  verdicts.push({ label, ratio, target, met });
  return `ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'} (target ≥ ${target}) — ${met ? 'met' : 'MISSED'}`;
}

// Calendar arithmetic in China time. The inspectors write China dates (UTC+8, no daylight saving since
// 1991), records store UTC instants; converting by a fixed offset keeps the generator independent of
// the machine's time zone, so the same options give the same data anywhere.

export const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws on a malformed or impossible date. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${date}`);
  }
  return ms / DAY_MS;
}

/** YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The UTC instant (ms) of a China wall-clock time `minuteOfDay` minutes after midnight on `day`. */
export function chinaMs(day: number, minuteOfDay: number): number {
  return day * DAY_MS + minuteOfDay * 60_000 - CHINA_OFFSET_MS;
}

/** The China calendar day (day number) an instant falls on. */
export function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** ISO 8601 in UTC with milliseconds, as records store instants. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** China wall-clock fields of an instant: "YYYY-MM-DD", "HH:MM", "HH:MM:SS". */
export function chinaWallClock(ms: number): { date: string; hhmm: string; hhmmss: string } {
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), hhmm: iso.slice(11, 16), hhmmss: iso.slice(11, 19) };
}

// Office hours, 08:30–18:00 China time: lifecycle steps are spread over working time, not the clock.
const WORK_START = 8 * 60 + 30;
const WORK_MINUTES = 9 * 60 + 30;

/** Minutes of office time since the epoch up to an instant (times outside hours clamp to the edges). */
export function workingMinutes(ms: number): number {
  const day = chinaDay(ms);
  const minute = (ms - chinaMs(day, 0)) / 60_000;
  return day * WORK_MINUTES + Math.min(WORK_MINUTES, Math.max(0, minute - WORK_START));
}

/** The instant at which `workingMinutes` reaches w (the inverse, within office hours). */
export function fromWorkingMinutes(w: number): number {
  const day = Math.floor(w / WORK_MINUTES);
  return chinaMs(day, WORK_START + (w - day * WORK_MINUTES));
}

/** A China date written the Chinese way: 2026年3月14日. */
export function chineseDate(date: string): string {
  const [y = '', m = '', d = ''] = date.split('-');
  return `${y}年${String(Number(m))}月${String(Number(d))}日`;
}

/**
 * Memoizes a formatter of numbers (instants, day numbers). Large samples format 10^6 instants that fall
 * on far fewer distinct minutes; reusing the strings saves time and, since records then share them,
 * memory.
 */
export function memoized<T>(format: (n: number) => T): (n: number) => T {
  const cache = new Map<number, T>();
  return (n) => {
    let out = cache.get(n);
    if (out === undefined) {
      out = format(n);
      cache.set(n, out);
    }
    return out;
  };
}

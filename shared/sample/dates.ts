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

// Calendar dates as the supervision office counts them: in China Standard Time unless a zone is chosen.
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

// Building an Intl.DateTimeFormat costs about half a millisecond, formatting with one a few microseconds:
// the issue list's date filters call localDate once per issue, so one formatter is kept per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: number, timeZone: string = CHINA_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a calendar date (YYYY-MM-DD). Counted with Date.UTC so that no time zone
 * or daylight-saving change of the machine can move a day. Throws RangeError on a malformed or
 * impossible date (2026-02-30).
 */
export function dayNumber(date: string): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` after a YYYY-MM-DD date (before, when negative), counted in UTC so no zone shifts it. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

// Day and month boundaries in the office's time zone as instants. With them, "was it closed by the end of
// its deadline day?" and "which month was it found in?" become comparisons of ISO strings, instead of a
// time-zone conversion per issue: formatting an instant in a zone (Intl) costs microseconds, which over
// 200,000 issues adds up to a good part of what reading them costs.
import { addDays, dayNumber, localDate } from '../domain/dates';

/** An instant that starts a day or a month, in milliseconds and in the ISO form the rows use. */
export interface Boundary {
  readonly ms: number;
  readonly iso: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Per zone, how far the last day found started before midnight UTC: the next guess. */
const lastLead = new Map<string, number>();

/**
 * The first instant of a calendar day in a zone. The zone's last known offset gives a guess, checked
 * with two conversions (the guess is on the day, the instant before it is not); when the offset has
 * changed in between, bisection between 16 hours before and 14 hours after midnight UTC (zones lie
 * within −12 h and +14 h) finds it, so it holds for any zone and any daylight-saving change, including
 * days that do not start at 00:00.
 */
export function startOfZoneDay(date: string, timeZone: string): number {
  const midnightUtc = dayNumber(date) * DAY_MS; // throws RangeError on what is not a date
  const lead = lastLead.get(timeZone);
  if (lead !== undefined) {
    const guess = midnightUtc - lead;
    if (localDate(guess, timeZone) >= date && localDate(guess - 1, timeZone) < date) return guess;
  }
  let before = midnightUtc - 16 * HOUR_MS; // still the day before, in every zone
  let from = midnightUtc + 14 * HOUR_MS; // already the day, in every zone
  while (from - before > 1) {
    const mid = Math.floor((before + from) / 2);
    if (localDate(mid, timeZone) >= date) from = mid;
    else before = mid;
  }
  lastLead.set(timeZone, midnightUtc - from);
  return from;
}

export const boundaryAt = (ms: number): Boundary => ({ ms, iso: new Date(ms).toISOString() });

/**
 * Whether an instant is written as stored instants are: ISO 8601 in UTC with seconds
 * (`2026-05-01T03:00:00Z`, any fraction). Such instants sort as text exactly as in time against a
 * boundary on a whole second written with `.000Z`.
 */
export function isStoredForm(instant: string): boolean {
  const mark = instant.charCodeAt(19);
  return (
    instant.length >= 20 &&
    instant.charCodeAt(10) === 84 /* T */ &&
    (mark === 90 /* Z */ || mark === 46) /* . */ &&
    instant.charCodeAt(instant.length - 1) === 90
  );
}

/** Whether an instant lies before a boundary: compared as text when it can be, else by parsing it. */
export function isBefore(instant: string, boundary: Boundary): boolean {
  if (boundary.ms % 1000 === 0 && isStoredForm(instant)) return instant < boundary.iso;
  return Date.parse(instant) < boundary.ms;
}

/** The first instant of the day after `date`, in a zone: an instant before it falls on `date` or earlier. */
export function endOfZoneDay(date: string, timeZone: string): Boundary {
  return boundaryAt(startOfZoneDay(addDays(date, 1), timeZone));
}

// An instant as the supervision office reads it: its local date and time in the team's time zone (the
// one chosen in Settings, China Standard Time by default), written the same way in both languages —
// 2026-12-07 07:22 — as the dates of the forms (2026-12-07) are.
import { usePreferences } from '../stores/preferences';
import type { Language } from '../i18n';

// One formatter per zone: building one costs far more than formatting with it.
const formats = new Map<string, Intl.DateTimeFormat>();

function partsOf(date: Date, timeZone: string): Record<string, string> {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The team's time zone, as chosen in Settings. */
export const teamTimeZone = (): string => usePreferences.getState().timeZone;

/** "2026-12-07 07:22" in the team's time zone; the same in both languages. */
export function formatInstant(iso: string, _language?: Language, timeZone: string = teamTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-12-07": the date of an instant in the team's time zone. */
export function formatInstantDate(iso: string, timeZone: string = teamTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2026-12-07 072235": an instant in the team's time zone for a file or folder name (no colons). */
export function formatInstantStamp(iso: string, timeZone: string = teamTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}${p.minute}${p.second}`;
}

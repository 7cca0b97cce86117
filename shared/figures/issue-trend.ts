// 问题趋势: issues found and issues closed per month over the last twelve months, months as the office
// counts them (in its time zone). Found is the day the issue was recorded (foundOn), closed the day of
// its closedAt; both are placed by comparing the instant with the months' first instants, not by
// converting every instant into a day.
import type { Issue } from '../domain/issue';
import type { FigureOptions, IssueTally } from './rectification';
import { type Boundary, boundaryAt, isBefore, isStoredForm, startOfZoneDay } from './zone-days';

export const TREND_MONTHS = 12;

type TrendIssue = Pick<Issue, 'createdAt' | 'closedAt' | 'status'>;

export interface TrendMonth {
  /** YYYY-MM */
  month: string;
  /** The month's first and last day, YYYY-MM-DD: the list's date filters for the month. */
  firstDay: string;
  lastDay: string;
  found: number;
  closed: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The `count` months ending with today's, oldest first, and the month after them (whose first instant
 * ends the last), as [year, month (1–12)].
 */
function monthsUpTo(today: string, count: number): [number, number][] {
  const current = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count + 1 }, (_, i) => {
    const index = current - (count - 1) + i;
    return [Math.floor(index / 12), (index % 12) + 1];
  });
}

const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Which month (index) an instant falls in, or −1 when outside them; `starts` has one more than months.
 * An instant in the stored form is compared as text with the starts (all on whole seconds in any real
 * zone); anything else through isBefore.
 */
function monthIndex(instant: string, starts: readonly Boundary[], isos: readonly string[] | null): number {
  const last = starts.length - 1;
  if (isos !== null && isStoredForm(instant)) {
    if (instant < (isos[0] as string) || !(instant < (isos[last] as string))) return -1;
    let lo = 0; // isos[lo] <= instant
    let hi = last; // instant < isos[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (instant < (isos[mid] as string)) hi = mid;
      else lo = mid;
    }
    return lo;
  }
  for (let i = last - 1; i >= 0; i--) {
    if (!isBefore(instant, starts[i] as Boundary))
      return isBefore(instant, starts[i + 1] as Boundary) ? i : -1;
  }
  return -1;
}

export function trendTally(
  { today, timeZone }: FigureOptions,
  months: number = TREND_MONTHS,
): IssueTally<TrendMonth[], TrendIssue> {
  const spans = monthsUpTo(today, months);
  const starts = spans.map(([y, m]) => boundaryAt(startOfZoneDay(`${y}-${pad(m)}-01`, timeZone)));
  // Text comparison needs every start on a whole second (see isBefore).
  const isos = starts.every((b) => b.ms % 1000 === 0) ? starts.map((b) => b.iso) : null;
  const out: TrendMonth[] = spans.slice(0, months).map(([y, m]) => ({
    month: `${y}-${pad(m)}`,
    firstDay: `${y}-${pad(m)}-01`,
    lastDay: `${y}-${pad(m)}-${pad(lastDayOf(y, m))}`,
    found: 0,
    closed: 0,
  }));
  return {
    add: (issue) => {
      const found = out[monthIndex(issue.createdAt, starts, isos)];
      if (found) found.found += 1;
      if (issue.status === 'closed' && issue.closedAt !== null) {
        const closed = out[monthIndex(issue.closedAt, starts, isos)];
        if (closed) closed.closed += 1;
      }
    },
    result: () => out.map((m) => ({ ...m })),
  };
}

/** Found and closed per month for the last `months` months, today's month last. */
export function issueTrend(
  issues: Iterable<TrendIssue>,
  options: FigureOptions,
  months: number = TREND_MONTHS,
): TrendMonth[] {
  const tally = trendTally(options, months);
  for (const issue of issues) tally.add(issue);
  return tally.result();
}

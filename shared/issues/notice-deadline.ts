// The 整改时限 a rectification notice may order: never a day already past (before today in the team's
// time zone), and not sooner than the team's minimum number of days unless a reason is stated. One
// rule for the issue page's step, the Reports page and the repository that writes the notice.
import { addDays, daysBetween } from '../domain/dates';

export type NoticeDeadlineRefusal =
  | 'deadlinePast' // the deadline is before today
  | 'shortDeadlineReasonRequired'; // sooner than the team's minimum, and no reason given

export interface NoticeDeadlineInput {
  /** The deadline the notice orders (YYYY-MM-DD). */
  deadline: string;
  /** Today in the team's time zone (YYYY-MM-DD). */
  today: string;
  /** Team.minimumDeadlineDays; none (or 0) asks nothing more than "not past". */
  minimumDays?: number | null | undefined;
  /** The stated reason for a deadline sooner than the minimum. */
  shortReason?: string | null | undefined;
}

export type NoticeDeadlineVerdict =
  { ok: true; short: boolean } | { ok: false; refusal: NoticeDeadlineRefusal; earliestWithoutReason: string };

/** Is the deadline one a notice may order? `short` says it needed (and had) a reason. */
export function checkNoticeDeadline(input: NoticeDeadlineInput): NoticeDeadlineVerdict {
  const minimum = Math.max(0, input.minimumDays ?? 0);
  const earliestWithoutReason = addDays(input.today, minimum);
  const days = daysBetween(input.today, input.deadline);
  if (days < 0) return { ok: false, refusal: 'deadlinePast', earliestWithoutReason };
  const short = days < minimum;
  if (short && (input.shortReason ?? '').trim() === '') {
    return { ok: false, refusal: 'shortDeadlineReasonRequired', earliestWithoutReason };
  }
  return { ok: true, short };
}

/** Whether a deadline is sooner than the minimum (and so needs a reason), for the form to ask in time. */
export function isShortDeadline(deadline: string, today: string, minimumDays?: number | null): boolean {
  return daysBetween(today, deadline) < Math.max(0, minimumDays ?? 0);
}
